import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report.js';
import { root } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, read } from '../helpers/site-files.js';
import { readAtom } from '../helpers/xml.js';

/** The sample archive, built in a folder of its own with `extraConfig` appended to its config and `extraPosts` (file name → text) added to its posts. */
async function buildSample(extraConfig = '', extraPosts: Record<string, string> = {}): Promise<{ site: string; report: BuildReport }> {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-feeds-'));
  for (const folder of ['posts', 'templates', 'public']) cpSync(join(root, folder), join(dir, folder), { recursive: true });
  for (const [name, text] of Object.entries(extraPosts)) writeFileSync(join(dir, 'posts', name), text);
  writeFileSync(join(dir, 'gazette.config.yml'), readFileSync(join(root, 'gazette.config.yml'), 'utf8') + extraConfig);
  const result = await runCli(['build', '--out', 'site', '-q', '--report', 'report.json'], dir);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return { site: join(dir, 'site'), report: JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as BuildReport };
}

const origin = 'https://archive.example.org';
const newestFirst = (posts: BuildReport['posts']) => [...posts].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
const absolute = (url: string) => `${origin}${url}`;

describe('the sample site’s feeds', () => {
  let site: string;
  let report: BuildReport;
  beforeAll(async () => ({ site, report } = await buildSample()));

  it('has an Atom and a JSON feed for the site and for every tag and category, each beside its list page', () => {
    const files = listFiles(site);
    const lists = files.filter((f) => f === 'index.html' || /^(tags|categories)\/[^/]+\/index\.html$/.test(f));
    expect(lists.length).toBeGreaterThan(10);
    for (const list of lists) {
      const folder = list.replace(/index\.html$/, '');
      expect(files).toContain(`${folder}feed.xml`);
      expect(files).toContain(`${folder}feed.json`);
    }
    expect(files.filter((f) => /feed\.(xml|json)$/.test(f))).toHaveLength(lists.length * 2);
  });

  it('lists the newest posts first, with the whole article, every link absolute', () => {
    const feed = readAtom(read(site, 'feed.xml'));
    const expected = newestFirst(report.posts).slice(0, 20);
    expect(feed.entries.map((e) => e.id)).toEqual(expected.map((p) => absolute(p.url)));
    for (const [i, entry] of feed.entries.entries()) {
      expect(entry.title).toBe(expected[i]!.title);
      const html = entry.content!.text;
      expect(entry.content!.attributes.type).toBe('html');
      // The article as on its page: its text (the excerpt is its first paragraph) and no relative link.
      const page = read(site, expected[i]!.output.replace(/^site\//, ''));
      const excerpt = [...page.matchAll(/<meta name="description" content="([^"]*)"/g)][0]?.[1];
      const text = (h: string) => decodeHTML(h.replace(/<[^>]+>/g, '')).replace(/\s+/g, '');
      if (excerpt) expect(text(html)).toContain(text(excerpt).replace(/…$/, '').slice(0, 30));
      for (const [, value] of html.matchAll(/ (?:href|src)="([^"]*)"/g)) expect(value).toMatch(/^(https?|mailto):/);
    }
    const json = JSON.parse(read(site, 'feed.json')) as { items: { id: string; content_html: string }[] };
    expect(json.items.map((i) => i.id)).toEqual(feed.entries.map((e) => e.id));
  });

  it('gives each tag and category its own posts, newest first', () => {
    const feeds = listFiles(site).filter((f) => /^(tags|categories)\/[^/]+\/feed\.xml$/.test(f));
    for (const path of feeds) {
      const feed = readAtom(read(site, path));
      // "标签：Hong Kong · 墙外新闻存档 News Archive": the site's title after the term's, labelled in the site's language.
      const name = feed.title.replace(/^(标签|来源)：/, '').replace(/ · 墙外新闻存档 News Archive$/, '');
      const kind = path.startsWith('tags/') ? 'tags' : 'categories';
      const listed = report.posts.filter((p) => p[kind].includes(name));
      expect(listed.length, path).toBeGreaterThan(0);
      expect(feed.links.alternate).toBe(absolute(`/${encodeURI(path.replace(/feed\.xml$/, ''))}`));
      expect(feed.entries.map((e) => e.id)).toEqual(newestFirst(listed).slice(0, 20).map((p) => absolute(p.url)));
    }
  });

  it('gives tag and category feeds excerpts and a link to each page, and the site feed whole articles', () => {
    const termFeeds = listFiles(site).filter((f) => /^(tags|categories)\/[^/]+\/feed\.(xml|json)$/.test(f));
    expect(termFeeds.length).toBeGreaterThan(10);
    for (const path of termFeeds.filter((f) => f.endsWith('.xml'))) {
      for (const entry of readAtom(read(site, path)).entries) {
        expect(entry.content, path).toBeUndefined();
        expect(entry.link).toBe(entry.id);
      }
    }
    for (const path of termFeeds.filter((f) => f.endsWith('.json'))) {
      for (const item of (JSON.parse(read(site, path)) as { items: { content_html: string; summary?: string }[] }).items) {
        // JSON Feed requires content: the excerpt as HTML text, no markup of the article.
        expect(item.content_html, path).not.toMatch(/</);
        expect(item.summary).toBeUndefined();
      }
    }
    expect(readAtom(read(site, 'feed.xml')).entries.every((e) => e.content !== undefined)).toBe(true);
  });

  it('carries whole articles in tag and category feeds too with feed.term_feeds_full', async () => {
    const { site: full } = await buildSample('feed:\n  term_feeds_full: true\n');
    const termFeeds = listFiles(full).filter((f) => /^(tags|categories)\/[^/]+\/feed\.xml$/.test(f));
    // The same article as in the site's feed.
    const articles = new Map(readAtom(read(full, 'feed.xml')).entries.map((e) => [e.id, e.content!.text]));
    for (const path of termFeeds) {
      for (const entry of readAtom(read(full, path)).entries) {
        expect(entry.content?.text, path).toMatch(/<p[\s>]/);
        if (articles.has(entry.id)) expect(entry.content!.text).toBe(articles.get(entry.id));
      }
    }
  });

  it('carries excerpts alone and fewer posts when the config says so (feed.excerpt_only, feed.posts_limit), whatever term_feeds_full says', async () => {
    const { site: short } = await buildSample('feed:\n  excerpt_only: true\n  posts_limit: 3\n  term_feeds_full: true\n');
    const feed = readAtom(read(short, 'feed.xml'));
    expect(feed.entries).toHaveLength(3);
    for (const path of listFiles(short).filter((f) => f.endsWith('feed.xml'))) {
      for (const entry of readAtom(read(short, path)).entries) {
        expect(entry.content).toBeUndefined();
        expect(entry.summary?.text.length).toBeGreaterThan(10);
      }
    }
  });
});

/** A post whose front matter and body hold what breaks XML writers: `<` in a tag and a category, a literal `&amp;`, `]]>` twice. */
const markupPost = `---
title: "Tags ]]> & <i>markup</i> &amp;amp; more"
date: 2025-07-01T08:00:00Z
author: "X <Y> &amp;amp; Z"
tags: ["a<b", 'q"uote & more']
categories: ["c<d"]
---
<p>First ]]> second ]]> third, and a longer paragraph so that it is the excerpt of this post.</p>
<p><img src="https://img.example/x.jpg?a=1&b=2" alt="]]> alt ]]>"></p>
`;

describe('feeds of a post with markup in its front matter and body', () => {
  let site: string;
  let report: BuildReport;
  beforeAll(async () => ({ site, report } = await buildSample('feed:\n  term_feeds_full: true\n', { '2025-07-01-markup.md': markupPost })));

  it('are all well-formed XML and JSON, and show the post as written', () => {
    const post = report.posts.find((p) => p.source.endsWith('2025-07-01-markup.md'))!;
    const feeds = listFiles(site).filter((f) => /feed\.(xml|json)$/.test(f));
    const holding: string[] = [];
    for (const path of feeds) {
      if (path.endsWith('.json')) {
        const items = (JSON.parse(read(site, path)) as { items: { id: string }[] }).items;
        if (items.some((i) => i.id === absolute(post.url))) holding.push(path);
        continue;
      }
      // readAtom parses with saxes, a conformant XML parser: it throws on a feed that is not well-formed.
      const feed = readAtom(read(site, path));
      const entry = feed.entries.find((e) => e.id === absolute(post.url));
      if (!entry) continue;
      holding.push(path);
      expect(entry.title).toBe(post.title);
      expect(entry.authors).toEqual(['X <Y> &amp; Z']);
      expect(entry.categories.map((c) => c.term)).toEqual(['a<b', 'q"uote & more', 'c<d']);
      expect(entry.content!.text).toContain('<p>First ]]> second ]]> third');
      expect(entry.content!.text).toContain('alt="]]> alt ]]>"');
    }
    // The site's feed, the feeds of both tags and of the category, each in both formats.
    expect(holding.sort()).toEqual(['categories/c-d/feed.json', 'categories/c-d/feed.xml', 'feed.json', 'feed.xml', 'tags/a-b/feed.json', 'tags/a-b/feed.xml', 'tags/q-uote-more/feed.json', 'tags/q-uote-more/feed.xml']);
    // Titled in the site's language (zh-CN), the tag's name as written.
    expect(readAtom(read(site, 'tags/a-b/feed.xml')).title).toBe('标签：a<b · 墙外新闻存档 News Archive');
  });
});

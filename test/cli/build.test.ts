import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report.js';
import { loadConfig } from '../../src/config.js';
import { hashOf } from '../../src/cache/build-state.js';
import { root } from '../helpers/paths.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { brokenReferences, listFiles, read, texts } from '../helpers/site-files.js';
import { visibleText } from '../helpers/text.js';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

const work = mkdtempSync(join(tmpdir(), 'gazette-e2e-'));
const site = join(work, 'site');
let result: CliResult;
let report: BuildReport;

const { paginate } = loadConfig(join(root, 'gazette.config.yml'));
const samplePosts = readdirSync(join(root, 'posts')).filter((f) => f.endsWith('.md'));
const unpublished = samplePosts.filter((f) => /^published:\s*false\s*$/m.test(readFileSync(join(root, 'posts', f), 'utf8')));

beforeAll(async () => {
  result = await runCli(['build', '--out', site, '--report', join(work, 'report.json')]);
  report = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')) as BuildReport;
});

describe('gazette build on the sample archive', () => {
  it('builds every published post, exits 0 and ends with a summary line', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(unpublished.length).toBeGreaterThan(0);
    const built = samplePosts.length - unpublished.length;
    expect(result.stdout.trim()).toMatch(new RegExp(`^gazette: ${built} posts, ${report.pages} pages, 0 errors, 0 warnings, ${unpublished.length} skipped posts?, ${report.crossLinks} cross-links?, ${report.dangling} dangling links? in \\d+\\.\\d\\d s$`));
    expect(report.posts).toHaveLength(built);
  });

  it('writes the report as documented', () => {
    const seed = report.posts.find((p) => p.source === 'posts/2024-11-14-biden-xi-meeting-rfa.md');
    expect(seed).toMatchObject({
      source: 'posts/2024-11-14-biden-xi-meeting-rfa.md',
      url: '/2024/11/15/jw-xi-jinping-to-meet-biden-11142024140853/',
      output: relative(root, join(site, '2024/11/15/jw-xi-jinping-to-meet-biden-11142024140853/index.html')),
      title: '拜登"再会"习近平 美中关系困扰何在？',
      date: '2024-11-15T07:37:40.066+08:00',
      tags: ['自由亚洲电台'],
      categories: ['自由亚洲电台'],
      textRetention: 1,
      credit: '责编：何平 网编：洪伟',
      leadImage: {
        src: 'https://www.rfa.org/mandarin/yataibaodao/junshiwaijiao/jw-xi-jinping-to-meet-biden-11142024140853.html/@@images/d752a34f-640b-4f4f-b440-83d186a2f795.jpeg',
        alt: '拜登"再会"习近平　美中关系困扰何在？',
        caption: '2023年11月15日，美国总统拜登与中国领导人习近平在加州费罗丽庄园举行双边会谈。',
      },
    });
    expect(seed!.characters).toBeGreaterThan(1800);
    expect(seed!.readingMinutes).toBeGreaterThanOrEqual(5);
    // Nothing of any sample article is lost.
    expect(report.posts.filter((p) => p.textRetention < 1)).toEqual([]);
    expect(report.skipped).toEqual(unpublished.map((f) => ({ source: `posts/${f}`, reason: 'published: false' })));
    expect(report.errors).toEqual([]);
    expect(report.pages).toBeGreaterThan(report.posts.length);
    expect(typeof report.durationMs).toBe('number');
    for (const post of report.posts) expect(existsSync(join(root, post.output)), post.output).toBe(true);
  });

  it('shows the seed article whole, with its lead image and caption and its figure, and without the echo of its title', () => {
    const page = read(site, '2024/11/15/jw-xi-jinping-to-meet-biden-11142024140853/index.html');
    const seed = { url: '/2024/11/15/jw-xi-jinping-to-meet-biden-11142024140853/', title: '拜登"再会"习近平 美中关系困扰何在？', from: 'https://www.rfa.org/mandarin/yataibaodao/junshiwaijiao/jw-xi-jinping-to-meet-biden-11142024140853.html' };
    expect(texts(page, 'h1')).toEqual(['拜登"再会"习近平 美中关系困扰何在？']);
    expect(texts(page, 'figure > figcaption')).toEqual(['2023年11月15日，美国总统拜登与中国领导人习近平在加州费罗丽庄园举行双边会谈。', '美国总统拜登与中国领导人习近平（法新社）']);
    expect(texts(page, 'a[href="../../../../tags/%E8%87%AA%E7%94%B1%E4%BA%9A%E6%B4%B2%E7%94%B5%E5%8F%B0/"]').length).toBeGreaterThan(0);
    const text = visibleText(page);
    for (const sentence of ['美国白宫日前证实，总统拜登将于本周六与中国领导人习近平在秘鲁举行一对一会晤。', '“过去，习近平因未能妥善处理两国关系而受到党内批评。', '责编：何平网编：洪伟']) {
      expect(text).toContain(sentence.replace(/\s/g, ''));
    }
    expect(page).toContain('datetime="2024-11-15T07:37:40.066+08:00"');
    expect(page).toContain('<link rel="canonical" href="https://archive.example.org/2024/11/15/jw-xi-jinping-to-meet-biden-11142024140853/">');
    expect(page).toContain(
      'href="https://web.archive.org/web/20241115/https://www.rfa.org/mandarin/yataibaodao/junshiwaijiao/jw-xi-jinping-to-meet-biden-11142024140853.html"',
    );
    expect(page).toContain('2024年11月15日');
    // The title's echo (a link heading to the original, `[title](url)` over `------`) is gone: the h1 and the header's link say it.
    const body = fromHtml(page);
    expect(selectAll('.post-body h2', body).map((h) => toString(h))).not.toContain(seed.title);
    expect(selectAll('.post-body a', body).map((a) => String(a.properties.href))).not.toContain(seed.from);
    expect(toString(selectAll('.post-body > *', body)[0]!).trim()).not.toBe(seed.title);
    const entry = report.posts.find((p) => p.url === seed.url)!;
    expect(entry.textRetention).toBe(1);
    // Removed on purpose, not lost: the title's characters as fidelity counts them (拜登再会习近平美中关系困扰何在？: 16; spaces and ASCII quotes are not counted).
    expect(entry.textRemoved).toBe(16);
  });

  it('describes each post page for link previews and search engines: Open Graph, Twitter card, JSON-LD, its language', () => {
    const seed = report.posts.find((p) => p.source === 'posts/2024-11-14-biden-xi-meeting-rfa.md')!;
    const page = read(site, `${seed.url.slice(1)}index.html`);
    const tree = fromHtml(page);
    const meta = (key: string) => selectAll(`meta[property="${key}"], meta[name="${key}"]`, tree).map((m) => String(m.properties.content));
    expect(meta('og:type')).toEqual(['article']);
    expect(meta('og:title')).toEqual([seed.title]);
    expect(meta('og:url')).toEqual([`https://archive.example.org${seed.url}`]);
    expect(meta('og:image')).toEqual([seed.leadImage!.src]);
    expect(meta('twitter:card')).toEqual(['summary_large_image']);
    expect(meta('article:published_time')).toEqual([seed.date]);
    // The JSON-LD and the theme's own script (file-links.js, for pages opened from disk), nothing else.
    const scripts = selectAll('script', tree);
    expect(scripts.map((s) => s.properties.type ?? s.properties.src)).toEqual(['../../../../assets/file-links.js', 'application/ld+json']);
    const article = JSON.parse(toString(scripts[1]!)) as Record<string, unknown>;
    expect(article).toMatchObject({ '@type': 'NewsArticle', headline: seed.title, datePublished: seed.date, isBasedOn: expect.stringMatching(/^https:\/\/www\.rfa\.org\//), image: [seed.leadImage!.src] });
    expect(page).toMatch(/<html lang="zh-CN">/);
    // A post in English says so (lang: en in its front matter), on the page and in its JSON-LD.
    const english = report.posts.find((p) => p.source === 'posts/2021-09-27-harbour-tunnel-tolls-plan.md')!;
    const englishPage = read(site, `${english.url.slice(1)}index.html`);
    expect(englishPage).toMatch(/<html lang="en">/);
    expect(englishPage).toContain('"inLanguage":"en"');
  });

  it('lists posts newest first on a paginated home page', () => {
    const files = listFiles(site);
    const homePages = files.filter((f) => f === 'index.html' || /^page\/\d+\/index\.html$/.test(f));
    expect(homePages.length).toBe(Math.ceil(report.posts.length / paginate));
    const home = read(site, 'index.html');
    const newest = [...report.posts].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
    expect(texts(home, 'main h2 a')).toEqual(newest.slice(0, paginate).map((p) => p.title));
    expect(home).toContain('href="page/2/"');
    expect(read(site, 'page/2/index.html')).toContain('href="../../"');
  });

  it('has a page per year and per month, paginated, newest first, linked from every page and from each post’s date', () => {
    const files = listFiles(site);
    // Every post, by its date in the site's timezone (the date in the report carries its offset).
    const byPeriod = new Map<string, BuildReport['posts']>();
    for (const post of report.posts) {
      for (const period of [post.date.slice(0, 4), `${post.date.slice(0, 4)}/${post.date.slice(5, 7)}`]) byPeriod.set(period, [...(byPeriod.get(period) ?? []), post]);
    }
    expect(byPeriod.size).toBeGreaterThan(8);
    for (const [period, posts] of byPeriod) {
      const pages = files.filter((f) => f === `${period}/index.html` || new RegExp(`^${period}/page/\\d+/index\\.html$`).test(f));
      expect(pages, period).toHaveLength(Math.ceil(posts.length / paginate));
      const listed = pages
        .sort((a, b) => (a.length - b.length) || a.localeCompare(b))
        .flatMap((page) => texts(read(site, page), 'main h2 a'));
      expect(listed, period).toEqual([...posts].sort((a, b) => Date.parse(b.date) - Date.parse(a.date)).map((p) => p.title));
    }
    // The index of years and months, with their counts, is in every page's navigation.
    const index = read(site, 'archive/index.html');
    for (const [period, posts] of byPeriod) expect(index).toMatch(new RegExp(`href="\\.\\./${period}/"><span class="term-name">[^<]+</span> <span class="count">${posts.length}</span>`));
    expect(read(site, 'index.html')).toContain('href="archive/"');
    // A post's date links to its month.
    const seed = report.posts.find((p) => p.source === 'posts/2024-11-14-biden-xi-meeting-rfa.md')!;
    expect(read(site, `${seed.url.slice(1)}index.html`)).toMatch(/<a class="post-date" href="\.\.\/\.\.\/"><time datetime="2024-11-15T07:37:40\.066\+08:00">/);
  });

  it('has an index of tags and of categories, and a paginated page for each', () => {
    const tags = new Set(report.posts.flatMap((p) => p.tags));
    const categories = new Set(report.posts.flatMap((p) => p.categories));
    const tagIndex = read(site, 'tags/index.html');
    const categoryIndex = read(site, 'categories/index.html');
    expect(texts(tagIndex, 'main li a').map((t) => t.replace(/ \d+$/, '')).sort()).toEqual([...tags].sort());
    expect(texts(categoryIndex, 'main li a').map((t) => t.replace(/ \d+$/, '')).sort()).toEqual([...categories].sort());
    const files = listFiles(site);
    expect(files.filter((f) => /^tags\/[^/]+\/index\.html$/.test(f))).toHaveLength(tags.size);
    expect(files.filter((f) => /^categories\/[^/]+\/index\.html$/.test(f))).toHaveLength(categories.size);
    // The largest category has more than a page of posts.
    expect(files.some((f) => /^categories\/[^/]+\/page\/2\/index\.html$/.test(f))).toBe(true);
    const rfa = read(site, `categories/${'自由亚洲电台'}/index.html`);
    expect(texts(rfa, 'main h2 a')).toContain('拜登"再会"习近平 美中关系困扰何在？');
  });

  it('resolves every internal link and asset reference to a file of the output', () => {
    expect(brokenReferences(site)).toEqual([]);
  });

  it('counts cross-links and dangling links per post and in total', () => {
    expect(report.crossLinks).toBe(report.posts.reduce((n, p) => n + p.crossLinks, 0));
    expect(report.crossLinks).toBeGreaterThanOrEqual(6);
    expect(report.dangling).toBe(report.posts.reduce((n, p) => n + p.dangling.length, 0));
    const seed = report.posts.find((p) => p.source === 'posts/2024-11-14-biden-xi-meeting-rfa.md')!;
    // The seed links to two RFA articles the sample archive does not hold.
    expect(seed.dangling).toEqual([
      'https://www.rfa.org/mandarin/Xinwen/jz2-biden-xi-to-meet-on-saturday-in-peru-11132024134652.html',
      'https://www.rfa.org/mandarin/yataibaodao/junshiwaijiao/jj-sullivan-will-visit-china-08232024094806.html',
    ]);
  });

  it('points links between archived articles at the archived copies', () => {
    // The 2025-02-18 RFA post links to the seed's original URL.
    const post = report.posts.find((p) => p.source === 'posts/2025-02-18-us-china-trade-talks-tariffs.md')!;
    const page = readFileSync(join(root, post.output), 'utf8');
    expect(page).toContain('href="../../../../2024/11/15/jw-xi-jinping-to-meet-biden-11142024140853/"');
  });

  it('copies public/ verbatim', () => {
    expect(read(site, 'assets/gazette.css')).toBe(readFileSync(join(root, 'public/assets/gazette.css'), 'utf8'));
  });

  const sameAsSite = (folder: string) => {
    const files = listFiles(site);
    expect(listFiles(folder)).toEqual(files);
    for (const f of files) expect(readFileSync(join(folder, f)).equals(readFileSync(join(site, f))), f).toBe(true);
  };

  it('gives byte-identical output for the same input: without a cache on one thread, or on worker threads', async () => {
    const plain = join(work, 'plain');
    expect((await runCli(['build', '--out', plain, '--quiet', '--no-cache', '--threads', '0'])).code).toBe(0);
    sameAsSite(plain);
    const again = join(work, 'again');
    expect((await runCli(['build', '--out', again, '--quiet', '--threads', '2'])).code).toBe(0);
    sameAsSite(again);
  });

  it('deploys from the cache alone (output folder deleted, as on a fresh CI runner): nothing parsed or transformed again, the same bytes', async () => {
    const deploy = join(work, 'deploy');
    expect((await runCli(['build', '--out', deploy, '--quiet', '--threads', '2'])).code).toBe(0);
    rmSync(deploy, { recursive: true });
    const reportFile = join(work, 'deploy.json');
    expect((await runCli(['build', '--out', deploy, '--quiet', '--threads', '2', '--report', reportFile])).code).toBe(0);
    const { work: done } = JSON.parse(readFileSync(reportFile, 'utf8')) as { work: { postsParsed: number; articlesTransformed: number; pagesRendered: number } };
    expect(done).toMatchObject({ postsParsed: 0, articlesTransformed: 0 });
    expect(done.pagesRendered).toBeGreaterThan(report.posts.length);
    sameAsSite(deploy);
    // The search index was not made again: its term shards are the cache's copy (search-copy.ts), linked.
    const copy = join(root, '.cache/gazette/search', hashOf(deploy).slice(0, 32), 'data');
    // (The sample archive is smaller than a block: its postings are all in the newest segment, n/.)
    const shards = listFiles(join(deploy, 'search/data')).filter((file) => /^[tn]\//.test(file));
    expect(shards).toContain('n/0.json');
    for (const file of shards) expect(statSync(join(deploy, 'search/data', file)).ino, file).toBe(statSync(join(copy, file)).ino);
  });
});

describe('gazette build with bad input', () => {
  it('builds the good posts, prints path:line: message for the bad ones and exits 1', async () => {
    const out = join(work, 'bad-site');
    const r = await runCli(['build', '--posts', 'test/fixtures/load', '--out', out, '--report', join(work, 'bad.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('test/fixtures/load/2021-05-06-bad-date.md:3: \'date\' is not a date gazette can read: "someday soon"');
    expect(r.stderr).toContain('test/fixtures/load/no-date.md:1: the post has no date');
    expect(r.stderr).toMatch(/test\/fixtures\/load\/js-front-matter\.md:1: front matter in 'js' is refused/);
    expect(r.stderr).toMatch(/test\/fixtures\/load\/bad-yaml\.md:\d: invalid YAML/);
    expect(r.stdout).toMatch(/gazette: \d+ posts, \d+ pages, 4 errors/);
    const bad = JSON.parse(readFileSync(join(work, 'bad.json'), 'utf8')) as BuildReport;
    expect(bad.errors.map((e) => e.source).sort()).toEqual(
      ['bad-yaml.md', 'js-front-matter.md', '2021-05-06-bad-date.md', 'no-date.md'].map((f) => `test/fixtures/load/${f}`).sort(),
    );
    expect(existsSync(join(out, '2020/01/02/rd-spending-rises/index.html'))).toBe(true);
  });

  it('decodes GB18030 and Big5 posts into UTF-8 pages, with a warning, and refuses undecodable bytes', async () => {
    const out = join(work, 'encodings');
    const r = await runCli(['build', '--posts', 'test/fixtures/encodings', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('test/fixtures/encodings/2024-01-02-gb18030.md: warning: read as GB18030, not UTF-8');
    expect(r.stderr).toContain('test/fixtures/encodings/2024-01-03-big5.md: warning: read as BIG5, not UTF-8');
    expect(r.stderr).toContain('test/fixtures/encodings/2024-01-04-garbage.md: the file is not valid UTF-8, GB18030/GBK or Big5 text');
    const gb = '2024/01/02/gb18030/index.html';
    expect(texts(read(out, gb), 'h1')).toEqual(['美国白宫日前证实']);
    expect(read(out, gb)).toContain('总统拜登将于本周六');
    const big5 = '2024/01/02/big5/index.html';
    expect(texts(read(out, big5), 'h1')).toEqual(['香港資訊並不自由']);
    const bom = '2024/01/05/bom-crlf/index.html';
    expect(texts(read(out, bom), 'h1')).toEqual(['BOM and CRLF']);
  });

  it('exits 2 and builds nothing when the posts folder is missing, leaving the previous site in place', async () => {
    const r = await runCli(['build', '--posts', 'no/such/folder', '--out', site]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('gazette: posts folder not found: no/such/folder');
    expect(existsSync(join(site, 'index.html'))).toBe(true);
  });

  it('exits 2 naming the key when the config is invalid', async () => {
    const r = await runCli(['build', '--config', 'test/fixtures/config/bad.yml', '--out', join(work, 'never')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("test/fixtures/config/bad.yml: key 'timezone' must be an IANA time zone name");
    expect(existsSync(join(work, 'never'))).toBe(false);
  });

  it('exits 2 on a template syntax error, naming the template and line', async () => {
    const r = await runCli(['build', '--templates', 'test/fixtures/broken-templates', '--out', join(work, 'never')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/test\/fixtures\/broken-templates\/post\.njk:3: /);
  });

  it('exits 2 on a syntax error in an optional template too (the date archives’), naming it and its line', async () => {
    const templates = join(work, 'broken-archive-templates');
    cpSync(join(root, 'templates'), templates, { recursive: true });
    writeFileSync(join(templates, 'archive.njk'), '{% extends "base.njk" %}\n{% block main %}\n{% if %}\n{% endblock %}\n');
    const r = await runCli(['build', '--templates', templates, '--out', join(work, 'never')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken-archive-templates\/archive\.njk:3: /);
  });

  it('reports a list template that fails while rendering (on worker threads too), naming it and its line, and builds the rest', async () => {
    const templates = join(work, 'failing-tag-templates');
    cpSync(join(root, 'templates'), templates, { recursive: true });
    // Fails for the tag "courts" alone, in the middle of the tags (they are in name order): the
    // pages of the tags before it are made, and those after it, rendered at once on the pool, are not.
    writeFileSync(join(templates, 'tag.njk'), '{% extends "base.njk" %}\n{% block main %}\n{{ term.name }}\n{% if term.name == "courts" %}{{ page.nothing.here() }}{% endif %}\n{% endblock %}\n');
    const out = join(work, 'failing-tag');
    const r = await runCli(['build', '--templates', templates, '--out', out, '--threads', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/failing-tag-templates\/tags\.njk: template .*failing-tag-templates\/tag\.njk:4: Unable to call/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<html');
    expect(existsSync(join(out, 'tags/index.html'))).toBe(true);
    // The list stops at the failing page, on worker threads as on one: no later tag page is left behind.
    const tagPages = (dir: string) => listFiles(dir).filter((f) => /^tags\/[^/]+\/index\.html$/.test(f));
    // (Tags in name order: BBC中文, Hong Kong, The Harbour Times, US-China, courts, …)
    expect(tagPages(out).map((f) => f.split('/')[1]).sort()).toEqual(['bbc中文', 'hong-kong', 'the-harbour-times', 'us-china']);
    const one = join(work, 'failing-tag-one-thread');
    expect((await runCli(['build', '--templates', templates, '--out', one, '--threads', '0', '--no-cache'])).code).toBe(1);
    expect(listFiles(out)).toEqual(listFiles(one));
  });

  it('does not read the output folder as posts when it lies inside the posts folder', async () => {
    const posts = join(work, 'inside');
    mkdirSync(join(posts, 'node_modules/pkg'), { recursive: true });
    writeFileSync(join(posts, '2024-01-01-only.md'), '---\ntitle: Only\n---\nThe only post.\n');
    writeFileSync(join(posts, 'node_modules/pkg/README.md'), '# not a post\n');
    for (let i = 0; i < 2; i++) {
      const r = await runCli(['build', '--posts', posts, '--out', join(posts, '_site'), '--report', join(work, 'inside.json'), '-q']);
      expect(r.code).toBe(0);
      const inside = JSON.parse(readFileSync(join(work, 'inside.json'), 'utf8')) as BuildReport;
      expect(inside.posts.map((p) => p.title)).toEqual(['Only']);
    }
  });

  it('refuses an output folder that holds the posts', async () => {
    const r = await runCli(['build', '--out', '.']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('must not hold any input');
  });

  it('keeps a post whose permalink is a date archive’s URL, leaving that archive page out with a warning', async () => {
    const posts = join(work, 'year-permalink');
    mkdirSync(posts, { recursive: true });
    writeFileSync(join(posts, '2023-05-01-yearly.md'), '---\ntitle: The year in review\npermalink: /:year/\n---\n\nAll of 2023.\n');
    writeFileSync(join(posts, '2023-06-01-june.md'), '---\ntitle: June news\n---\n\nIn June.\n');
    const out = join(work, 'year-permalink-site');
    const result = await runCli(['build', '--posts', posts, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("yearly.md: warning: the year page at 2023/index.html is not made: this post's page is there");
    expect(readFileSync(join(out, '2023/index.html'), 'utf8')).toContain('All of 2023.');
    expect(readFileSync(join(out, '2023/06/index.html'), 'utf8')).toContain('June news');
  });

  it('removes output files that no longer have a source', async () => {
    const out = join(work, 'stale');
    expect((await runCli(['build', '--posts', 'test/fixtures/jekyll-site', '--out', out, '-q'])).code).toBe(0);
    expect(existsSync(join(out, '2022/01/02/nested/index.html'))).toBe(true);
    expect(existsSync(join(out, 'categories/rfa/index.html'))).toBe(true);
    expect((await runCli(['build', '--posts', 'test/fixtures/load', '--out', out, '-q'])).code).toBe(1);
    expect(existsSync(join(out, '2022/01/02/nested/index.html'))).toBe(false);
    expect(existsSync(join(out, 'categories/rfa/index.html'))).toBe(false);
    expect(existsSync(join(out, '2020/01/02/rd-spending-rises/index.html'))).toBe(true);
  });
});

describe('gazette --help', () => {
  it('documents every command and flag', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('build');
    expect(top.stdout).toContain('Exit codes');
    const help = await runCli(['build', '--help']);
    for (const flag of ['--posts', '--out', '--templates', '--public', '--config', '--base-url', '--timezone', '--permalink', '--future', '--threads', '--report', '--quiet']) {
      expect(help.stdout).toContain(flag);
    }
  });
});

import fc from 'fast-check';
import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { defaultSiteConfig, type SiteConfig } from '../../src/config.js';
import { absoluteLinks, renderFeed, type FeedEntry, type FeedJob } from '../../src/render/feeds.js';
import { readAtom as atom, xmlChars } from '../helpers/xml.js';

const config: SiteConfig = { ...defaultSiteConfig, title: '存档 Archive', url: 'https://archive.example.org', baseurl: '/mirror', lang: 'zh-CN' };

const entry = (over: Partial<FeedEntry> = {}): FeedEntry => ({
  source: 'posts/a.md',
  title: '拜登"再会"习近平 <美中> & more',
  url: '/2024/11/15/a/',
  published: '2024-11-15T07:37:40.066+08:00',
  updated: '2024-11-16T08:00:00.000+08:00',
  author: '自由亚洲电台',
  excerpt: 'R&D < 5% of GDP',
  image: 'https://img.example/a.jpg',
  terms: ['香港', 'RFA'],
  ...over,
});
const job = (format: 'atom' | 'json', entries: FeedEntry[], fullContent = true): FeedJob => ({ path: 'tags/香港/feed.' + (format === 'atom' ? 'xml' : 'json'), format, title: '香港 · 存档 Archive', pageUrl: '/tags/%E9%A6%99%E6%B8%AF/', entries, fullContent });
const article = '<p>见<a href="../../../../2019/05/10/b/">另一篇</a>和<a href="#fn1">注</a>。<img src="https://img.example/b.jpg" alt="b"> <a href="https://www.rfa.org/x?a=1&#x26;b=2">原文</a></p>';

describe('renderFeed', () => {
  it('makes a well-formed Atom feed with absolute URLs, titles shown as written, and whole articles', () => {
    const feed = atom(renderFeed(job('atom', [entry()]), config, new Map([['posts/a.md', article]])));
    expect(feed).toMatchObject({ id: 'https://archive.example.org/mirror/tags/%E9%A6%99%E6%B8%AF/', title: '香港 · 存档 Archive', updated: '2024-11-16T00:00:00.000Z' });
    expect(feed.links).toEqual({ alternate: 'https://archive.example.org/mirror/tags/%E9%A6%99%E6%B8%AF/', self: 'https://archive.example.org/mirror/tags/%E9%A6%99%E6%B8%AF/feed.xml' });
    const [e] = feed.entries;
    expect(e).toMatchObject({ id: 'https://archive.example.org/mirror/2024/11/15/a/', title: '拜登"再会"习近平 <美中> & more', link: 'https://archive.example.org/mirror/2024/11/15/a/' });
    expect(decodeHTML(e!.summary!.text)).toBe('R&D < 5% of GDP');
    const content = e!.content!.text;
    expect(content).toContain('href="https://archive.example.org/mirror/2019/05/10/b/"');
    expect(content).toContain('href="https://archive.example.org/mirror/2024/11/15/a/#fn1"');
    expect(content).toContain('href="https://www.rfa.org/x?a=1&#x26;b=2"');
  });

  it('makes a JSON Feed with the same entries, and leaves articles out when the feeds are excerpts only', () => {
    const json = JSON.parse(renderFeed(job('json', [entry(), entry({ source: 'posts/b.md', url: '/2019/05/10/b/', title: 'B' })]), config, new Map([['posts/a.md', article], ['posts/b.md', '<p>b</p>']]))) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(json.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1(\.1)?$/);
    expect(json).toMatchObject({ title: '香港 · 存档 Archive', home_page_url: 'https://archive.example.org/mirror/tags/%E9%A6%99%E6%B8%AF/', feed_url: 'https://archive.example.org/mirror/tags/%E9%A6%99%E6%B8%AF/feed.json' });
    expect(json.items.map((i) => [i.id, i.url, i.title])).toEqual([
      ['https://archive.example.org/mirror/2024/11/15/a/', 'https://archive.example.org/mirror/2024/11/15/a/', '拜登"再会"习近平 <美中> & more'],
      ['https://archive.example.org/mirror/2019/05/10/b/', 'https://archive.example.org/mirror/2019/05/10/b/', 'B'],
    ]);
    expect(json.items[0]).toMatchObject({ summary: 'R&D < 5% of GDP', image: 'https://img.example/a.jpg', tags: ['香港', 'RFA'] });
    expect(String(json.items[0]!.content_html)).toContain('https://archive.example.org/mirror/2019/05/10/b/');
    const short = JSON.parse(renderFeed(job('json', [entry()], false), config, new Map())) as { items: Record<string, unknown>[] };
    // JSON Feed needs content: the excerpt, as HTML that shows it as written.
    expect(short.items[0]).toMatchObject({ content_html: 'R&amp;D &lt; 5% of GDP' });
    expect(short.items[0]!.summary).toBeUndefined();
    expect(atom(renderFeed(job('atom', [entry()], false), config, new Map())).entries[0]!.content).toBeUndefined();
  });

  it('stays well-formed XML and shows each title as written, whatever characters the front matter holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (title, excerpt, body) => {
        const xml = renderFeed(job('atom', [entry({ title, excerpt, author: excerpt || undefined })]), config, new Map([['posts/a.md', `<p>${body}</p>`]]));
        const [e] = atom(xml).entries;
        // What XML 1.0 cannot carry (control characters, lone surrogates) is dropped; the rest is kept, CRs too.
        expect(e!.title).toBe(xmlChars(title));
      }),
      { numRuns: 300 },
    );
  });
});

describe('renderFeed with markup in the front matter', () => {
  it('keeps a feed well-formed when a tag or category holds `<`, and gives each as written as term and label', () => {
    const terms = ['a<b', 'c"d & e<f>', 'tab\there\nand line'];
    const feed = atom(renderFeed(job('atom', [entry({ terms })]), config, new Map([['posts/a.md', article]])));
    expect(feed.entries[0]!.categories).toEqual(terms.map((term) => ({ term, label: term })));
  });

  it('keeps a literal `&amp;` in a name or title as written, not as `&`', () => {
    const xml = renderFeed({ ...job('atom', [entry({ author: 'R&amp;D 部', title: 'Q&amp;A' })]), title: 'AT&amp;T · 存档' }, config, new Map([['posts/a.md', article]]));
    const feed = atom(xml);
    expect(feed.title).toBe('AT&amp;T · 存档');
    expect(feed.entries[0]).toMatchObject({ title: 'Q&amp;A', authors: ['R&amp;D 部'] });
  });

  it('keeps an article holding `]]>` twice as one well-formed content, its HTML unchanged', () => {
    const html = '<p>a ]]> b ]]> c</p><p><img src="https://img.example/x.jpg" alt="]]><![CDATA[ ]]>"></p>';
    const feed = atom(renderFeed(job('atom', [entry()]), config, new Map([['posts/a.md', html]])));
    expect(feed.entries[0]!.content!.text).toBe(html);
  });
});

describe('absoluteLinks', () => {
  it('resolves relative hrefs and srcs against the post page and leaves absolute ones alone', () => {
    expect(absoluteLinks(article, 'https://a.example/2024/11/15/a/')).toBe(
      '<p>见<a href="https://a.example/2019/05/10/b/">另一篇</a>和<a href="https://a.example/2024/11/15/a/#fn1">注</a>。<img src="https://img.example/b.jpg" alt="b"> <a href="https://www.rfa.org/x?a=1&#x26;b=2">原文</a></p>',
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeSegment } from '../../src/load/permalink.js';
import { robotsTxt, sitemapFiles, type SitemapEntry } from '../../src/render/sitemap.js';
import { childrenNamed, parseXml } from '../helpers/xml.js';

const namespace = 'http://www.sitemaps.org/schemas/sitemap/0.9';
/** W3C Datetime as sitemaps.org allows it (a date, or a date and time with a zone). */
const w3cDatetime = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

const entries: SitemapEntry[] = [
  { url: '/2024/11/15/jw-xi-jinping-to-meet-biden-11142024140853/', lastmod: '2024-11-15T07:37:40.066+08:00' },
  { url: '/tags/%E9%A6%99%E6%B8%AF/', lastmod: '2024-10-01T08:00:00.000+08:00' },
  { url: '/tags/R%26D/' },
  { url: '/page/2/', lastmod: '2023-01-02T00:00:00.000+08:00' },
  { url: '/', lastmod: '2024-11-15T07:37:40.066+08:00' },
];

/** The <loc> and <lastmod> of each <url> of a sitemap, after checking that it is one. */
function urlsOf(xml: string): { loc: string; lastmod?: string }[] {
  const root = parseXml(xml);
  expect(root).toMatchObject({ name: 'urlset', uri: namespace });
  return childrenNamed(root, 'url').map((url) => {
    const [loc, ...more] = childrenNamed(url, 'loc');
    expect(more).toEqual([]);
    const lastmod = childrenNamed(url, 'lastmod')[0]?.text;
    if (lastmod !== undefined) expect(lastmod).toMatch(w3cDatetime);
    return { loc: loc!.text, ...(lastmod !== undefined ? { lastmod } : {}) };
  });
}

describe('sitemapFiles', () => {
  it('writes one well-formed sitemap of absolute URLs with the time each page changed', async () => {
    const files = await sitemapFiles(entries, 'https://archive.example.org/mirror');
    expect(files.map((f) => f.path)).toEqual(['sitemap.xml']);
    const urls = urlsOf(files[0]!.contents);
    expect(urls.map((u) => u.loc)).toEqual(entries.map((e) => `https://archive.example.org/mirror${e.url}`));
    for (const [i, url] of urls.entries()) {
      const given = entries[i]!.lastmod;
      if (given) expect(Date.parse(url.lastmod!)).toBe(Date.parse(given));
      else expect(url.lastmod).toBeUndefined();
    }
  });

  it('splits past the limit of URLs per file into numbered sitemaps and an index named sitemap.xml', async () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ url: `/p/${i}/`, lastmod: `2024-01-0${i + 1}T00:00:00.000Z` }));
    const files = await sitemapFiles(many, 'https://a.example', 3);
    expect(files.map((f) => f.path)).toEqual(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml', 'sitemap.xml']);
    expect(files.slice(0, 3).flatMap((f) => urlsOf(f.contents).map((u) => u.loc))).toEqual(many.map((e) => `https://a.example${e.url}`));
    const index = parseXml(files[3]!.contents);
    expect(index).toMatchObject({ name: 'sitemapindex', uri: namespace });
    const listed = childrenNamed(index, 'sitemap').map((s) => ({ loc: childrenNamed(s, 'loc')[0]!.text, lastmod: childrenNamed(s, 'lastmod')[0]!.text }));
    expect(listed.map((s) => s.loc)).toEqual(['https://a.example/sitemap-1.xml', 'https://a.example/sitemap-2.xml', 'https://a.example/sitemap-3.xml']);
    // Each file's lastmod is its newest page's.
    expect(listed.map((s) => new Date(s.lastmod).toISOString())).toEqual(['2024-01-03T00:00:00.000Z', '2024-01-06T00:00:00.000Z', '2024-01-07T00:00:00.000Z']);
  });

  it('keeps 50,000 URLs in one file and splits at 50,001, as the protocol requires', async () => {
    const at = (n: number) => Array.from({ length: n }, (_, i) => ({ url: `/p/${i}/` }));
    expect((await sitemapFiles(at(50_000), 'https://a.example')).map((f) => f.path)).toEqual(['sitemap.xml']);
    const split = await sitemapFiles(at(50_001), 'https://a.example');
    expect(split.map((f) => f.path)).toEqual(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap.xml']);
    expect(urlsOf(split[1]!.contents).map((u) => u.loc)).toEqual(['https://a.example/p/50000/']);
  });

  it("keeps every URL as written, whatever a post's URL holds (& ' $ + , ; = @ stay as they are)", async () => {
    const segment = fc.string({ unit: fc.constantFrom('&', "'", '$', '+', ',', ';', '=', '@', '(', ')', '!', '*', '<', '>', '"', '%', '#', '?', ']]>', ' ', 'a', '香', '😀'), minLength: 1, maxLength: 6 });
    const url = fc.array(segment, { maxLength: 3 }).map((segments) => `/${segments.map((s) => `${encodeSegment(s)}/`).join('')}`);
    // A base path as a URL keeps it (no dot segments, nothing a URL parser would encode).
    const base = fc.stringMatching(/^(\/[A-Za-z0-9&'$+,;=@!*()~_-]{1,8}){0,2}$/);
    await fc.assert(
      fc.asyncProperty(fc.array(url, { minLength: 1, maxLength: 5 }), base, async (urls, path) => {
        const origin = `https://archive.example.org${path}`;
        const [file] = await sitemapFiles(urls.map((u) => ({ url: u, lastmod: '2024-11-15T07:37:40.066+08:00' })), origin);
        expect(urlsOf(file!.contents).map((u) => u.loc)).toEqual(urls.map((u) => origin + u));
      }),
      { numRuns: 200 },
    );
  });

  it('names the sitemap in robots.txt', () => {
    expect(robotsTxt('https://a.example/archive')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://a.example/archive/sitemap.xml\n');
  });
});

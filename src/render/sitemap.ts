import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';

/**
 * The sitemap (sitemaps.org protocol), made with the `sitemap` library: every page a search
 * engine should know, with the date it last changed. A sitemap holds at most 50,000 URLs, so
 * a bigger site gets `sitemap-1.xml`, `sitemap-2.xml`, … and `sitemap.xml` becomes their index
 * (the file robots.txt names either way).
 */

/** One page: its path from the site root (percent-encoded) and when it last changed (ISO 8601). */
export interface SitemapEntry {
  readonly url: string;
  readonly lastmod?: string | undefined;
}

/** The sitemaps protocol's limit of URLs in one file. */
export const maxUrlsPerSitemap = 50_000;

/** The sitemap files for `count` pages, in the order sitemapFiles makes them: the numbered parts, then sitemap.xml. */
export function sitemapPaths(count: number, perFile = maxUrlsPerSitemap): string[] {
  if (count <= perFile) return ['sitemap.xml'];
  return [...Array.from({ length: Math.ceil(count / perFile) }, (_, i) => `sitemap-${i + 1}.xml`), 'sitemap.xml'];
}

/** The sitemap files: output path and contents. `origin` is the site's URL with its base path, no trailing slash. */
export async function sitemapFiles(entries: readonly SitemapEntry[], origin: string, perFile = maxUrlsPerSitemap): Promise<{ path: string; contents: string }[]> {
  const toXml = async (stream: SitemapStream | SitemapIndexStream, items: readonly object[]) => (await streamToPromise(Readable.from(items).pipe(stream))).toString('utf8');
  const urls = entries.map(({ url, lastmod }) => ({ url: `${origin}${url}`, ...(lastmod ? { lastmod } : {}) }));
  const paths = sitemapPaths(urls.length, perFile);
  if (paths.length === 1) return [{ path: 'sitemap.xml', contents: await toXml(new SitemapStream(), urls) }];
  const files: { path: string; contents: string }[] = [];
  const index: { url: string; lastmod?: string }[] = [];
  for (let start = 0; start < urls.length; start += perFile) {
    const part = urls.slice(start, start + perFile);
    const path = paths[files.length]!;
    files.push({ path, contents: await toXml(new SitemapStream(), part) });
    const newest = part.reduce<string | undefined>((latest, u) => (u.lastmod && (!latest || Date.parse(u.lastmod) > Date.parse(latest)) ? u.lastmod : latest), undefined);
    index.push({ url: `${origin}/${path}`, ...(newest ? { lastmod: newest } : {}) });
  }
  files.push({ path: 'sitemap.xml', contents: await toXml(new SitemapIndexStream(), index) });
  return files;
}

/** robots.txt: everything may be crawled; where the sitemap is. */
export function robotsTxt(origin: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${origin}/sitemap.xml\n`;
}

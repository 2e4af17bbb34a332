import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { internalReferences, listFiles, read } from '../helpers/site-files.js';
import { childrenNamed, parseXml } from '../helpers/xml.js';

/** The sample archive in a folder of its own, with `config` as its config file. */
function project(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-crawl-'));
  cpSync(join(root, 'posts'), join(dir, 'posts'), { recursive: true });
  cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
  cpSync(join(root, 'public'), join(dir, 'public'), { recursive: true });
  writeFileSync(join(dir, 'gazette.config.yml'), config ?? readFileSync(join(root, 'gazette.config.yml'), 'utf8'));
  return dir;
}

async function build(dir: string, ...flags: string[]): Promise<string> {
  const result = await runCli(['build', '--out', 'site', '-q', ...flags], dir);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return join(dir, 'site');
}

const sitemapLocs = (site: string) => childrenNamed(parseXml(read(site, 'sitemap.xml')), 'url').map((u) => ({ loc: childrenNamed(u, 'loc')[0]!.text, lastmod: childrenNamed(u, 'lastmod')[0]?.text }));

describe('what the sample site tells crawlers', () => {
  it('lists every page but the 404 page in sitemap.xml, at its absolute URL, and names the sitemap in robots.txt', async () => {
    const site = await build(project());
    const pages = listFiles(site).filter((f) => f.endsWith('.html') && f !== '404.html');
    const locs = sitemapLocs(site);
    expect(locs.map((l) => decodeURIComponent(l.loc)).sort()).toEqual(pages.map((p) => `https://archive.example.org/${p.replace(/index\.html$/, '')}`).sort());
    // A post's page changed when it was published (no last_modified_at in the sample).
    const seed = locs.find((l) => l.loc.endsWith('/2024/11/15/jw-xi-jinping-to-meet-biden-11142024140853/'))!;
    expect(Date.parse(seed.lastmod!)).toBe(Date.parse('2024-11-14T23:37:40.066Z'));
    // The home page changed when its newest post was published.
    const newest = Math.max(...locs.filter((l) => /\/\d{4}\/\d{2}\/\d{2}\//.test(l.loc)).map((l) => Date.parse(l.lastmod!)));
    expect(Date.parse(locs.find((l) => l.loc === 'https://archive.example.org/')!.lastmod!)).toBe(newest);
    expect(read(site, 'robots.txt')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://archive.example.org/sitemap.xml\n');
  });

  it('serves a 404 page whose links work at any URL, under the base path, and that asks not to be indexed', async () => {
    const site = await build(project(), '--base-url', 'https://mirror.example.net/archive');
    const page = read(site, '404.html');
    expect(page).toContain('<meta name="robots" content="noindex">');
    const links = internalReferences(page);
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(link).toMatch(/^\/archive\//);
    expect(links).toContain('/archive/assets/gazette.css');
    // Every other page still links relatively, and the sitemap is under the base path.
    for (const link of internalReferences(read(site, 'index.html'))) expect(link.startsWith('/')).toBe(false);
    for (const { loc } of sitemapLocs(site)) expect(loc.startsWith('https://mirror.example.net/archive/')).toBe(true);
  });

  it('leaves robots.txt to the public folder when it has one', async () => {
    const dir = project();
    mkdirSync(join(dir, 'public'), { recursive: true });
    writeFileSync(join(dir, 'public/robots.txt'), 'User-agent: *\nDisallow: /private/\n');
    const site = await build(dir);
    expect(read(site, 'robots.txt')).toBe('User-agent: *\nDisallow: /private/\n');
    expect(listFiles(site)).toContain('sitemap.xml');
  });

  it('makes no sitemap or robots.txt without the site URL, whose absolute URLs they need', async () => {
    const config = readFileSync(join(root, 'gazette.config.yml'), 'utf8').replace(/^url: .*$/m, '');
    const site = await build(project(config));
    expect(listFiles(site)).not.toContain('sitemap.xml');
    expect(listFiles(site)).not.toContain('robots.txt');
    expect(listFiles(site)).toContain('404.html');
  });
});

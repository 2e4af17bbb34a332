import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, read } from '../helpers/site-files.js';

/**
 * What one hostile post can do to the output around its own page (issue #13): make it huge,
 * stop the build with a name no file system holds, replace another page, or take a name
 * another system refuses. Each case builds a small archive with the CLI, as a user does.
 */

/** A project folder with these posts (file name → front matter lines), a config with the site's URL, and public files. */
function project(posts: Record<string, string>, publicFiles: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-outputs-'));
  mkdirSync(join(dir, 'posts'));
  for (const [name, frontMatter] of Object.entries(posts)) {
    writeFileSync(join(dir, 'posts', name), `---\ndate: 2024-01-01 12:00:00 +0800\n${frontMatter}\n---\nThe article of ${name}.\n`);
  }
  for (const [path, contents] of Object.entries(publicFiles)) {
    mkdirSync(join(dir, 'public', path, '..'), { recursive: true });
    writeFileSync(join(dir, 'public', path), contents);
  }
  writeFileSync(join(dir, 'gazette.config.yml'), 'title: Hostile\nurl: https://archive.example.org\n');
  return dir;
}

async function build(dir: string, ...flags: string[]) {
  const result = await runCli(['build', '--report', 'report.json', ...flags], dir);
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as BuildReport;
  const errorOf = (name: string) => report.errors.filter((e) => e.source.endsWith(name)).map((e) => e.message);
  const warningsOf = (name: string) => report.warnings.filter((w) => w.source.endsWith(name)).map((w) => `${w.line ?? ''}: ${w.message}`);
  return { ...result, report, errorOf, warningsOf, site: join(dir, '_site') };
}

/** Bytes of every file under `dir`. */
function sizeOf(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

describe('output amplification', () => {
  it('bounds what one post with a 20,000-character title and 400 long tags adds to the output, and says what was cut, on which line', async () => {
    const tags = Array.from({ length: 400 }, (_, i) => `tag${i}${'标'.repeat(120)}`);
    const dir = project({
      '2024-01-01-normal.md': 'title: A normal post\ntags: [tag1]',
      '2024-01-01-amplifier.md': `title: ${'长'.repeat(20_000)}\ntags: [${tags.join(', ')}]\ncategories: [${Array.from({ length: 40 }, (_, i) => `${'类'.repeat(150)}${i}`).join(', ')}]\nauthor: ${'a'.repeat(5000)}`,
    });
    const baseline = project({ '2024-01-01-normal.md': 'title: A normal post\ntags: [tag1]' });
    const { code, warningsOf, report, site } = await build(dir);
    const plain = await build(baseline);
    expect(code).toBe(0); // a deploy never fails for a warning
    expect(report.posts).toHaveLength(2);
    expect(warningsOf('amplifier.md')).toEqual([
      '3: the title has 20,000 characters: cut to its first 500 (the limit)',
      expect.stringMatching(/^5: it has 40 categories: the first 10 are kept \(the limit\), 30 left out .*; 10 of its categories are longer than 100 characters and cut to that/),
      expect.stringMatching(/^4: it has 400 tags: the first 50 are kept \(the limit\), 350 left out \("tag50标+…", "tag51标+…", "tag52标+…", …\); 50 of its tags are longer than 100 characters and cut to that/),
      "6: the author's name has 5,000 characters: cut to its first 200 (the limit)",
    ]);
    // Without limits this archive's output grew as tags × (title + tags): hundreds of megabytes.
    // At every limit, with the longest names, one post adds at most 2.5 MB (SECURITY.md).
    const added = sizeOf(site) - sizeOf(plain.site);
    expect(added).toBeLessThan(2.5 * 2 ** 20);
    expect(listFiles(site).filter((f) => f.startsWith('tags/')).length).toBeLessThanOrEqual(3 * 51 + 1);
    // An entry names 10 of its post's 60 terms, in each of the 60 feeds it is in (not 60 × 60).
    const tagFeed = listFiles(site).find((f) => /^tags\/tag0.*\/feed\.xml$/.test(f))!;
    expect(read(site, tagFeed).match(/<category /g)).toHaveLength(10);
    expect(JSON.parse(read(site, tagFeed.replace(/xml$/, 'json'))).items[0].tags).toHaveLength(10);
  }, 120_000);
});

describe('names no file system holds', () => {
  it('reports a post whose URL has a 300-letter name, and builds the others (it used to stop the build at commit: ENAMETOOLONG, exit 2)', async () => {
    const dir = project({
      '2024-01-01-long.md': `title: Long\npermalink: /${'x'.repeat(300)}/`,
      '2024-01-01-deep.md': `title: Deep\npermalink: /${Array.from({ length: 20 }, () => 'y'.repeat(250)).join('/')}/`,
      '2024-01-01-chinese-category.md': `title: Category\npermalink: date\ncategories: [${'类'.repeat(90)}]`,
      // A YAML escape can make half a surrogate pair, which no URL encoder takes (it stopped the build: URIError, exit 2).
      '2024-01-01-surrogate.md': 'title: Surrogate\npermalink: "/a\\uD800b/"',
      '2024-01-01-fine.md': 'title: Fine',
    });
    const { code, errorOf, report, site } = await build(dir);
    expect(code).toBe(1);
    expect(errorOf('long.md')).toEqual([expect.stringMatching(/bad permalink: .*a name of 300 bytes: file systems hold names of up to 255/)]);
    // 20 names of 250 bytes make a 5,000-byte path: over Linux's 4,096.
    expect(errorOf('deep.md')).toEqual([expect.stringMatching(/its output path is 5,0\d\d bytes long: the output folder can hold paths of up to [\d,]+ bytes/)]);
    // 90 Chinese characters are 270 bytes: a category that long cannot be a folder.
    expect(errorOf('chinese-category.md')).toEqual([expect.stringMatching(/a name of 270 bytes/)]);
    expect(errorOf('surrogate.md')).toEqual([expect.stringContaining('half of a UTF-16 surrogate pair')]);
    expect(report.posts.map((p) => p.title)).toEqual(['Fine']);
    expect(read(site, 'index.html')).toContain('Fine');
  }, 60_000);
});

describe('one post cannot replace another page', () => {
  const victimAndAttacker = { '2024-01-01-victim.md': 'title: Victim\npermalink: /victim/', '2024-01-02-attacker.md': 'title: Attacker\npermalink: /victim/index.html/' };

  it('refuses a post whose page would make a folder of another page (victim/index.html), with or without the cache', async () => {
    const dir = project(victimAndAttacker);
    for (const flags of [['--no-cache'], [], []]) {
      const { code, errorOf, report, site } = await build(dir, ...flags);
      expect(code).toBe(1);
      expect(errorOf('attacker.md')).toEqual([expect.stringContaining('would make a folder of victim/index.html, the page of posts/2024-01-01-victim.md; the post is not built')]);
      expect(report.posts.map((p) => p.title)).toEqual(['Victim']);
      expect(lstatSync(join(site, 'victim/index.html')).isFile()).toBe(true);
      expect(read(site, 'victim/index.html')).toContain('The article of 2024-01-01-victim.md');
    }
  }, 60_000);

  it("refuses posts that take or go through the site's own files: the search page, the 404 page, the stylesheet, a feed, the sitemap", async () => {
    const dir = project(
      {
        '2024-01-01-search.md': 'title: Search\npermalink: /search/',
        '2024-01-01-notfound.md': 'title: NotFound\npermalink: /404.html',
        '2024-01-01-css.md': 'title: Css\npermalink: /assets/gazette.css/',
        '2024-01-01-index.md': 'title: Index folder\npermalink: /tags/index.html/',
        '2024-01-01-feed.md': 'title: Feed\npermalink: /feed.xml/',
        '2024-01-01-sitemap.md': 'title: Sitemap\npermalink: /sitemap.xml/x/',
        '2024-01-01-data.md': 'title: Data\npermalink: /search/data/t/',
        '2024-01-01-fine.md': 'title: Fine\ntags: [x]',
      },
      { 'assets/gazette.css': 'body { color: black }', 'pictures/photo.png/readme.txt': 'hello' },
    );
    const { code, errorOf, report, site } = await build(dir);
    expect(code).toBe(1);
    expect(errorOf('search.md')).toEqual([expect.stringContaining("its URL /search/ is the search page's; the post is not built")]);
    expect(errorOf('notfound.md')).toEqual([expect.stringContaining("its URL /404.html is the 404 page's")]);
    expect(errorOf('css.md')).toEqual([expect.stringContaining('would make a folder of assets/gazette.css, a file of the public folder')]);
    expect(errorOf('index.md')).toEqual([expect.stringContaining('would make a folder named index.html')]);
    expect(errorOf('feed.md')).toEqual([expect.stringContaining('would make a folder named feed.xml')]);
    expect(errorOf('sitemap.md')).toEqual([expect.stringContaining('would make a folder of sitemap.xml, the sitemap')]);
    expect(errorOf('data.md')).toEqual([expect.stringContaining('is inside search/data/, which the site fills itself')]);
    expect(report.posts.map((p) => p.title)).toEqual(['Fine']);
    expect(read(site, 'search/index.html')).toContain('type="search"');
    expect(read(site, '404.html')).not.toContain('The article of');
    expect(read(site, 'assets/gazette.css')).toBe('body { color: black }');
    expect(read(site, 'sitemap.xml')).toContain('<urlset');
    expect(read(site, 'tags/index.html')).toContain('href="x/"');
  }, 60_000);

  it('keeps a page when a public file would need it as a folder, and says the file was not copied', async () => {
    const dir = project({ '2024-01-01-page.md': 'title: Page\npermalink: /report.html' }, { 'report.html/figure.png': 'png' });
    const { code, warningsOf, site } = await build(dir);
    expect(code).toBe(0);
    expect(warningsOf('public/report.html/figure.png')).toEqual([expect.stringMatching(/: not copied: report.html\/figure.png cannot be written: a folder of it is the file report.html/)]);
    expect(read(site, 'report.html')).toContain('The article of');
  }, 60_000);
});

describe('symbolic links in the public folder', () => {
  it("copies none, names each, and writes gazette's own robots.txt when public/robots.txt is a link", async () => {
    const outside = mkdtempSync(join(tmpdir(), 'gazette-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'SECRET-OUTSIDE');
    const dir = project({ '2024-01-01-fine.md': 'title: Fine' }, { 'assets/real.css': 'body {}' });
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'public/assets/secret.css'));
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'public/robots.txt'));
    const { code, warningsOf, site } = await build(dir);
    expect(code).toBe(0);
    expect(warningsOf('public/assets/secret.css')).toEqual([expect.stringContaining(': symbolic link not followed')]);
    expect(warningsOf('public/robots.txt')).toEqual([expect.stringContaining(': symbolic link not followed')]);
    expect(listFiles(site).filter((f) => read(site, f).includes('SECRET-OUTSIDE'))).toEqual([]);
    expect(read(site, 'robots.txt')).toContain('Sitemap: https://archive.example.org/sitemap.xml');
  }, 60_000);
});

describe('names other systems refuse', () => {
  it('writes portable names: device names, trailing spaces, characters Windows refuses', async () => {
    const dir = project({
      '2024-01-01-con.md': 'title: Con\npermalink: "/con /"',
      '2024-01-01-com.md': 'title: Com\npermalink: /com¹/conin$.html',
      '2024-01-01-stream.md': 'title: Stream\npermalink: /notes:secret/',
      '2024-01-01-space.md': 'title: Space\npermalink: "/report /"',
    });
    const { code, warningsOf, site } = await build(dir);
    expect(code).toBe(0);
    expect(listFiles(site)).toEqual(expect.arrayContaining(['con _/index.html', 'com¹_/conin$_.html', 'notes_secret/index.html', 'report _/index.html']));
    expect(warningsOf('con.md')).toEqual([expect.stringMatching(/^4: the name "con " in its URL is written as "con _": Windows drops a trailing dot or space/)]);
    expect(warningsOf('stream.md')).toEqual([expect.stringMatching(/"notes:secret" .* "notes_secret": Windows refuses/)]);
  }, 60_000);

  it('takes the NFC and NFD spellings of one URL as one URL (two folders on Linux, one on macOS): two articles there are both built, the later file moved', async () => {
    const dir = project({ '2024-01-01-nfc.md': 'title: NFC\npermalink: /caf\u00e9/', '2024-01-01-nfd.md': 'title: NFD\npermalink: /cafe\u0301/' });
    const { code, warningsOf, report, site } = await build(dir);
    expect(code).toBe(0);
    expect(warningsOf('nfd.md')).toEqual([expect.stringMatching(/^: its URL \/caf\u00e9\/ is also the URL of .*2024-01-01-nfc\.md, another article: this one is built at \/caf\u00e9-2\/ /)]);
    expect(report.posts.map((p) => p.url).sort()).toEqual(['/caf%C3%A9-2/', '/caf%C3%A9/']);
    expect(read(site, 'caf\u00e9-2/index.html')).toContain('The article of 2024-01-01-nfd.md.');
  }, 60_000);
});

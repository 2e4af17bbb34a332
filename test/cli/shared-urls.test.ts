import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, read } from '../helpers/site-files.js';

/**
 * Posts that want one URL, through the real CLI: an article a news bot saved twice under
 * names that differ by a character is built once, with a warning, and appears once in every
 * list; two different articles on one URL are both built, the later file on a suffixed URL.
 * Neither fails the build. The archive is written here (its file names hold `?`, which a
 * Windows checkout of a fixture folder could not).
 */
const from = 'https://news.example.org/conversation/end-of-zero-covid';
/** A scraped post as the bots save it: a time stamp, its title linked to its source, the article. */
const scraped = (title: string, stamp: string) =>
  `---\nlayout: post\ntitle: "${title}"\ndate: 2022-11-11T17:41:00.000Z\nfrom: ${from}\ntags: [ China ]\n---\n<!--${stamp}-->\n[${title}](${from})\n------\n\n` +
  `<div><div class="photo" title="${title}"><p>An epidemic control worker in Beijing.</p></div>\n<p>China’s health commission today announced an “optimization” of the country’s COVID-prevention policy, easing quarantine for travellers.</p><p>What are the preconditions for a true softening of the policy?</p></div>\n`;
const plain = (title: string, body: string, extra = '') => `---\ntitle: "${title}"\ndate: 2022-11-12 09:00:00 +0800\ntags: [ China ]\n${extra}---\n${body}\n`;

const posts: Record<string, string> = {
  '2022-11-11-The End of Zero COVID?.md': scraped('The End of Zero COVID?', '1668188460000'),
  '2022-11-11-The End of Zero-COVID?.md': scraped('The End of Zero-COVID?', '1668188461000'),
  '2022-11-12-weekly-a.md': plain('Weekly report A', 'The first weekly report, about shipping.', 'permalink: /reports/weekly/\n'),
  '2022-11-12-weekly-b.md': plain('Weekly report B', 'The second weekly report, about harvests.', 'permalink: /reports/weekly/\n'),
  '2022-11-13-other.md': plain('Another China story', 'Something else happened.'),
};

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-shared-'));
  mkdirSync(join(dir, 'posts'));
  for (const [name, text] of Object.entries(posts)) writeFileSync(join(dir, 'posts', name), text);
  writeFileSync(join(dir, 'gazette.config.yml'), 'title: Shared\nurl: https://archive.example.org\npermalink: /:year/:month/:day/:title/\n');
  return dir;
}

async function build(dir: string) {
  const result = await runCli(['build', '--report', 'report.json'], dir);
  return { ...result, report: JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as BuildReport };
}

/** The files that list posts: the home page, the feeds, the sitemap, a tag's page and feed, a month's page. */
const lists = ['index.html', 'feed.xml', 'feed.json', 'sitemap.xml', 'tags/china/index.html', 'tags/china/feed.xml', '2022/11/index.html'];

/** How many times `text` is in `file` of the site. */
const count = (site: string, file: string, text: string) => read(site, file).split(text).length - 1;

describe('posts that want one URL', () => {
  let dir: string;
  let site: string;
  let first: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    dir = project();
    site = join(dir, '_site');
    first = await build(dir);
  }, 120_000);

  it('builds all, warns, and exits 0', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.report.errors).toEqual([]);
    expect(first.report.posts.map((p) => [p.source.split('/').pop(), p.url]).sort()).toEqual([
      ['2022-11-11-The End of Zero-COVID?.md', '/2022/11/11/The-End-of-Zero-COVID/'],
      ['2022-11-12-weekly-a.md', '/reports/weekly/'],
      ['2022-11-12-weekly-b.md', '/reports/weekly-2/'],
      ['2022-11-13-other.md', '/2022/11/12/other/'],
    ]);
    expect(first.stderr).toContain('posts/2022-11-11-The End of Zero COVID?.md: warning: duplicate of posts/2022-11-11-The End of Zero-COVID?.md: the same article from the same source, built once at /2022/11/11/The-End-of-Zero-COVID/; this copy is left out');
    expect(first.stderr).toContain('posts/2022-11-12-weekly-b.md: warning: its URL /reports/weekly/ is also the URL of posts/2022-11-12-weekly-a.md, another article: this one is built at /reports/weekly-2/');
  });

  it('builds the article saved twice once, from the file Jekyll keeps, and lists it once everywhere', () => {
    expect(read(site, '2022/11/11/The-End-of-Zero-COVID/index.html')).toContain('<h1 class="post-title">The End of Zero-COVID?</h1>');
    // In every list, as often as another post of the same lists.
    for (const file of lists) {
      expect(count(site, file, 'The-End-of-Zero-COVID/'), file).toBe(count(site, file, 'other/'));
      expect(count(site, file, 'other/'), file).toBeGreaterThan(0);
    }
    // The copy left out is nowhere: not in a list, a feed, the sitemap, the search data or a related-posts box.
    for (const file of listFiles(site)) expect(read(site, file), file).not.toContain('Zero COVID?');
    const related = /<aside class="related"[\s\S]*?<\/aside>/.exec(read(site, '2022/11/12/other/index.html'))![0];
    expect(related.split('The-End-of-Zero-COVID/').length - 1).toBe(1);
  });

  it('builds both different articles, each on its own page', () => {
    expect(read(site, 'reports/weekly/index.html')).toContain('about shipping');
    expect(read(site, 'reports/weekly-2/index.html')).toContain('about harvests');
    for (const file of lists.filter((f) => !f.startsWith('2022/'))) {
      expect(count(site, file, 'weekly/'), file).toBe(count(site, file, 'other/'));
      expect(count(site, file, 'weekly-2/'), file).toBe(count(site, file, 'other/'));
    }
  });

  it('decides again on each cached build: with the kept copy gone, the other is built at its URL, without a warning', async () => {
    rmSync(join(dir, 'posts', '2022-11-11-The End of Zero-COVID?.md'));
    rmSync(join(dir, 'posts', '2022-11-12-weekly-a.md'));
    const again = await build(dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.report.warnings).toEqual([]);
    expect(read(site, '2022/11/11/The-End-of-Zero-COVID/index.html')).toContain('<h1 class="post-title">The End of Zero COVID?</h1>');
    expect(read(site, 'reports/weekly/index.html')).toContain('about harvests');
    expect(existsSync(join(site, 'reports/weekly-2/index.html'))).toBe(false);
    for (const file of lists) expect(count(site, file, 'The-End-of-Zero-COVID/'), file).toBe(count(site, file, 'other/'));
    expect(count(site, 'feed.xml', 'weekly/')).toBe(count(site, 'feed.xml', 'other/'));
  }, 120_000);
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report.js';
import { root } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * Which post gazette builds where posts want one URL, against what Jekyll 4.3.1 keeps
 * (test/fixtures/jekyll-shared-urls: record.sh builds the site with Jekyll, whose page for
 * each URL names the post file that stayed). Copies of one article: gazette builds the
 * file Jekyll keeps (the latest date, then the last path). Different articles: gazette keeps
 * both, the first file on the URL, and Jekyll's on `-2` (the difference docs/jekyll.md lists).
 */
const fixture = join(root, 'test/fixtures/jekyll-shared-urls');
const kept = JSON.parse(readFileSync(join(fixture, 'expected/kept.json'), 'utf8')) as Record<string, string>;

describe('posts that want one URL, as Jekyll keeps them', () => {
  let report: BuildReport;
  let code: number;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-jekyll-shared-'));
    const result = await runCli(['build', '--posts', join(fixture, 'site/_posts'), '--config', join(fixture, 'site/_config.yml'), '--out', join(dir, 'site'), '--no-cache', '-q', '--report', join(dir, 'report.json')], dir);
    code = result.code;
    report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as BuildReport;
  }, 60_000);

  const builtAt = (url: string) => report.posts.find((p) => decodeURI(p.url) === url)?.source.split('/_posts/')[1];
  const fileOf = (url: string) => kept[url]!.replace(/^_posts\//, '');

  it('builds the copy Jekyll keeps, at its URL, and warns about the other', () => {
    expect(code).toBe(0);
    for (const url of ['/2022/11/11/The-End-of-Zero-COVID', '/2021/01/20/The-palace']) expect([url, builtAt(url)]).toEqual([url, fileOf(url)]);
    expect(report.warnings.filter((w) => w.message.startsWith('duplicate of')).map((w) => w.source.split('/_posts/')[1]).sort()).toEqual(['2021-01-20-The palace”.md', '2022-11-11-The End of Zero COVID.md']);
  });

  it('builds both different articles: the first file on the URL, the one Jekyll keeps on -2', () => {
    const url = '/2021/01/18/Weekly-report';
    expect(builtAt(url)).toBe('2021-01-18-Weekly report.md');
    expect(builtAt(`${url}-2`)).toBe(fileOf(url));
    expect(report.posts).toHaveLength(4);
  });
});

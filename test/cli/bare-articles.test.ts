import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report.js';
import { fixtures } from '../helpers/paths.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { read, texts } from '../helpers/site-files.js';

/**
 * Bare articles (test/fixtures/bare-articles/articles: no front matter, a title heading and a
 * date line near the top), built through the CLI with `--posts articles --bare-articles`, and
 * with `bare_articles: true` in the config.
 */

const work = mkdtempSync(join(tmpdir(), 'gazette-bare-'));
cpSync(join(fixtures, 'bare-articles'), work, { recursive: true });
let flagged: CliResult;
let report: BuildReport;

const build = (extra: string[], out: string) => runCli(['build', '--posts', 'articles', '--out', out, '--report', `${out}.json`, '--timezone', 'Asia/Shanghai', '--no-cache', ...extra], work);
const post = (source: string) => report.posts.find((p) => p.source === `articles/${source}`);

beforeAll(async () => {
  flagged = await build(['--bare-articles'], 'site');
  report = JSON.parse(readFileSync(join(work, 'site.json'), 'utf8')) as BuildReport;
}, 60_000);

describe('gazette build --bare-articles', () => {
  it('builds every bare article with a date, and names the file and line of each one without', () => {
    expect(flagged.code).toBe(1);
    expect(report.posts.map((p) => p.source).sort()).toEqual(
      ['100001_样例｜一篇链接标题的文章.md', '100002_井号标题.md', '100003_linked-atx.md', '100004_setext-two-lines.md', '100005_date-after-intro.md', '100008_front-matter.md', '2018-05-06-dated-name.md'].map((f) => `articles/${f}`),
    );
    expect(report.errors).toEqual([
      { source: 'articles/100006_no-date.md', line: 1, message: expect.stringMatching(/^the bare article has no date: no line such as '日期：/) as unknown as string },
      { source: 'articles/100007_no-year.md', line: 2, message: expect.stringMatching(/date is not a date gazette can read: "Mar 19" has no year/) as unknown as string },
    ]);
    expect(flagged.stderr).toContain('articles/100006_no-date.md:1');
    expect(flagged.stdout).toMatch(/^gazette: 7 posts, .* 2 errors/m);
  });

  it("takes the title from a link heading (setext), the date from '日期：', from: from the link, the slug from the file name", () => {
    const p = post('100001_样例｜一篇链接标题的文章.md')!;
    expect(p.title).toBe('样例｜一篇链接标题的文章');
    expect(p.date).toBe('2020-07-03T02:28:24.000+08:00');
    expect(p.url).toBe(`/2020/07/03/${encodeURIComponent('100001-样例-一篇链接标题的文章')}/`);
    const html = read(work, p.output);
    expect(texts(html, 'h1')).toEqual(['样例｜一篇链接标题的文章']);
    // The heading and the date line are the page's title and date, not repeated in the article.
    expect(html).not.toContain('日期：');
    expect(html).not.toContain('------');
    expect(texts(html, 'article p').join('\n')).toContain('第一段：链接标题，setext 下划线，RFC 2822 日期。');
    expect(html).toContain('https://example.org/chinese/2020/07/sample-linked-article/');
  });

  it('reads ATX headings, labels in simplified and traditional Chinese and English, bold labels, and the zones Ruby reads', () => {
    expect(post('100002_井号标题.md')).toMatchObject({ title: '一个井号标题', date: '2021-03-04T08:00:00.000+08:00' });
    expect(post('100003_linked-atx.md')).toMatchObject({ title: 'Linked ATX title', date: '2021-05-07T00:30:00.000+08:00' });
    expect(post('100004_setext-two-lines.md')).toMatchObject({ title: 'A setext title over two lines', date: '2023-03-19T20:30:00.000+08:00' });
  });

  it('keeps text between the title and a later date line, and warns where the date rolls over', () => {
    const p = post('100005_date-after-intro.md')!;
    expect(p.date).toBe('2022-03-02T12:00:00.000+08:00');
    expect(report.warnings).toContainEqual({ source: 'articles/100005_date-after-intro.md', line: 5, message: '"2022-02-30 12:00 +0800" rolled over to 2022-03-02 12:00:00, as Jekyll reads it' });
    expect(texts(read(work, p.output), 'article p').join('\n')).toContain('An introduction that stays in the body.');
  });

  it("reads a post with front matter as usual, and a bare one without a date line by its file name's date", () => {
    expect(post('100008_front-matter.md')).toMatchObject({ title: 'Front matter wins', date: '2019-01-02T03:04:05.000+08:00' });
    expect(post('2018-05-06-dated-name.md')).toMatchObject({ title: 'Dated by its file name', date: '2018-05-06T00:00:00.000+08:00' });
  });
});

describe('bare articles are an option', () => {
  it('is off by default: a bare article without a dated name is an error, as before', async () => {
    const plain = await build([], 'plain');
    const plainReport = JSON.parse(readFileSync(join(work, 'plain.json'), 'utf8')) as BuildReport;
    expect(plain.code).toBe(1);
    expect(plainReport.errors.filter((e) => e.message.startsWith('the post has no date'))).toHaveLength(7);
    expect(plainReport.posts.map((p) => p.source).sort()).toEqual(['articles/100008_front-matter.md', 'articles/2018-05-06-dated-name.md']);
  }, 60_000);

  it('is turned on by bare_articles: true in the config as by the flag', async () => {
    writeFileSync(join(work, 'gazette.config.yml'), 'timezone: Asia/Shanghai\nbare_articles: true\n');
    const configured = await runCli(['build', '--posts', 'articles', '--out', 'configured', '--report', 'configured.json', '--no-cache'], work);
    const configuredReport = JSON.parse(readFileSync(join(work, 'configured.json'), 'utf8')) as BuildReport;
    expect(configured.code).toBe(1);
    expect(configuredReport.posts.map((p) => [p.source, p.title, p.date])).toEqual(report.posts.map((p) => [p.source, p.title, p.date]));
    expect(configuredReport.posts.every((p) => existsSync(join(work, p.output)))).toBe(true);
  }, 60_000);
});

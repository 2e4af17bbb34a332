import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { select } from 'hast-util-select';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report.js';
import { fixtures } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * Issue #14, item 2: a `<` that begins no tag inside raw HTML is text. The fixture is a tiny
 * Jekyll site (test/fixtures/raw-html-text/site); expected.json holds the text a browser reads
 * from Jekyll 4.3.1's pages (recorded by record.sh). gazette's pages must show the same text,
 * except where docs/jekyll.md lists a difference (asserted below as it is).
 */
const fixture = join(fixtures, 'raw-html-text');
const jekyll = JSON.parse(readFileSync(join(fixture, 'expected.json'), 'utf8')) as Record<string, string>;
const work = mkdtempSync(join(tmpdir(), 'gazette-raw-html-text-'));
let report: BuildReport;
let code: number;

/** The article's text on a gazette page, whitespace collapsed. */
function pageText(url: string): string {
  const post = report.posts.find((p) => p.url === url);
  if (!post) throw new Error(`no page for ${url}`);
  const tree = fromHtml(readFileSync(join(work, post.output), 'utf8'));
  return toString(select('.post-body', tree)!).replace(/\s+/g, ' ').trim();
}
/** Text without whitespace, for comparing pages whose layout differs. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

beforeAll(async () => {
  cpSync(join(fixture, 'site'), join(work, 'site'), { recursive: true });
  ({ code } = await runCli(['build', '--posts', 'site', '--config', 'site/_config.yml', '--out', 'out', '--no-cache', '-q', '--report', 'report.json'], work));
  report = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')) as BuildReport;
}, 60_000);

describe('text inside raw HTML (fixture built with gazette and with Jekyll)', () => {
  it('builds every post at the URL Jekyll gives it, with nothing lost', () => {
    expect(code).toBe(0);
    expect(report.posts.map((p) => p.url).sort()).toEqual(Object.keys(jekyll).sort());
    for (const post of report.posts) expect(post.textRetention, post.url).toBe(1);
  });

  it.each(['/2024/03/01/p-values/', '/2024/03/02/angle-url/', '/2024/03/03/comparisons/'])('shows the text kramdown shows on %s', (url) => {
    expect(squeeze(pageText(url))).toBe(squeeze(jekyll[url]!));
  });

  it('keeps the p values and the URL of issue #14', () => {
    expect(pageText('/2024/03/01/p-values/')).toContain('(0<p<1)的误解。在通常情况下，p<0.05表明接受实验的假设；如果p<0.05，则表明数据显著。');
    expect(pageText('/2024/03/02/angle-url/')).toContain('URL = <https://plato.stanford.edu/archives/win2020/entries/turing-test/>.');
  });

  it('shows a <textarea> never closed as text, where kramdown leaves it open to swallow the rest into a text box (docs/jekyll.md)', () => {
    const text = pageText('/2024/03/04/open-textarea/');
    expect(text).toBe('Type the reply in the <textarea> box, then press send. The rest of the article is still here. And so is this paragraph.');
    expect(jekyll['/2024/03/04/open-textarea/']).toContain('</p> <p>The rest'); // markup shown inside the text box
  });

  it('reads an .html post with the same rule, where Jekyll copies it and a browser cuts it at "(0" (docs/jekyll.md)', () => {
    expect(pageText('/2024/03/05/html-post/')).toBe('置信区间 (0<p<1) 与 p<0.05 的关系，见 URL = <https://example.org/stats/>. The end of the HTML post.');
    expect(jekyll['/2024/03/05/html-post/']).toBe('置信区间 (0. The end of the HTML post.');
  });
});

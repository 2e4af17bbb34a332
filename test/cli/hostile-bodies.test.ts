import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report.js';
import { root } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * Post bodies that once made a stage take time growing with the square of their length
 * (bench/pathological.mjs measures the growth): each one builds, in seconds, into a page
 * that shows it. Before they were fixed, building these posts took minutes.
 */
const bodies: Record<string, [body: string, shown: string]> = {
  // The kramdown HTML-block reader scanned to the end of the post for each block left open,
  // and for a tag with no `>` after it, from every later tag as well.
  'open-paragraphs': [`${'<p>\n\n'.repeat(16_000)}The end of open paragraphs.\n`, 'The end of open paragraphs.'],
  'open-list-items': [`<ul>\n\n${'<li>\n\n'.repeat(16_000)}</ul>\n\nThe end of open list items.\n`, 'The end of open list items.'],
  'tags-without-end': [`${'<div\n\n'.repeat(4_000)}The end of tags without end.\n`, 'The end of tags without end.'],
  // Each unclosed <style> of a paragraph searched the rest of the paragraph for its closing tag.
  'raw-text-tags': [`${'The <style> tag. '.repeat(20_000)}\n`, 'The &#x3C;style> tag. The &#x3C;style> tag.'],
  // The placeholder test backtracked over a long src.
  'lazy-src': [`<img src="${'lazy'.repeat(40_000)}" alt="A long source">\n\nThe end of a long source.\n`, 'The end of a long source.'],
  // A width of spaces: the tracking-pixel pattern tried every split of them.
  'spaced-width': [`<img src="https://e.org/a.jpg" width="1${' '.repeat(200_000)}x" height="1">\n\nThe end of a spaced width.\n`, 'The end of a spaced width.'],
};

const work = mkdtempSync(join(tmpdir(), 'gazette-hostile-bodies-'));
const posts = join(work, 'posts');
const out = join(work, 'site');
let code: number;
let report: BuildReport;

beforeAll(async () => {
  mkdirSync(posts, { recursive: true });
  for (const [name, [body]] of Object.entries(bodies)) writeFileSync(join(posts, `2024-01-01-${name}.md`), `---\ntitle: ${name}\n---\n${body}`);
  ({ code } = await runCli(['build', '--posts', posts, '--out', out, '--no-cache', '-q', '--report', join(work, 'report.json')]));
  report = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')) as BuildReport;
}, 30_000);

describe('gazette build on bodies that were slow to read', () => {
  it('builds every one of them', () => {
    expect(code).toBe(0);
    expect(report.errors).toEqual([]);
    expect(report.posts.map((p) => p.title).sort()).toEqual(Object.keys(bodies).sort());
  });

  it.each(Object.keys(bodies))('shows the end of %s', (name) => {
    const post = report.posts.find((p) => p.title === name)!;
    expect(readFileSync(join(root, post.output), 'utf8')).toContain(bodies[name]![1]);
  });
});

describe('gazette build on a body that HTML would make huge', () => {
  it('refuses formatting tags left open for HTML to reopen in every paragraph (n × m elements), on the body line, and builds the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-reopening-'));
    mkdirSync(join(dir, 'posts'));
    const opened = Array.from({ length: 1000 }, (_, i) => `<b id=${i}>`).join('');
    writeFileSync(join(dir, 'posts/2024-01-01-reopening.md'), `---\ntitle: reopening\n---\n<p>${opened}</p>${'<p>x</p>'.repeat(1000)}\n`);
    writeFileSync(join(dir, 'posts/2024-01-01-fine.md'), '---\ntitle: fine\n---\nFine.\n');
    const result = await runCli(['build', '--out', 'site', '--no-cache', '-q', '--report', 'report.json'], dir);
    const built = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as BuildReport;
    expect(result.code).toBe(1);
    expect(built.errors).toEqual([expect.objectContaining({ source: 'posts/2024-01-01-reopening.md', line: 4, message: expect.stringContaining('HTML reopens every one of them in each following paragraph') })]);
    expect(built.posts.map((p) => p.title)).toEqual(['fine']);
  }, 30_000);
});

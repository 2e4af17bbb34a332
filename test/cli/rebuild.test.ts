import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { differences, listFiles } from '../helpers/site-files.js';
import type { BuildReport } from '../../src/report.js';

/**
 * Rebuilds redo only what changed since the previous build (the build state in
 * .cache/gazette/state/), and are never wrong: after each change below, the output is
 * byte-identical to a clean build without a cache. The report's `work` says what was redone.
 */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-rebuild-'));
  cpSync(join(root, 'posts'), join(dir, 'posts'), { recursive: true });
  cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
  cpSync(join(root, 'gazette.config.yml'), join(dir, 'gazette.config.yml'));
  return dir;
}

async function build(dir: string): Promise<BuildReport> {
  const result = await runCli(['build', '--out', 'site', '-q', '--report', 'report.json'], dir);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as BuildReport;
}

/** What a clean build (no cache, no previous output) of the same inputs gives, compared with site/. */
async function expectCleanBuildEqual(dir: string): Promise<void> {
  rmSync(join(dir, 'clean'), { recursive: true, force: true });
  expect((await runCli(['build', '--out', 'clean', '-q', '--no-cache'], dir)).code).toBe(0);
  expect(differences(join(dir, 'site'), join(dir, 'clean'))).toEqual([]);
}

const stamps = (dir: string) => new Map(listFiles(dir).map((f) => [f, `${statSync(join(dir, f)).ino} ${statSync(join(dir, f)).mtimeMs}`]));
const post = (dir: string, name: string) => join(dir, 'posts', name);

describe('rebuilds', () => {
  it('parse, transform, render and write nothing when nothing changed', async () => {
    const dir = project();
    const first = await build(dir);
    expect(first.work).toMatchObject({ postsParsed: first.posts.length + first.skipped.length, articlesTransformed: first.posts.length, pagesRendered: first.pages });
    const before = stamps(join(dir, 'site'));
    const again = await build(dir);
    expect(again.work).toEqual({ postsParsed: 0, articlesTransformed: 0, pagesRendered: 0, filesWritten: 0, filesRemoved: 0 });
    expect(stamps(join(dir, 'site'))).toEqual(before);
    // The report is the same report.
    expect({ ...again, work: undefined, durationMs: 0 }).toEqual({ ...first, work: undefined, durationMs: 0 });
  });

  it('do not parse a post whose file was only touched, and do re-read one edited without changing its size or time', async () => {
    const dir = project();
    await build(dir);
    const file = post(dir, '2021-11-05-hk-court-online-media-ruling.md');
    const later = new Date(Date.now() - 60_000);
    utimesSync(file, later, later);
    expect((await build(dir)).work).toMatchObject({ postsParsed: 0, pagesRendered: 0 });

    // Same size, same modification time, other bytes: the change time still tells.
    const { mtime } = statSync(file);
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('香港', '九龍');
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    writeFileSync(file, edited);
    utimesSync(file, mtime, mtime);
    const report = await build(dir);
    expect(report.work).toMatchObject({ postsParsed: 1, articlesTransformed: 1 });
    await expectCleanBuildEqual(dir);
  });

  it('re-render from cached articles after a template edit, without parsing or transforming', async () => {
    const dir = project();
    const first = await build(dir);
    const template = join(dir, 'templates/post.njk');
    writeFileSync(template, readFileSync(template, 'utf8').replace('{% endblock %}', '<p class="edited">edited</p>\n{% endblock %}'));
    const report = await build(dir);
    expect(report.work).toMatchObject({ postsParsed: 0, articlesTransformed: 0 });
    // Every post page, and only the post pages (the lists use other templates).
    expect(report.work.pagesRendered).toBe(first.posts.length);
    expect(report.work.filesWritten).toBe(first.posts.length);
    await expectCleanBuildEqual(dir);
  });

  it('process only a new post and the pages that list it or link to it', async () => {
    const dir = project();
    const first = await build(dir);
    writeFileSync(
      post(dir, '2025-03-01-new-article.md'),
      '---\ntitle: 新文章\ndate: 2025-03-01 10:00:00 +0800\ntags: [贸易]\ncategories: [自由亚洲电台]\nfrom: https://www.rfa.org/mandarin/new-article.html\n---\n<p>今天的新文章。</p>\n',
    );
    const report = await build(dir);
    expect(report.posts).toHaveLength(first.posts.length + 1);
    expect(report.work.postsParsed).toBe(1);
    expect(report.work.articlesTransformed).toBe(1);
    expect(report.work.pagesRendered).toBeGreaterThan(1);
    expect(report.work.pagesRendered).toBeLessThan(first.pages / 2);
    await expectCleanBuildEqual(dir);
  });

  it('remove the pages of a deleted post, and put back an output file deleted by hand', async () => {
    const dir = project();
    await build(dir);
    rmSync(post(dir, '2019-05-09-trade-envoys-resume-talks.md'));
    const page = listFiles(join(dir, 'site')).find((f) => f.startsWith('2021/11/05/'))!;
    rmSync(join(dir, 'site', page));
    const report = await build(dir);
    expect(report.work.filesRemoved).toBeGreaterThan(0);
    expect(listFiles(join(dir, 'site')).some((f) => f.startsWith('2019/05/09/'))).toBe(false);
    expect(listFiles(join(dir, 'site'))).toContain(page);
    await expectCleanBuildEqual(dir);
  });

  it('put back a page deleted by hand when nothing else changed, rendering only that page', async () => {
    const dir = project();
    await build(dir);
    const page = listFiles(join(dir, 'site')).find((f) => f.startsWith('2021/11/05/'))!;
    rmSync(join(dir, 'site', page));
    expect((await build(dir)).work).toEqual({ postsParsed: 0, articlesTransformed: 0, pagesRendered: 1, filesWritten: 1, filesRemoved: 0 });
    await expectCleanBuildEqual(dir);
  });

  it('report a page that failed to render again when nothing changed, with the same exit code', async () => {
    const dir = project();
    writeFileSync(join(dir, 'templates/broken.njk'), '{% extends "post.njk" %}{% block main %}{{ nothing() }}{% endblock %}\n');
    const file = post(dir, '2021-11-05-hk-court-online-media-ruling.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title:/m, 'layout: broken\ntitle:'));
    const first = await runCli(['build', '--out', 'site', '-q'], dir);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('posts/2021-11-05-hk-court-online-media-ruling.md');
    expect(first.stderr).toContain('broken.njk');
    const again = await runCli(['build', '--out', 'site', '-q'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(first.stderr);
  });

  it('trust nothing when the state is gone (a build killed while committing): stray and altered files are repaired', async () => {
    const dir = project();
    await build(dir);
    rmSync(join(dir, '.cache/gazette/state'), { recursive: true });
    writeFileSync(join(dir, 'site/stray.html'), 'left over');
    writeFileSync(join(dir, 'site/index.html'), 'half written');
    const report = await build(dir);
    expect(report.work).toMatchObject({ postsParsed: report.posts.length + report.skipped.length, articlesTransformed: 0, filesWritten: 1, filesRemoved: 1 });
    await expectCleanBuildEqual(dir);
  });

  it('keep one state per output folder', async () => {
    const dir = project();
    await build(dir);
    expect((await runCli(['build', '--out', 'other', '-q'], dir)).code).toBe(0);
    expect(readdirSync(join(dir, '.cache/gazette/state'))).toHaveLength(2);
    expect((await build(dir)).work.pagesRendered).toBe(0);
  });
});

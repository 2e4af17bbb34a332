import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { differences, listFiles } from '../helpers/site-files.js';
import type { BuildReport } from '../../src/report.js';

/**
 * The cache (.cache/gazette/) is not trusted because it is there: an archive may ship one, and
 * anyone who can write into it could put anything into the pages. Files of it that gazette did
 * not write on this machine (with this user's key) are read as misses: never shown, written
 * again, never an error. Each forgery below keeps the file's shape, as an attacker would, and
 * the next build's output must be a clean build's, byte for byte.
 */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-cache-trust-'));
  for (const entry of ['posts', 'templates', 'gazette.config.yml']) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  return dir;
}

async function build(dir: string, env: Record<string, string> = {}): Promise<BuildReport> {
  const result = await runCli(['build', '--out', 'site', '-q', '--report', 'report.json'], dir, env);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toBe('');
  return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as BuildReport;
}

/** site/ is what a clean build (no cache) of the same project gives, and no file of it holds any of `markers`. */
async function expectClean(dir: string, ...markers: string[]): Promise<void> {
  const site = join(dir, 'site');
  for (const marker of markers) expect(listFiles(site).filter((file) => readFileSync(join(site, file), 'utf8').includes(marker))).toEqual([]);
  rmSync(join(dir, 'clean'), { recursive: true, force: true });
  expect((await runCli(['build', '--out', 'clean', '-q', '--no-cache'], dir)).code).toBe(0);
  expect(differences(site, join(dir, 'clean'))).toEqual([]);
}

const cacheFiles = (dir: string, folder: string, ext: string) => listFiles(join(dir, '.cache/gazette', folder)).filter((f) => f.endsWith(ext)).map((f) => join(dir, '.cache/gazette', folder, f));

/** Rewrites every cached article entry, keeping whatever comes before its JSON. */
function forgeEntries(dir: string, change: (article: Record<string, unknown>) => void): void {
  for (const file of cacheFiles(dir, 'articles', '.json')) {
    const text = readFileSync(file, 'utf8');
    const start = text.indexOf('{');
    const entry = JSON.parse(text.slice(start)) as { article: Record<string, unknown> };
    change(entry.article);
    writeFileSync(file, text.slice(0, start) + JSON.stringify(entry));
  }
}

/** Rewrites every build state's records of one table ('f' files, 'a' articles), keeping its other lines. */
function forgeState(dir: string, table: 'f' | 'a', change: (record: Record<string, any>) => void): void {
  for (const file of cacheFiles(dir, 'state', '.json')) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const forged = lines.map((line) => {
      if (!line.startsWith(`["${table}",`)) return line;
      const parsed = JSON.parse(line) as [string, string, Record<string, unknown>];
      change(parsed[2]);
      return JSON.stringify(parsed);
    });
    expect(forged).not.toEqual(lines);
    writeFileSync(file, forged.join('\n'));
  }
}

const cachedText = (dir: string) => cacheFiles(dir, '', '').map((f) => readFileSync(f, 'latin1')).join('\n');

describe('the cache trusts only what this machine wrote', () => {
  it('never puts a planted article (meta refresh, script) into a page, and writes the entry again', async () => {
    const dir = project();
    const first = await build(dir);
    forgeEntries(dir, (article) => {
      article.html = `<meta http-equiv="refresh" content="0;url=https://evil.example/"><script>location = 'https://evil.example/'</script>${String(article.html)}`;
    });
    rmSync(join(dir, 'site'), { recursive: true });
    const report = await build(dir);
    await expectClean(dir, 'evil.example');
    // Every entry was a miss, and was written again: the cache no longer holds the forgery.
    expect(report.work.articlesTransformed).toBe(first.posts.length);
    expect(cachedText(dir)).not.toContain('evil.example');
    // And this machine's entries are used again.
    rmSync(join(dir, 'site'), { recursive: true });
    expect((await build(dir)).work.articlesTransformed).toBe(0);
  });

  it('shows no forged summary (excerpt, lead image, credit) from an entry on the list pages', async () => {
    const dir = project();
    await build(dir);
    forgeEntries(dir, (article) => {
      article.excerpt = 'FORGED excerpt';
      article.leadImage = { src: 'https://evil.example/pixel.gif', alt: 'FORGED' };
      article.credit = 'FORGED credit';
    });
    // Without the state, the summaries come from the entries.
    rmSync(join(dir, 'site'), { recursive: true });
    rmSync(join(dir, '.cache/gazette/state'), { recursive: true });
    await build(dir);
    await expectClean(dir, 'FORGED', 'evil.example');
  });

  it('shows no forged summary from the build state', async () => {
    const dir = project();
    await build(dir);
    forgeState(dir, 'a', (record) => {
      record.summary = { ...record.summary, excerpt: 'FORGED excerpt', leadImage: { src: 'https://evil.example/pixel.gif', alt: 'FORGED' } };
    });
    rmSync(join(dir, 'site'), { recursive: true });
    await build(dir);
    await expectClean(dir, 'FORGED', 'evil.example');
  });

  it('uses no forged file record, though it names the post file’s hash (another title and URL)', async () => {
    const dir = project();
    await build(dir);
    forgeState(dir, 'f', (record) => {
      const post = record.result?.post as Record<string, unknown> | undefined;
      if (post) Object.assign(post, { title: 'FORGED title', url: `${String(post.url)}forged/` });
    });
    rmSync(join(dir, 'site'), { recursive: true });
    const report = await build(dir);
    expect(report.posts.some((p) => JSON.stringify(p).includes('FORGED'))).toBe(false);
    await expectClean(dir, 'FORGED', 'forged/');
  });

  it('puts no forged search terms into the search index', async () => {
    const dir = project();
    await build(dir);
    const entries = cacheFiles(dir, 'articles', '.json');
    expect(entries.length).toBeGreaterThan(0);
    for (const file of entries) {
      const text = readFileSync(file, 'utf8');
      const start = text.indexOf('{');
      const entry = JSON.parse(text.slice(start)) as { terms: [string, number[]] };
      expect(entry.terms[0].length).toBeGreaterThan(0);
      entry.terms = ['zzforgedterm\ncasino', [100, 100]];
      writeFileSync(file, text.slice(0, start) + JSON.stringify(entry));
    }
    rmSync(join(dir, 'site'), { recursive: true });
    await build(dir);
    await expectClean(dir, 'zzforgedterm');
  });

  it('publishes no search index file planted in the cache’s copy of the index, and keeps a sound copy again', async () => {
    const dir = project();
    await build(dir);
    const shards = cacheFiles(dir, 'search', '.json').filter((file) => /[/][tn][/]\d+\.json$/.test(file));
    expect(shards.length).toBeGreaterThan(0);
    // (The copy's files are the output's, linked: the output is deleted before the next build, as on a fresh runner.)
    rmSync(join(dir, 'site'), { recursive: true });
    for (const file of shards) writeFileSync(file, '{"zzforgedterm":[[0],[100],[100]]}');
    const report = await build(dir);
    expect(report.work.articlesTransformed).toBe(0);
    await expectClean(dir, 'zzforgedterm');
    expect(cachedText(dir)).not.toContain('zzforgedterm');
  });

  it('publishes no search index from a copy whose manifest was rewritten to match planted files', async () => {
    const dir = project();
    await build(dir);
    const [manifest] = cacheFiles(dir, 'search', 'manifest.json');
    const text = readFileSync(manifest!, 'utf8');
    const sealLine = text.slice(0, text.indexOf('\n') + 1);
    const body = JSON.parse(text.slice(sealLine.length)) as { files: [string, string][] };
    const forged = '{"zzforgedterm":[[0],[100],[100]]}';
    const data = join(manifest!, '..', 'data');
    rmSync(join(dir, 'site'), { recursive: true });
    for (const entry of body.files) {
      if (!/^[tn]\//.test(entry[0])) continue;
      writeFileSync(join(data, entry[0]), forged);
      entry[1] = createHash('sha256').update(forged).digest('hex');
    }
    writeFileSync(manifest!, sealLine + JSON.stringify(body));
    await build(dir);
    await expectClean(dir, 'zzforgedterm');
  });

  it('ignores a whole cache written on another machine: the build succeeds as a cold one, then reuses its own', async () => {
    const dir = project();
    const otherMachine = mkdtempSync(join(tmpdir(), 'gazette-other-machine-'));
    const first = await build(dir, { XDG_CACHE_HOME: otherMachine });
    rmSync(join(dir, 'site'), { recursive: true });
    // This machine (the test run's own key): neither the state nor any entry is used.
    const here = await build(dir);
    expect(here.work).toMatchObject({ postsParsed: first.work.postsParsed, articlesTransformed: first.posts.length, pagesRendered: first.pages });
    await expectClean(dir);
    rmSync(join(dir, 'site'), { recursive: true });
    expect((await build(dir)).work).toMatchObject({ postsParsed: 0, articlesTransformed: 0 });
    // The other machine's key was made on its first use, outside the project, readable by its user alone.
    expect(readdirSync(join(otherMachine, 'gazette'))).toEqual(['key']);
    expect(statSync(join(otherMachine, 'gazette/key')).mode & 0o777).toBe(0o600);
  });

  it('builds without the cache, and says so, when its key can be neither read nor made', async () => {
    const dir = project();
    // (A file where the key's folder should be: root may write anywhere, so no permissions test.)
    const notAFolder = join(dir, 'not-a-folder');
    writeFileSync(notAFolder, '');
    const result = await runCli(['build', '--out', 'site', '-q'], dir, { XDG_CACHE_HOME: notAFolder });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`gazette: warning: building without the cache: cannot read or make its key ${join(notAFolder, 'gazette/key')}`);
    expect(existsSync(join(dir, '.cache'))).toBe(false);
    await expectClean(dir);
  });

  it('makes a new key when its file is damaged: what the old key sealed is then a miss, never an error', async () => {
    const dir = project();
    const machine = mkdtempSync(join(tmpdir(), 'gazette-damaged-key-'));
    const first = await build(dir, { XDG_CACHE_HOME: machine });
    mkdirSync(join(machine, 'gazette'), { recursive: true });
    writeFileSync(join(machine, 'gazette/key'), 'not a key\n');
    rmSync(join(dir, 'site'), { recursive: true });
    expect((await build(dir, { XDG_CACHE_HOME: machine })).work.articlesTransformed).toBe(first.posts.length);
    expect(readFileSync(join(machine, 'gazette/key'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    await expectClean(dir);
  });
});

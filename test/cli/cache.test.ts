import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { differences } from '../helpers/site-files.js';

/**
 * The article cache (.cache/gazette/) is never wrong: a build that uses it gives the same
 * bytes as one that does not, and an article whose links depend on the rest of the archive
 * is redone when the archive changes under it.
 */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-cache-'));
  cpSync(join(root, 'posts'), join(dir, 'posts'), { recursive: true });
  cpSync(join(root, 'gazette.config.yml'), join(dir, 'gazette.config.yml'));
  return dir;
}

const same = (a: string, b: string) => expect(differences(a, b)).toEqual([]);

describe('the article cache', () => {
  it('gives byte-identical output from a warm cache, and --no-cache writes none', async () => {
    const dir = project();
    expect((await runCli(['build', '--out', 'cold', '-q'], dir)).code).toBe(0);
    expect(existsSync(join(dir, '.cache/gazette/articles'))).toBe(true);
    expect((await runCli(['build', '--out', 'warm', '-q'], dir)).code).toBe(0);
    same(join(dir, 'cold'), join(dir, 'warm'));
    const fresh = project();
    expect((await runCli(['build', '--out', 'site', '-q', '--no-cache'], fresh)).code).toBe(0);
    expect(existsSync(join(fresh, '.cache'))).toBe(false);
    same(join(dir, 'cold'), join(fresh, 'site'));
  });

  it('redoes an article when a post it links to enters or leaves the archive', async () => {
    const dir = project();
    const seed = join(dir, 'posts/2024-11-14-biden-xi-meeting-rfa.md');
    const linking = '2025/02/18/us-china-trade-talks-tariffs-02182025181200/index.html';
    const archivedLink = 'href="../../../../2024/11/15/jw-xi-jinping-to-meet-biden-11142024140853/"';
    // The seed is out of the archive: the 2025 post links to its original.
    renameSync(seed, join(dir, 'seed.away'));
    expect((await runCli(['build', '--out', 'site', '-q'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'site', linking), 'utf8')).not.toContain(archivedLink);
    // The seed comes back: the cached 2025 article looked it up and found nothing, so it is redone.
    renameSync(join(dir, 'seed.away'), seed);
    expect((await runCli(['build', '--out', 'site', '-q'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'site', linking), 'utf8')).toContain(archivedLink);
    // And leaves again: the link goes back to the original.
    renameSync(seed, join(dir, 'seed.away'));
    expect((await runCli(['build', '--out', 'site', '-q'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'site', linking), 'utf8')).not.toContain(archivedLink);
  });

  it('keeps itself out of git: `git add -A` after a build stages nothing under .cache/', async () => {
    const dir = project();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    expect((await runCli(['build', '--out', 'site', '-q'], dir)).code).toBe(0);
    expect(existsSync(join(dir, '.cache/gazette/articles'))).toBe(true);
    git('add', '-A');
    const staged = git('diff', '--cached', '--name-only').split('\n').filter(Boolean);
    expect(staged.some((path) => path.startsWith('posts/'))).toBe(true);
    expect(staged.filter((path) => path.startsWith('.cache/'))).toEqual([]);
    // Backup tools skip it too (the cache-directory tag's standard first line).
    expect(readFileSync(join(dir, '.cache/gazette/CACHEDIR.TAG'), 'utf8')).toMatch(/^Signature: 8a477f597d28d172789f06886806bc55/);
  });

  it("leaves a .gitignore of the user's own in the cache folder as it is", async () => {
    const dir = project();
    mkdirSync(join(dir, '.cache/gazette'), { recursive: true });
    writeFileSync(join(dir, '.cache/gazette/.gitignore'), 'articles/\n');
    expect((await runCli(['build', '--out', 'site', '-q'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, '.cache/gazette/.gitignore'), 'utf8')).toBe('articles/\n');
  });
});

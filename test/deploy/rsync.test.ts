import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseUrlProblems, checkout, runStep } from '../helpers/deploy.js';
import { root } from '../helpers/paths.js';
import { brokenReferences, differences, listFiles } from '../helpers/site-files.js';

/**
 * examples/deploy-rsync.sh, run with a local folder as the server's: the site built with
 * the base path from the config lands there whole; a rebuild with nothing changed sends
 * nothing; after an edit it sends exactly the files gazette rewrote (the others keep their
 * modification time, which is also what `aws s3 sync` decides by) and deletes the pages of
 * a deleted post; from a fresh build, `--checksum` sends only what differs.
 */
const hasRsync = (() => {
  try {
    execFileSync('rsync', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
// CI installs rsync (.ci/run), so there a missing one fails; elsewhere the test is skipped with a note.
if (!hasRsync && process.env.CI !== 'true') console.warn('rsync tests skipped: no rsync (apt-get install -y rsync)');

const script = join(root, 'examples/deploy-rsync.sh');
const baseUrl = 'https://archive.example.org/archive';

/** Runs the recipe in `dir` to `dest` with rsync's itemized changes; returns the files sent and deleted. */
async function deploy(dir: string, dest: string, ...options: string[]): Promise<{ sent: string[]; deleted: string[] }> {
  const result = await runStep(`sh ${script} ${dest}/ --itemize-changes --8-bit-output ${options.join(' ')}`, dir);
  expect(result.code, result.stderr).toBe(0);
  const lines = result.stdout.split('\n');
  const after = (prefix: string) => lines.filter((l) => l.startsWith(prefix) && !l.endsWith('/')).map((l) => l.slice(l.indexOf(' ') + 1).trim()).sort();
  return { sent: after('>f'), deleted: after('*deleting') };
}

const mtimes = (dir: string) => new Map(listFiles(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));

/** rsync compares modification times to the second: a test's rebuild must not fall in the previous one's second. */
async function nextSecond(): Promise<void> {
  await new Promise((done) => setTimeout(done, 1000 - (Date.now() % 1000) + 10));
}

describe.runIf(hasRsync || process.env.CI === 'true')('the rsync recipe (examples/deploy-rsync.sh)', () => {
  let dir: string;
  let dest: string;
  let first: { sent: string[]; deleted: string[] };

  beforeAll(async () => {
    dir = checkout();
    const config = join(dir, 'gazette.config.yml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^baseurl: .*$/m, 'baseurl: /archive'));
    dest = join(mkdtempSync(join(tmpdir(), 'gazette-www-')), 'archive');
    first = await deploy(dir, dest);
  });

  it('copies the site built with the config’s base path whole', () => {
    const site = join(dir, '_site');
    expect(first.sent).toEqual(listFiles(site));
    expect(differences(site, dest)).toEqual([]);
    expect(baseUrlProblems(dest, baseUrl)).toEqual([]);
    expect(brokenReferences(dest, '/archive')).toEqual([]);
  });

  it('sends nothing when nothing changed, and after an edit exactly the files gazette rewrote', async () => {
    const site = join(dir, '_site');
    expect(await deploy(dir, dest)).toEqual({ sent: [], deleted: [] });

    const before = mkdtempSync(join(tmpdir(), 'gazette-before-'));
    cpSync(site, before, { recursive: true });
    const times = mtimes(site);
    await nextSecond();
    const edited = join(dir, 'posts/2021-11-05-hk-court-online-media-ruling.md');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n<p>更正：本文已更新。</p>\n`);
    rmSync(join(dir, 'posts/2019-05-09-trade-envoys-resume-talks.md'));
    const { sent, deleted } = await deploy(dir, dest);

    const files = new Set(listFiles(site));
    const changed = differences(before, site).filter((f) => files.has(f));
    expect(sent).toEqual(changed);
    expect(sent.some((f) => f.startsWith('2021/11/05/'))).toBe(true);
    expect(sent.length).toBeLessThan(files.size / 2);
    expect(deleted).toEqual(listFiles(before).filter((f) => !files.has(f)));
    expect(deleted.some((f) => f.startsWith('2019/05/09/'))).toBe(true);
    // What `aws s3 sync` decides by: the changed files are newer, the others kept their time.
    const now = mtimes(site);
    for (const f of files) expect(now.get(f), f).toBe(changed.includes(f) ? now.get(f) : times.get(f));
    for (const f of changed) expect(now.get(f)! > (times.get(f) ?? 0), f).toBe(true);
    expect(differences(site, dest)).toEqual([]);
  });

  it('sends only the files that differ from a fresh build with --checksum', async () => {
    const served = mkdtempSync(join(tmpdir(), 'gazette-served-'));
    cpSync(dest, served, { recursive: true });
    const fresh = checkout();
    const config = join(fresh, 'gazette.config.yml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^baseurl: .*$/m, 'baseurl: /archive'));
    const { sent } = await deploy(fresh, dest, '--checksum');
    const files = new Set(listFiles(join(fresh, '_site')));
    expect(sent).toEqual(differences(served, join(fresh, '_site')).filter((f) => files.has(f)));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(files.size / 2);
    expect(differences(join(fresh, '_site'), dest)).toEqual([]);
  });
});

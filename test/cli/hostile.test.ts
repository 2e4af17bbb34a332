import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report.js';
import { cli, root, sharedCorpus, hasSharedCorpus } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles } from '../helpers/site-files.js';

/**
 * Hostile and broken input never crashes a build, never writes outside the output
 * folder and never loses the previous site. Fixtures are made here: some are megabytes.
 */
const work = mkdtempSync(join(tmpdir(), 'gazette-hostile-'));
const posts = join(work, 'posts');
const outside = join(work, 'outside');
const post = (title: string, extra = '', body = 'Body.') => `---\ntitle: ${title}\ndate: 2024-01-01 12:00:00 +0800\n${extra}---\n${body}\n`;

beforeAll(() => {
  mkdirSync(posts, { recursive: true });
  mkdirSync(outside, { recursive: true });
  const w = (name: string, text: string | Buffer) => writeFileSync(join(posts, name), text);
  w('2024-01-01-deep.md', post('deep', '', `${'<div>'.repeat(10_000)}deep${'</div>'.repeat(10_000)}`));
  w('2024-01-01-huge.md', post('huge', '', `<div>${'<p>新闻自由的记录。The record of a free press.</p>'.repeat(110_000)}</div>`));
  w('2024-01-01-empty.md', '');
  w('2024-01-01-binary.md', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
  w('2024-01-01-bad-utf8.md', Buffer.concat([Buffer.from(post('bad')), Buffer.from([0xc3, 0x28, 0xa0, 0xa1])]));
  const aliases = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g']]) aliases.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  w('2024-01-01-alias-bomb.md', `---\ntitle: bomb\n${aliases.join('\n')}\n---\nbody\n`);
  w('2024-01-01-climb.md', post('climb', 'permalink: /../../../escaped/\n'));
  w('2024-01-01-encoded-climb.md', post('encoded', 'permalink: /%2e%2e/%2e%2e/escaped2/\n'));
  w('2024-01-01-device.md', post('device', 'permalink: /con/aux.html\n'));
  w('2024-01-01-Case.md', post('Case', 'slug: Case\npermalink: /:title/\n'));
  w('2024-01-01-case.md', post('case', 'slug: case\npermalink: /:title/\n'));
  w('2024-01-01-wrong-types.md', `---\ntitle: 12345\ndate: null\ntags: { a: 1 }\ncategories: [ [nested], 7 ]\nauthor: [x, y]\n---\nBody.\n`);
  writeFileSync(join(outside, '2024-01-01-secret.md'), post('secret'));
  symlinkSync(join(outside, '2024-01-01-secret.md'), join(posts, '2024-01-01-link.md'));
  symlinkSync(outside, join(posts, 'linked-folder'));
});

describe('gazette build on hostile input', () => {
  let result: Awaited<ReturnType<typeof runCli>>;
  let report: BuildReport;
  const out = join(work, 'site');

  beforeAll(async () => {
    result = await runCli(['build', '--posts', posts, '--out', out, '--report', join(work, 'report.json')]);
    report = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')) as BuildReport;
  }, 120_000);

  it('reports each bad post and builds the others, exiting 1', () => {
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('internal error');
    const error = (name: string) => report.errors.find((e) => e.source.endsWith(name))?.message;
    expect(error('2024-01-01-deep.md')).toMatch(/nested too deeply/);
    expect(error('2024-01-01-binary.md')).toMatch(/not valid UTF-8/);
    expect(error('2024-01-01-bad-utf8.md')).toMatch(/not valid UTF-8/);
    expect(error('2024-01-01-alias-bomb.md')).toMatch(/alias/i);
    expect(error('2024-01-01-encoded-climb.md')).toMatch(/would leave the output folder/);
    const built = report.posts.map((p) => p.source.split('/').pop());
    expect(built).toEqual(expect.arrayContaining(['2024-01-01-huge.md', '2024-01-01-empty.md', '2024-01-01-climb.md', '2024-01-01-device.md', '2024-01-01-wrong-types.md']));
  });

  it('keeps every word of a 5 MB post', () => {
    const huge = report.posts.find((p) => p.source.endsWith('huge.md'))!;
    expect(huge.textRetention).toBe(1);
    expect(readFileSync(join(root, huge.output)).length).toBeGreaterThan(5_000_000);
  });

  it('writes nothing outside the output folder and neutralises Windows device names', () => {
    expect(existsSync(join(work, 'escaped'))).toBe(false);
    expect(existsSync(join(out, 'escaped/index.html'))).toBe(true);
    expect(listFiles(out)).toContain('con_/aux_.html');
  });

  it('does not follow symbolic links, and says so', () => {
    expect(report.posts.some((p) => p.title === 'secret')).toBe(false);
    expect(report.warnings.filter((w) => /symbolic link not followed/.test(w.message)).map((w) => w.source.split('/').pop()).sort()).toEqual(['2024-01-01-link.md', 'linked-folder']);
  });

  it('builds two articles whose URLs differ only by case on distinct URLs, and says so', () => {
    expect(report.warnings.filter((w) => /differs only by case/.test(w.message)).map((w) => [w.source.split('/').pop(), w.message])).toEqual([
      ['2024-01-01-case.md', expect.stringMatching(/^its URL \/case\/ differs only by case from \/Case\/, the URL of .*2024-01-01-Case\.md, another article: this one is built at \/case-2\/ /)],
    ]);
    expect(listFiles(out)).toEqual(expect.arrayContaining(['Case/index.html', 'case-2/index.html']));
  });

  it('coerces values of the wrong type', () => {
    const p = report.posts.find((x) => x.source.endsWith('wrong-types.md'))!;
    expect(p).toMatchObject({ title: '12345', tags: [], categories: ['nested', '7'] });
    expect(p.date.startsWith('2024-01-01')).toBe(true);
  });
});

describe.skipIf(!hasSharedCorpus)('a killed build', () => {
  it('leaves the previous complete site in place', async () => {
    const out = join(work, 'kept');
    expect((await runCli(['build', '--out', out, '-q'])).code).toBe(0);
    const before = listFiles(out);
    // A build of the whole real corpus takes seconds; kill it while it writes.
    const child = spawn(process.execPath, [cli, 'build', '--posts', join(sharedCorpus, 'real'), '--out', out, '-q'], { cwd: root, stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(listFiles(out)).toEqual(before);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('墙外新闻存档');
    // The next build clears the killed one's staging folder and succeeds.
    expect((await runCli(['build', '--out', out, '-q'])).code).toBe(0);
    expect(listFiles(out)).toEqual(before);
  });
});

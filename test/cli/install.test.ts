import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/paths.js';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * The README's way to install gazette in an archive of one's own, done as a user does it:
 * gazette is not on the npm registry, so it is packed from this repository (`npm pack`) and
 * the archive installs the tarball; then `npx gazette build` builds the archive. A runtime
 * dependency left in devDependencies, or a file the package needs but does not ship, fails here.
 */
describe('installing gazette from a packed tarball', () => {
  it('installs into an archive of its own and builds it with npx gazette build', { timeout: 240_000 }, async () => {
    const work = mkdtempSync(join(tmpdir(), 'gazette-install-'));
    // `npm test` has compiled dist/ already; --ignore-scripts keeps `prepare` from compiling it
    // again under the feet of the tests running beside this one.
    await run(npm, ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: root });
    const tarball = readdirSync(work).find((name) => /^gazette-.*\.tgz$/.test(name));
    expect(tarball).toBeDefined();

    const archive = join(work, 'my-archive');
    cpSync(join(root, 'posts'), join(archive, 'posts'), { recursive: true });
    writeFileSync(join(archive, 'package.json'), JSON.stringify({ name: 'my-archive', private: true }));
    await run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball!)], { cwd: archive });

    const { stderr } = await run(npm, ['exec', '--no', '--', 'gazette', 'build', '--no-cache'], { cwd: archive });
    // The home page lists the seed post, newest first, as the sample build's does.
    expect(readFileSync(join(archive, '_site/index.html'), 'utf8')).toContain('习近平 美中关系困扰何在？');
    expect(stderr).not.toMatch(/error/i);
  });
});

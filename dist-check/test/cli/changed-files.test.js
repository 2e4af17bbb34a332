import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { differences, listFiles } from '../helpers/site-files.js';
/**
 * A rebuild rewrites only the files whose bytes changed (the others keep their inode and
 * modification time, so rsync- or S3-style deploys upload only changes), removes the files
 * of deleted posts, and leaves an output byte-identical to a clean build.
 */
const inodes = (dir) => new Map(listFiles(dir).map((f) => [f, statSync(join(dir, f)).ino]));
describe('writing only what changed', () => {
    it('keeps unchanged files, replaces changed ones and removes stale ones', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'gazette-changed-'));
        cpSync(join(root, 'posts'), join(dir, 'posts'), { recursive: true });
        cpSync(join(root, 'gazette.config.yml'), join(dir, 'gazette.config.yml'));
        expect((await runCli(['build', '--out', 'site', '-q'], dir)).code).toBe(0);
        const first = inodes(join(dir, 'site'));
        expect((await runCli(['build', '--out', 'site', '-q'], dir)).code).toBe(0);
        expect(inodes(join(dir, 'site'))).toEqual(first);
        // Edit one post's body and delete another.
        const edited = join(dir, 'posts/2021-11-05-hk-court-online-media-ruling.md');
        writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n<p>更正：本文已更新。</p>\n`);
        rmSync(join(dir, 'posts/2019-05-09-trade-envoys-resume-talks.md'));
        expect((await runCli(['build', '--out', 'site', '-q'], dir)).code).toBe(0);
        const after = inodes(join(dir, 'site'));
        const editedPage = [...after.keys()].find((f) => f.startsWith('2021/11/05/'));
        expect(readFileSync(join(dir, 'site', editedPage), 'utf8')).toContain('更正：本文已更新。');
        expect(after.get(editedPage)).not.toBe(first.get(editedPage));
        expect([...after.keys()].some((f) => f.startsWith('2019/05/09/'))).toBe(false);
        const kept = [...after].filter(([f, ino]) => first.get(f) === ino).length;
        expect(kept).toBeGreaterThan(after.size / 2);
        expect(after.get('assets/gazette.css')).toBe(first.get('assets/gazette.css'));
        // Byte-identical to a clean build of the same inputs.
        expect((await runCli(['build', '--out', 'clean', '-q', '--no-cache'], dir)).code).toBe(0);
        expect(differences(join(dir, 'site'), join(dir, 'clean'))).toEqual([]);
    });
});
//# sourceMappingURL=changed-files.test.js.map
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync } from 'node:fs';
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
function project() {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-cache-'));
    cpSync(join(root, 'posts'), join(dir, 'posts'), { recursive: true });
    cpSync(join(root, 'gazette.config.yml'), join(dir, 'gazette.config.yml'));
    return dir;
}
const same = (a, b) => expect(differences(a, b)).toEqual([]);
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
});
//# sourceMappingURL=cache.test.js.map
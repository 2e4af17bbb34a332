import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasSharedCorpus, root, sharedCorpus } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
/**
 * Every archive of the real corpus (../shared/corpus/real, public repositories' posts with
 * all their quirks) builds or reports clear per-post errors, never crashes. Skipped only
 * where the shared corpus is absent (a clone outside the workplace); CI has it.
 */
const realDir = join(sharedCorpus, 'real');
const folders = hasSharedCorpus ? readdirSync(realDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];
const work = mkdtempSync(join(tmpdir(), 'gazette-real-'));
describe.skipIf(!hasSharedCorpus)('gazette build on the real corpus', () => {
    it.each(folders)('%s builds or reports per-post errors', async (folder) => {
        const posts = relative(root, join(realDir, folder));
        const out = join(work, folder);
        const reportFile = join(work, `${folder}.json`);
        const r = await runCli(['build', '--posts', posts, '--out', out, '--report', reportFile, '--quiet']);
        expect(r.stderr).not.toContain('internal error');
        expect([0, 1]).toContain(r.code);
        const report = JSON.parse(readFileSync(reportFile, 'utf8'));
        expect(r.code).toBe(report.errors.length > 0 ? 1 : 0);
        for (const error of report.errors) {
            expect(error.source.startsWith(posts)).toBe(true);
            expect(r.stderr).toContain(`${error.source}${error.line !== undefined ? `:${error.line}` : ''}: ${error.message}`);
        }
        for (const post of report.posts)
            expect(existsSync(join(root, post.output))).toBe(true);
        expect(report.posts.length + report.skipped.length + report.errors.length).toBeGreaterThan(0);
        expect(existsSync(join(out, 'index.html'))).toBe(true);
    });
});
//# sourceMappingURL=real-corpus.test.js.map
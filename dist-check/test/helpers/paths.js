import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
/** The repository root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Test fixtures. */
export const fixtures = join(root, 'test/fixtures');
/** The shared corpus next to the repository (present on developer machines and in CI). */
export const sharedCorpus = resolve(root, '../shared/corpus');
export const hasSharedCorpus = existsSync(join(sharedCorpus, 'real'));
/** The compiled CLI, as `npm test` builds it before running the tests. */
export const cli = join(root, 'dist/cli.js');
//# sourceMappingURL=paths.js.map
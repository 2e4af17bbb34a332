import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests run the real CLI on whole archives.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The cache's key (see src/cache/machine-secret.ts) goes to a folder of the test run's
    // own, never the real ~/.cache: every CLI the tests start inherits this.
    env: { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'gazette-test-xdg-')) },
  },
});

import { defineConfig } from 'vitest/config';
export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        // End-to-end tests run the real CLI on whole archives.
        testTimeout: 60_000,
        hookTimeout: 60_000,
    },
});
//# sourceMappingURL=vitest.config.js.map
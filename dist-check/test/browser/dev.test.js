import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, runBrowserTests } from '../helpers/browser.js';
import { startDev } from '../helpers/dev.js';
import { root } from '../helpers/paths.js';
/**
 * `gazette dev` in Chromium: a post edited on disk makes the open page reload and show the
 * new text; a broken edit shows the error overlay over the last good page; the fix removes it.
 * The dev client runs under the pages' own Content-Security-Policy, with no console errors.
 */
describe.runIf(runBrowserTests)('gazette dev in a browser', () => {
    let browser;
    let dev;
    let dir;
    const source = 'posts/2021-11-05-hk-court-online-media-ruling.md';
    beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), 'gazette-dev-browser-'));
        cpSync(join(root, 'posts'), join(dir, 'posts'), { recursive: true });
        cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
        writeFileSync(join(dir, 'gazette.config.yml'), 'title: Dev\ntimezone: Asia/Shanghai\nbaseurl: /archive\n');
        browser = await launchChromium();
        dev = await startDev(dir);
    });
    afterAll(async () => {
        await dev?.stop();
        await browser?.close();
    });
    it('reloads on an edit, shows an overlay for a broken edit, and clears it on the fix', async () => {
        const page = await browser.newPage();
        const consoleErrors = [];
        page.on('console', (message) => {
            // Articles' remote images do not load here (no network) and there is no favicon: not the dev client's doing.
            if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
                consoleErrors.push(message.text());
        });
        page.on('pageerror', (error) => consoleErrors.push(error.message));
        // The post's page, found from the home page as a reader would.
        await page.goto(dev.url);
        const link = page.locator('a[href*="2021/11/05/"]').first();
        await link.click();
        await page.waitForURL(/\/archive\/2021\/11\/05\//);
        const postUrl = page.url();
        await page.waitForSelector('html[data-gazette-dev="connected"]');
        const file = join(dir, source);
        const good = readFileSync(file, 'utf8');
        writeFileSync(file, good.replace('</p>', '<strong>现场更新的句子。</strong></p>'));
        const sentence = page.getByText('现场更新的句子。');
        await sentence.waitFor({ timeout: 15_000 });
        expect(page.url()).toBe(postUrl);
        writeFileSync(file, good.replace(/^title: .*$/m, 'title: [unclosed'));
        const overlay = page.locator('#gazette-dev-overlay');
        await overlay.waitFor({ state: 'visible', timeout: 15_000 });
        expect(await overlay.textContent()).toContain(`${source}:`);
        expect(await overlay.textContent()).toContain('invalid YAML');
        // The last good page stays under the overlay.
        expect(await page.textContent('body')).toContain('现场更新的句子。');
        writeFileSync(file, good);
        await overlay.waitFor({ state: 'detached', timeout: 15_000 });
        await sentence.waitFor({ state: 'detached', timeout: 15_000 });
        expect(await page.locator('#gazette-dev-overlay').count()).toBe(0);
        expect(consoleErrors).toEqual([]);
    }, 90_000);
});
//# sourceMappingURL=dev.test.js.map
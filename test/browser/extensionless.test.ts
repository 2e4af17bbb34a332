import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, runBrowserTests } from '../helpers/browser.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * A site with extensionless permalinks (`/:year/:month/:day/:title`, waimei's) opened from
 * disk in Chromium: its pages are `title.html` and its links `…/title`, which only a web host
 * serves; the theme's file-links.js points them at the `.html` file, so a reader clicks from
 * the home page to a post and on to the next one.
 */
declare const document: { querySelectorAll(selector: string): Iterable<{ href: string }> };

describe.runIf(runBrowserTests)('extensionless links opened from disk', () => {
  let browser: Browser;
  let site: string;
  const problems: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-extensionless-file-'));
    mkdirSync(join(dir, 'posts'));
    writeFileSync(join(dir, 'posts', '2021-01-20-Navalny video.md'), '---\ntitle: Navalny video\ndate: 2021-01-20 10:00:00 +0800\n---\nThe video report.\n');
    writeFileSync(join(dir, 'posts', '2021-01-21-Version 2.0 released.md'), '---\ntitle: Version 2.0 released\ndate: 2021-01-21 10:00:00 +0800\n---\nA release.\n');
    writeFileSync(join(dir, 'gazette.config.yml'), 'title: Extensionless\npermalink: /:year/:month/:day/:title\n');
    const built = await runCli(['build', '-q'], dir);
    expect(built.code, built.stderr).toBe(0);
    site = join(dir, '_site');
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function openTab(): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    return page;
  }

  async function follow(page: Page, selector: string): Promise<void> {
    const before = page.url();
    await Promise.all([page.waitForURL((url) => url.href !== before), page.locator(selector).first().click()]);
  }

  const sitePath = (page: Page) => decodeURI(page.url().slice(pathToFileURL(site).href.length));

  it('goes from the home page to a post and to the next post, each its .html file', async () => {
    const page = await openTab();
    await page.goto(pathToFileURL(join(site, 'index.html')).href);
    // As built, the links have no extension; the script has pointed each at its file.
    const postLinks = await page.evaluate(() => [...document.querySelectorAll('.post-list h2 a')].map((a) => a.href));
    expect(postLinks.map((href) => decodeURI(href.slice(href.indexOf('/2021/'))))).toEqual(['/2021/01/21/Version-2.0-released.html', '/2021/01/20/Navalny-video.html']);

    await follow(page, '.post-list h2 a >> text=Navalny video');
    expect(sitePath(page)).toBe('/2021/01/20/Navalny-video.html');
    expect(await page.locator('h1.post-title').textContent()).toBe('Navalny video');
    await follow(page, 'a[rel="next"].newer');
    expect(sitePath(page)).toBe('/2021/01/21/Version-2.0-released.html');
    expect(await page.locator('.post-body').textContent()).toContain('A release.');
  });

  it('had no script error and no missing file on the way', () => {
    expect(problems).toEqual([]);
  });
});

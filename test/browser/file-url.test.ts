import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, runBrowserTests } from '../helpers/browser.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * The sample site opened from disk (file://) in Chromium, as a reader opens a copy: every
 * page reached by clicking is its index.html (the theme's file-links.js points links to
 * folders at it), styled, with no console error; and without JavaScript the pages still
 * read (a link to a folder then opens the folder).
 */
// Browser globals used inside page.evaluate, declared loosely for this module only.
declare const getComputedStyle: (element: unknown) => { display: string };
declare const document: { querySelector(selector: string): unknown; querySelectorAll(selector: string): Iterable<{ href: string }> };

describe.runIf(runBrowserTests)('the sample site opened from disk', () => {
  let browser: Browser;
  let site: string;
  const problems: string[] = [];

  beforeAll(async () => {
    site = join(mkdtempSync(join(tmpdir(), 'gazette-file-')), '_site');
    const built = await runCli(['build', '--out', site, '-q']);
    expect(built.code, built.stderr).toBe(0);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A tab that answers the news sites' images empty (offline) and records errors; files of the site must all load. */
  async function openTab(javaScriptEnabled: boolean): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.route((url) => url.protocol !== 'file:', (route) => route.fulfill({ status: 200, body: '' }));
    page.on('console', (message) => {
      const fromSite = message.location().url.startsWith('file:');
      if (message.type() === 'error' && (fromSite || !message.text().startsWith('Failed to load resource'))) problems.push(`console: ${message.text()} ${message.location().url}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      if (request.url().startsWith('file:')) problems.push(`failed: ${request.url()}`);
    });
    return page;
  }

  /** Clicks the first link `selector` finds and waits for the next page. */
  async function follow(page: Page, selector: string): Promise<void> {
    const before = page.url();
    await Promise.all([page.waitForURL((url) => url.href !== before), page.locator(selector).first().click()]);
  }

  /** Checks that the page is a file of the site, styled, with every link to a folder pointed at its index.html. */
  async function expectSitePage(page: Page, path: RegExp): Promise<void> {
    const url = page.url();
    expect(url.startsWith(pathToFileURL(site).href + '/')).toBe(true);
    expect(decodeURI(url.slice(pathToFileURL(site).href.length))).toMatch(path);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')).display)).not.toBe('inline');
    const folderLinks = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.href).filter((href) => href.startsWith('file:') && href.endsWith('/')));
    expect(folderLinks).toEqual([]);
  }

  it('walks home → a tag → a post → the next post → its month, each page its index.html', async () => {
    const page = await openTab(true);
    await page.goto(pathToFileURL(join(site, 'index.html')).href);
    expect(await page.title()).toBe('墙外新闻存档 News Archive');
    await expectSitePage(page, /^\/index\.html$/);

    await follow(page, '.site-nav a[href$="tags/index.html"]');
    await expectSitePage(page, /^\/tags\/index\.html$/);
    const tagName = (await page.locator('.term-index .term-name').first().textContent())!.trim();
    await follow(page, '.term-index a');
    await expectSitePage(page, /^\/tags\/[^/]+\/index\.html$/);
    expect(await page.locator('h1').textContent()).toContain(tagName);

    const postTitle = (await page.locator('.post-list h2 a').first().textContent())!.trim();
    await follow(page, '.post-list h2 a');
    await expectSitePage(page, /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/);
    expect(await page.locator('h1.post-title').textContent()).toBe(postTitle);

    const next = (await page.locator('a[rel="next"].newer').count()) > 0 ? 'a[rel="next"].newer' : 'a[rel="prev"].older';
    const nextTitle = (await page.locator(`${next} .post-nav-title`).textContent())!.trim();
    await follow(page, next);
    await expectSitePage(page, /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/);
    expect(await page.locator('h1.post-title').textContent()).toBe(nextTitle);

    await follow(page, 'a.post-date');
    await expectSitePage(page, /^\/\d{4}\/\d{2}\/index\.html$/);
    expect(await page.locator('.post-list h2 a').allTextContents()).toContain(nextTitle);
    await follow(page, '.page-kind a');
    await expectSitePage(page, /^\/archive\/index\.html$/);
  });

  it('reads without JavaScript, its links to folders then left as built', async () => {
    const page = await openTab(false);
    await page.goto(pathToFileURL(join(site, '2024/11/15/jw-xi-jinping-to-meet-biden-11142024140853/index.html')).href);
    expect(await page.locator('h1.post-title').textContent()).toBe('拜登"再会"习近平 美中关系困扰何在？');
    expect((await page.locator('.post-body').textContent())!.length).toBeGreaterThan(500);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')).display)).not.toBe('inline');
    // The script is what points links at index.html: without it a folder link opens the folder.
    await follow(page, '.site-nav a[href$="tags/"]');
    expect(page.url()).toBe(`${pathToFileURL(site).href}/tags/`);
  });

  it('had no console error, no script error and no missing file on the way', () => {
    expect(problems).toEqual([]);
  });
});

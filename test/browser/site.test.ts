import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, runBrowserTests, serveFolder, type StaticServer } from '../helpers/browser.js';
import { root } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * The sample site as a reader gets it, in Chromium: built for the domain root and for a
 * sub-path (a GitHub project page), served by a plain static server at that path, and
 * walked the way a reader walks it. Screenshots of the home and a post page are saved under
 * test-output/ for a person to look at.
 */
// Browser globals used inside page.evaluate, declared loosely for this module only.
declare const getComputedStyle: (element: unknown) => { display: string };
declare const document: { querySelector(selector: string): unknown; querySelectorAll(selector: string): Iterable<{ textContent: string | null }> & { length: number } };

for (const base of ['', '/archive']) {
  describe.runIf(runBrowserTests)(`the sample site served at ${base || '/'}`, () => {
    let browser: Browser;
    let server: StaticServer;
    let page: Page;
    const problems: string[] = [];

    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gazette-site-'));
      const out = join(dir, base.slice(1));
      mkdirSync(out, { recursive: true });
      const built = await runCli(['build', '--out', out, '-q', '--base-url', `https://archive.example.org${base}`]);
      expect(built.code, built.stderr).toBe(0);
      server = await serveFolder(dir);
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      // Offline and the same on every run: the news sites' images are answered empty.
      await page.route((url) => !url.href.startsWith(server.origin), (route) => route.fulfill({ status: 200, body: '' }));
      page.on('console', (message) => {
        // Images answered empty log "Failed to load resource"; files of the site are judged by their responses below.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('response', (response) => {
        // (The browser asks for /favicon.ico on its own; the theme has none.)
        if (response.status() >= 400 && response.url().startsWith(server.origin) && !response.url().endsWith('/favicon.ico')) problems.push(`${response.status()} ${response.url()}`);
      });
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Follows the first link `selector` finds, as a click does, and waits for the page. */
    async function follow(selector: string): Promise<void> {
      const before = page.url();
      await Promise.all([page.waitForURL((url) => url.href !== before), page.locator(selector).first().click()]);
    }

    it('walks home → tag → post → newer post, and pages through the home page', async () => {
      await page.goto(`${server.origin}${base}/`);
      expect(await page.title()).toBe('墙外新闻存档 News Archive');
      // The stylesheet applies: the relative link to it resolved under the base path.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).display)).not.toBe('inline');
      await page.screenshot({ path: join(root, 'test-output', `home${base.replace('/', '-')}.png`), fullPage: true });

      await follow('a[rel="next"]');
      expect(page.url()).toBe(`${server.origin}${base}/page/2/`);
      await follow('a[rel="prev"]');
      expect(page.url()).toBe(`${server.origin}${base}/`);

      await follow('.site-nav a[href$="tags/"]');
      expect(page.url()).toBe(`${server.origin}${base}/tags/`);
      const tagName = (await page.locator('.term-index .term-name').first().textContent())!.trim();
      await follow('.term-index a');
      expect(await page.locator('h1').textContent()).toContain(tagName);

      const postTitle = (await page.locator('.post-list h2 a').first().textContent())!.trim();
      await follow('.post-list h2 a');
      expect(await page.locator('h1.post-title').textContent()).toBe(postTitle);
      expect(page.url().startsWith(`${server.origin}${base}/`)).toBe(true);
      await page.screenshot({ path: join(root, 'test-output', `post${base.replace('/', '-')}.png`), fullPage: true });

      const older = page.locator('a[rel="prev"].older');
      const newer = page.locator('a[rel="next"].newer');
      const next = (await newer.count()) > 0 ? newer : older;
      const nextTitle = (await next.locator('.post-nav-title').textContent())!.trim();
      const before = page.url();
      await Promise.all([page.waitForURL((url) => url.href !== before), next.click()]);
      expect(await page.locator('h1.post-title').textContent()).toBe(nextTitle);
    });

    it('reaches a month of the date archives from a post’s date, and the year from the index', async () => {
      await page.goto(`${server.origin}${base}/2024/11/15/jw-xi-jinping-to-meet-biden-11142024140853/`);
      await follow('a.post-date');
      expect(page.url()).toBe(`${server.origin}${base}/2024/11/`);
      expect(await page.locator('.post-list h2 a').allTextContents()).toContain('拜登"再会"习近平 美中关系困扰何在？');
      await follow('.page-kind a');
      expect(page.url()).toBe(`${server.origin}${base}/archive/`);
      await follow('a.archive-year[href$="2024/"]');
      expect(page.url()).toBe(`${server.origin}${base}/2024/`);
      expect(await page.locator('.post-list li').count()).toBeGreaterThan(0);
    });

    it('searches in Chinese from the search page: either script, title matches first, matches marked', async () => {
      await page.goto(`${server.origin}${base}/`);
      await follow('.site-nav a[href$="search/"]');
      expect(page.url()).toBe(`${server.origin}${base}/search/`);
      const box = page.locator('input[type="search"]');
      const results = page.locator('ol.search-results > li');
      /** Searches as a reader does (type, Enter) and returns the titles listed once the snippets are in. */
      const search = async (query: string) => {
        await box.fill(query);
        await box.press('Enter');
        await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, query);
        // Done when the first ten results (or as many as were found) are listed with their passages.
        await page.waitForFunction(() => {
          const status = document.querySelector('.search-status') as { textContent: string } | null;
          const found = /找到 (\d+) 篇/.exec(status?.textContent ?? '');
          const snippets = [...document.querySelectorAll('.search-snippet')];
          return /没有找到/.test(status?.textContent ?? '') || (found !== null && snippets.length === Math.min(10, Number(found[1])) && snippets.every((p) => p.textContent !== ''));
        });
        return (await results.locator('a.search-title').allTextContents()).map((t) => t.trim());
      };

      const simplified = await search('习近平');
      expect(simplified[0]).toContain('习近平'); // the post with the name in its title comes first
      expect(simplified).toContain('香港記者協會發表年報 指新聞自由持續收窄'); // written in traditional characters
      expect(await results.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['习近平', '習近平']));
      await page.screenshot({ path: join(root, 'test-output', `search${base.replace('/', '-')}.png`), fullPage: true });
      expect(await search('習近平')).toEqual(simplified);

      const taiwan = await search('臺灣');
      expect(taiwan).toContain('台湾下周起放宽入境检疫 旅客改为"0+7"自主防疫');
      expect(taiwan).toContain('香港記者協會發表年報 指新聞自由持續收窄');

      // Ten at a time, with the rest behind the button.
      const common = await search('记者');
      expect(common).toHaveLength(10);
      await page.locator('button.search-more').click();
      await page.waitForFunction(() => document.querySelectorAll('ol.search-results > li').length > 10);
      expect(await page.locator('.search-status').textContent()).toMatch(/找到 1[1-9] 篇/);

      // A result leads to its post.
      const title = (await results.locator('a.search-title').first().textContent())!.trim();
      await follow('ol.search-results a.search-title');
      expect(await page.locator('h1.post-title').textContent()).toBe(title);
    });

    it('goes from a post to a related post that shares its tags', async () => {
      await page.goto(`${server.origin}${base}/2024/11/15/jw-xi-jinping-to-meet-biden-11142024140853/`);
      const tagsHere = await page.locator('.post-footer .tag-list a').allTextContents();
      const related = page.locator('.related li a');
      expect(await related.count()).toBe(5);
      const title = (await related.first().textContent())!.trim();
      await follow('.related li a');
      expect(await page.locator('h1.post-title').textContent()).toBe(title);
      const tagsThere = await page.locator('.post-footer .tag-list a').allTextContents();
      expect(tagsThere.filter((t) => tagsHere.includes(t)).length).toBeGreaterThan(0);
    });

    it('shows the 404 page for a missing URL with links that work from there', async () => {
      // A static host answers a missing URL with 404.html; here it is asked for directly, from a deep path's point of view.
      await page.goto(`${server.origin}${base}/404.html`);
      const links = await page.locator('.not-found-links a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const href of links) expect(href!.startsWith(`${base}/`)).toBe(true);
      await follow('.not-found-links a[href$="/tags/"]');
      expect(page.url()).toBe(`${server.origin}${base}/tags/`);
    });

    it('had no console error, no script error and no missing file on the way', () => {
      expect(problems).toEqual([]);
    });
  });
}

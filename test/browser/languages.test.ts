import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedTables, tableFor, type TableName } from '../../src/i18n/messages.js';
import type { Message } from '../../src/search/browser/messages.js';
import { launchChromium, runBrowserTests, serveFolder, type StaticServer } from '../helpers/browser.js';
import { root } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * One language per page: the sample archive built with `lang:` en, zh-CN, zh-TW and ja, each
 * page read in Chromium as a reader sees it (its rendered text, the articles' own words taken
 * out), must hold no label of another language's table; a post with its own `lang:` is
 * labelled in its language. The Chinese and English builds also make the README's
 * screenshots (docs/screenshots/), so they show the theme as it is: on a machine with a CJK
 * font (fontconfig knows one for Chinese: `apt-get install -y fonts-noto-cjk`), else under
 * test-output/, so that no screenshot of missing glyphs replaces a true one.
 */

// Browser globals used inside page.evaluate, declared loosely for this module only.
declare const document: { querySelectorAll(selector: string): Iterable<{ remove(): void }>; body: { innerText: string }; documentElement: { lang: string } };

const seed = '/2024/11/15/jw-xi-jinping-to-meet-biden-11142024140853/';
/** The sample's post with `lang: en`, and the one with `lang: zh-Hant`. */
const englishPost = '/2021/09/27/cross-harbour-tunnel-tolls-traffic-plan/';
const traditionalPost = '/2023/05/22/hkja-annual-report-05222023101500/';

/** What the articles and the archive say, not the theme: titles, bodies, names of tags and sources, the site's own title. */
const content = [
  '.post-body', '.post-title', '.post-item-title', '.post-excerpt', '.post-author', '.post-category', '.post-source a:not(.wayback)',
  '.tag-list', '.term-name', '.related li a', '.post-nav-title', '.site-title', '.site-footer p:not(.colophon)',
  '.kind-home .page-title', '.kind-home .page-intro', '.kind-tag .page-title', '.kind-category .page-title', '.search-title', '.search-snippet',
].join(', ');

/** The text of a message's forms between its placeholders: what a reader sees of it whatever the numbers. */
function fragments(message: Message): string[] {
  const forms = typeof message === 'string' ? [message] : Object.values(message);
  return forms.flatMap((form) => form.split(/\{\w+\}/)).map((part) => part.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')).filter((part) => [...part].length >= 2);
}

/** Labels of the other tables that this table does not say too: none may show on a page in this table's language. */
function foreignLabels(own: TableName): string[] {
  const mine = Object.values(shippedTables[own] as Record<string, Message>).flatMap(fragments);
  return [
    ...new Set(
      Object.entries(shippedTables)
        .filter(([name]) => name !== own)
        .flatMap(([, table]) => Object.values(table as Record<string, Message>).flatMap(fragments))
        .filter((label) => !mine.some((m) => m.includes(label))),
    ),
  ];
}

const screenshotDir = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout?.trim() ? join(root, 'docs', 'screenshots') : join(root, 'test-output', 'screenshots');

const builds: { lang: string; table: TableName; screenshots?: string }[] = [
  { lang: 'en', table: 'en', screenshots: 'en' },
  { lang: 'zh-CN', table: 'zh-Hans', screenshots: 'zh' },
  { lang: 'zh-TW', table: 'zh-Hant' },
  { lang: 'ja', table: 'ja' },
];

describe.runIf(runBrowserTests)('one language per page', () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'gazette-languages-'));

  beforeAll(async () => {
    const config = readFileSync(join(root, 'gazette.config.yml'), 'utf8');
    await Promise.all(
      builds.map(async ({ lang }) => {
        const file = join(dir, `${lang}.yml`);
        writeFileSync(file, config.replace(/^lang: .*$/m, `lang: ${lang}`));
        const built = await runCli(['build', '--config', file, '--out', join(dir, lang), '-q', '--threads', '1']);
        expect(built.code, built.stderr).toBe(0);
      }),
    );
    server = await serveFolder(dir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1100, height: 820 } });
    // Offline: the news sites' images are answered empty.
    await page.route((url) => !url.href.startsWith(server.origin), (route) => route.fulfill({ status: 200, body: '' }));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The page's language and the theme's text on it: the rendered text with the articles' own words taken out. */
  async function chrome(path: string): Promise<{ lang: string; text: string }> {
    const lang = await page.evaluate(() => document.documentElement.lang);
    await page.evaluate((selector) => {
      for (const element of document.querySelectorAll(selector)) element.remove();
    }, content);
    return { lang, text: (await page.evaluate(() => document.body.innerText)) || path };
  }

  /** Searches as a reader does and waits for the results with their passages. */
  async function search(base: string, query: string): Promise<void> {
    await page.goto(`${server.origin}${base}/search/?q=${encodeURIComponent(query)}`);
    await page.locator('.search-snippet:not(:empty)').first().waitFor();
  }

  for (const { lang, table, screenshots } of builds) {
    it(`labels every kind of page in ${lang} and nothing else`, async () => {
      const base = `/${lang}`;
      const foreign = foreignLabels(table);
      const own = shippedTables[table] as Record<string, Message>;
      const problems: string[] = [];
      const check = async (path: string, expectedTable = table) => {
        const { lang: pageLang, text } = await chrome(path);
        if (tableFor(pageLang) !== expectedTable) problems.push(`${path}: <html lang="${pageLang}">`);
        const mine = expectedTable === table ? foreign : foreignLabels(expectedTable);
        for (const label of mine) if (text.includes(label)) problems.push(`${path} (${pageLang}): "${label}"`);
        return text;
      };
      const shot = async (name: string) => {
        if (!screenshots) return;
        mkdirSync(screenshotDir, { recursive: true });
        await page.screenshot({ path: join(screenshotDir, `${name}-${screenshots}.png`) });
      };

      await page.goto(`${server.origin}${base}/`);
      await shot('home');
      /** The text of the first element `selector` finds, trimmed. */
      const text = async (selector: string) => (await page.locator(selector).first().textContent())?.trim();
      expect(await page.locator('.site-nav a').allTextContents()).toEqual([own['nav.home'], own['nav.categories'], own['nav.tags'], own['nav.dates'], own['nav.search']]);
      expect(await text('.pagination-next')).toBe(own['pagination.next']);
      expect(await text('.colophon')).toBe(own['footer.colophon']);
      await check('/');

      const post = table === 'en' ? englishPost : seed;
      await page.goto(`${server.origin}${base}${post}`);
      await shot('post');
      expect(await text('.post-source-label')).toBe(own['post.original']);
      expect(await text('#related-heading')).toBe(own['post.related']);
      await check(post);

      await page.goto(`${server.origin}${base}/tags/`);
      expect(await text('h1')).toBe(own['tags.title']);
      await check('/tags/');
      await page.goto(`${server.origin}${base}/tags/`);
      await page.locator('.term-index a').first().click();
      await page.waitForURL((url) => !url.pathname.endsWith('/tags/'));
      expect(await text('.page-kind')).toBe(own['tag.kind']);
      await check(new URL(page.url()).pathname);
      await page.goto(`${server.origin}${base}/archive/`);
      expect(await text('h1')).toBe(own['archives.title']);
      await check('/archive/');
      await page.goto(`${server.origin}${base}/2024/11/`);
      await check('/2024/11/');
      await page.goto(`${server.origin}${base}/404.html`);
      expect(await text('h1')).toBe(own['notfound.title']);
      await check('/404.html');

      await search(base, table === 'en' ? 'accessibility' : '习近平');
      await shot('search');
      expect(await text('label[for="search-query"]')).toBe(own['search.label']);
      await check('/search/');

      // A post's own language labels its page, whatever the site's.
      const other = table === 'en' ? traditionalPost : englishPost;
      await page.goto(`${server.origin}${base}${other}`);
      await check(other, table === 'en' ? 'zh-Hant' : 'en');

      expect(problems).toEqual([]);
    }, 120_000);
  }

  it('writes lengths and dates for the page’s language: characters for a Chinese article, words for an English one', async () => {
    await page.goto(`${server.origin}/en${englishPost}`);
    expect(await page.locator('.post-length').textContent()).toMatch(/^\d[\d,]* words · \d+ min read$/);
    expect(await page.locator('.post-date').textContent()).toBe('September 27, 2021');
    await page.goto(`${server.origin}/en${seed}`);
    expect(await page.locator('.post-length').textContent()).toMatch(/^\d,\d{3} characters · \d+ min read$/);
    await page.goto(`${server.origin}/zh-CN${seed}`);
    expect(await page.locator('.post-length').textContent()).toMatch(/^\d,\d{3} 字 · 阅读约 \d+ 分钟$/);
    expect(await page.locator('.post-date').textContent()).toBe('2024年11月15日');
    await page.goto(`${server.origin}/zh-CN${englishPost}`);
    // The English post's own lang: en labels it in English even on the Chinese site.
    expect(await page.locator('.post-length').textContent()).toMatch(/ words · \d+ min read$/);
    await page.goto(`${server.origin}/ja${seed}`);
    expect(await page.locator('.post-length').textContent()).toMatch(/^\d,\d{3} 文字 · 約 \d+ 分で読めます$/);
    await page.goto(`${server.origin}/zh-TW${seed}`);
    expect(await page.locator('.post-length').textContent()).toMatch(/^字數 \d,\d{3} · 閱讀約 \d+ 分鐘$/);
  });
});

import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlPages, launchChromium, runBrowserTests, serveFolder, type StaticServer } from '../helpers/browser.js';
import { hasSharedCorpus, root, sharedCorpus } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * The default theme on the sample site in Chromium: axe-core finds no accessibility
 * violation in light and dark, on a phone and a desktop; focus is visible; dark mode
 * follows the system; print drops the site's chrome; nothing scrolls sideways on a phone;
 * Chinese and Latin text get their own leading; pages read without JavaScript.
 * Screenshots go to test-output/theme-*.png for a person to look at.
 */
// Browser globals used inside page.evaluate, declared loosely for this module only.
interface El { readonly tagName: string; matches(selector: string): boolean; getAttribute(name: string): string | null; readonly scrollWidth: number; readonly clientWidth: number }
declare const document: { querySelector(s: string): El | null; querySelectorAll(s: string): ArrayLike<El>; readonly activeElement: El | null; readonly documentElement: El };
declare const window: { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } };
declare const getComputedStyle: (element: El, pseudo?: string) => Record<string, string>;
declare const innerWidth: number;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const shots = join(root, 'test-output');

const seed = '/2024/11/15/jw-xi-jinping-to-meet-biden-11142024140853/';
/** Posts whose archived HTML tests the theme: an outlet's own h1; h1 then h4 and an image without alt, a table; WordPress captions; an English post. */
const posts = [seed, '/2020/08/14/chinese-news-53781204/', '/2022/07/18/europe-heatwave-germany/', '/2019/08/12/urban-waterlogging-investigation-20190812/', '/2021/09/27/cross-harbour-tunnel-tolls-traffic-plan/'];
const pages = ['/', '/tags/us-china/', '/2024/11/', '/archive/', '/404.html', ...posts];

/** A real post whose table (BBC's) is wider than a phone; from the shared corpus. */
const wideTablePost = 'zhouxiang93123__waimei/2021-01-15-新冠疫情：死亡人数突破两百万 跟踪全球疫情蔓延.md';
const wideTableUrl = '/2021/01/16/world-51867084/';

/** A wide image (2000×600) for every image from another host than the test servers: offline, and wider than any screen. */
const wideImage = '<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="600"><rect width="2000" height="600" fill="#8a97a3"/></svg>';

/** WCAG relative luminance of a CSS `rgb()`/`rgba()` colour. */
function luminance(css: string): number {
  const [r, g, b] = css.match(/[\d.]+/g)!.slice(0, 3).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
/** WCAG contrast ratio of two CSS colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe.runIf(runBrowserTests)('the default theme in Chromium', () => {
  let out: string;
  let browser: Browser;
  let server: StaticServer;
  let corpusServer: StaticServer | undefined;
  let page: Page;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-theme-'));
    out = join(dir, 'site');
    const built = await runCli(['build', '--out', out, '-q']);
    expect(built.code, built.stderr).toBe(0);
    mkdirSync(shots, { recursive: true });
    server = await serveFolder(out);
    if (hasSharedCorpus) {
      mkdirSync(join(dir, 'posts'));
      copyFileSync(join(sharedCorpus, 'real', wideTablePost), join(dir, 'posts', 'wide-table.md'));
      const corpusBuilt = await runCli(['build', '--posts', join(dir, 'posts'), '--out', join(dir, 'corpus'), '-q']);
      expect(corpusBuilt.code, corpusBuilt.stderr).toBe(0);
      corpusServer = await serveFolder(join(dir, 'corpus'));
    }
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route((url) => url.hostname !== '127.0.0.1', (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: wideImage }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await corpusServer?.close();
  });

  /** Opens a page of the sample site (or a URL) with every image loaded (lazy ones too). */
  async function open(path: string): Promise<void> {
    await page.goto(path.startsWith('http') ? path : `${server.origin}${path}`);
    await page.locator('img').evaluateAll((imgs) => Promise.all(imgs.map((img) => {
      const image = img as unknown as { loading: string; complete: boolean; decode(): Promise<void> };
      image.loading = 'eager';
      return image.decode().catch(() => undefined);
    })));
  }

  it('axe-core finds no violation on any kind of page, light and dark, phone and desktop', async () => {
    const found: string[] = [];
    for (const width of [375, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
        for (const path of pages) {
          await open(path);
          // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
          await page.evaluate(axeSource);
          const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
          for (const v of violations) found.push(`${width}px ${colorScheme} ${path}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('every page of the sample has one h1, and headings that never skip a level', () => {
    const problems: string[] = [];
    for (const path of htmlPages(out)) {
      const file = join(out, decodeURIComponent(path), path.endsWith('/') ? 'index.html' : '');
      const levels = selectAll('h1, h2, h3, h4, h5, h6', fromHtml(readFileSync(file, 'utf8'))).map((h) => Number(h.tagName[1]));
      if (levels.filter((l) => l === 1).length !== 1 || levels[0] !== 1) problems.push(`${path}: h1 ${levels.filter((l) => l === 1).length} times, first heading h${levels[0]}`);
      levels.forEach((l, i) => {
        if (i > 0 && l > levels[i - 1]! + 1) problems.push(`${path}: h${levels[i - 1]} then h${l}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('shows a visible focus outline on a focused link, light and dark', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await open(seed);
      const link = page.locator('.post-kicker a').first();
      const unfocused = await link.evaluate((a) => getComputedStyle(a as unknown as El).outlineStyle);
      // Focused from the keyboard: Tab until the link has focus.
      for (let i = 0; i < 10 && !(await link.evaluate((a) => a === (document.activeElement as unknown))); i++) await page.keyboard.press('Tab');
      const focused = await link.evaluate((a) => {
        const style = getComputedStyle(a as unknown as El);
        return { visible: (a as unknown as El).matches(':focus-visible'), style: style.outlineStyle, width: parseFloat(style.outlineWidth!), color: style.outlineColor!, background: getComputedStyle(document.querySelector('body')!).backgroundColor! };
      });
      expect(unfocused, colorScheme).toBe('none');
      expect(focused.visible, colorScheme).toBe(true);
      expect(focused.style, colorScheme).toBe('solid');
      expect(focused.width, colorScheme).toBeGreaterThanOrEqual(2);
      // WCAG 1.4.11: a focus indicator needs 3:1 against what surrounds it.
      expect(contrast(focused.color, focused.background), colorScheme).toBeGreaterThanOrEqual(3);
    }
  });

  it('follows the system’s dark mode, with contrast kept', async () => {
    const colours = async (colorScheme: 'light' | 'dark') => {
      await page.emulateMedia({ colorScheme });
      await open(seed);
      return page.evaluate(() => {
        const of = (s: string) => getComputedStyle(document.querySelector(s)!);
        return { background: of('body').backgroundColor!, text: of('.post-body p').color!, muted: of('.post-meta').color!, link: of('.post-source a').color! };
      });
    };
    const light = await colours('light');
    const dark = await colours('dark');
    await page.screenshot({ path: join(shots, 'theme-post-dark.png'), fullPage: true });
    expect(dark.background).not.toBe(light.background);
    expect(dark.text).not.toBe(light.text);
    expect(luminance(dark.background)).toBeLessThan(0.05);
    expect(luminance(light.background)).toBeGreaterThan(0.9);
    for (const scheme of [light, dark]) {
      expect(contrast(scheme.text, scheme.background)).toBeGreaterThanOrEqual(7);
      expect(contrast(scheme.muted, scheme.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(scheme.link, scheme.background)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('prints black on white without the site’s navigation, the original’s URLs spelled out', async () => {
    await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
    await open(seed);
    const printed = await page.evaluate(() => {
      const of = (s: string, pseudo?: string) => getComputedStyle(document.querySelector(s)!, pseudo);
      return {
        hidden: ['.site-nav', '.site-footer', '.post-nav', '.skip'].map((s) => of(s).display),
        body: of('.post-body').display!,
        bodyHeight: (document.querySelector('.post-body') as unknown as { offsetHeight: number }).offsetHeight,
        text: of('.post-body p').color!,
        background: of('body').backgroundColor!,
        wayback: of('.post-source .wayback', '::after').content!,
        waybackHref: document.querySelector('.post-source .wayback')!.getAttribute('href')!,
      };
    });
    expect(printed.hidden).toEqual(['none', 'none', 'none', 'none']);
    expect(printed.body).not.toBe('none');
    expect(printed.bodyHeight).toBeGreaterThan(200);
    expect(printed.text).toBe('rgb(0, 0, 0)');
    expect(printed.background).toBe('rgb(255, 255, 255)');
    expect(printed.wayback).toContain(printed.waybackHref);
    await page.screenshot({ path: join(shots, 'theme-post-print.png'), fullPage: true });
    const pdf = await page.pdf({ path: join(shots, 'theme-post.pdf'), format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ colorScheme: 'light', media: 'screen' });
  });

  it('never scrolls sideways on a 375 px phone, with images and tables wider than the screen', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });
    const urls = ['/', ...posts, ...(corpusServer ? [`${corpusServer.origin}${wideTableUrl}`] : [])];
    let widestImage = 0;
    for (const url of urls) {
      await open(url);
      const m = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        viewport: innerWidth,
        image: Math.max(0, ...Array.from(document.querySelectorAll('img'), (i) => (i as unknown as { naturalWidth: number }).naturalWidth)),
        tables: Array.from(document.querySelectorAll('.post-body table'), (t) => [t.scrollWidth, t.clientWidth]),
      }));
      expect(m.scroll, url).toBeLessThanOrEqual(m.viewport);
      widestImage = Math.max(widestImage, m.image);
      if (url === '/') await page.screenshot({ path: join(shots, 'theme-home-phone.png'), fullPage: true });
      if (url === posts[2]) await page.screenshot({ path: join(shots, 'theme-post-phone.png'), fullPage: true });
      // The corpus post's table is wider than the phone: it scrolls in its own box instead of widening the page.
      if (url.endsWith(wideTableUrl)) expect(m.tables.some(([content, box]) => content! > m.viewport && box! < m.viewport), JSON.stringify(m.tables)).toBe(true);
    }
    // The images were wider than the phone: the layout, not the sample, kept the page narrow.
    expect(widestImage).toBeGreaterThan(375);
  });

  it('fits players and embed links in the column, on a phone and a desktop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-theme-embeds-'));
    const built = await runCli(['build', '--posts', join(root, 'test/fixtures/embeds'), '--out', join(dir, 'site'), '-q']);
    expect(built.code, built.stderr).toBe(0);
    const embeds = await serveFolder(join(dir, 'site'));
    try {
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        for (const path of ['/2021/01/10/broadcaster-video-report/', '/2021/01/12/radio-commentary/', '/2021/01/08/video-reports/']) {
          await page.goto(`${embeds.origin}${path}`);
          const m = await page.evaluate(() => {
            const column = (document.querySelector('.post-body') as unknown as { clientWidth: number }).clientWidth;
            const box = (s: string) => Array.from(document.querySelectorAll(s), (e) => (e as unknown as { getBoundingClientRect(): { width: number; height: number } }).getBoundingClientRect());
            return { column, scroll: document.documentElement.scrollWidth, viewport: innerWidth, players: box('.post-body :is(video, audio)'), links: box('.post-body .embed-link') };
          });
          expect(m.scroll, `${path} at ${width}`).toBeLessThanOrEqual(m.viewport);
          expect(m.links.length, path).toBeGreaterThan(0);
          for (const link of m.links) expect(link.height, path).toBeGreaterThan(0);
          // A player takes the column's width, with a height of its own before anything is loaded.
          for (const player of m.players) {
            expect(Math.round(player.width), path).toBe(m.column);
            expect(player.height, path).toBeGreaterThan(20);
          }
          if (path.includes('broadcaster')) expect(m.players.length).toBe(1);
          if (path.includes('broadcaster') && width === 375) await page.screenshot({ path: join(shots, 'theme-embeds-phone.png'), fullPage: true });
        }
      }
    } finally {
      await embeds.close();
    }
  });

  it('sets Chinese and English text by language: lang attributes, CJK font fallbacks, leading', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const read = async (path: string) => {
      await open(path);
      return page.evaluate(() => {
        const p = getComputedStyle(document.querySelector('.post-body p')!);
        return {
          html: document.documentElement.getAttribute('lang'),
          article: document.querySelector('article')!.getAttribute('lang'),
          font: p.fontFamily!,
          leading: parseFloat(p.lineHeight!) / parseFloat(p.fontSize!),
          align: p.textAlign!,
        };
      });
    };
    const zh = await read(seed);
    await page.screenshot({ path: join(shots, 'theme-post-light.png'), fullPage: true });
    const en = await read(posts[4]!);
    expect([zh.html, zh.article]).toEqual(['zh-CN', 'zh-CN']);
    expect([en.html, en.article]).toEqual(['en', 'en']);
    for (const t of [zh, en]) {
      expect(t.font).toMatch(/Noto Sans CJK SC/);
      expect(t.font.indexOf('Noto Sans CJK')).toBeGreaterThan(t.font.indexOf('Arial'));   // Latin shapes for Latin runs
      expect(t.align).not.toBe('justify');
    }
    expect(zh.leading).toBeCloseTo(1.8, 2);
    expect(en.leading).toBeCloseTo(1.65, 2);
    await open('/');
    await page.screenshot({ path: join(shots, 'theme-home-light.png'), fullPage: true });
  });

  it('reads without JavaScript: the home page lists the articles, a post shows its text', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: wideImage }));
    const noScript = await context.newPage();
    try {
      await noScript.goto(`${server.origin}/`);
      await expect.poll(() => noScript.locator('.post-list h2 a').count()).toBeGreaterThan(0);
      expect(await noScript.locator('.post-list h2 a').first().isVisible()).toBe(true);
      await noScript.goto(`${server.origin}${seed}`);
      expect(await noScript.locator('h1.post-title').isVisible()).toBe(true);
      const body = noScript.locator('.post-body');
      expect(await body.isVisible()).toBe(true);
      expect((await body.innerText()).length).toBeGreaterThan(500);
      expect(await noScript.locator('.post-body img').first().isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report.js';
import { htmlPages, launchChromium, runBrowserTests, serveFolder, type StaticServer } from '../helpers/browser.js';
import { cli, fixtures, root } from '../helpers/paths.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

/**
 * Issue 4: no script runs in the reader's browser. Archived HTML and front matter are
 * untrusted. test/fixtures/xss is a corpus of news posts, each carrying a group of XSS
 * vectors; every vector is announced by a marker (`<!-- xss:E01 what it is -->` in the body,
 * `# xss:F01 …` in the front matter) and calls something observable with its own id
 * (`alert('E01')`, `fetch('http://127.0.0.1:9/E22')`, `document.title='PWNED-E23'`,
 * `window.__xss='S04'`, `location=…`), so a vector that fires is named in the failure.
 *
 * The corpus is built by the real CLI and served by a static server on 127.0.0.1. Every
 * generated page (posts, home pages, tag and category pages) is loaded in Chromium with
 * its Content-Security-Policy as shipped, where a vector the sanitizer missed shows up as a
 * CSP violation; every post page is loaded again with CSP switched off, where it would
 * fire: the sanitizer alone must hold. The DOM of each page is checked as loaded (no
 * script, no on* attribute, no dangerous URL, no frame, form, base or meta refresh, no
 * unprefixed id or name), then the page is exercised (events on every article element,
 * scrolling through it with the mouse sweeping each screenful, Tab, clicks on every link
 * that is not a web link) and dialogs, navigations, requests, console messages, CSP
 * violations, document.title and window.__xss are judged. A canary page of unsanitized
 * vectors proves the harness sees what fires.

 * (That sanitizing gazette's output again changes nothing is checked on the same corpus
 * in test/transform/sanitize-fixed-point.test.ts.)
 */

const corpus = join(fixtures, 'xss');

/**
 * The news sites the corpus's articles legitimately take images from. Their image
 * requests are expected (articles show photos; a relative `src=x` is resolved against
 * the original URL): they are blocked so the test needs no network, and not counted.
 * Any other request that leaves the test server — a script, a stylesheet, a frame, a
 * form post, a navigation, or an image from any other host (127.0.0.1:9 is the corpus's
 * "attacker") — is a failure.
 */
const legitImageHosts = new Set(['www.rfa.org', 'www.voachinese.com', 'gdb.voanews.com', 'www.dw.com', 'static.dw.com', 'www.theharbourtimes.com', 'cdn.theharbourtimes.com']);

/** Names the corpus tries to clobber with id/name: no element may carry them. */
const clobberNames = [
  'location', 'getElementById', 'cookie', '__xss', 'alert', 'defaultView', 'CONFIG', 'gazette', 'forms', 'body', 'top', 'self',
  'querySelector', 'x', 'y', 'attributes', 'action', 'currentScript', 'fetch', 'documentElement', 'confirm', 'opener', 'history',
  'domain', 'site-title', 'already', 'u32', 'fn-1', 'fnref-1', 'value', 'length',
];

/** Attributes whose value is a URL a browser may load or navigate to. */
const urlAttributes = [
  'href', 'src', 'srcset', 'action', 'formaction', 'data', 'poster', 'background', 'lowsrc', 'dynsrc', 'cite', 'longdesc',
  'xlink:href', 'ping', 'codebase', 'code', 'archive', 'manifest', 'icon', 'profile', 'classid', 'itemtype', 'usemap', 'imagesrcset',
];

// ---------------------------------------------------------------------------------------
// The corpus and its vectors

interface Vector {
  readonly id: string;
  readonly description: string;
  readonly file: string;
}

const postFiles = readdirSync(corpus).filter((f) => /\.(md|markdown|html)$/.test(f)).sort();

function readVectors(): Map<string, Vector> {
  const vectors = new Map<string, Vector>();
  for (const file of postFiles) {
    const text = readFileSync(join(corpus, file), 'utf8');
    for (const m of text.matchAll(/(?:<!--|#)\s*xss:([A-Z]\d{2})\s+(.*?)\s*(?:-->|$)/gm)) {
      const id = m[1]!;
      if (vectors.has(id)) throw new Error(`vector id ${id} is used twice (${vectors.get(id)!.file} and ${file})`);
      vectors.set(id, { id, description: m[2]!, file });
    }
  }
  return vectors;
}

const vectors = readVectors();

/** Category letters of the vector ids. */
const categories: Record<string, string> = {
  S: '<script> in every casing, attributes, split and nested, encoded',
  E: 'event handlers on images and media',
  H: 'event handlers on every other kind of element',
  U: 'javascript:/vbscript:/data: hrefs, entity-encoded, with tabs, newlines, NULs and control characters',
  A: 'dangerous schemes in every other URL attribute',
  N: 'SVG and MathML namespace confusion',
  M: 'mutation through noscript, template, style, textarea, title, xmp, iframe srcdoc, comments',
  C: 'DOM clobbering with id and name',
  K: 'base, meta refresh, iframes, objects, embeds, forms, link imports, isindex, media',
  Y: 'CSS: style attributes, expression(), @import, url() to other origins',
  D: 'markdown links, images, autolinks, references, footnotes, code, raw HTML',
  F: 'hostile front matter: title, author, tags, categories, from, lang, template syntax',
  P: 'parser quirks: malformed tags and attributes',
  L: 'vectors that need interaction: hover, focus, click, scroll, lazy images',
  W: 'a whole saved web page: head scripts, base, analytics, embeds',
  Z: 'raw-text elements left open, swallowing the rest of a post',
  V: 'embedded media made links and players: hostile frames, provider URLs, video/audio/source/track',
};

/** The vectors named in a piece of evidence (a dialog message, a URL, an element's HTML). */
function vectorsIn(text: string): Vector[] {
  const found = new Map<string, Vector>();
  for (const m of text.matchAll(/\b([A-Z]\d{2})\b/g)) {
    const v = vectors.get(m[1]!);
    if (v) found.set(v.id, v);
  }
  return [...found.values()];
}

interface Finding {
  readonly page: string;
  readonly kind: string;
  readonly detail: string;
}

function describeFindings(findings: readonly Finding[]): string[] {
  const lines = findings.map((f) => {
    const named = vectorsIn(f.detail)
      .map((v) => `vector ${v.id} "${v.description}" (test/fixtures/xss/${v.file})`)
      .join('; ');
    return `${f.page} — ${f.kind}: ${f.detail}${named ? ` — ${named}` : ''}`;
  });
  return [...new Set(lines)];
}

// ---------------------------------------------------------------------------------------
// Building the corpus

let work: string;
let site: string;
let build: CliResult;
let report: BuildReport;

beforeAll(async () => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: compile gazette first (\`npm run compile\`; \`npm test\` does it)`);
  work = mkdtempSync(join(tmpdir(), 'gazette-xss-'));
  site = join(work, 'site');
  build = await runCli(['build', '--posts', corpus, '--out', site, '--report', join(work, 'report.json')]);
  report = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')) as BuildReport;
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the XSS corpus', () => {
  it('is broad: 150+ vectors in every category, each in a realistic post', () => {
    expect(postFiles.length).toBeGreaterThanOrEqual(10);
    expect(vectors.size).toBeGreaterThanOrEqual(150);
    const letters = new Set([...vectors.keys()].map((id) => id[0]!));
    expect([...letters].sort()).toEqual(Object.keys(categories).sort());
  });

  it('builds: every post is published and built, with no error', () => {
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(report.errors).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.posts).toHaveLength(postFiles.length);
  });

  it('prints front-matter template syntax as text, never evaluating it', () => {
    const templated = report.posts.filter((p) => p.title.includes('{{'));
    expect(templated.length).toBeGreaterThan(0);
    for (const post of templated) {
      const page = fromHtml(readFileSync(join(root, post.output), 'utf8'));
      const h1 = select('h1.post-title', page);
      expect(h1 && toString(h1)).toBe(post.title);
      expect(toString(select('.post-author', page)!)).toContain('{% include "base.njk" %}{{ site.title }}');
      // The body's template syntax too is shown as written.
      expect(toString(select('.post-body', page)!)).toContain(`{% for i in [1,2] %}F26{% endfor %}`);
    }
  });

  it('puts the Content-Security-Policy meta tag in the head of every page', () => {
    const pages = htmlPages(site);
    expect(pages.length).toBe(report.pages);
    for (const path of pages) {
      const tree = fromHtml(readFileSync(pageFile(path), 'utf8'));
      const meta = select('head > meta[http-equiv="Content-Security-Policy" i]', tree);
      const policy = String(meta?.properties.content ?? '');
      for (const directive of ["script-src 'self'", "object-src 'none'", "frame-src 'none'", "form-action 'none'", "base-uri 'none'"]) {
        expect(policy, `${path}: CSP meta tag with ${directive}`).toContain(directive);
      }
    }
  });
});

function pageFile(path: string, dir = site): string {
  const rel = decodeURIComponent(path);
  return join(dir, rel.endsWith('/') ? `${rel}index.html` : rel);
}

// ---------------------------------------------------------------------------------------
// Loading every page in Chromium

/*
 * Code that runs in the page. The project type-checks without the DOM library, so the
 * browser globals it uses are declared loosely, for this module only.
 */
declare const document: any;
declare const window: any;
declare const location: { origin: string; pathname: string };
declare const CSS: any;
declare const Element: any;
declare const HTMLElement: any;
declare const HTMLDetailsElement: any;
declare const innerWidth: number;
declare const innerHeight: number;
type DomElement = any;

/** Checks run in the page as loaded: what must not be in the DOM at all. */
function domChecks({ clobberNames, urlAttributes }: { clobberNames: string[]; urlAttributes: string[] }): string[][] {
  const out: string[][] = [];
  const html = (el: DomElement): string => el.outerHTML.replace(/\s+/g, ' ').slice(0, 240);
  const dangerous = (value: string) => /^(javascript|vbscript|data|livescript|mocha):/i.test(value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, ''));
  const urlAttrs = new Set(urlAttributes);
  // The theme's own script, in the head: the site's file-links.js, deferred, no inline code, no other attribute.
  const themeScript = (el: DomElement) =>
    el.parentElement === document.head && el.src === `${location.origin}/assets/file-links.js` && el.hasAttribute('defer') && el.attributes.length === 2 && el.textContent === '';
  // The search page is the theme's own markup (archived text reaches it only as textContent, by
  // its script): its module script in the head, and its form, button and noscript note.
  const searchPage = location.pathname === '/search/';
  const searchScript = (el: DomElement) =>
    searchPage && el.parentElement === document.head && el.src === `${location.origin}/assets/search/search-page.js` && el.type === 'module' && el.attributes.length === 2 && el.textContent === '';
  const searchMarkup = (el: DomElement) => searchPage && (el.closest('form.search-form') !== null || el.matches('form.search-form, button.search-more, main > noscript'));
  // Besides them, the one script element a page may have: its JSON-LD in the head, which must be JSON and nothing else.
  for (const el of document.querySelectorAll('script')) {
    if (themeScript(el) || searchScript(el)) continue;
    const jsonLd = el.parentElement === document.head && el.getAttribute('type') === 'application/ld+json' && el.attributes.length === 1;
    let isJson = false;
    try {
      isJson = jsonLd && typeof JSON.parse(el.textContent ?? '') === 'object';
    } catch {
      isJson = false;
    }
    if (!isJson) out.push(['script element', html(el)]);
  }
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) out.push([`event handler attribute ${name}`, html(el)]);
      if (urlAttrs.has(name) || name.startsWith('data-') || name.endsWith(':href')) {
        const values = name.endsWith('srcset') ? attr.value.split(',') : [attr.value];
        if (values.some((v: string) => dangerous(v.trim()))) out.push([`dangerous URL in ${name}`, html(el)]);
      }
    }
  }
  const forbidden =
    'iframe, frame, frameset, object, embed, applet, portal, base, form, input, button, select, textarea, isindex, keygen, svg, math, ' +
    'style, link, meta, template, marquee, noscript, xmp, plaintext, listing, noembed, noframes, title, param, area, map';
  for (const el of document.body.querySelectorAll(forbidden)) if (!searchMarkup(el)) out.push([`<${el.localName}> in the body`, html(el)]);
  // Players are allowed in the article only, and only as gazette makes them: controls, nothing
  // loaded before the reader asks, no autoplay, loop or muting, web addresses only; their
  // sources and tracks only inside them.
  const web = (value: string | null) => value === null || /^https?:\/\//i.test(value);
  for (const el of document.body.querySelectorAll('video, audio')) {
    const problem = !el.closest('.post-body')
      ? 'outside the article'
      : !el.hasAttribute('controls')
        ? 'without controls'
        : el.getAttribute('preload') !== 'none'
          ? 'without preload="none"'
          : ['autoplay', 'loop', 'muted'].some((a) => el.hasAttribute(a))
            ? 'that plays by itself'
            : !web(el.getAttribute('src')) || !web(el.getAttribute('poster'))
              ? 'with a source that is not a web address'
              : undefined;
    if (problem) out.push([`<${el.localName}> ${problem}`, html(el)]);
  }
  for (const el of document.body.querySelectorAll('source, track')) {
    if (!el.parentElement?.matches('.post-body video, .post-body audio')) out.push([`<${el.localName}> outside a player`, html(el)]);
    else if (!web(el.getAttribute('src'))) out.push([`<${el.localName}> with a source that is not a web address`, html(el)]);
  }
  for (const el of document.head.querySelectorAll('base, script:not([type="application/ld+json"]), meta[http-equiv]:not([http-equiv="Content-Security-Policy" i]), link:not([rel="stylesheet"]):not([rel="canonical"]):not([rel="alternate"][type="application/atom+xml"]):not([rel="alternate"][type="application/feed+json"])')) {
    if (themeScript(el) || searchScript(el)) continue;
    out.push([`<${el.localName}> in the head`, html(el)]);
  }
  if (!document.head.querySelector('meta[http-equiv="Content-Security-Policy" i]')) out.push(['no CSP meta tag in the head', '']);
  const body = document.querySelector('.post-body');
  if (body) {
    for (const el of body.querySelectorAll('[style]')) out.push(['style attribute in the article', html(el)]);
    for (const el of body.querySelectorAll('[id], [name]')) {
      for (const name of ['id', 'name']) {
        const value = el.getAttribute(name);
        if (value !== null && !value.startsWith('user-content-')) out.push([`${name} without the user-content- prefix`, html(el)]);
      }
    }
  }
  const seen = new Map<string, number>();
  for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
  for (const [id, count] of seen) if (count > 1) out.push([`id "${id}" used ${count} times (the theme's anchors can be hijacked)`, html(document.querySelectorAll(`[id="${CSS.escape(id)}"]`)[1]!)]);
  for (const name of clobberNames) {
    const byId = document.getElementById(name);
    const byName = document.getElementsByName(name)[0];
    if (byId) out.push([`element with id "${name}" clobbers window.${name}`, html(byId)]);
    if (byName) out.push([`element named "${name}" clobbers document.${name}`, html(byName)]);
  }
  if (typeof window.alert !== 'function' || typeof document.getElementById !== 'function' || typeof document.cookie !== 'string') {
    out.push(['a window or document global is clobbered', '']);
  }
  return out;
}

/** Fires the events a reader's hovering, focusing and clicking would, on every article element. */
function syntheticEvents(): number {
  const root = document.querySelector('.post-body') ?? document.querySelector('main') ?? document.body;
  const types = [
    'mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'pointerover', 'pointerenter', 'pointerdown', 'dblclick',
    'contextmenu', 'auxclick', 'wheel', 'keydown', 'copy', 'focus', 'focusin', 'blur', 'focusout', 'scroll', 'scrollend',
    'animationstart', 'animationend', 'transitionend', 'toggle', 'load', 'error', 'loadstart', 'play', 'start', 'submit',
    'change', 'input', 'beforeinput', 'pageshow',
  ];
  const elements: DomElement[] = [root, ...root.querySelectorAll('*')];
  for (const el of elements) {
    for (const type of types) el.dispatchEvent(new Event(type, { bubbles: true, cancelable: true }));
    if (el instanceof HTMLElement) {
      el.focus();
      el.blur();
    }
    if (el instanceof HTMLDetailsElement) el.open = !el.open;
  }
  return elements.length;
}

/** Clicks what a reader could click without leaving for another site: links with any scheme but the web's, summaries, buttons. */
function clickEverythingHarmless(): number {
  const web = new Set(['http:', 'https:', 'mailto:', 'tel:', 'ftp:', 'irc:', 'ircs:', 'xmpp:']);
  const targets: DomElement[] = [];
  for (const a of document.querySelectorAll('a[href], area[href]')) if (!web.has(a.protocol)) targets.push(a);
  for (const el of document.querySelectorAll('summary, button, input, label, [onclick]')) targets.push(el);
  for (const el of targets) el.click();
  return targets.length;
}

async function exercise(page: Page): Promise<void> {
  await page.evaluate(syntheticEvents);
  // Scroll through the whole page (images are loading="lazy"), sweeping the mouse across each screenful.
  const { height, vw, vh } = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, vw: innerWidth, vh: innerHeight }));
  for (let y = 0, step = 0; y < height && step < 20; y += vh, step++) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.mouse.move(vw * 0.3, vh * 0.1);
    await page.mouse.move(vw * 0.7, vh * 0.9, { steps: 4 });
  }
  // Real keyboard focus through the first links and controls.
  for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
  await page.evaluate(clickEverythingHarmless);
  await page.waitForTimeout(300);
}

/** Loads one page in a prepared tab, checks its DOM, exercises it and checks what it did. */
async function probePage(page: Page, target: string, file: string, found: (kind: string, detail: string) => void): Promise<void> {
  const expectedTitle = toString(select('title', fromHtml(readFileSync(file, 'utf8')))!).replace(/\s+/g, ' ').trim();
  try {
    const response = await page.goto(target, { waitUntil: 'load', timeout: 20_000 });
    if (response?.status() !== 200) found('page did not load', String(response?.status()));
    for (const [kind, detail] of await page.evaluate(domChecks, { clobberNames, urlAttributes })) found(kind!, detail!);
    await exercise(page);
    const after = await page.evaluate(() => {
      const w = window as { __xss?: any; __cspViolations: string[] };
      const flag = w.__xss === undefined ? undefined : w.__xss instanceof Element ? `clobbered by ${w.__xss.outerHTML.slice(0, 200)}` : String(w.__xss);
      return { title: document.title as string, flag, violations: w.__cspViolations };
    });
    if (after.title.replace(/\s+/g, ' ').trim() !== expectedTitle) found('document.title changed', JSON.stringify(after.title));
    if (after.flag !== undefined) found('window.__xss was set', after.flag);
    for (const v of after.violations) found('CSP blocked what the sanitizer let through', v);
  } catch (error) {
    // A vector that navigates away destroys the page being checked.
    found('the page went away while it was checked', (error as Error).message.split('\n')[0]!);
  }
}

/**
 * Loads `paths` in Chromium, a few tabs at a time; each tab (its own browser context)
 * loads one page after another and watches everything it does.
 */
async function probeAll(browser: Browser, origin: string, dir: string, paths: readonly string[], bypassCSP: boolean) {
  const findings: Finding[] = [];
  let blockedImages = 0;
  let next = 0;
  const tab = async () => {
    const context: BrowserContext = await browser.newContext({ bypassCSP, viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    let current = '';
    let target = '';
    const found = (kind: string, detail: string) => findings.push({ page: current, kind, detail });
    try {
      await context.addInitScript(() => {
        const w = window as { __cspViolations: string[] };
        w.__cspViolations = [];
        document.addEventListener(
          'securitypolicyviolation',
          (e: any) => {
            const el = e.target instanceof Element ? e.target.outerHTML.replace(/\s+/g, ' ').slice(0, 240) : '';
            w.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}${e.sample ? ` "${e.sample}"` : ''} ${el}`.trim());
          },
          true,
        );
      });
      await context.route('**/*', async (route) => {
        const request = route.request();
        const url = new URL(request.url());
        if (url.origin === origin) return route.continue();
        if ((url.protocol === 'http:' || url.protocol === 'https:') && request.resourceType() === 'image' && legitImageHosts.has(url.hostname)) {
          // An article's own photo: expected, blocked so the test needs no network, not counted.
          blockedImages++;
          return route.abort('blockedbyclient');
        }
        found('request left the test server', `${request.resourceType()} ${request.method()} ${request.url()}`);
        return route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      page.on('popup', (popup) => {
        found('a new window opened', popup.url());
        void popup.close().catch(() => undefined);
      });
      page.on('dialog', (dialog) => {
        found(`${dialog.type()}() called`, dialog.message());
        void dialog.dismiss().catch(() => undefined);
      });
      page.on('request', (request) => {
        if (!/^https?:/i.test(request.url())) found('request to a non-http URL', `${request.resourceType()} ${request.url().slice(0, 200)}`);
      });
      page.on('framenavigated', (frame) => {
        if (frame !== page.mainFrame()) found('a frame loaded', frame.url());
        else if (frame.url().split('#')[0] !== target) found('the page navigated away', frame.url());
      });
      page.on('pageerror', (error) => found('a script ran and threw', error.message));
      page.on('console', (message) => {
        // Blocked and missing images log "Failed to load resource"; the requests themselves are judged by the route above.
        if (message.type() === 'error' && message.text().startsWith('Failed to load resource')) return;
        found(`console.${message.type()}`, message.text());
      });
      page.on('websocket', (ws) => found('a WebSocket opened', ws.url()));
      page.on('worker', (worker) => found('a worker started', worker.url()));
      page.on('download', (download) => found('a download started', download.url()));
      while (next < paths.length) {
        current = paths[next++]!;
        target = origin + current;
        await probePage(page, target, pageFile(current, dir), found);
      }
    } finally {
      await context.close();
    }
  };
  await Promise.all(Array.from({ length: 3 }, tab));
  findings.sort((a, b) => a.page.localeCompare(b.page));
  return { findings, blockedImages };
}

describe.skipIf(!runBrowserTests)('no script runs in the reader’s browser', () => {
  let browser: Browser;
  let server: StaticServer;
  let pages: string[];
  let postPages: string[];

  beforeAll(async () => {
    pages = htmlPages(site);
    const postUrls = new Set(report.posts.map((post) => decodeURIComponent(post.url)));
    postPages = pages.filter((p) => postUrls.has(decodeURIComponent(p)));
    browser = await launchChromium();
    server = await serveFolder(site);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // The harness itself must see vectors fire: two pages of unsanitized vectors, each set
  // off only by what the harness does (load, real hover, scrolling to a lazy image, a click,
  // a meta refresh), must be caught in both modes.
  it('sees what fires: unsanitized canary pages are caught in both modes', async () => {
    const csp = String(select('meta[http-equiv="Content-Security-Policy" i]', fromHtml(readFileSync(pageFile(pages[0]!), 'utf8')))?.properties.content);
    const dir = join(work, 'canary');
    const head = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><title>Canary</title></head>`;
    mkdirSync(join(dir, 'vectors'), { recursive: true });
    mkdirSync(join(dir, 'refresh'), { recursive: true });
    writeFileSync(
      join(dir, 'vectors/index.html'),
      `${head}<body><main><div class="post-body">` +
        `<p onmouseover="event.isTrusted && alert('canary-hover')" style="height:400px">hover</p>` +
        `<img src="missing.png" onerror="alert('canary-onerror')">` +
        `<a href="javascript:alert('canary-click')">click</a>` +
        `<video src="http://127.0.0.1:9/canary-video.mp4" controls preload="none" autoplay muted></video><source src="http://127.0.0.1:9/canary-source.mp4">` +
        `<script>document.title = 'PWNED'; window.__xss = 'canary'; fetch('http://127.0.0.1:9/canary-fetch');</script>` +
        `<div style="height:4000px"></div><img src="missing-bottom.png" loading="lazy" onerror="event.isTrusted && alert('canary-lazy')">` +
        `</div></main></body></html>`,
    );
    writeFileSync(join(dir, 'refresh/index.html'), `${head}<body><main><div class="post-body"><meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/canary-refresh"><p>x</p></div></main></body></html>`);
    const canary = await serveFolder(dir);
    try {
      const text = async (bypassCSP: boolean) => {
        const { findings } = await probeAll(browser, canary.origin, dir, ['/vectors/', '/refresh/'], bypassCSP);
        return findings.map((f) => `${f.page} ${f.kind}: ${f.detail}`).join('\n');
      };
      const off = await text(true);
      for (const expected of ['alert() called: canary-hover', 'alert() called: canary-onerror', 'alert() called: canary-click', 'alert() called: canary-lazy', 'document.title changed', 'window.__xss was set: canary', 'http://127.0.0.1:9/canary-fetch', 'script element', '/refresh/ request left the test server: document GET http://127.0.0.1:9/canary-refresh', '<video> that plays by itself', '<source> outside a player', 'request left the test server: media GET http://127.0.0.1:9/canary-video.mp4']) {
        expect(off, `with CSP off, the harness must see ${expected}`).toContain(expected);
      }
      const on = await text(false);
      for (const expected of ['CSP blocked what the sanitizer let through', 'event handler attribute onmouseover', 'dangerous URL in href', 'script element', '/refresh/ request left the test server: document GET http://127.0.0.1:9/canary-refresh', '<video> that plays by itself']) {
        expect(on, `with the CSP, the harness must see ${expected}`).toContain(expected);
      }
      expect(on).not.toContain('alert() called');
    } finally {
      await canary.close();
    }
  }, 60_000);

  it('visits every generated page: posts, home pages, tag and category pages', () => {
    expect(pages.length).toBe(report.pages);
    expect(postPages.length).toBe(report.posts.length);
    expect(pages.filter((p) => /^\/(page\/\d+\/)?$/.test(p)).length).toBeGreaterThan(1);
    expect(pages.filter((p) => p.startsWith('/tags/')).length).toBeGreaterThan(10);
    expect(pages.filter((p) => p.startsWith('/categories/')).length).toBeGreaterThan(5);
  });

  it('nothing fires on any page, with the Content-Security-Policy as shipped', async () => {
    const started = Date.now();
    const { findings, blockedImages } = await probeAll(browser, server.origin, site, pages, false);
    console.info(`xss, CSP as shipped: ${pages.length} pages, ${vectors.size} vectors, ${blockedImages} article images blocked, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(describeFindings(findings), 'something fired or got through, with the CSP as shipped').toEqual([]);
  }, 120_000);

  // Article HTML is on the post pages; list pages hold only escaped front matter, which the
  // pass above checks in the DOM whatever the CSP.
  it('nothing fires on any post page with CSP switched off: the sanitizer alone holds', async () => {
    const started = Date.now();
    const { findings, blockedImages } = await probeAll(browser, server.origin, site, postPages, true);
    console.info(`xss, CSP off: ${postPages.length} post pages, ${blockedImages} article images blocked, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(describeFindings(findings), 'something fired or got through, with CSP switched off').toEqual([]);
  }, 120_000);
});

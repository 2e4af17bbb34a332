import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import nunjucks from 'nunjucks';
import type { SiteConfig } from '../config.js';
import { FatalError } from '../errors.js';
import { relativeUrl } from '../site/relative-url.js';
import { createMessages } from '../i18n/messages.js';
import { newsArticle, type PostView } from './views.js';

/**
 * The Nunjucks environment: gazette's only nunjucks user. Autoescape is on, so every
 * value a template prints is escaped; the one exception is the sanitized article body,
 * which the render stage hands over already marked safe (`markSafe`), so templates never
 * need `| safe` and nothing from a post can be marked safe by a template mistake.
 */

/** The list-page templates; a post's `layout:` cannot name one of them. */
export const pageTemplates = ['base', 'home', 'tags', 'tag', 'categories', 'category'] as const;

/** The template of the page static hosts serve for a missing URL; optional (no 404 page without it). */
export const notFoundTemplate = '404';

/** The date archives' templates: the index of years and months, and a year's or month's list. Optional, both needed. */
export const archiveIndexTemplate = 'archives';
export const archiveTemplate = 'archive';

/** True when the templates make date archives (both of their templates are there). */
export function hasDateArchives(renderer: Renderer): boolean {
  return renderer.has(archiveTemplate) && renderer.has(archiveIndexTemplate);
}

/** Templates of pages that are made only when the templates folder has them; a post's `layout:` cannot name one. */
/** The template of the search page (`/search/`); optional (no search page and index without it). */
export const searchTemplate = 'search';

const optionalPageTemplates: readonly string[] = [notFoundTemplate, archiveIndexTemplate, archiveTemplate, searchTemplate];

/** A template problem with its file and line, when Nunjucks tells them. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    message: string,
    readonly file: string | undefined,
    readonly line: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface Renderer {
  /** Renders `templates/<name>.njk` with `context`; throws TemplateError. */
  render(name: string, context: Record<string, unknown>): string;
  /** True when `templates/<name>.njk` exists. */
  has(name: string): boolean;
  /**
   * True when a post's `layout:` may use `name`: a plain template name (never a path:
   * Nunjucks' loader is no sandbox) of a template that exists and is not a list page's.
   */
  hasPostLayout(name: string): boolean;
  /** The templates there are (names relative to the templates folder), for the load stage's cache key. */
  readonly templateNames: readonly string[];
  /** A hash of every file in the templates folder: it changes whenever any page's templates can. */
  readonly templatesKey: string;
  /**
   * A hash of a template's text and of every template it extends, includes or imports, so
   * a page is rendered again only when one of the templates it uses changed.
   */
  templateKey(name: string): string;
}

/** JSON to print inside a script element: no character in it can close the element or start markup. */
export function jsonForScript(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Marks sanitized article HTML as safe to print unescaped. */
export function markSafe(html: string): unknown {
  return new nunjucks.runtime.SafeString(html);
}

/**
 * Creates the environment and compiles the templates every build needs, so a syntax
 * error stops the build at once (exit code 2) instead of failing every page.
 */
export function createRenderer(templatesDir: string, site: SiteConfig, cwd: string): Renderer {
  if (!existsSync(templatesDir)) throw new FatalError(`templates folder not found: ${relative(cwd, templatesDir) || '.'}`);
  const loader = new nunjucks.FileSystemLoader(templatesDir, { noCache: false, watch: false });
  const env = new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  const formatters = new Map<string, Intl.DateTimeFormat>();
  const formatter = (style: string, lang: string) => {
    let f = formatters.get(`${lang} ${style}`);
    if (!f) {
      const options: Intl.DateTimeFormatOptions =
        style === 'month' ? { year: 'numeric', month: 'long' } : style === 'year' ? { year: 'numeric' } : style === 'datetime' ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: style as 'long' | 'medium' | 'short' | 'full' };
      f = new Intl.DateTimeFormat(lang, { ...options, timeZone: site.timezone });
      formatters.set(`${lang} ${style}`, f);
    }
    return f;
  };
  const messages = createMessages(site.messages);
  /** The language of the page being rendered: a post's own `lang:`, else the site's. */
  type PageContext = { ctx: { page?: { url?: string; rootRelative?: boolean; lang?: string } } };
  const pageLang = (context: PageContext) => context.ctx.page?.lang ?? site.lang;

  // `{{ post.url | url }}`: a link relative to the page being rendered.
  // On a page served at any URL (404.html, `page.rootRelative`), the link starts at the base path instead.
  env.addFilter('url', function (this: PageContext, target: string) {
    if (this.ctx.page?.rootRelative) return `${site.baseurl}${String(target)}`;
    return relativeUrl(this.ctx.page?.url ?? '/', String(target));
  });
  // `{{ page.url | absolute_url }}`: the full URL, for canonical links and metadata.
  env.addFilter('absolute_url', (path: string) => `${site.url}${site.baseurl}${String(path)}`);
  // `<script type="application/ld+json">{{ structuredData | json_ld }}</script>`: JSON that
  // cannot end the script element or be read as markup (`<`, `>`, `&` and the JavaScript
  // line separators as \u escapes), whatever the posts' titles hold.
  env.addFilter('json_ld', (value: unknown) => markSafe(jsonForScript(value)));
  // `{{ news_article(post) | json_ld }}`: the post as a schema.org NewsArticle.
  env.addGlobal('news_article', (post: PostView) => newsArticle(post, site));
  // `{{ post.date | date('long') }}`: a date in the page's language and the site's timezone
  // (styles: full, long, medium, short, datetime, month, year).
  env.addFilter('date', function (this: PageContext, iso: string, style = 'long') {
    const time = Date.parse(String(iso));
    return Number.isNaN(time) ? '' : formatter(String(style), pageLang(this)).format(time);
  });
  // `{{ t('nav.tags') }}`, `{{ t('list.count', { count: term.count }) }}`: a label of the
  // theme in the page's language (i18n/messages.ts); numbers formatted for it.
  env.addGlobal('t', function (this: PageContext, key: string, params?: Record<string, string | number>) {
    return messages(pageLang(this)).t(String(key), params);
  });
  // `data-messages="{{ messages(['search.found', …]) | dump }}"`: the messages themselves,
  // unformatted, for a script that formats them in the browser (a key no table has fails as in t()).
  env.addGlobal('messages', function (this: PageContext, keys: readonly string[]) {
    const translator = messages(pageLang(this));
    return Object.fromEntries(keys.map((key) => [key, translator.message(key) ?? translator.t(key)]));
  });
  // `{{ term.count | number }}`: a number in the page's language.
  env.addFilter('number', function (this: PageContext, value: number) {
    return messages(pageLang(this)).number(Number(value));
  });
  env.addGlobal('site', { ...site.extra, title: site.title, description: site.description, lang: site.lang, url: site.url, baseurl: site.baseurl, timezone: site.timezone });

  const has = (name: string) => existsSync(join(templatesDir, `${name}.njk`));
  // The optional page templates too, when they are there.
  for (const name of ['post', ...pageTemplates, ...optionalPageTemplates.filter(has)]) {
    if (!has(name)) throw new FatalError(`template not found: ${relative(cwd, join(templatesDir, `${name}.njk`))}`);
    try {
      env.getTemplate(`${name}.njk`, true);
    } catch (error) {
      const e = templateError(error, templatesDir, cwd);
      throw new FatalError(`${e.file ?? name}${e.line ? `:${e.line}` : ''}: ${e.message}`, { cause: error });
    }
  }
  const templateFiles = readdirSync(templatesDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(templatesDir, join(e.parentPath, e.name)))
    .sort();
  const keys = new Map<string, string>();
  const all = createHash('sha256');
  for (const file of templateFiles) all.update(`${file}\0`).update(readFileSync(join(templatesDir, file))).update('\0');
  return {
    has,
    templateNames: templateFiles,
    templatesKey: all.digest('hex'),
    templateKey(name) {
      let key = keys.get(name);
      if (key === undefined) {
        key = templateKey(templatesDir, `${name}.njk`, templateFiles);
        keys.set(name, key);
      }
      return key;
    },
    hasPostLayout: (name) => /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name) && !(pageTemplates as readonly string[]).includes(name) && !optionalPageTemplates.includes(name) && has(name),
    render(name, context) {
      try {
        return env.render(`${name}.njk`, context);
      } catch (error) {
        throw templateError(error, templatesDir, cwd);
      }
    },
  };
}

/**
 * Reads file and line out of a Nunjucks error. Nunjucks nests a message per template
 * frame ("(…/post.njk) [Line 3, Column 5]\n  …"); the innermost names the real place.
 * Its parse errors count lines from 1 but its runtime errors (innermost message
 * "Error: …") from 0, so those are shifted by one.
 */
function templateError(error: unknown, templatesDir: string, cwd: string): TemplateError {
  const text = error instanceof Error ? error.message : String(error);
  const places = [...text.matchAll(/\(([^()\n]+\.njk)\)(?: \[Line (\d+), Column \d+\])?/g)];
  const innermost = places.at(-1);
  const detail = text.slice((innermost?.index ?? 0) + (innermost?.[0].length ?? 0)).replace(/^[\s\S]*\n\s*/, '').trim() || text.trim();
  const runtime = /^\w*Error: /.test(detail);
  const file = innermost?.[1];
  const line = innermost?.[2] !== undefined ? Number(innermost[2]) + (runtime ? 1 : 0) : undefined;
  const message = detail.replace(/^(Template render error: )+/, '').replace(/^Error: /, '');
  const shown = file ? relative(cwd, file.startsWith('/') ? file : join(templatesDir, file)) : undefined;
  return new TemplateError(message || 'template error', shown, line, { cause: error });
}

/**
 * The hash of a template and the templates it uses, found in its syntax tree (`extends`,
 * `include`, `import`, `from`). A template named by an expression rather than a literal
 * could be any of them, so then every template counts; so it does when one cannot be parsed.
 */
function templateKey(templatesDir: string, entry: string, all: readonly string[]): string {
  const used = new Set<string>();
  const pending = [entry];
  let everything = false;
  while (pending.length > 0 && !everything) {
    const name = pending.pop()!;
    if (used.has(name)) continue;
    used.add(name);
    let source: string;
    try {
      source = readFileSync(join(templatesDir, name), 'utf8');
    } catch {
      continue; // a missing template: rendering will say so
    }
    try {
      walkTemplate(parseTemplate(source), (node) => {
        if (!['Extends', 'Include', 'Import', 'FromImport'].includes(node.typename)) return;
        const target = node.template as TemplateNode | undefined;
        if (target?.typename !== 'Literal' || typeof target.value !== 'string') everything = true;
        else pending.push(target.value.startsWith('.') ? join(name, '..', target.value) : target.value);
      });
    } catch {
      everything = true;
    }
  }
  const hash = createHash('sha256');
  for (const name of everything ? all : [...used].sort()) {
    hash.update(name).update('\0');
    try {
      hash.update(readFileSync(join(templatesDir, name)));
    } catch {
      hash.update('(missing)');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Nunjucks' parser: public (nunjucks.parser) but not in its type definitions. */
const { parser } = nunjucks as unknown as { parser: { parse(source: string, extensions: unknown[], options: object): unknown } };

/** A template's syntax tree (throws on a syntax error). */
export function parseTemplate(source: string): TemplateNode {
  return parser.parse(source, [], {}) as TemplateNode;
}

/** A node of a Nunjucks syntax tree: its `typename`, and its parts named by `fields`. */
export interface TemplateNode {
  readonly typename: string;
  readonly value?: unknown;
  readonly fields?: readonly string[];
  readonly children?: readonly TemplateNode[];
  readonly [field: string]: unknown;
}

/** Calls `visit` on every node of a template's syntax tree, parents first. */
export function walkTemplate(node: unknown, visit: (node: TemplateNode) => void): void {
  if (!node || typeof node !== 'object') return;
  const n = node as TemplateNode;
  visit(n);
  const fields = n.fields ?? [];
  for (const field of fields) {
    const value = n[field];
    if (Array.isArray(value)) for (const child of value) walkTemplate(child, visit);
    else walkTemplate(value, visit);
  }
  if (!fields.includes('children')) for (const child of n.children ?? []) walkTemplate(child, visit);
}

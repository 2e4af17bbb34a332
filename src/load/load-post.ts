import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { SiteConfig } from '../config.js';
import { diagnostic, toDiagnostic } from '../errors.js';
import type { Diagnostic, Post, Skipped } from '../types.js';
import { isoDate } from './dates.js';
import { decodePost } from './decode.js';
import { FrontMatterError, splitFrontMatter } from './front-matter.js';
import type { DateTime } from 'luxon';
import { authorOf, categoriesOf, interpretedKeys, parseFileName, postDate, tagsOf, textOf, titleFromSlug, type FileNameParts } from './normalize.js';
import { frontMatterLimits, limitTerms, limitText, preview, type Limited } from './limits.js';
import { placePost } from './permalink.js';
import { readBareArticle } from './bare-article.js';
import { postSlug, slugify } from './slug.js';
import type { PostFile } from './find-posts.js';

/** What loading one file gives: a post, or the reason it was left out, and any diagnostics. */
export interface LoadResult {
  readonly post?: Post;
  readonly skipped?: Skipped;
  readonly diagnostics: readonly Diagnostic[];
}

/** A valid layout name: a plain template name, never a path. */
const layoutName = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Whether a layout name has a template; given by the render stage so loading stays pure. */
export type LayoutExists = (name: string) => boolean;

/** What loading needs besides the file: the site's settings, the templates there are, the build's start. */
export interface LoadContext {
  readonly config: SiteConfig;
  readonly layoutExists: LayoutExists;
  /** The build's start (ms since the epoch): posts dated later are skipped unless `config.future`. */
  readonly now: number;
}

/** Reads one post file's bytes into a Post: front matter, Jekyll semantics, URL. Never throws. */
export function loadPost(file: PostFile, bytes: Buffer, { config, layoutExists, now }: LoadContext): LoadResult {
  const { source } = file;
  const fail = (message: string, line?: number, hint?: string): LoadResult => ({ diagnostics: [diagnostic('error', source, message, { line, hint })] });

  const decoded = decodePost(bytes);
  if ('problem' in decoded) return fail(decoded.problem, undefined, 'save it as UTF-8');
  const { text, encoding } = decoded;
  if (text.includes('\u0000')) return fail('the file contains NUL bytes: it looks like a binary file, not a post');

  try {
    const split = splitFrontMatter(text);
    const data = (split.yaml?.data ?? {}) as unknown;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return fail('the front matter must be a mapping of keys to values', 2);
    }
    const fm = data as Record<string, unknown>;
    const lineOf = (key: string) => split.yaml?.lineOf(key);
    const diagnostics: Diagnostic[] = [];
    if (encoding !== 'utf-8') diagnostics.push(diagnostic('warning', source, `read as ${encoding.toUpperCase()}, not UTF-8`, { hint: 'convert it to UTF-8 to be sure' }));

    if (fm.published === false) return { skipped: { source, reason: 'published: false' }, diagnostics };

    const name = parseFileName(basename(source));
    // A bare article (no front matter, `bare_articles: true`): title, date and `from` from its text.
    const bare = config.bareArticles && split.yaml === undefined && split.bodyOffset === 0 ? readBareArticle(text, name, config.timezone) : undefined;
    const { date, fromFrontMatter, warnings: dateWarnings } = bare ?? postDate(split.yaml, name, config.timezone);
    for (const warning of dateWarnings) diagnostics.push(diagnostic('warning', source, warning, { line: bare ? bare.dateLine : lineOf('date') }));
    if (!config.future && date.toMillis() > now) return { skipped: { source, reason: 'future date' }, diagnostics };
    const disagreement = fromFrontMatter ? dateDisagreement(date, name, config.timezone) : undefined;
    if (disagreement) diagnostics.push(diagnostic('warning', source, disagreement, { line: lineOf('date') }));

    const limited = <T>(value: Limited<T>, key: string): T => {
      if (value.cut) diagnostics.push(diagnostic('warning', source, value.cut, { line: lineOf(key) }));
      return value.value;
    };
    const title = limited(limitText(textOf(fm.title) || bare?.title || titleFromSlug(name.slug) || '(untitled)', frontMatterLimits.titleChars, 'title'), 'title');
    const from = textOf(fm.from) ?? bare?.from;
    const categoryKey = fm.categories !== undefined ? 'categories' : 'category';
    const categories = limited(limitTerms(categoriesOf(fm, file.folderCategories), frontMatterLimits.categories, frontMatterLimits.termChars, 'categories'), categoryKey);
    // (A bare article's slug is its file name's, before its `from:` URL's.)
    const frontMatterSlug = textOf(fm.slug) ?? (bare ? name.slug : undefined);
    const slug = postSlug({ frontMatterSlug, from, fileNameSlug: name.slug, title: textOf(fm.title), source });
    const jekyllTitle = slugify(frontMatterSlug ?? name.slug, 'pretty', true) || slug;
    const permalink = textOf(fm.permalink) || config.permalink;
    const placed = placePost(permalink, { date, slug, title: jekyllTitle, categories });
    if ('problem' in placed) return fail(`bad permalink: ${placed.problem}`, lineOf('permalink'));
    for (const { from: original, to, why } of placed.rewritten ?? []) {
      diagnostics.push(diagnostic('warning', source, `the name ${preview(original)} in its URL is written as ${preview(to)}: ${why}`, { line: lineOf('permalink') }));
    }

    const layout = chooseLayout(textOf(fm.layout), layoutExists);
    if (layout.warning) diagnostics.push(diagnostic('warning', source, layout.warning, { line: lineOf('layout') }));

    const author = authorOf(fm.author);
    const tagKey = fm.tag !== undefined && fm.tag !== null ? 'tag' : 'tags';
    const post: Post = {
      source,
      path: file.path,
      format: file.format,
      encoding,
      hash: createHash('sha256').update(bytes).digest('hex'),
      bodyOffset: (bare ?? split).bodyOffset,
      bodyLine: (bare ?? split).bodyLine,
      title,
      date: isoDate(date),
      time: date.toMillis(),
      slug,
      url: placed.url,
      outputPath: placed.outputPath,
      tags: limited(limitTerms(tagsOf(fm), frontMatterLimits.tags, frontMatterLimits.termChars, 'tags'), tagKey),
      categories,
      ...(author ? { author: limited(limitText(author, frontMatterLimits.authorChars, "author's name"), 'author') } : {}),
      ...(from ? { from } : {}),
      layout: layout.name,
      data: templateData(fm),
    };
    return { post, diagnostics };
  } catch (error) {
    if (error instanceof FrontMatterError) return fail(error.message, error.line, error.hint);
    // Never the whole build for one post: a bug met by one file is that file's error.
    return { diagnostics: [toDiagnostic(source, error)] };
  }
}

/** Says how the front-matter date and the file name's date disagree, when they are more than a day apart. */
function dateDisagreement(date: DateTime, name: FileNameParts, zone: string): string | undefined {
  if (!name.date) return undefined;
  const nameDay = postDate(undefined, name, zone).date;
  if (Math.abs(date.startOf('day').diff(nameDay, 'days').days) <= 1) return undefined;
  return `the front-matter date ${date.toISODate()} and the file name's date ${nameDay.toISODate()} differ by more than a day; the front-matter date is used`;
}

/**
 * The template for a post: its `layout:` when that is a plain name with a template (a
 * Jekyll archive's `layout: archive` without one falls back quietly), else `post`.
 */
function chooseLayout(layout: string | undefined, layoutExists: LayoutExists): { name: string; warning?: string } {
  if (!layout || layout === 'post') return { name: 'post' };
  if (!layoutName.test(layout)) return { name: 'post', warning: `layout ${JSON.stringify(layout)} is not a template name; using 'post'` };
  return { name: layoutExists(layout) ? layout : 'post' };
}

/** The keys gazette does not interpret, as JSON-safe values (dates become ISO strings). */
function templateData(fm: Record<string, unknown>): Record<string, unknown> {
  const plain = (v: unknown): unknown => {
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
    if (Array.isArray(v)) return v.map(plain);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
    return v;
  };
  return Object.fromEntries(
    Object.entries(fm)
      .filter(([k]) => !interpretedKeys.has(k))
      .map(([k, v]) => [k, plain(v)]),
  );
}

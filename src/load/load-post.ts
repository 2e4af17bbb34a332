import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { SiteConfig } from '../config.js';
import { diagnostic } from '../errors.js';
import type { Diagnostic, Post, Skipped } from '../types.js';
import { isoDate } from './dates.js';
import { FrontMatterError, splitFrontMatter } from './front-matter.js';
import { authorOf, categoriesOf, interpretedKeys, parseFileName, postDate, tagsOf, textOf, titleFromSlug } from './normalize.js';
import { placePost } from './permalink.js';
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

/** Reads one post file's bytes into a Post: front matter, Jekyll semantics, URL. Never throws. */
export function loadPost(file: PostFile, bytes: Buffer, config: SiteConfig, layoutExists: LayoutExists): LoadResult {
  const { source } = file;
  const fail = (message: string, line?: number, hint?: string): LoadResult => ({ diagnostics: [diagnostic('error', source, message, { line, hint })] });

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail('the file is not valid UTF-8 text', undefined, 'save it as UTF-8');
  }
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

    if (fm.published === false) return { skipped: { source, reason: 'published: false' }, diagnostics };

    const name = parseFileName(basename(source));
    const { date, fromFrontMatter } = postDate(split.yaml, name, config.timezone);
    if (fromFrontMatter && name.date) {
      const nameDay = postDate(undefined, name, config.timezone).date;
      if (Math.abs(date.startOf('day').diff(nameDay, 'days').days) > 1) {
        diagnostics.push(diagnostic('warning', source, `the front-matter date ${date.toISODate()} and the file name's date ${nameDay.toISODate()} differ by more than a day; the front-matter date is used`, { line: lineOf('date') }));
      }
    }

    const title = textOf(fm.title) || titleFromSlug(name.slug) || '(untitled)';
    const from = textOf(fm.from);
    const categories = categoriesOf(fm, file.folderCategories);
    const frontMatterSlug = textOf(fm.slug);
    const slug = postSlug({ frontMatterSlug, from, fileNameSlug: name.slug, title: textOf(fm.title), source });
    const jekyllTitle = slugify(frontMatterSlug ?? name.slug, 'pretty', true) || slug;
    const permalink = textOf(fm.permalink) || config.permalink;
    const placed = placePost(permalink, { date, slug, title: jekyllTitle, categories });
    if ('problem' in placed) return fail(`bad permalink: ${placed.problem}`, lineOf('permalink'));

    const layout = textOf(fm.layout);
    let chosenLayout = 'post';
    if (layout && layout !== 'post') {
      if (layoutName.test(layout) && layoutExists(layout)) chosenLayout = layout;
      else if (!layoutName.test(layout)) diagnostics.push(diagnostic('warning', source, `layout ${JSON.stringify(layout)} is not a template name; using 'post'`, { line: lineOf('layout') }));
    }

    const author = authorOf(fm.author);
    const post: Post = {
      source,
      path: file.path,
      format: file.format,
      hash: createHash('sha256').update(bytes).digest('hex'),
      bodyOffset: split.bodyOffset,
      bodyLine: split.bodyLine,
      title,
      date: isoDate(date),
      time: date.toMillis(),
      slug,
      url: placed.url,
      outputPath: placed.outputPath,
      tags: tagsOf(fm),
      categories,
      ...(author ? { author } : {}),
      ...(from ? { from } : {}),
      layout: chosenLayout,
      data: templateData(fm),
    };
    return { post, diagnostics };
  } catch (error) {
    if (error instanceof FrontMatterError) return fail(error.message, error.line, error.hint);
    throw error;
  }
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

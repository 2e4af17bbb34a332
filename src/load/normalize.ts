import { decodeHTMLStrict } from 'entities';
import type { DateTime } from 'luxon';
import type { ParsedYaml } from './yaml.js';
import { fileNameDate, readPostDate } from './dates.js';
import { FrontMatterError } from './front-matter.js';

/**
 * Front-matter values read with Jekyll's semantics: title, date, tags, categories,
 * author, `from`, `slug`, `permalink`, `published`, `layout`. Wrong types are coerced
 * where Jekyll would coerce them and reported where it would fail.
 */

/** Keys this module interprets; all others are passed to templates as `post.data`. */
export const interpretedKeys = new Set(['title', 'date', 'tags', 'tag', 'categories', 'category', 'author', 'from', 'slug', 'permalink', 'published', 'layout']);

/** `YYYY-MM-DD-slug.ext` as Jekyll matches post file names (unpadded months and days too). */
const jekyllFileName = /^(\d{2,4})-(\d{1,2})-(\d{1,2})-(.*)$/;

/** What the file name tells: Jekyll's date and slug, when it has them. */
export interface FileNameParts {
  readonly date?: { year: string; month: string; day: string };
  /** The name without date prefix, extension and trailing periods (Jekyll's slug), or the bare name. */
  readonly slug: string;
  readonly hasDate: boolean;
}

export function parseFileName(baseName: string): FileNameParts {
  const stem = baseName.replace(/\.[^.]+$/, '');
  const m = jekyllFileName.exec(stem);
  // Jekyll (Document#populate_title): "slugs shouldn't end with a period", so
  // `2020-02-02-made-in-the-U.S..md` has the slug `made-in-the-U.S` and the title `Made In The U.s`.
  if (!m) return { slug: stem.replace(/\.+$/, ''), hasDate: false };
  const [, year, month, day, slug] = m;
  return { date: { year: year!, month: month!, day: day! }, slug: slug!.replace(/\.+$/, ''), hasDate: true };
}

/** Jekyll's `titleize_slug`: words split at '-', each capitalised. */
export function titleFromSlug(slug: string): string {
  return slug
    .split('-')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1).toLowerCase() : w))
    .join(' ')
    .trim();
}

/** Text of a scalar value: strings trimmed and entity-decoded once; numbers and booleans as text. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return decodeHTMLStrict(value).trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return undefined;
}

/**
 * Ruby's `String#split` with no argument, which Jekyll uses: ASCII whitespace only, so a
 * full-width space (U+3000) or a no-break space inside a name does not split it.
 */
const asciiWhitespace = /[ \t\n\v\f\r]+/;

/**
 * A tag or category value as a list of names: a string is split at ASCII whitespace when
 * `split` (Jekyll splits the plural keys, not the singular ones); lists are flattened;
 * numbers become text; entities are decoded once; empties and repeats go.
 */
export function termList(value: unknown, split: boolean): string[] {
  const names: string[] = [];
  const add = (v: unknown, top: boolean): void => {
    if (Array.isArray(v)) v.forEach((x) => add(x, false));
    // (Word by word: spreading a long list into push() overflows the stack, at some 100,000 words.)
    else if (typeof v === 'string' && top && split) for (const word of v.split(asciiWhitespace)) names.push(word);
    else if (typeof v === 'string') names.push(v);
    else if (typeof v === 'number' || typeof v === 'boolean') names.push(String(v));
  };
  add(value, true);
  return unique(names.map((v) => decodeHTMLStrict(v).trim()));
}

/** Jekyll's tags: the singular `tag` wins over `tags`. */
export function tagsOf(data: Record<string, unknown>): string[] {
  return data.tag !== undefined && data.tag !== null ? termList(data.tag, false) : termList(data.tags, true);
}

/** Jekyll's categories: folders above `_posts` first, then `categories`, then `category`. */
export function categoriesOf(data: Record<string, unknown>, folders: readonly string[]): string[] {
  return unique([...folders, ...termList(data.categories, true), ...termList(data.category, false)]);
}

function unique(names: string[]): string[] {
  return [...new Set(names.filter(Boolean))];
}

/** The author's display name; WordPress exports give a mapping (`display_name`, `login`, …). */
export function authorOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const m = value as Record<string, unknown>;
    return textOf(m.display_name ?? m.name ?? m.login);
  }
  return textOf(value) || undefined;
}

/**
 * The post's date: front matter if present, else the file name's, else a FrontMatterError.
 * `warnings` say where the front-matter date was read in a surprising way (as Jekyll reads it).
 */
export function postDate(yaml: ParsedYaml | undefined, fileName: FileNameParts, zone: string): { date: DateTime; fromFrontMatter: boolean; warnings: readonly string[] } {
  const scalar = yaml?.scalar('date');
  const data = (yaml?.data ?? {}) as Record<string, unknown>;
  if (data.date !== undefined && data.date !== null) {
    const line = yaml?.lineOf('date') ?? 1;
    if (!scalar) throw new FrontMatterError(`'date' must be a date such as 2024-11-14 or 2024-11-14T23:37:40Z, got ${JSON.stringify(data.date)}`, line);
    const read = readPostDate(scalar.source, scalar.plain && scalar.value instanceof Date ? 'yaml-timestamp' : 'text', zone);
    if ('problem' in read) throw new FrontMatterError(`'date' is not a date gazette can read: ${read.problem}`, line, read.hint);
    return { date: read.date, fromFrontMatter: true, warnings: read.warnings };
  }
  if (fileName.date) {
    const { year, month, day } = fileName.date;
    const date = fileNameDate(year.length === 2 ? `20${year}` : year, month, day, zone);
    if (date) return { date, fromFrontMatter: false, warnings: [] };
  }
  throw new FrontMatterError('the post has no date', 1, "add 'date:' to the front matter or name the file YYYY-MM-DD-title.md");
}

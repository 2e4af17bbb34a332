/**
 * What one post's front matter may hold. Every page that lists a post repeats its title and
 * categories, and every tag and category a post names gets a page and two feeds of its own:
 * without limits, one post with a long title and thousands of tags made a gigabyte of output
 * (issue #13). With them, whatever its front matter holds, one post adds a bounded amount to
 * the output (SECURITY.md, "Resource limits"). A post over a limit is still built, with the
 * value cut, and a warning names the file, the line and what was cut.
 *
 * The limits are far above what real archives hold: in the real corpus (1,165 posts from 14
 * archives) the longest title has 141 characters, the most tags a post has is 9, the longest
 * tag 23 characters, the most categories 6.
 */
export const frontMatterLimits = {
  /** Characters (code points) of a title. */
  titleChars: 500,
  /** Characters of the author's name. */
  authorChars: 200,
  /** Characters of one tag's or category's name. */
  termChars: 100,
  /** Tags one post may have. */
  tags: 50,
  /** Categories one post may have (the folders above `_posts` included). */
  categories: 10,
} as const;

/** A value after the limits, and what was cut from it (for the warning), if anything. */
export interface Limited<T> {
  readonly value: T;
  readonly cut?: string;
}

/**
 * The first `max` code points of `text`, never splitting a surrogate pair, as a string of its
 * own (V8 would keep a slice's whole source string alive, and the build keeps every post).
 */
function firstChars(text: string, max: number): string {
  let end = 0;
  for (let n = 0; n < max && end < text.length; n++) end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  return structuredClone(text.slice(0, end));
}

/** How long `text` is in code points. */
function charCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff) n++;
  }
  return n;
}

/** A short, single-line preview of a name for a message (a warning must not repeat a megabyte). */
export function preview(text: string, chars = 40): string {
  const line = text.replace(/\s+/g, ' ');
  return JSON.stringify(charCount(line) > chars ? `${firstChars(line, chars)}…` : line);
}

const format = (n: number) => n.toLocaleString('en');

/** Cuts a text value (title, author) to `max` characters. */
export function limitText(text: string, max: number, what: string): Limited<string> {
  const length = text.length <= max ? text.length : charCount(text);
  if (length <= max) return { value: text };
  return { value: firstChars(text, max).trimEnd(), cut: `the ${what} has ${format(length)} characters: cut to its first ${format(max)} (the limit)` };
}

/**
 * Keeps the first `maxCount` names (in the order given), each cut to `maxChars` characters;
 * names that become equal once cut are kept once.
 */
export function limitTerms(names: readonly string[], maxCount: number, maxChars: number, what: 'tags' | 'categories'): Limited<string[]> {
  const notes: string[] = [];
  const first = names.slice(0, maxCount);
  const long = first.filter((name) => name.length > maxChars && charCount(name) > maxChars);
  const kept = [...new Set(first.map((name) => (name.length > maxChars ? firstChars(name, maxChars).trimEnd() : name)))];
  if (names.length > maxCount) {
    const left = names.slice(maxCount);
    notes.push(`it has ${format(names.length)} ${what}: the first ${format(maxCount)} are kept (the limit), ${format(left.length)} left out (${left.slice(0, 3).map((name) => preview(name)).join(', ')}${left.length > 3 ? ', …' : ''})`);
  }
  if (long.length > 0) notes.push(`${format(long.length)} of its ${what} ${long.length === 1 ? 'is' : 'are'} longer than ${format(maxChars)} characters and cut to that (${preview(long[0]!)}${long.length > 1 ? ', …' : ''})`);
  return notes.length > 0 ? { value: kept, cut: notes.join('; ') } : { value: kept };
}

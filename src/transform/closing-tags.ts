import { lowerBound } from './sorted.js';

/**
 * Where the element opened by a `<name` tag is closed, found for every tag of a document at
 * once. kramdown-html-block.ts asks this for each HTML block it may start; scanning from each
 * block start to the end of the document, as a regular expression did, costs the square of
 * the document's length when blocks are left open (`<p>` + blank line, 16,000 times: 5.8 s of
 * markdown), and a `<div` with no `>` after it made every later one read to the end (cubic).
 *
 * The scan it answers for reads from a tag onwards, token by token: a comment (`<!--` up to
 * the first `-->` after it; an unclosed `<!--` is no token) is passed over whole; a tag
 * `<name` or `</name` (any case), followed by a space, `/` or `>`, runs to the next `>` (with
 * no `>` left, it is no token); anything else is passed one character at a time. The element
 * is closed at the first tag after which the nesting depth is back to 0.
 *
 * A scan's next token depends only on where it stands, so the scans from every tag form a
 * tree whose root is the end of the document: each token points to the first token at or
 * after its end. The closing tag of every token is then worked out once, from the end
 * backwards (see `closers`).
 */

/** Offset just past the tag that closes the element opened at `start`; -1 when none starts before `limit`. */
export type ClosingTagFinder = (start: number, limit: number) => number;

/** What a token is; a self-closing tag (`<name … />`) opens nothing, and closes the element when it is the first. */
type Kind = 'comment' | 'open' | 'close' | 'self-closing';

/** The tokens of a document for one element name, in order of position. */
interface Tokens {
  readonly start: number[];
  readonly end: number[];
  readonly kind: Kind[];
}

/** The closing-tag finder of `name` (lower case) in `src`. */
export function closingTags(src: string, name: string): ClosingTagFinder {
  const tokens = scanTokens(src, name);
  const parent = parents(tokens);
  const closer = closers(tokens.kind, parent);
  return (start, limit) => {
    const k = indexOf(tokens.start, start);
    if (k === -1) return -1; // no tag starts there: the scan would find no closing tag either (see scanTokens)
    const kind = tokens.kind[k]!;
    // An opening tag is matched by the closer of what follows it; a self-closing one ends at once.
    const x = kind === 'self-closing' ? k : kind === 'open' ? closer[parent[k]!]! : -1;
    return x === -1 || tokens.start[x]! >= limit ? -1 : tokens.end[x]!;
  };
}

/**
 * Every position where the scan finds a token, whatever position it started from. (A `<name`
 * that is no token has no `>` after it, so a scan from there finds no tag at all.)
 */
function scanTokens(src: string, name: string): Tokens {
  const tokens: Tokens = { start: [], end: [], kind: [] };
  const commentEnd = nextOf(src, '-->');
  const tagEnd = nextOf(src, '>');
  for (let at = src.indexOf('<'); at !== -1; at = src.indexOf('<', at + 1)) {
    if (src.startsWith('<!--', at)) {
      const close = commentEnd(at + 4);
      if (close !== -1) push(tokens, at, close + 3, 'comment');
      continue;
    }
    const slash = src.charCodeAt(at + 1) === 0x2f /* / */ ? 1 : 0;
    const after = at + 1 + slash + name.length;
    if (!sameName(src, at + 1 + slash, name) || !/[\s/>]/.test(src.charAt(after))) continue;
    const close = tagEnd(after);
    if (close === -1) continue;
    push(tokens, at, close + 1, slash ? 'close' : src.charCodeAt(close - 1) === 0x2f ? 'self-closing' : 'open');
  }
  return tokens;
}

function push(tokens: Tokens, start: number, end: number, kind: Kind): void {
  tokens.start.push(start);
  tokens.end.push(end);
  tokens.kind.push(kind);
}

/**
 * `indexOf(needle, from)` for `from` values that never decrease: the last answer is kept, so
 * the text is read at most once however often it is asked.
 */
function nextOf(src: string, needle: string): (from: number) => number {
  let askedFrom = Infinity;
  let found = -1;
  return (from) => {
    if (from < askedFrom || (found !== -1 && found < from)) found = src.indexOf(needle, from);
    askedFrom = from;
    return found;
  };
}

/** True when `name` (lower case) is written at `at`, in any case of its ASCII letters. */
function sameName(src: string, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = src.charCodeAt(at + i);
    const n = name.charCodeAt(i);
    if (c !== n && !(n >= 0x61 && n <= 0x7a && c === n - 0x20)) return false;
  }
  return true;
}

/** For each token, the index of the first token at or after its end (`count` for the end of the document). */
function parents(tokens: Tokens): Int32Array {
  const count = tokens.start.length;
  const parent = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const end = tokens.end[k]!;
    let low = k + 1;
    let high = count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (tokens.start[mid]! < end) low = mid + 1;
      else high = mid;
    }
    parent[k] = low;
  }
  return parent;
}

/**
 * For each token, its closer: the first closing tag on the scan from it (itself included) at
 * which the depth, counted from before the token, falls to -1; -1 when there is none. From
 * the end backwards, each is one or two look-ups of closers already known: a closing tag is
 * its own; a comment or a self-closing tag has the closer of what follows it; an opening
 * tag's matching closing tag is the closer of what follows it, and its own closer is the
 * closer of what follows that.
 */
function closers(kind: readonly Kind[], parent: Int32Array): Int32Array {
  const count = kind.length;
  const closer = new Int32Array(count + 1);
  closer[count] = -1;
  for (let k = count - 1; k >= 0; k--) {
    const next = closer[parent[k]!]!;
    if (kind[k] === 'close') closer[k] = k;
    else if (kind[k] === 'open') closer[k] = next === -1 ? -1 : closer[parent[next]!]!;
    else closer[k] = next;
  }
  return closer;
}

/** Index of `value` in an ascending list, or -1. */
function indexOf(sorted: readonly number[], value: number): number {
  const low = lowerBound(sorted, value);
  return sorted[low] === value ? low : -1;
}

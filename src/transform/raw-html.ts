/**
 * Stray `<` in raw HTML kept as text. An HTML parser reads `<` followed by a letter as the
 * start of a tag, whatever follows: `(0<p<1)的误解。…` opens an element named `p<1)的误解。…`
 * and the rest of the paragraph is gone; `URL = <https://…/>` becomes an element too.
 * kramdown (Jekyll) reads a tag only where one is written whole, and shows the rest as text.
 * This pass does the same before the HTML is parsed: every `<` that does not begin one of
 * the constructs below becomes `&lt;`.
 *
 * - a start tag: `<` name, then attributes as a browser reads them (`a`, `a=b`, `a="…"`,
 *   `a='…'`, quoted values with no space after them, `alt ;`), then `>` or `/>`; the name is
 *   a letter followed by letters, digits, `-`, `_`, `.` or `:` (`<o:p>`), and it ends at a
 *   space, `/` or `>` (`<p<1)` and `<https://…>` are no tags); attribute names and
 *   unquoted values hold no `<`;
 * - an end tag: `</` name, then anything but `<` up to `>`;
 * - a comment `<!--` … `-->`; a declaration `<!` letter or `[`, then anything but `<` up to
 *   `>` (`<!DOCTYPE html>`); a processing instruction `<?` letter, then anything but `<` up
 *   to `>` (Word's `<?xml:namespace … />`);
 * - the content of a raw-text element (`script style textarea title xmp iframe noembed
 *   noframes`) up to its closing tag, left as it is. Such an element that is never closed
 *   would take the rest of the article as its text (and sanitizing drops that text), so its
 *   start tag is shown as text instead; `<plaintext>`, which no tag closes, always is.
 *
 * Linear in the length of the HTML: every search for a closing `"`, `'`, `-->`, `>` or
 * raw-text closing tag remembers its answer, and scans start at increasing offsets.
 */

const rawTextElements = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);

/** `\t \n \f \r` and space: what HTML calls whitespace. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c === 0x2e || c === 0x3a;
}

/**
 * An attribute name, as a browser reads it: anything but whitespace, `/`, `>` and `=`, and
 * here not `<` either (a browser lets `a <b and c<d>` be one tag; kramdown does not). Quotes
 * are allowed: `alt="the "boyfriend" said"` is an attribute and two odd ones, not text.
 */
function isAttributeNameChar(c: number): boolean {
  return !isSpace(c) && c !== 0x3c && c !== 0x3e && c !== 0x2f && c !== 0x3d && !Number.isNaN(c);
}

/** An unquoted attribute value: anything but whitespace, `<` and `>`. */
function isUnquotedValueChar(c: number): boolean {
  return !isSpace(c) && c !== 0x3c && c !== 0x3e && !Number.isNaN(c);
}

/**
 * `indexOf(needle, from)` that remembers its last answer: asked again from an offset at or
 * before that answer (and after the last start), it answers at once. Asked from increasing
 * offsets, its searches read the text about once in all.
 */
function rememberingIndexOf(text: string, needle: string): (from: number) => number {
  let lastFrom = Infinity;
  let lastAt = -1;
  return (from) => {
    if (from >= lastFrom && (lastAt === -1 || from <= lastAt)) return lastAt;
    lastFrom = from;
    lastAt = text.indexOf(needle, from);
    return lastAt;
  };
}

/** The same for a raw-text element's closing tag (`</script` then a space, `/` or `>`, any case): its offset. */
function rememberingCloserOf(text: string, name: string): (from: number) => number {
  const pattern = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi');
  let lastFrom = Infinity;
  let lastAt = -1;
  return (from) => {
    if (from >= lastFrom && (lastAt === -1 || from <= lastAt)) return lastAt;
    lastFrom = from;
    pattern.lastIndex = from;
    lastAt = pattern.exec(text)?.index ?? -1;
    return lastAt;
  };
}

/** One document's searches. */
interface Searches {
  readonly next: (needle: string, from: number) => number;
  readonly closer: (name: string, from: number) => number;
}

function searchesIn(html: string): Searches {
  const needles = new Map<string, (from: number) => number>();
  const closers = new Map<string, (from: number) => number>();
  return {
    next(needle, from) {
      let f = needles.get(needle);
      if (!f) needles.set(needle, (f = rememberingIndexOf(html, needle)));
      return f(from);
    },
    closer(name, from) {
      let f = closers.get(name);
      if (!f) closers.set(name, (f = rememberingCloserOf(html, name)));
      return f(from);
    },
  };
}

/** What begins at a `<`: a construct and the offset just past it, or nothing (-1). */
interface Construct {
  readonly end: number;
  /** A start tag's name, lower case (for raw-text elements); '' for anything else. */
  readonly name: string;
}

const none: Construct = { end: -1, name: '' };

/** True when the character before `i` closed a quoted attribute value (`a="x"b="y"` is read as two attributes). */
function afterQuote(html: string, i: number): boolean {
  const p = html.charCodeAt(i - 1);
  return p === 0x22 || p === 0x27;
}

/** A construct running from `from` to the next `>`, when no `<` comes first. */
function upToGreaterThan(from: number, search: Searches): Construct {
  const gt = search.next('>', from);
  if (gt === -1) return none;
  const lt = search.next('<', from);
  return lt !== -1 && lt < gt ? none : { end: gt + 1, name: '' };
}

/** What begins at the `<` at `lt`. */
function constructAt(html: string, lt: number, search: Searches): Construct {
  const c = html.charCodeAt(lt + 1);
  if (isLetter(c)) return startTag(html, lt, search);
  if (c === 0x2f /* / */) {
    if (!isLetter(html.charCodeAt(lt + 2))) return none;
    let i = lt + 2;
    while (isNameChar(html.charCodeAt(i))) i++;
    const d = html.charCodeAt(i);
    if (d !== 0x3e && d !== 0x2f && !isSpace(d)) return none;
    return upToGreaterThan(i, search);
  }
  if (c === 0x21 /* ! */) {
    if (html.startsWith('<!--', lt)) {
      if (html.startsWith('>', lt + 4)) return { end: lt + 5, name: '' };
      if (html.startsWith('->', lt + 4)) return { end: lt + 6, name: '' };
      const close = search.next('-->', lt + 4);
      return close === -1 ? none : { end: close + 3, name: '' };
    }
    const d = html.charCodeAt(lt + 2);
    if (!isLetter(d) && d !== 0x5b /* [ */) return none;
    return upToGreaterThan(lt + 2, search);
  }
  if (c === 0x3f /* ? */) {
    if (!isLetter(html.charCodeAt(lt + 2))) return none;
    return upToGreaterThan(lt + 2, search);
  }
  return none;
}

/**
 * The start tag beginning at `lt` (`<` then a letter), or none. A quoted value reads to the
 * next quote of its kind, which `search` remembers, so that a run of `<a b="` with no
 * closing quote stays linear.
 */
function startTag(html: string, lt: number, search: Searches): Construct {
  let i = lt + 1;
  while (isNameChar(html.charCodeAt(i))) i++;
  const name = html.slice(lt + 1, i).toLowerCase();
  for (;;) {
    const c = html.charCodeAt(i);
    if (c === 0x3e) return { end: i + 1, name };
    if (c === 0x2f) return html.charCodeAt(i + 1) === 0x3e ? { end: i + 2, name } : none;
    if (!isSpace(c) && !afterQuote(html, i)) return none;
    while (isSpace(html.charCodeAt(i))) i++;
    const d = html.charCodeAt(i);
    if (d === 0x3e || d === 0x2f) continue;
    if (!isAttributeNameChar(d)) return none;
    while (isAttributeNameChar(html.charCodeAt(i))) i++;
    let j = i;
    while (isSpace(html.charCodeAt(j))) j++;
    if (html.charCodeAt(j) !== 0x3d /* = */) continue;
    j++;
    while (isSpace(html.charCodeAt(j))) j++;
    const q = html.charCodeAt(j);
    if (q === 0x22 || q === 0x27) {
      const close = search.next(q === 0x22 ? '"' : "'", j + 1);
      if (close === -1) return none;
      i = close + 1;
    } else {
      if (!isUnquotedValueChar(q)) return none;
      i = j;
      while (isUnquotedValueChar(html.charCodeAt(i))) i++;
    }
  }
}

/** What a stretch of raw HTML is, as the scan reads it. */
export type RawHtmlPiece =
  /** text, `<` that begin nothing included */
  | 'text'
  /** a `<` that begins nothing (one character; also counted as text) */
  | 'stray'
  /** a start tag (with its lower-case name), end tag, comment, declaration or processing instruction */
  | 'markup'
  /** the content of a raw-text element, up to its closing tag */
  | 'raw-text';

/**
 * Reads raw HTML from start to end, calling `visit` for each piece in order (pieces of text
 * may come in several calls). `name` is a start tag's lower-case name, else ''.
 */
export function scanRawHtml(html: string, visit: (piece: RawHtmlPiece, start: number, end: number, name: string) => void): void {
  const search = searchesIn(html);
  let text = 0;
  for (let lt = search.next('<', 0); lt !== -1; ) {
    const construct = constructAt(html, lt, search);
    let stray = construct.end === -1;
    let rawEnd = -1;
    if (!stray && construct.name) {
      if (construct.name === 'plaintext') stray = true;
      else if (rawTextElements.has(construct.name)) {
        rawEnd = search.closer(construct.name, construct.end);
        if (rawEnd === -1) stray = true;
      }
    }
    if (text < lt) visit('text', text, lt, '');
    if (stray) {
      visit('stray', lt, lt + 1, '');
      text = lt + 1;
    } else {
      visit('markup', lt, construct.end, construct.name);
      text = construct.end;
      if (rawEnd !== -1) {
        // The content stays as written; its closing tag is read next.
        if (construct.end < rawEnd) visit('raw-text', construct.end, rawEnd, construct.name);
        text = rawEnd;
      }
    }
    lt = search.next('<', text);
  }
  if (text < html.length) visit('text', text, html.length, '');
}

/** `html` with every `<` that begins no tag, comment or declaration written `&lt;`. */
export function escapeStrayLessThan(html: string): string {
  if (!html.includes('<')) return html;
  const out: string[] = [];
  let copied = 0;
  scanRawHtml(html, (piece, start) => {
    if (piece !== 'stray') return;
    out.push(html.slice(copied, start), '&lt;');
    copied = start + 1;
  });
  out.push(html.slice(copied));
  return out.join('');
}

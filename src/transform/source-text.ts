import { decodeHTML } from 'entities';
import { scanRawHtml } from './raw-html.js';
import { nonArticleElements } from './sanitize-schema.js';

/**
 * The text a post's source holds, for the fidelity measure (fidelity.ts): what a reader
 * should find on the page, read from the file itself rather than from a parse of it, so
 * that text a parser loses (a paragraph cut off at `(0<p<1)`) counts as lost.
 *
 * Markdown syntax that is not text goes (link destinations and titles, image alt text,
 * reference definitions, footnote labels, code fence info strings, ordered list numbers); footnote definitions
 * move to the end, where the page shows them. Then the HTML is read as raw-html.ts reads
 * it: tags, comments and declarations go, and with them the content of the non-article
 * elements (scripts, styles, `<svg>` … which the page never shows, see sanitize-schema.ts);
 * entities are decoded. Both sides are compared by `comparableText`: without whitespace and
 * ASCII punctuation, which markdown and layout spend freely (`*`, `|`, `#`, `>`).
 *
 * Where the reading is unsure it leaves text out rather than in: text left out can only hide
 * a loss, text counted that the page does not show would report one that did not happen.
 */

const skippedElements = new Set<string>(nonArticleElements);

/** Whitespace (as articleText removes it) and ASCII punctuation. */
const notCompared = /[\s\u00a0\u3000\u200b-\u200d\ufeff!-/:-@[-`{-~]+/gu;

/** Text without whitespace and ASCII punctuation: the form in which source and page are compared. */
export function comparableText(text: string): string {
  return text.replace(notCompared, '');
}

/** The text of a post body, in the order the page shows it (not yet made comparable). */
export function sourceText(body: string, format: 'markdown' | 'html'): string {
  return htmlText(format === 'markdown' ? markdownWithoutSyntax(body) : body);
}

/** The text of raw HTML: tags, comments and non-article elements' content removed, entities decoded. */
export function htmlText(html: string): string {
  const parts: string[] = [];
  let skipping = '';
  scanRawHtml(html, (piece, start, end, name) => {
    if (skipping) {
      // Inside a non-article element (`<svg>`, `<select>` …): only its closing tag ends the skip.
      if (piece === 'markup' && isEndTagOf(html, start, skipping)) skipping = '';
      return;
    }
    if (piece === 'text' || piece === 'stray') parts.push(html.slice(start, end));
    else if (piece === 'raw-text' && skippedElements.has(name)) return;
    else if (piece === 'raw-text') parts.push(html.slice(start, end));
    else if (piece === 'markup' && name && skippedElements.has(name) && !html.startsWith('/>', end - 2)) skipping = name;
  });
  return decodeHTML(parts.join(''));
}

function isEndTagOf(html: string, at: number, name: string): boolean {
  if (!html.startsWith('</', at)) return false;
  const tag = html.slice(at + 2, at + 2 + name.length).toLowerCase();
  const after = html.charCodeAt(at + 2 + name.length);
  return tag === name && (after === 0x3e || after === 0x2f || after === 0x20 || (after >= 0x09 && after <= 0x0d));
}

/**
 * `indexOf(needle, from)` that remembers its last answer, for searches from increasing
 * offsets (each costs about nothing after the first; see raw-html.ts).
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

/** Reference definitions (`[1]: https://…`), which the page does not show. Footnote definitions are not these. */
const referenceDefinition = /^ {0,3}\[(?!\^)[^\]\n]{1,999}\]:[ \t]*\S[^\n]*$/gm;
/** A code fence line: its info string (```` ```js ````) is not shown. */
const fenceLine = /^[ \t]*(?:`{3,}|~{3,})[^\n]*$/gm;
/** An ordered list item's number (`1.`, `2)`), which the page shows as the list's own numbering, not as text. */
const listNumber = /^([ \t]*(?:>[ \t]*)*)\d{1,9}[.)](?=[ \t]|$)/gm;
/** An image's alt text (`![alt`), an attribute on the page. */
const imageAlt = /!\[[^[\]\n]{0,500}\]/g;
/** A reference link's label (`][label]`) and a footnote reference's (`[^note]`). */
const referenceLabel = /\]\[[^[\]\n]{0,200}\]|\[\^[^[\]\s]{1,200}\]/g;

/** A code span on one line (`` `&copy` ``, ``` ``a`b`` ```): its text is shown as written, not read as HTML. */
const codeSpan = /``[^\n]+?``|`[^`\n]+`/g;
/** A markdown autolink (`<https://…>`): the page shows its percent-escapes decoded, so they are not compared. */
const autolink = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/g;

/** `&` and `<` written as entities, so that reading the text as HTML gives it back as written. */
const literal = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Markdown with the syntax that is not text removed, footnote definitions moved to the end. */
export function markdownWithoutSyntax(markdown: string): string {
  const { main, footnotes } = splitFootnotes(literalCode(markdown));
  const text = [main, ...footnotes].join('\n\n').replace(autolink, (link) => link.replace(/%[0-9A-Fa-f]{2}/g, ''));
  return withoutLinkDestinations(text.replace(referenceDefinition, '').replace(fenceLine, '').replace(listNumber, '$1').replace(imageAlt, ']')).replace(referenceLabel, ']');
}

/** Code spans and fenced code blocks with their `&` and `<` made literal (see `literal`). */
function literalCode(markdown: string): string {
  let text = markdown.includes('`') ? markdown.replace(codeSpan, literal) : markdown;
  if (!/^[ \t]*(?:```|~~~)/m.test(text)) return text;
  const lines = text.split('\n');
  let fence = '';
  for (let i = 0; i < lines.length; i++) {
    const open = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(lines[i]!)?.[1];
    if (fence) {
      if (open && open[0] === fence[0] && open.length >= fence.length && lines[i]!.trim() === open) fence = '';
      else lines[i] = literal(lines[i]!);
    } else if (open && !(open[0] === '`' && lines[i]!.slice(lines[i]!.indexOf(open) + open.length).includes('`'))) fence = open; // a backtick fence's info string holds no backtick
  }
  text = lines.join('\n');
  return text;
}

/**
 * Inline link destinations and titles: `](` up to the `)` that closes it (one level of
 * parentheses inside, as in Wikipedia URLs), when it comes before a blank line.
 */
function withoutLinkDestinations(text: string): string {
  if (!text.includes('](')) return text;
  const nextClose = rememberingIndexOf(text, ')');
  const nextOpen = rememberingIndexOf(text, '(');
  const nextBlank = rememberingIndexOf(text, '\n\n');
  const out: string[] = [];
  let copied = 0;
  for (let at = text.indexOf('](', 0); at !== -1; ) {
    let close = nextClose(at + 2);
    const open = nextOpen(at + 2);
    if (close !== -1 && open !== -1 && open < close) close = nextClose(close + 1);
    const blank = nextBlank(at + 2);
    if (close === -1 || (blank !== -1 && blank < close)) {
      at = text.indexOf('](', at + 2);
      continue;
    }
    out.push(text.slice(copied, at + 1));
    copied = close + 1;
    at = text.indexOf('](', copied);
  }
  out.push(text.slice(copied));
  return out.join('');
}

/**
 * Footnote definitions (`[^1]: …` and the lines that continue it: the next lines up to a
 * blank line, and indented paragraphs after it) moved out of the body, in their order.
 */
function splitFootnotes(markdown: string): { main: string; footnotes: string[] } {
  if (!markdown.includes('[^')) return { main: markdown, footnotes: [] };
  const definition = /^ {0,3}\[\^[^\]\s]+\]:/;
  const main: string[] = [];
  const footnotes: string[][] = [];
  let current: string[] | undefined;
  let afterBlank = false;
  for (const line of markdown.split('\n')) {
    const blank = line.trim() === '';
    if (definition.test(line)) footnotes.push((current = [line.replace(definition, '')]));
    else if (current && (blank || !afterBlank || /^( {4}|\t)/.test(line))) current.push(line);
    else {
      current = undefined;
      main.push(line);
    }
    afterBlank = blank;
  }
  return { main: main.join('\n'), footnotes: footnotes.map((lines) => lines.join('\n')) };
}

import { decodeHTML } from 'entities';
import type { Token } from 'markdown-it';
import { scanRawHtml } from './raw-html.js';
import { nonArticleElements } from './sanitize-schema.js';

/**
 * The text a post's source holds, for the fidelity measure (fidelity.ts): what a reader
 * should find on the page, read from the source rather than from the HTML parse of it, so
 * that text the HTML parser loses (a paragraph cut off at `(0<p<1)`, a `URL = <https://…>`)
 * counts as lost.
 *
 * A markdown post is read through markdown-it's tokens (the ones its page is rendered from):
 * their text, inline code and code blocks as written, their raw HTML (HTML blocks, inline
 * tags) as it stands in the file; link destinations, image alt text (an attribute) and
 * footnote numbers are syntax, not text. markdown-it itself keeps every character of text it
 * reads; the HTML parser is where text went missing. The HTML is then read as raw-html.ts
 * reads it: tags, comments and declarations go, and with them the content of the
 * non-article elements (scripts, styles, `<svg>` … which the page never shows, see
 * sanitize-schema.ts); entities are decoded. Source and page are compared by
 * `comparableText`: without whitespace and ASCII punctuation, which markup and layout spend
 * freely, and in lower case.
 */

const skippedElements = new Set<string>(nonArticleElements);

/** Whitespace (as articleText removes it) and ASCII punctuation. */
const notCompared = /[\s\u00a0\u3000\u200b-\u200d\ufeff!-/:-@[-`{-~]+/gu;

/** Text without whitespace and ASCII punctuation, in lower case: the form in which source and page are compared. */
export function comparableText(text: string): string {
  return text.replace(notCompared, '').toLowerCase();
}

/** The text of an `.html` post's body, or of a markdown post's tokens, in the order the page shows it (not yet made comparable). */
export function sourceText(source: string | readonly Token[]): string {
  return htmlText(typeof source === 'string' ? source : markdownHtml(source));
}

/** `&` and `<` written as entities, so that reading the text as HTML gives it back as written. */
const literal = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The raw HTML and the text of markdown tokens, the text made literal, in order. */
function markdownHtml(tokens: readonly Token[]): string {
  const parts: string[] = [];
  const visit = (list: readonly Token[]) => {
    for (const token of list) {
      switch (token.type) {
        case 'inline':
          visit(token.children ?? []);
          break;
        case 'text':
        case 'code_inline':
        case 'code_block':
        case 'fence':
          parts.push(literal(token.content));
          break;
        case 'html_block':
        case 'html_inline':
          parts.push(token.content);
          break;
        case 'softbreak':
        case 'hardbreak':
          parts.push('\n');
          break;
        default:
          // Block boundaries: a space, so that text on either side is not read as one tag.
          if (token.block) parts.push('\n');
      }
    }
  };
  visit(tokens);
  return parts.join('');
}

/** The text of raw HTML: tags, comments and non-article elements' content removed, entities decoded. */
export function htmlText(html: string): string {
  const parts: string[] = [];
  let skipping = '';
  const closed = closedLater(html);
  scanRawHtml(html, (piece, start, end, name) => {
    if (skipping) {
      // Inside a non-article element (`<svg>`, `<select>` …): only its closing tag ends the skip.
      if (piece === 'markup' && isEndTagOf(html, start, skipping)) skipping = '';
      return;
    }
    if (piece === 'text' || piece === 'stray') parts.push(html.slice(start, end));
    else if (piece === 'raw-text' && skippedElements.has(name)) return;
    else if (piece === 'raw-text') parts.push(html.slice(start, end));
    // A non-article element left open takes the rest of the article in a browser, and the page loses it: its text counts.
    else if (piece === 'markup' && name && skippedElements.has(name) && !html.startsWith('/>', end - 2) && closed(name, end)) skipping = name;
  });
  return decodeHTML(parts.join(''));
}

/** Whether an element named `name` is closed after `from` (`</name`, any case); each name's answer remembered for later offsets. */
function closedLater(html: string): (name: string, from: number) => boolean {
  const last = new Map<string, number>();
  return (name, from) => {
    let at = last.get(name);
    if (at === undefined || (at !== -1 && at < from)) {
      const pattern = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi');
      pattern.lastIndex = from;
      at = pattern.exec(html)?.index ?? -1;
      last.set(name, at);
    }
    return at !== -1;
  };
}

function isEndTagOf(html: string, at: number, name: string): boolean {
  if (!html.startsWith('</', at)) return false;
  const tag = html.slice(at + 2, at + 2 + name.length).toLowerCase();
  const after = html.charCodeAt(at + 2 + name.length);
  return tag === name && (after === 0x3e || after === 0x2f || after === 0x20 || (after >= 0x09 && after <= 0x0d));
}

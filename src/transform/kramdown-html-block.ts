import type { Env, MarkdownIt, StateBlock } from 'markdown-it';
import { closingTags, type ClosingTagFinder } from './closing-tags.js';

/**
 * HTML blocks read as Jekyll's kramdown reads them. CommonMark ends an HTML block at the
 * first blank line, so `<div>` … blank line … `    <p>indented</p>` … `</div>` becomes
 * HTML, then an indented code block showing the markup as text, then HTML again. kramdown
 * keeps a block-level element raw up to its matching closing tag, blank lines and
 * indentation included. This markdown-it block rule does the same; where no closing tag
 * is found it declines and CommonMark's own html_block rule applies.
 */

/** Elements kramdown treats as block-level HTML (its HTML_BLOCK_ELEMENTS, plus HTML5 sectioning). */
const blockElements = new Set(
  'address article aside audio blockquote body canvas center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup html iframe legend li main map menu nav noscript object ol p pre section summary table tbody td tfoot th thead tr ul video'.split(' '),
);

const openTag = /^<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)/;

/**
 * Offset just past the tag that closes the element opened at `start`, counting nested
 * elements of the same name and passing over comments; -1 when it is not closed before
 * `limit`. (One question; a document's blocks ask through `closingTagIn`.)
 */
export function findClosingTag(src: string, start: number, limit: number, name: string): number {
  return closingTags(src, name)(start, limit);
}

/** The per-document finders, one per element name, kept in markdown-it's `env` (one per render). */
interface ClosingTagCache {
  src: string;
  readonly byName: Map<string, ClosingTagFinder>;
}

/**
 * The closing-tag finder of `name` for the document being parsed, made on first use: every
 * block start of the document then costs a look-up, not a scan to the end of the document.
 */
function closingTagIn(env: Env, src: string, name: string): ClosingTagFinder {
  let cache = env.kramdownClosingTags as ClosingTagCache | undefined;
  if (cache?.src !== src) cache = env.kramdownClosingTags = { src, byName: new Map() };
  let finder = cache.byName.get(name);
  if (!finder) cache.byName.set(name, (finder = closingTags(src, name)));
  return finder;
}

function kramdownHtmlBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  // Four spaces of indentation make a code block, in kramdown as in CommonMark.
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const pos = state.bMarks[startLine]! + state.tShift[startLine]!;
  const src = state.src;
  if (src.charCodeAt(pos) !== 0x3c /* < */) return false;
  const name = openTag.exec(src.slice(pos, pos + 64))?.[1]?.toLowerCase();
  if (!name || !blockElements.has(name)) return false;

  const limit = state.eMarks[endLine - 1]!;
  const closeEnd = closingTagIn(state.env, src, name)(pos, limit);
  if (closeEnd === -1) return false;
  if (silent) return true;
  let nextLine = startLine + 1;
  while (nextLine < endLine && state.bMarks[nextLine]! < closeEnd) nextLine++;

  const token = state.push('html_block', '', 0);
  token.map = [startLine, nextLine];
  token.content = state.getLines(startLine, nextLine, state.blkIndent, true);
  state.line = nextLine;
  return true;
}

/** markdown-it plugin: kramdown's HTML blocks, tried before CommonMark's. */
export function kramdownHtmlBlocks(md: MarkdownIt): void {
  md.block.ruler.before('html_block', 'kramdown_html_block', kramdownHtmlBlock, {
    alt: ['paragraph', 'reference', 'blockquote'],
  });
}

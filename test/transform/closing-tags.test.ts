import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closingTags } from '../../src/transform/closing-tags.js';
import { findClosingTag } from '../../src/transform/kramdown-html-block.js';

/**
 * The scan the finder replaces: a regular expression run from the block start to the end of
 * the document (kramdown-html-block.ts before it was made linear). Same answers, wanted.
 */
function regexScan(src: string, start: number, limit: number, name: string): number {
  const tags = new RegExp(`<!--[\\s\\S]*?-->|<(/?)${name}(?=[\\s/>])[^>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 0;
  for (let m = tags.exec(src); m && m.index < limit; m = tags.exec(src)) {
    if (m[0].startsWith('<!--')) continue;
    if (m[1] === '/') depth--;
    else if (!m[0].endsWith('/>')) depth++;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

/** Where the markdown rule asks: each `<div` that opens a tag name (kramdown-html-block.ts's openTag). */
function blockStarts(src: string): number[] {
  const starts: number[] = [];
  for (let i = src.indexOf('<'); i !== -1; i = src.indexOf('<', i + 1)) {
    if (/^<div(?=[\s/>]|$)/i.test(src.slice(i, i + 64))) starts.push(i);
  }
  return starts;
}

const piece = fc.constantFrom('<div>', '</div>', '<DIV class="a">', '<div\n', '</div\n>', '<div/>', '<div />', '<!--', '-->', '<!-->', '<!--->', '<!-- x -->', '>', '/>', '<', '<p>', '</p>', '<divx>', 'text', ' ', '\n', '\n\n', '\u00a0', '\u3000', '<div\u3000', '"');
const document = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('closing tags', () => {
  it('counts nested elements, passes over comments and ignores other elements', () => {
    const src = '<div><div>inner</div><!-- </div> --><span>x</span> tail</div> rest';
    expect(findClosingTag(src, 0, src.length, 'div')).toBe(src.indexOf(' rest'));
    expect(findClosingTag('<div><div></div>', 0, 16, 'div')).toBe(-1);
    const upper = '<DIV\nclass="a">x</Div >';
    expect(findClosingTag(upper, 0, upper.length, 'div')).toBe(upper.length);
  });

  it('closes a self-closing tag at once, and finds nothing past the limit', () => {
    expect(findClosingTag('<div/> x </div>', 0, 15, 'div')).toBe(6);
    expect(findClosingTag('<div> x </div>', 0, 8, 'div')).toBe(-1);
  });

  it('reads an unclosed comment as text, as the regular expression did', () => {
    const src = '<div><!-- never closed </div> after';
    expect(findClosingTag(src, 0, src.length, 'div')).toBe(src.indexOf(' after'));
  });

  it('gives the regular-expression scan\'s answer for every block start and limit of random documents', () => {
    fc.assert(
      fc.property(document, fc.nat(), (src, seed) => {
        const find = closingTags(src, 'div');
        for (const start of blockStarts(src)) {
          for (const limit of [src.length, start + 1 + (seed % (src.length - start))]) {
            expect(find(start, limit)).toBe(regexScan(src, start, limit, 'div'));
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('answers the pathological shapes as before: open blocks, unclosed comments, tags without `>`', () => {
    for (const src of ['<div>\n\n'.repeat(50), `<div>\n${'<!--\n\n'.repeat(50)}`, '<div\n\n'.repeat(50), `${'<div>'.repeat(30)}${'</div>'.repeat(20)}`]) {
      const find = closingTags(src, 'div');
      for (const start of blockStarts(src)) expect(find(start, src.length)).toBe(regexScan(src, start, src.length, 'div'));
    }
  });
});

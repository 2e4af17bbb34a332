import fc from 'fast-check';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { elementBudget, HtmlTooLargeError, parseHtmlFragment } from '../../src/transform/parse-html.js';
import { root } from '../helpers/paths.js';

/** A tree without source positions (rehype-parse records them; gazette's parser does not need them). */
function withoutPositions(tree: Root): unknown {
  return JSON.parse(JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value)));
}

/** rehype-parse's parse of a fragment (hast-util-from-html is what it calls). */
const rehypeParse = (html: string) => fromHtml(html, { fragment: true });

/** 14 KB of HTML: n distinct formatting tags left open, then n paragraphs, each of which HTML makes reopen all n. */
const reopening = (n: number) => `<p>${Array.from({ length: n }, (_, i) => `<b id=${i}>`).join('')}</p>${'<p>x</p>'.repeat(n)}`;

describe('parseHtmlFragment', () => {
  it('gives the tree rehype-parse gives, on random HTML and on the sample posts', () => {
    const piece = fc.constantFrom('<p>', '</p>', '<b>', '</b>', '<i class=a>', '<table>', '<td>', '<tr>', '</table>', '<div>', '</div>', '<li>', '<ul>', 'text', '中文', '<!--c-->', '<br>', '<img src=x>', '<a href=y>', '</a>', '<template>', '<svg><g>', '</svg>', '<select><option>', '&amp;', '<');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const html = pieces.join('');
        expect(withoutPositions(parseHtmlFragment(html))).toEqual(withoutPositions(rehypeParse(html)));
      }),
      { numRuns: 2000 },
    );
    for (const name of readdirSync(join(root, 'posts'))) {
      const html = readFileSync(join(root, 'posts', name), 'utf8');
      expect(withoutPositions(parseHtmlFragment(html))).toEqual(withoutPositions(rehypeParse(html)));
    }
  });

  it('keeps to a budget of elements: formatting tags left open cannot make n × m elements (the parse took seconds and made a 7 MB page)', () => {
    const html = reopening(800);
    expect(html.length).toBeLessThan(15_000);
    const started = performance.now();
    expect(() => parseHtmlFragment(html)).toThrow(HtmlTooLargeError);
    expect(performance.now() - started).toBeLessThan(2_000);
    // A handful left open, reopened in a few paragraphs, as real pages do, is well inside it.
    expect(() => parseHtmlFragment(`<p><b><i>bold${'<p>more</p>'.repeat(2000)}`)).not.toThrow();
    expect(elementBudget('x'.repeat(100_000))).toBe(60_000);
  });

});

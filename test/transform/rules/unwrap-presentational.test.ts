import type { ElementContent, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import unwrapPresentational, { unwrapPresentational as unwrapSpans } from '../../../src/transform/rules/unwrap-presentational.js';
import { rewrite, unrelated } from '../../helpers/html.js';

describe('unwrap-presentational', () => {
  it('unwraps spans that only carried style or class', () => {
    expect(rewrite('<p><span>白宫</span><span class="css-1x">周三</span>证实</p>', [unwrapPresentational])).toBe('<p>白宫周三证实</p>');
  });
  it('keeps spans that mean something', () => {
    const html = `${unrelated}<p><span lang="en">Joe Biden</span> <span id="note">n</span></p>`;
    expect(rewrite(html, [unwrapPresentational])).toBe(html);
  });
});

describe('unwrap-presentational on a wide span', () => {
  it('unwraps a span of 200,000 children (spreading them into push() overflowed the stack)', () => {
    const children: ElementContent[] = Array.from({ length: 200_000 }, () => ({ type: 'element', tagName: 'b', properties: {}, children: [{ type: 'text', value: 'x' }] }));
    const tree: Root = { type: 'root', children: [{ type: 'element', tagName: 'span', properties: {}, children }] };
    unwrapSpans(tree);
    expect(tree.children).toHaveLength(200_000);
    expect(tree.children[0]).toMatchObject({ tagName: 'b' });
  });
});


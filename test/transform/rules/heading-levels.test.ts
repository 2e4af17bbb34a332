import { describe, expect, it } from 'vitest';
import headingLevels, { outlineLevels } from '../../../src/transform/rules/heading-levels.js';
import { rewrite, unrelated } from '../../helpers/html.js';

describe('heading-levels', () => {
  it('demotes an article’s own h1 below the page title, keeping its text and attributes', () => {
    expect(rewrite('<h1 id="t">拜登“再会”习近平</h1><p>正文</p><h2>背景</h2>', [headingLevels])).toBe('<h2 id="t">拜登“再会”习近平</h2><p>正文</p><h3>背景</h3>');
  });
  it('closes gaps in the outline: h1 then h4 becomes h2 then h3', () => {
    expect(rewrite('<h1>Title</h1><h4>Sub</h4><h4>Sub 2</h4><h6>Deep</h6>', [headingLevels])).toBe('<h2>Title</h2><h3>Sub</h3><h3>Sub 2</h3><h4>Deep</h4>');
  });
  it('keeps nesting relative: a later, higher heading goes back up', () => {
    // The news-mirror layout: the setext link heading (h2), then the outlet's h1 and h2.
    expect(outlineLevels([2, 1, 2])).toEqual([2, 2, 3]);
    expect(outlineLevels([4, 3, 4, 4, 3])).toEqual([2, 2, 3, 3, 2]);
    expect(outlineLevels([3, 3, 3])).toEqual([2, 2, 2]);
    expect(outlineLevels([1, 2, 3, 4, 5, 6])).toEqual([2, 3, 4, 5, 6, 6]);
  });
  it('finds headings at any depth, in document order', () => {
    expect(rewrite('<div><blockquote><h1>Q</h1></blockquote></div><section><h5>A</h5></section>', [headingLevels])).toBe('<div><blockquote><h2>Q</h2></blockquote></div><section><h3>A</h3></section>');
  });
  it('leaves unrelated HTML alone', () => {
    expect(rewrite(unrelated, [headingLevels])).toBe(unrelated);
  });
});

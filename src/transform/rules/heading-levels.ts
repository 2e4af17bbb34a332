import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { forEachElement, type Parent } from './hast.js';

/**
 * An article's headings sit under the page's own `<h1>` (the post title) and never skip a
 * level: an outlet's `<h1>` repeating its headline becomes an `<h2>`, and `<h1>` then
 * `<h4>` becomes `<h2>` then `<h3>`. Headings nested under another keep that nesting.
 * Only element names change, never text: browsers and screen readers take heading levels
 * from the tag alone (no browser implements the HTML outline algorithm), so an article's
 * `<h1>` would otherwise be a second page title and a jump from `<h1>` to `<h4>` a gap in
 * the outline that readers navigate by.
 */

const headingLevel = /^h([1-6])$/;

/**
 * The levels headings of `levels` (1–6, in document order) get under a page `<h1>`:
 * each is one below the nearest earlier heading of a higher original level, or 2 when
 * there is none; capped at 6.
 */
export function outlineLevels(levels: readonly number[]): number[] {
  const open: number[] = [];   // original levels of the headings enclosing the current one
  return levels.map((level) => {
    while (open.length > 0 && open[open.length - 1]! >= level) open.pop();
    open.push(level);
    return Math.min(open.length + 1, 6);
  });
}

export function fixHeadingLevels(tree: Parent): void {
  const headings: { node: Element; level: number }[] = [];
  forEachElement(tree, (node) => {
    const match = headingLevel.exec(node.tagName);
    if (match) headings.push({ node, level: Number(match[1]) });
  });
  const levels = outlineLevels(headings.map((h) => h.level));
  headings.forEach((h, i) => {
    h.node.tagName = `h${levels[i]}`;
  });
}

const headingLevelsPlugin: Plugin<[], Root> = () => (tree) => {
  fixHeadingLevels(tree);
};
export default headingLevelsPlugin;

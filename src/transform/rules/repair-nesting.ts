import type { Element, ElementContent, Root } from 'hast';
import type { Plugin } from 'unified';
import { forEachElement } from './hast.js';

/**
 * Unwrapping elements the sanitizer does not allow (an `<object>`, a `<form>`) can leave
 * nestings HTML forbids, which a browser would split into different elements and which
 * change when the page is parsed again:
 *
 * - a paragraph holding a block, directly or under inline elements (`<p><object><p>…`,
 *   `<p><em><object><figure>`): the paragraph becomes a `<div>`, which keeps its content;
 * - a link inside a link, a heading inside a heading, a list item or definition term
 *   inside another without a list of its own between them: the inner one is unwrapped,
 *   its content (the text) stays.
 *
 * After this rule, the article parses back to the same tree.
 */

const blocks = new Set(['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul']);

/** Elements that may not contain another of their group, and the elements that reset that rule. */
const exclusive: { group: Set<string>; resetBy: Set<string> }[] = [
  { group: new Set(['a']), resetBy: new Set() },
  { group: new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']), resetBy: new Set() },
  { group: new Set(['li']), resetBy: new Set(['ul', 'ol', 'menu']) },
  { group: new Set(['dt', 'dd']), resetBy: new Set(['dl']) },
];

/** True when a block element sits anywhere inside `node`. */
function holdsBlock(node: Element): boolean {
  let found = false;
  forEachElement(node, (child) => {
    if (blocks.has(child.tagName)) found = true;
    return found ? false : undefined;
  });
  return found;
}

/** Unwraps elements nested inside another of their group; `open` counts the group's open ancestors. */
function unwrapNested(parent: Root | Element, open: number[]): void {
  const children: ElementContent[] = [];
  for (const child of parent.children as ElementContent[]) {
    if (child.type !== 'element') {
      children.push(child);
      continue;
    }
    const inner = open.map((count, i) => (exclusive[i]!.resetBy.has(child.tagName) ? 0 : count));
    const nested = exclusive.some((rule, i) => rule.group.has(child.tagName) && inner[i]! > 0);
    const counts = inner.map((count, i) => count + (exclusive[i]!.group.has(child.tagName) && !nested ? 1 : 0));
    unwrapNested(child, counts);
    // (One by one: spreading a long list into push() overflows the stack.)
    if (nested) for (const grandchild of child.children) children.push(grandchild);
    else children.push(child);
  }
  parent.children = children as typeof parent.children;
}

const repairNesting: Plugin<[], Root> = () => (tree) => {
  forEachElement(tree, (node) => {
    if (node.tagName === 'p' && holdsBlock(node)) node.tagName = 'div';
  });
  unwrapNested(tree, exclusive.map(() => 0));
};
export default repairNesting;

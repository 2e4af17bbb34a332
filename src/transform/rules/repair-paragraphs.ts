import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { forEachElement } from './hast.js';

/**
 * A paragraph may hold only phrasing content. Unwrapping an element the sanitizer does
 * not allow can leave blocks inside one, directly or under inline elements
 * (`<p><object><p>…</p></object></p>` becomes `<p><p>…</p></p>`; `<p><em><object><figure>`
 * becomes `<p><em><figure>`), which a browser would split into different elements and
 * which changes when the page is parsed again. Such a paragraph becomes a `<div>`, which
 * keeps its content together and reads the same.
 */

const blocks = new Set(['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul']);

/** True when a block element sits anywhere inside `node`. */
function holdsBlock(node: Element): boolean {
  let found = false;
  forEachElement(node, (child) => {
    if (blocks.has(child.tagName)) found = true;
    return found ? false : undefined;
  });
  return found;
}

const repairParagraphs: Plugin<[], Root> = () => (tree) => {
  forEachElement(tree, (node) => {
    if (node.tagName === 'p' && holdsBlock(node)) node.tagName = 'div';
  });
};
export default repairParagraphs;

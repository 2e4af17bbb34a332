import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { isBlankText, isElement, rewriteElements, type Parent } from './hast.js';

/**
 * Empty paragraphs, divisions, spans and small print (`<p></p>`, `<p>&nbsp;</p>`,
 * `<small></small>`, a `<strong>` around nothing, a zoom widget's emptied `<div>`) are
 * removed: they only add gaps. An element counts as
 * empty when it holds no visible text and no element other than `<br>`. Inner ones go
 * first, so `<p><span> </span></p>` goes whole.
 */

const removable = new Set(['p', 'div', 'small', 'span', 'strong', 'b', 'em', 'i', 'u', 'sup', 'sub', 'mark', 'cite', 'font']);

export function isEmpty(node: Element): boolean {
  return node.children.every((c) => c.type === 'comment' || isBlankText(c) || isElement(c, 'br'));
}

export function removeEmpty(tree: Parent): void {
  rewriteElements(tree, (node) => {
    return removable.has(node.tagName) && isEmpty(node) ? [] : undefined;
  });
}

const removeEmptyPlugin: Plugin<[], Root> = () => (tree) => {
  removeEmpty(tree);
};
export default removeEmptyPlugin;

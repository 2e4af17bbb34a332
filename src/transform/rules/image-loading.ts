import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { forEachElement } from './hast.js';

/**
 * Images load lazily and decode off the main thread (`loading="lazy"`,
 * `decoding="async"`); their `width` and `height` stay, so the page does not jump
 * while they arrive.
 */
const imageLoading: Plugin<[], Root> = () => (tree) => {
  forEachElement(tree, (node) => {
    if (node.tagName !== 'img') return;
    node.properties.loading = 'lazy';
    node.properties.decoding = 'async';
  });
};
export default imageLoading;

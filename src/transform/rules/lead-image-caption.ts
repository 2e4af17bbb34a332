import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { classesOf, isBlankText, isElement, rewriteElements, type Parent } from './hast.js';

/**
 * A lead image followed by its caption in a span (`<img …> <span class="lead_image_caption">…`,
 * as RFA pages write it) becomes one `<figure>` with a `<figcaption>`, so the caption is
 * tied to the image for readers and screen readers alike.
 */

const captionClasses = new Set(['lead_image_caption', 'wp-caption-text', 'image-caption', 'caption']);

/** Pairs each image with a caption span that directly follows it (whitespace aside). */
export function figureLeadImages(tree: Parent): void {
  const pair = (parent: Parent) => {
    const children = parent.children;
    for (let i = 0; i < children.length; i++) {
      const img = children[i];
      if (!isElement(img, 'img')) continue;
      let j = i + 1;
      while (j < children.length && isBlankText(children[j]!)) j++;
      const caption = children[j];
      if (!isElement(caption, 'span', 'small') || !classesOf(caption).some((c) => captionClasses.has(c))) continue;
      const figure: Element = {
        type: 'element',
        tagName: 'figure',
        properties: {},
        children: [img, { type: 'element', tagName: 'figcaption', properties: {}, children: caption.children }],
      };
      children.splice(i, j - i + 1, figure);
    }
  };
  // The figure cannot sit inside a paragraph; only pair where a figure is allowed.
  rewriteElements(tree, (node) => {
    if (!isElement(node, 'p', 'span', 'a', 'small', 'figure')) pair(node);
    return undefined;
  });
  pair(tree);
}

const leadImageCaption: Plugin<[], Root> = () => (tree) => {
  figureLeadImages(tree);
};
export default leadImageCaption;

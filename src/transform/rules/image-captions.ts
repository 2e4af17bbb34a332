import type { Element, ElementContent, Root } from 'hast';
import type { Plugin } from 'unified';
import { attr, classesOf, isBlankText, isElement, rewriteElements, type Parent } from './hast.js';

/**
 * Images and their captions become one `<figure>` with a `<figcaption>`, so a caption is
 * tied to its image for readers and screen readers alike. The shapes news sites use:
 *
 * - an image followed by a caption span or small (`<span class="lead_image_caption">`, RFA);
 * - an image followed by `<small>` or by a `<div>` holding only a `<small>` (VOA, NYT, DW feeds);
 * - a WordPress caption box, `<div class="wp-caption">` (or `id="attachment_…"`) with an image and a
 *   `<p class="wp-caption-text">` (or `id="caption-attachment-…"`).
 */

const captionClasses = new Set(['lead_image_caption', 'wp-caption-text', 'image-caption', 'caption']);

const element = (tagName: string, children: ElementContent[]): Element => ({ type: 'element', tagName, properties: {}, children });

/** The caption content of a node that directly follows an image, if it is one. */
function captionAfterImage(node: ElementContent | undefined): ElementContent[] | undefined {
  if (node?.type !== 'element') return undefined;
  if (node.tagName === 'small') return node.children;
  if (node.tagName === 'span' && classesOf(node).some((c) => captionClasses.has(c))) return node.children;
  if (node.tagName === 'div') {
    const inner = node.children.filter((c) => !isBlankText(c));
    const only = inner[0];
    if (inner.length === 1 && only?.type === 'element' && only.tagName === 'small') return only.children;
  }
  return undefined;
}

/**
 * Pairs each image (or linked image) in `parent` with a caption that directly follows it.
 * The children are copied once, when the first pair is found: splicing each figure into
 * the list moved all the children after it (80,000 captioned images took 6 s).
 */
function pairImagesWithCaptions(parent: Parent): void {
  const children = parent.children as ElementContent[];
  let paired: ElementContent[] | undefined;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const next = isElement(child, 'img') ? firstNonBlank(children, i + 1) : i;
    const caption = next > i ? captionAfterImage(children[next]) : undefined;
    if (caption) {
      paired ??= children.slice(0, i);
      paired.push(element('figure', [child, element('figcaption', caption)]));
      i = next;
    } else paired?.push(child);
  }
  if (paired) parent.children = paired as typeof parent.children;
}

/** Index of the first child at or after `from` that is not blank text (`children.length` when none is). */
function firstNonBlank(children: readonly ElementContent[], from: number): number {
  let i = from;
  while (i < children.length && isBlankText(children[i]!)) i++;
  return i;
}

/** A WordPress caption box turned into a figure, or undefined when `node` is not one. */
function wordpressCaption(node: Element): Element[] | undefined {
  const id = attr(node, 'id') ?? '';
  if (!classesOf(node).includes('wp-caption') && !/attachment_\d+$/.test(id)) return undefined;
  const isCaption = (c: ElementContent) =>
    isElement(c, 'p', 'div', 'span') && (classesOf(c).includes('wp-caption-text') || /caption-attachment-\d+$/.test(attr(c, 'id') ?? ''));
  const caption = node.children.find(isCaption);
  if (!caption || !isElement(caption)) return undefined;
  const rest = node.children.filter((c) => c !== caption);
  return [element('figure', [...rest, element('figcaption', caption.children)])];
}

export function figureImages(tree: Parent): void {
  rewriteElements(tree, (node) => {
    const figure = isElement(node, 'div') ? wordpressCaption(node) : undefined;
    if (figure) return figure;
    // A figure cannot sit inside a paragraph or phrase; only pair where one is allowed.
    if (!isElement(node, 'p', 'span', 'a', 'small', 'figure', 'figcaption', 'strong', 'em', 'b', 'i')) pairImagesWithCaptions(node);
    return undefined;
  });
  pairImagesWithCaptions(tree);
}

const imageCaptions: Plugin<[], Root> = () => (tree) => {
  figureImages(tree);
};
export default imageCaptions;

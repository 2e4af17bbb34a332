import { attr, classesOf, isBlankText, isElement, rewriteElements } from './hast.js';
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
const element = (tagName, children) => ({ type: 'element', tagName, properties: {}, children });
/** The caption content of a node that directly follows an image, if it is one. */
function captionAfterImage(node) {
    if (node?.type !== 'element')
        return undefined;
    if (node.tagName === 'small')
        return node.children;
    if (node.tagName === 'span' && classesOf(node).some((c) => captionClasses.has(c)))
        return node.children;
    if (node.tagName === 'div') {
        const inner = node.children.filter((c) => !isBlankText(c));
        const only = inner[0];
        if (inner.length === 1 && only?.type === 'element' && only.tagName === 'small')
            return only.children;
    }
    return undefined;
}
/** Pairs each image (or linked image) in `parent` with a caption that directly follows it. */
function pairImagesWithCaptions(parent) {
    const children = parent.children;
    for (let i = 0; i < children.length; i++) {
        const img = children[i];
        if (!isElement(img, 'img'))
            continue;
        let j = i + 1;
        while (j < children.length && isBlankText(children[j]))
            j++;
        const caption = captionAfterImage(children[j]);
        if (!caption)
            continue;
        children.splice(i, j - i + 1, element('figure', [img, element('figcaption', caption)]));
    }
}
/** A WordPress caption box turned into a figure, or undefined when `node` is not one. */
function wordpressCaption(node) {
    const id = attr(node, 'id') ?? '';
    if (!classesOf(node).includes('wp-caption') && !/attachment_\d+$/.test(id))
        return undefined;
    const isCaption = (c) => isElement(c, 'p', 'div', 'span') && (classesOf(c).includes('wp-caption-text') || /caption-attachment-\d+$/.test(attr(c, 'id') ?? ''));
    const caption = node.children.find(isCaption);
    if (!caption || !isElement(caption))
        return undefined;
    const rest = node.children.filter((c) => c !== caption);
    return [element('figure', [...rest, element('figcaption', caption.children)])];
}
export function figureImages(tree) {
    rewriteElements(tree, (node) => {
        const figure = isElement(node, 'div') ? wordpressCaption(node) : undefined;
        if (figure)
            return figure;
        // A figure cannot sit inside a paragraph or phrase; only pair where one is allowed.
        if (!isElement(node, 'p', 'span', 'a', 'small', 'figure', 'figcaption', 'strong', 'em', 'b', 'i'))
            pairImagesWithCaptions(node);
        return undefined;
    });
    pairImagesWithCaptions(tree);
}
const imageCaptions = () => (tree) => {
    figureImages(tree);
};
export default imageCaptions;
//# sourceMappingURL=image-captions.js.map
import { attr, isBlankText, isElement, rewriteElements } from './hast.js';
import { imageKey } from './images.js';
/**
 * An anchor that only re-links the image it wraps (`<a href="big.jpg"><img src="big.jpg">`,
 * a lightbox trigger) is unwrapped: the image stays, the redundant link goes. Anchors that
 * lead somewhere else (an article, a gallery page) are left alone.
 */
export function unwrapImageLinks(tree) {
    rewriteElements(tree, (node) => {
        if (!isElement(node, 'a'))
            return undefined;
        const content = node.children.filter((c) => !isBlankText(c));
        const img = content[0];
        if (content.length !== 1 || !isElement(img, 'img'))
            return undefined;
        const href = attr(node, 'href');
        const src = attr(img, 'src');
        if (!href || !src || imageKey(href) !== imageKey(src))
            return undefined;
        return [img];
    });
}
const unwrapImageLinksPlugin = () => (tree) => {
    unwrapImageLinks(tree);
};
export default unwrapImageLinksPlugin;
//# sourceMappingURL=unwrap-image-links.js.map
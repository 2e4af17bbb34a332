import { attr, isBlankText, isElement, rewriteElements } from './hast.js';
/**
 * Lightbox and zoom widgets are page chrome, not article: the magnifier icon images
 * (`…/img/icon-zoom.png`) go, and so do the anchors left with nothing to show. Any text
 * next to them (a photo credit) stays. Any other link with nothing to show goes as well:
 * it is invisible yet takes keyboard focus.
 */
/** An icon whose file name says it opens a lightbox: zoom, magnify, enlarge, expand. */
export function isZoomIcon(src) {
    const file = src.split(/[?#]/)[0].split('/').pop() ?? '';
    return /(zoom|magnif|enlarge|expand|lightbox|fullscreen)/i.test(file) && /\.(png|gif|svg|jpe?g|webp)$/i.test(file);
}
function isEmptyAnchor(node) {
    return node.children.every((c) => c.type === 'comment' || isBlankText(c));
}
export function removeZoomWidgets(tree) {
    rewriteElements(tree, (node) => {
        if (isElement(node, 'img') && isZoomIcon(attr(node, 'src') ?? ''))
            return [];
        // An anchor left with nothing to show is an invisible, focusable link: it goes too.
        if (isElement(node, 'a') && attr(node, 'href') !== undefined && isEmptyAnchor(node))
            return [];
        return undefined;
    });
}
const removeZoom = () => (tree) => {
    removeZoomWidgets(tree);
};
export default removeZoom;
//# sourceMappingURL=remove-zoom-widgets.js.map
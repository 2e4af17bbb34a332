import { attr, isElement, rewriteElements } from './hast.js';
/**
 * Tracking pixels go: a 1×1 (or 0×0) image, such as the `medium.com/_/stat?…` beacon
 * at the end of Medium feed posts, shows nothing and would tell the tracker who reads
 * the archive.
 */
/** True for an image whose declared width and height are both at most one pixel. */
export function isTrackingPixel(width, height) {
    const tiny = (v) => v !== undefined && /^\s*[01](\.0*)?\s*(px)?\s*$/i.test(v);
    return tiny(width) && tiny(height);
}
export function removeTrackingPixels(tree) {
    rewriteElements(tree, (node) => {
        if (!isElement(node, 'img'))
            return undefined;
        const size = (name) => attr(node, name) ?? (typeof node.properties[name] === 'number' ? String(node.properties[name]) : undefined);
        return isTrackingPixel(size('width'), size('height')) ? [] : undefined;
    });
}
const removeTrackingPixelsPlugin = () => (tree) => {
    removeTrackingPixels(tree);
};
export default removeTrackingPixelsPlugin;
//# sourceMappingURL=remove-tracking-pixels.js.map
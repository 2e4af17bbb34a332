import { attr, isBlankText, isElement, rewriteElements } from './hast.js';
import { imageKey } from './images.js';
/**
 * An image shown twice in a row is shown once: a lazy image next to its `<noscript>`
 * copy (the noscript's content is kept, unwrapped), or a low-resolution preview before
 * the full image (Medium's progressive images). Images are the same when their URLs
 * point at the same picture (images.ts). The last of a run is kept — the full image
 * comes after its preview — and takes the alt text, title and size the others had.
 */
const carried = ['alt', 'title', 'width', 'height'];
function dedupeChildren(parent) {
    const kept = [];
    let previous;
    for (const child of parent.children) {
        if (isBlankText(child)) {
            kept.push(child);
            continue;
        }
        if (!isElement(child, 'img')) {
            previous = undefined;
            kept.push(child);
            continue;
        }
        const key = imageKey(attr(child, 'src') ?? '');
        if (previous && key !== '' && key === previous.key) {
            for (const name of carried)
                child.properties[name] ??= previous.node.properties[name];
            kept.splice(previous.at, kept.length - previous.at);
        }
        previous = { node: child, key, at: kept.length };
        kept.push(child);
    }
    parent.children = kept;
}
export function dedupeImages(tree) {
    rewriteElements(tree, (node) => {
        dedupeChildren(node);
        return undefined;
    });
    dedupeChildren(tree);
}
const dedupeImagesPlugin = () => (tree) => {
    dedupeImages(tree);
};
export default dedupeImagesPlugin;
//# sourceMappingURL=dedupe-images.js.map
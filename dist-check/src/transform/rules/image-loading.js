import { forEachElement } from './hast.js';
/**
 * Images load lazily and decode off the main thread (`loading="lazy"`,
 * `decoding="async"`); their `width` and `height` stay, so the page does not jump
 * while they arrive.
 */
const imageLoading = () => (tree) => {
    forEachElement(tree, (node) => {
        if (node.tagName !== 'img')
            return;
        node.properties.loading = 'lazy';
        node.properties.decoding = 'async';
    });
};
export default imageLoading;
//# sourceMappingURL=image-loading.js.map
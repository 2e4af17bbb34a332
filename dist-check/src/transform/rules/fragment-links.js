import { forEachElement } from './hast.js';
/**
 * Sanitizing prefixes every `id` with `user-content-` (so article HTML cannot clobber
 * the page's globals), which breaks the article's own `#fragment` links, footnotes
 * first among them. Links to an id that exists in the article are re-pointed at the
 * prefixed id.
 */
const prefix = 'user-content-';
const fragmentLinks = () => (tree) => {
    const ids = new Set();
    forEachElement(tree, (node) => {
        if (typeof node.properties.id === 'string')
            ids.add(node.properties.id);
    });
    if (ids.size === 0)
        return;
    forEachElement(tree, (node) => {
        const href = node.properties.href;
        if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#'))
            return;
        let target;
        try {
            target = decodeURIComponent(href.slice(1));
        }
        catch {
            return;
        }
        if (!target.startsWith(prefix) && ids.has(prefix + target))
            node.properties.href = `#${prefix}${target}`;
    });
};
export default fragmentLinks;
//# sourceMappingURL=fragment-links.js.map
import { forEachElement } from './hast.js';
import './context.js';
/**
 * Relative URLs in archived HTML were written for the original site: `/file/74` meant
 * the outlet's `/file/74`, `//img.example.com/a.jpg` its scheme. They are resolved
 * against the post's original URL (`from:`), so they do not point into the archive.
 * Fragment-only links (`#note`) stay. Posts without `from:` are left alone.
 */
const urlProperties = { a: 'href', img: 'src' };
/** `href` resolved against `base`, or undefined when it needs no change or cannot be resolved. */
export function resolveAgainst(href, base) {
    const trimmed = href.trim();
    if (trimmed === '' || trimmed.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed))
        return undefined;
    try {
        return new URL(trimmed, base).href;
    }
    catch {
        return undefined;
    }
}
const absoluteUrls = () => (tree, file) => {
    const from = file.data.post?.from;
    if (!from || !/^https?:\/\//i.test(from))
        return;
    forEachElement(tree, (node) => {
        const property = urlProperties[node.tagName];
        const value = property ? node.properties[property] : undefined;
        if (typeof value !== 'string')
            return;
        const resolved = resolveAgainst(value, from);
        if (resolved)
            node.properties[property] = resolved;
    });
};
export default absoluteUrls;
//# sourceMappingURL=absolute-urls.js.map
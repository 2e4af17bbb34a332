import { forEachElement } from './hast.js';
export function isExternal(href, origin) {
    if (!/^(https?:)?\/\//i.test(href.trim()))
        return false;
    try {
        return origin === '' || new URL(href.trim(), origin).origin !== origin;
    }
    catch {
        return true;
    }
}
const externalLinks = (options) => (tree) => {
    forEachElement(tree, (node) => {
        if (node.tagName !== 'a' || typeof node.properties.href !== 'string')
            return;
        if (isExternal(node.properties.href, options.origin))
            node.properties.rel = ['noopener', 'noreferrer'];
    });
};
export default externalLinks;
//# sourceMappingURL=external-links.js.map
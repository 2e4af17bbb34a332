import { fromHtml } from 'hast-util-from-html';
import { nonArticleElements } from '../../src/transform/sanitize-schema.js';
/** Elements whose content is not article text: the sanitize schema's own list. */
const hidden = new Set(nonArticleElements);
/** The text a reader sees in a tree, with every run of whitespace removed (layout changes whitespace, not words). */
export function treeText(tree) {
    const parts = [];
    const walk = (node) => {
        if (node.type === 'text')
            parts.push(node.value);
        else if (node.type === 'element' && hidden.has(node.tagName))
            return;
        else if ('children' in node)
            node.children.forEach(walk);
    };
    walk(tree);
    return parts.join('').replace(/[\s\u00a0\u3000\u200b-\u200d\ufeff]+/gu, '');
}
/** The text a reader sees in an HTML fragment (see treeText). */
export function visibleText(html) {
    return treeText(fromHtml(html, { fragment: true }));
}
//# sourceMappingURL=text.js.map
import { isBlankText, isElement, rewriteElements } from './hast.js';
/**
 * Empty paragraphs, divisions, sections, spans and small print (`<p></p>`,
 * `<p>&nbsp;</p>`, `<small></small>`, a `<strong>` around nothing, a zoom widget's
 * emptied `<div>`) are removed: they only add gaps. An element counts as empty when it
 * holds no visible text and no element other than `<br>`. Inner ones go first, so
 * `<p><span> </span></p>` goes whole. An inline element that held a space leaves the
 * space behind: `started with<strong> </strong>empathy` must not become `withempathy`.
 */
const removable = new Set(['p', 'div', 'section', 'small', 'span', 'strong', 'b', 'em', 'i', 'u', 'sup', 'sub', 'mark', 'cite', 'font']);
const blocks = new Set(['p', 'div', 'section']);
export function isEmpty(node) {
    return node.children.every((c) => c.type === 'comment' || isBlankText(c) || isElement(c, 'br'));
}
export function removeEmpty(tree) {
    rewriteElements(tree, (node) => {
        if (!removable.has(node.tagName) || !isEmpty(node))
            return undefined;
        const heldSpace = !blocks.has(node.tagName) && node.children.some((c) => c.type === 'text' && /\s/.test(c.value));
        return heldSpace ? [{ type: 'text', value: ' ' }] : [];
    });
}
const removeEmptyPlugin = () => (tree) => {
    removeEmpty(tree);
};
export default removeEmptyPlugin;
//# sourceMappingURL=remove-empty.js.map
import { isElement, rewriteElements } from './hast.js';
/**
 * Presentational wrappers are unwrapped: a `<span>` that carried only styling
 * (`<span style="font-weight: 400;">`, whose style sanitizing removed) or a class is
 * replaced by its content. Spans that still mean something — a language (`lang`), a
 * direction, a tooltip, a fragment target (`id`) — stay.
 */
/** Properties that give a span a meaning of its own. */
const meaningful = ['lang', 'dir', 'title', 'id'];
export function unwrapPresentational(tree) {
    rewriteElements(tree, (node) => {
        if (!isElement(node, 'span'))
            return undefined;
        const keep = meaningful.some((name) => node.properties[name] !== undefined && node.properties[name] !== null);
        return keep ? undefined : node.children;
    });
}
const unwrapPresentationalPlugin = () => (tree) => {
    unwrapPresentational(tree);
};
export default unwrapPresentationalPlugin;
//# sourceMappingURL=unwrap-presentational.js.map
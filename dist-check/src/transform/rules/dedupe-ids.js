import { forEachElement } from './hast.js';
/**
 * An id may appear once in a page: later copies of an id (RFA repeats
 * `id="zoomattribute"` for every photo) lose it, so fragment links reach the first.
 */
const dedupeIds = () => (tree) => {
    const seen = new Set();
    forEachElement(tree, (node) => {
        const id = node.properties.id;
        if (typeof id !== 'string')
            return;
        if (seen.has(id))
            delete node.properties.id;
        else
            seen.add(id);
    });
};
export default dedupeIds;
//# sourceMappingURL=dedupe-ids.js.map
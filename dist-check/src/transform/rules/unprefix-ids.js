import { forEachElement } from './hast.js';
/**
 * Runs before sanitizing, so that sanitizing is a fixed point: the sanitizer prefixes every
 * `id` and `name` with `user-content-` (against DOM clobbering), and would prefix gazette's
 * own output a second time (`user-content-user-content-x`). Removing an existing prefix
 * first makes sanitizing already-sanitized HTML change nothing. It only shortens
 * attribute values, which the sanitizer then prefixes again.
 */
const prefix = 'user-content-';
const unprefixIds = () => (tree) => {
    forEachElement(tree, (node) => {
        for (const name of ['id', 'name']) {
            const value = node.properties[name];
            if (typeof value === 'string' && value.startsWith(prefix))
                node.properties[name] = value.slice(prefix.length);
        }
    });
};
export default unprefixIds;
//# sourceMappingURL=unprefix-ids.js.map
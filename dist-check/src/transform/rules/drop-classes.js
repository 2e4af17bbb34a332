import { forEachElement } from './hast.js';
/**
 * The article's own class names (`css-7yf5z7-GridComponent`, `MsoNormal`, `dfp-ad-…`)
 * were kept through sanitizing for the rules above to recognise widgets by; now they
 * go, so the outlet's class names cannot pick up the theme's styles and the output
 * stays small. Runs last.
 */
const dropClasses = () => (tree) => {
    forEachElement(tree, (node) => {
        delete node.properties.className;
    });
};
export default dropClasses;
//# sourceMappingURL=drop-classes.js.map
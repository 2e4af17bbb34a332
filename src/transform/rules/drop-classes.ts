import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { embedClasses } from './embeds.js';
import { classesOf, forEachElement } from './hast.js';

/**
 * The article's own class names (`css-7yf5z7-GridComponent`, `MsoNormal`, `dfp-ad-…`)
 * were kept through sanitizing for the rules above to recognise widgets by; now they
 * go, so the outlet's class names cannot pick up the theme's styles and the output
 * stays small. Runs last. gazette's own classes for the theme stay: `embed-link` and
 * `embed-note`, which only the embeds rule sets (it removes an input's).
 */

const kept = new Set<string>(embedClasses);
const dropClasses: Plugin<[], Root> = () => (tree) => {
  forEachElement(tree, (node) => {
    if (node.properties.className === undefined) return;
    const own = classesOf(node).filter((c) => kept.has(c));
    if (own.length > 0) node.properties.className = own;
    else delete node.properties.className;
  });
};
export default dropClasses;

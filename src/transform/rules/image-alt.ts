import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { forEachElement, type Parent } from './hast.js';

/**
 * An image the outlet gave no text alternative (no `alt`, no `title`) gets `alt=""`. gazette cannot describe a
 * photo and adds no words to an archived article; without `alt`, screen readers read the
 * image's URL instead (`ichef.bbci.co.uk/news/…/p0b1.jpg`), while with `alt=""` they pass
 * over it, and a figure is still named by its caption. Such an image, and one the outlet
 * marked decorative, also loses `aria-describedby`: WordPress points it at its caption,
 * which is now the figure's `<figcaption>` (and whose id the sanitizer renamed), and ARIA
 * on an image with empty alt would make browsers expose it again, unnamed.
 */
export function fillMissingAlt(tree: Parent): void {
  forEachElement(tree, (node) => {
    if (node.tagName !== 'img') return;
    // A title names an image too (the tooltip, and screen readers read it); empty alt would hide it.
    const titled = typeof node.properties.title === 'string' && node.properties.title.trim() !== '';
    if (typeof node.properties.alt !== 'string' && !titled) node.properties.alt = '';
    if (node.properties.alt === '') delete node.properties.ariaDescribedBy;
  });
}

const imageAltPlugin: Plugin<[], Root> = () => (tree) => {
  fillMissingAlt(tree);
};
export default imageAltPlugin;

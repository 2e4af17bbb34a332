import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { attr, isElement, rewriteElements, type Parent } from './hast.js';

/**
 * Tracking pixels go: a 1×1 (or 0×0) image, such as the `medium.com/_/stat?…` beacon
 * at the end of Medium feed posts, shows nothing and would tell the tracker who reads
 * the archive.
 */

/** True for an image whose declared width and height are both at most one pixel. */
export function isTrackingPixel(width: string | undefined, height: string | undefined): boolean {
  // Trimmed first: spaces matched on both sides of an optional `px` are tried every way (a long run took seconds).
  const tiny = (v: string | undefined) => v !== undefined && /^[01](\.0*)?\s*(px)?$/i.test(v.trim());
  return tiny(width) && tiny(height);
}

export function removeTrackingPixels(tree: Parent): void {
  rewriteElements(tree, (node) => {
    if (!isElement(node, 'img')) return undefined;
    const size = (name: string) => attr(node, name) ?? (typeof node.properties[name] === 'number' ? String(node.properties[name]) : undefined);
    return isTrackingPixel(size('width'), size('height')) ? [] : undefined;
  });
}

const removeTrackingPixelsPlugin: Plugin<[], Root> = () => (tree) => {
  removeTrackingPixels(tree);
};
export default removeTrackingPixelsPlugin;

import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { forEachElement } from './hast.js';

/**
 * Lazy-loaded images are given their real source. Lazy loaders put the real URL in
 * `data-src`, `data-original` or `data-lazy-src` and a placeholder (or nothing) in
 * `src`; some give only a `srcset`. Without the loader's script the archive would show
 * the placeholder or nothing. The sanitize schema lets these attributes through, with
 * the same protocol checks as `src`. An image whose `src` is already a real picture
 * keeps it; otherwise the lazy URL, else the widest `srcset` candidate, becomes `src`.
 * The lazy attributes and `srcset` then go (its candidates are the same picture).
 */

/** A `src` that only holds a spot for the real image: missing, a data: URL, a blank or spinner file. */
export function isPlaceholder(src: string): boolean {
  return src === '' || /^data:/i.test(src) || /(placeholder|blank|spacer|lazy|loading|transparent|grey|gray|pixel|1x1)[^/]*\.(gif|png|svg|jpe?g|webp)(\?|$)/i.test(src);
}

const lazyProperties = ['dataSrc', 'dataOriginal', 'dataLazySrc'] as const;

/** The widest candidate of a `srcset` (`a.jpg 300w, b.jpg 900w` → `b.jpg`). */
export function largestCandidate(srcset: readonly string[] | string): string | undefined {
  const candidates = (Array.isArray(srcset) ? srcset : String(srcset).split(',')).map((c) => c.trim().split(/\s+/));
  let best: { url: string; size: number } | undefined;
  for (const [url, descriptor = '1x'] of candidates) {
    if (!url) continue;
    const size = Number.parseFloat(descriptor) * (descriptor.endsWith('x') ? 1000 : 1);
    if (!best || size > best.size) best = { url, size };
  }
  return best?.url;
}

export function recoverLazyImage(node: Element): void {
  const props = node.properties;
  const lazy = lazyProperties.map((p) => props[p]).find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const src = typeof props.src === 'string' ? props.src.trim() : '';
  if (!isPlaceholder(src)) {
    // a real picture already
  } else if (lazy) props.src = lazy.trim();
  else if (props.srcSet) {
    const best = largestCandidate(props.srcSet as string[] | string);
    if (best) props.src = best;
  }
  for (const p of lazyProperties) delete props[p];
  delete props.srcSet;
  delete props.sizes;
}

const recoverLazyImages: Plugin<[], Root> = () => (tree) => {
  forEachElement(tree, (node) => {
    if (node.tagName === 'img') recoverLazyImage(node);
  });
};
export default recoverLazyImages;

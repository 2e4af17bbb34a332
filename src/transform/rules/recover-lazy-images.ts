import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { forEachElement } from './hast.js';

/**
 * Lazy-loaded images are given their real source. Lazy loaders put the real URL in
 * `data-src`, `data-original` or `data-lazy-src` and a placeholder (or nothing) in
 * `src`; some give only a `srcset`. Without the loader's script the archive would show
 * the placeholder or nothing. The sanitize schema lets these attributes through, with
 * the same protocol checks as `src`; this rule moves the real URL into `src` and drops
 * them (a `srcset` goes too: its candidates are the same picture).
 */

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
  if (lazy) props.src = lazy.trim();
  else if (src === '' && props.srcSet) {
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

import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { forEachElement } from './hast.js';

/**
 * Lazy-loaded images get their real source in `src`. Lazy loaders put the real URL in
 * `data-src`, `data-original` or `data-lazy-src` and a placeholder (or nothing) in `src`;
 * some give only a `srcset`. Without the loader's script the archive would show the
 * placeholder or nothing. An image whose `src` is already a real picture keeps it;
 * otherwise the lazy URL, else the widest `srcset` candidate, becomes `src`.
 *
 * This rule runs BEFORE sanitizing, on purpose: it only moves a URL from one attribute to
 * another, and the sanitizer then checks `src` like any other (http/https or relative
 * only) and drops the lazy attributes and `srcset`, which the schema does not allow. To
 * the sanitizer a `srcset` is one string whose first scheme alone it would check, so it
 * never lets one through.
 */

/** Words that name a placeholder file: `lazy_placeholder.gif`, `blank.png`, `grey-1x1.jpg`. */
const placeholderWord = /placeholder|blank|spacer|lazy|loading|transparent|grey|gray|pixel|1x1/i;

/** A `src` that only holds a spot for the real image: missing, a data: URL, a blank or spinner file. */
export function isPlaceholder(src: string): boolean {
  if (src === '' || /^data:/i.test(src)) return true;
  const segments = src.split('/');
  return segments.some((segment, i) => namesPlaceholder(segment, i === segments.length - 1));
}

/**
 * True when one segment of a URL (text between slashes) names a placeholder file: a
 * placeholder word, then an image extension, which ends the URL (in its last segment) or is
 * followed by `?`. Each segment is looked at once: one pattern spanning the URL, word then
 * anything but `/` then extension, took 37 s on a 160 KB `src` of repeated words.
 */
function namesPlaceholder(segment: string, last: boolean): boolean {
  const word = placeholderWord.exec(segment);
  if (!word) return false;
  const rest = segment.slice(word.index + word[0].length);
  return /\.(?:gif|png|svg|jpe?g|webp)\?/i.test(rest) || (last && /\.(?:gif|png|svg|jpe?g|webp)$/i.test(rest));
}

const lazyProperties = ['dataSrc', 'dataOriginal', 'dataLazySrc'] as const;

/**
 * The candidates of a `srcset`, split as the HTML standard's parser splits them: a URL is a
 * run of non-space characters (commas inside it, as in a data: URL, belong to it), then
 * descriptors up to the next comma.
 */
export function srcsetCandidates(srcset: string): { url: string; descriptor: string }[] {
  const candidates: { url: string; descriptor: string }[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    let url = '';
    while (i < srcset.length && !/\s/.test(srcset[i]!)) url += srcset[i++];
    let descriptor = '';
    if (url.endsWith(',')) url = withoutTrailingCommas(url);
    else {
      while (i < srcset.length && srcset[i] !== ',') descriptor += srcset[i++];
    }
    if (url !== '') candidates.push({ url, descriptor: descriptor.trim() });
  }
  return candidates;
}

/** `a.jpg,,` → `a.jpg`, read from the end (a pattern `,+$` tries every comma of a long run and reads the run to its end each time). */
function withoutTrailingCommas(url: string): string {
  let end = url.length;
  while (end > 0 && url.charCodeAt(end - 1) === 0x2c /* , */) end--;
  return url.slice(0, end);
}

/** The widest candidate of a `srcset` (`a.jpg 300w, b.jpg 900w` → `b.jpg`). */
export function largestCandidate(srcset: string): string | undefined {
  let best: { url: string; size: number } | undefined;
  for (const { url, descriptor } of srcsetCandidates(srcset)) {
    const d = descriptor || '1x';
    const size = Number.parseFloat(d) * (d.endsWith('x') ? 1000 : 1);
    if (!best || size > best.size) best = { url, size };
  }
  return best?.url;
}

export function takeLazySource(node: Element): void {
  const props = node.properties;
  const src = typeof props.src === 'string' ? props.src.trim() : '';
  if (!isPlaceholder(src)) return;
  const lazy = lazyProperties.map((p) => props[p]).find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const value: unknown = props.srcSet;
  const srcset = typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : undefined;
  const real = lazy?.trim() ?? (srcset ? largestCandidate(srcset) : undefined);
  if (real) props.src = real;
}

const lazyImageSources: Plugin<[], Root> = () => (tree) => {
  forEachElement(tree, (node) => {
    if (node.tagName === 'img') takeLazySource(node);
  });
};
export default lazyImageSources;

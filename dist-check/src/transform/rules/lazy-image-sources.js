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
/** A `src` that only holds a spot for the real image: missing, a data: URL, a blank or spinner file. */
export function isPlaceholder(src) {
    return src === '' || /^data:/i.test(src) || /(placeholder|blank|spacer|lazy|loading|transparent|grey|gray|pixel|1x1)[^/]*\.(gif|png|svg|jpe?g|webp)(\?|$)/i.test(src);
}
const lazyProperties = ['dataSrc', 'dataOriginal', 'dataLazySrc'];
/**
 * The candidates of a `srcset`, split as the HTML standard's parser splits them: a URL is a
 * run of non-space characters (commas inside it, as in a data: URL, belong to it), then
 * descriptors up to the next comma.
 */
export function srcsetCandidates(srcset) {
    const candidates = [];
    let i = 0;
    while (i < srcset.length) {
        while (i < srcset.length && /[\s,]/.test(srcset[i]))
            i++;
        let url = '';
        while (i < srcset.length && !/\s/.test(srcset[i]))
            url += srcset[i++];
        let descriptor = '';
        if (url.endsWith(','))
            url = url.replace(/,+$/, '');
        else {
            while (i < srcset.length && srcset[i] !== ',')
                descriptor += srcset[i++];
        }
        if (url !== '')
            candidates.push({ url, descriptor: descriptor.trim() });
    }
    return candidates;
}
/** The widest candidate of a `srcset` (`a.jpg 300w, b.jpg 900w` → `b.jpg`). */
export function largestCandidate(srcset) {
    let best;
    for (const { url, descriptor } of srcsetCandidates(srcset)) {
        const d = descriptor || '1x';
        const size = Number.parseFloat(d) * (d.endsWith('x') ? 1000 : 1);
        if (!best || size > best.size)
            best = { url, size };
    }
    return best?.url;
}
export function takeLazySource(node) {
    const props = node.properties;
    const src = typeof props.src === 'string' ? props.src.trim() : '';
    if (!isPlaceholder(src))
        return;
    const lazy = lazyProperties.map((p) => props[p]).find((v) => typeof v === 'string' && v.trim() !== '');
    const value = props.srcSet;
    const srcset = typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : undefined;
    const real = lazy?.trim() ?? (srcset ? largestCandidate(srcset) : undefined);
    if (real)
        props.src = real;
}
const lazyImageSources = () => (tree) => {
    forEachElement(tree, (node) => {
        if (node.tagName === 'img')
            takeLazySource(node);
    });
};
export default lazyImageSources;
//# sourceMappingURL=lazy-image-sources.js.map
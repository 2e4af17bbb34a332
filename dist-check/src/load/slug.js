import { createHash } from 'node:crypto';
const modeChars = {
    // Jekyll: /[^\p{M}\p{L}\p{Nd}]+/ — everything but letters, marks and digits becomes '-'
    default: /[^\p{M}\p{L}\p{Nd}]+/gu,
    // Jekyll: pretty also keeps the URL-safe punctuation ._~!$&'()+,;=@
    pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
};
/**
 * Longest slug in UTF-8 bytes. gazette's own slugs (`default`) stay well under the 255-byte
 * file name limit. `pretty` makes Jekyll's `:title`, which Jekyll never cuts: a Jekyll site's
 * URL must be kept whole, so only what no file system could hold with `.html` is cut.
 */
const maxSlugBytes = { default: 120, pretty: 250 };
/** Jekyll's slugify: runs of other characters become one '-', no '-' at the ends. */
export function slugify(text, mode = 'default', cased = false) {
    const slug = text.normalize('NFC').replace(modeChars[mode], '-').replace(/^-+|-+$/g, '');
    return truncateBytes(cased ? slug : slug.toLowerCase(), maxSlugBytes[mode]);
}
/** Cuts a slug to at most `max` UTF-8 bytes at a code point boundary, without a trailing '-'. */
function truncateBytes(slug, max) {
    if (Buffer.byteLength(slug) <= max)
        return slug;
    let out = '';
    let bytes = 0;
    for (const ch of slug) {
        bytes += Buffer.byteLength(ch);
        if (bytes > max)
            break;
        out += ch;
    }
    return out.replace(/-+$/, '');
}
/** Last path segments that say nothing about the article, so they make poor slugs. */
const meaninglessSegments = new Set(['index', 'default', 'watch', 'article', 'articles', 'post', 'posts', 'story', 'news', 'content', 'view', 'show', 'amp', 'page', 'detail', 'html']);
/**
 * The last path segment of the original URL without its extension, when it says something:
 * `…/jw-xi-jinping-to-meet-biden-11142024140853.html` → `jw-xi-jinping-to-meet-biden-11142024140853`.
 * A bare number, an id like `a-72851234`, `index` and the like are not meaningful: undefined.
 */
export function slugFromOriginalUrl(from) {
    if (!from)
        return undefined;
    let pathname;
    try {
        pathname = new URL(from).pathname;
    }
    catch {
        return undefined;
    }
    const last = pathname.split('/').filter(Boolean).pop();
    if (!last)
        return undefined;
    let segment;
    try {
        segment = decodeURIComponent(last);
    }
    catch {
        segment = last;
    }
    const slug = slugify(segment.replace(/\.[a-z0-9]{1,5}$/i, ''));
    // Meaningful: a word of two or more letters, or any Han character (`a-72851234`, DW's ids, is not).
    if (!/\p{L}{2}|\p{Script=Han}/u.test(slug) || meaninglessSegments.has(slug))
        return undefined;
    return slug;
}
/**
 * A post's slug: readable, stable and never empty. Front-matter `slug`; else a meaningful
 * last path segment of `from`; else the Jekyll file name's slug; else the title; each
 * slugified keeping CJK letters. Failing all, `post-` and a hash of the file path.
 */
export function postSlug(inputs) {
    const candidates = [
        inputs.frontMatterSlug !== undefined ? slugify(inputs.frontMatterSlug) : undefined,
        slugFromOriginalUrl(inputs.from),
        inputs.fileNameSlug !== undefined ? slugify(inputs.fileNameSlug) : undefined,
        inputs.title !== undefined ? slugify(inputs.title) : undefined,
    ];
    const found = candidates.find((c) => c !== undefined && c !== '');
    return found ?? `post-${createHash('sha256').update(inputs.source).digest('hex').slice(0, 8)}`;
}
//# sourceMappingURL=slug.js.map
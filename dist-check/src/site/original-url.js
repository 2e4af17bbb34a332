/**
 * A key under which two spellings of the same original article URL meet: scheme and
 * `www.` ignored, host lower-cased, repeated slashes, a trailing slash and a `.html`
 * or `.htm` ending dropped, the fragment and tracking parameters (`utm_*`, `at_*`,
 * `source=rss…`) removed, percent-encoding normalised. Used to point links between
 * archived articles at the archived copies.
 */
export function originalUrlKey(url) {
    let parsed;
    try {
        parsed = new URL(url.trim());
    }
    catch {
        return undefined;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        return undefined;
    const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
    let path;
    try {
        path = decodeURI(parsed.pathname);
    }
    catch {
        path = parsed.pathname;
    }
    path = path.replace(/\/{2,}/g, '/').replace(/\/$/, '').replace(/\.html?$/i, '');
    const params = [...parsed.searchParams].filter(([k, v]) => !/^(utm|at)_/i.test(k) && !(k === 'source' && /^rss/i.test(v)));
    params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
    return `${host}${path}${query}`;
}
/** The host of a URL as the archive's sources are compared: lower case, without `www.`. */
export function siteHost(url) {
    try {
        const parsed = new URL(url.trim());
        return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname.toLowerCase().replace(/^www\./, '') : undefined;
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=original-url.js.map
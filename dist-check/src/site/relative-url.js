/**
 * The link from one page of the site to another as a relative URL, so the same output
 * works at a domain root, under a sub-path, or from any mirror. Both arguments are paths
 * from the site root (`/2024/11/15/x/`); a fragment or query on `to` is kept.
 */
export function relativeUrl(from, to) {
    const [toPath, suffix = ''] = splitSuffix(to);
    const fromDirs = from.slice(0, from.lastIndexOf('/') + 1).split('/').filter(Boolean);
    const toParts = toPath.split('/');
    const toFile = toParts.pop() ?? '';
    const toDirs = toParts.filter(Boolean);
    let common = 0;
    while (common < fromDirs.length && common < toDirs.length && fromDirs[common] === toDirs[common])
        common++;
    const path = '../'.repeat(fromDirs.length - common) + [...toDirs.slice(common), ''].join('/') + toFile;
    return (path === '' ? './' : path) + suffix;
}
function splitSuffix(url) {
    const i = url.search(/[?#]/);
    return i === -1 ? [url, ''] : [url.slice(0, i), url.slice(i)];
}
//# sourceMappingURL=relative-url.js.map
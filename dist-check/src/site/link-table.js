import { originalUrlKey, siteHost } from './original-url.js';
/** The table of `posts`, newest first: where two posts share an original URL, the first wins. */
export function linkTable(posts) {
    const archived = new Map();
    const hosts = new Set();
    for (const post of posts) {
        if (!post.from)
            continue;
        const key = originalUrlKey(post.from);
        if (key && !archived.has(key))
            archived.set(key, post.url);
        const host = siteHost(post.from);
        if (host)
            hosts.add(host);
    }
    return { archived: [...archived], hosts: [...hosts] };
}
export function linkLookup(table) {
    const archived = new Map(table.archived);
    const hosts = new Set(table.hosts);
    return {
        archivedUrl(href) {
            const key = originalUrlKey(href);
            return key ? archived.get(key) : undefined;
        },
        isSourceSite(href) {
            const host = siteHost(href);
            return host !== undefined && hosts.has(host);
        },
    };
}
//# sourceMappingURL=link-table.js.map
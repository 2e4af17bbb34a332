export function termLinks(index, kind, names) {
    return names.flatMap((name) => {
        const term = index.term(kind, name);
        return term ? [{ name, url: term.url }] : [];
    });
}
/**
 * Where the original article was and where the Wayback Machine keeps it: the capture
 * nearest the post's date (`https://web.archive.org/web/<yyyymmdd>/<url>`). Only http(s)
 * URLs are linked: `from:` is untrusted, and a `javascript:` URL must never become a link.
 */
export function originalLinks(from, date) {
    if (!from || !/^https?:\/\/[^\s]+$/i.test(from.trim()))
        return undefined;
    const url = from.trim();
    return { url, wayback: `https://web.archive.org/web/${date.slice(0, 10).replace(/-/g, '')}/${url}` };
}
export function postView(post, index, summary) {
    return {
        original: originalLinks(post.from, post.date),
        title: post.title,
        url: post.url,
        date: post.date,
        author: post.author,
        from: post.from,
        tags: termLinks(index, 'tags', post.tags),
        categories: termLinks(index, 'categories', post.categories),
        excerpt: summary?.excerpt ?? '',
        leadImage: summary?.leadImage,
        credit: summary?.credit,
        stats: summary?.stats,
        data: post.data,
    };
}
//# sourceMappingURL=views.js.map
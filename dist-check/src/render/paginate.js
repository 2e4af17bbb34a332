/** Path of page `n` of a list whose first page is `base` (`/`, `/tags/x/`): `base`, then `base` + `page/n/`. */
export function pageUrl(base, n) {
    return n === 1 ? base : `${base}page/${n}/`;
}
/** Splits `items` into pages of `perPage`; an empty list still has one (empty) page. */
export function paginate(items, perPage, base) {
    const pages = Math.max(1, Math.ceil(items.length / perPage));
    return Array.from({ length: pages }, (_, i) => {
        const page = i + 1;
        return {
            page,
            pages,
            items: items.slice(i * perPage, page * perPage),
            total: items.length,
            url: pageUrl(base, page),
            previous: page > 1 ? pageUrl(base, page - 1) : undefined,
            next: page < pages ? pageUrl(base, page + 1) : undefined,
            first: base,
            last: pageUrl(base, pages),
        };
    });
}
//# sourceMappingURL=paginate.js.map
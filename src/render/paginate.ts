/** One page of a paginated list. */
export interface Pagination<T> {
  /** 1-based page number. */
  readonly page: number;
  readonly pages: number;
  readonly items: readonly T[];
  readonly total: number;
  /** This page's path from the site root. */
  readonly url: string;
  readonly previous?: string | undefined;
  readonly next?: string | undefined;
  readonly first: string;
  readonly last: string;
}

/** Path of page `n` of a list whose first page is `base` (`/`, `/tags/x/`): `base`, then `base` + `page/n/`. */
export function pageUrl(base: string, n: number): string {
  return n === 1 ? base : `${base}page/${n}/`;
}

/** Splits `items` into pages of `perPage`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], perPage: number, base: string): Pagination<T>[] {
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

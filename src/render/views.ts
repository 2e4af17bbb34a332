import type { SiteIndex } from '../site/site-index.js';
import type { ArticleSummary, Post, TaxonomyKind } from '../types.js';

/**
 * What templates see of a post: a deliberate projection of `Post`, not the internal
 * record (no file paths, hashes or offsets). The README's template reference lists it.
 */
export interface TermLink {
  readonly name: string;
  /** Path from the site root; print it with `| url` for a relative link. */
  readonly url: string;
}

export interface PostView {
  readonly title: string;
  readonly url: string;
  /** ISO 8601 in the site timezone; print it with `| date`. */
  readonly date: string;
  readonly author?: string | undefined;
  /** The original article's URL. */
  readonly from?: string | undefined;
  readonly tags: readonly TermLink[];
  readonly categories: readonly TermLink[];
  readonly excerpt: string;
  readonly leadImage?: ArticleSummary['leadImage'];
  /** Every front-matter key gazette does not interpret. */
  readonly data: Readonly<Record<string, unknown>>;
}

export function termLinks(index: SiteIndex, kind: TaxonomyKind, names: readonly string[]): TermLink[] {
  return names.flatMap((name) => {
    const term = index.term(kind, name);
    return term ? [{ name, url: term.url }] : [];
  });
}

export function postView(post: Post, index: SiteIndex, summary: ArticleSummary | undefined): PostView {
  return {
    title: post.title,
    url: post.url,
    date: post.date,
    author: post.author,
    from: post.from,
    tags: termLinks(index, 'tags', post.tags),
    categories: termLinks(index, 'categories', post.categories),
    excerpt: summary?.excerpt ?? '',
    leadImage: summary?.leadImage,
    data: post.data,
  };
}

import type { SiteConfig } from '../config.js';
import type { SiteIndex } from '../site/site-index.js';
import type { ArticleSummary, Post, TaxonomyKind } from '../types.js';

/**
 * What templates see of a post: a deliberate projection of `Post`, not the internal
 * record (no file paths, hashes or offsets). docs/templates.md lists it.
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
  /** The original article's URL, as written (may be anything: print it, don't link it). */
  readonly from?: string | undefined;
  /** Links to the original: its URL and its Wayback Machine copy, when `from` is an http(s) URL. */
  readonly original?: { readonly url: string; readonly wayback: string } | undefined;
  readonly tags: readonly TermLink[];
  readonly categories: readonly TermLink[];
  readonly excerpt: string;
  readonly leadImage?: ArticleSummary['leadImage'];
  /** The editors' credit line (`责编：… 网编：…`), if the article has one. */
  readonly credit?: string | undefined;
  /** The pages of its year and month in the date archives (`/2024/`, `/2024/11/`). */
  readonly archive: { readonly year: string; readonly month: string };
  /** `characters`, `words`, `readingMinutes`, and `cjk` (measure its length in characters, not words). */
  readonly stats?: ArticleSummary['stats'] | undefined;
  /** Every front-matter key gazette does not interpret. */
  readonly data: Readonly<Record<string, unknown>>;
}

export function termLinks(index: SiteIndex, kind: TaxonomyKind, names: readonly string[]): TermLink[] {
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
export function originalLinks(from: string | undefined, date: string): PostView['original'] {
  if (!from || !/^https?:\/\/[^\s]+$/i.test(from.trim())) return undefined;
  const url = from.trim();
  return { url, wayback: `https://web.archive.org/web/${date.slice(0, 10).replace(/-/g, '')}/${url}` };
}

export function postView(post: Post, index: SiteIndex, summary: ArticleSummary | undefined): PostView {
  return {
    original: originalLinks(post.from, post.date),
    title: post.title,
    url: post.url,
    date: post.date,
    author: post.author,
    from: post.from,
    tags: termLinks(index, 'tags', post.tags),
    categories: termLinks(index, 'categories', post.categories),
    archive: archiveUrls(post.date),
    data: post.data,
    ...summaryFields(summary),
  };
}

/** What a post's view takes from its article's summary (none: not known yet, or not built). */
export function summaryFields(summary: ArticleSummary | undefined): Pick<PostView, 'excerpt' | 'leadImage' | 'credit' | 'stats'> {
  return { excerpt: summary?.excerpt ?? '', leadImage: summary?.leadImage, credit: summary?.credit, stats: summary?.stats };
}

/**
 * A post as a schema.org NewsArticle, for the JSON-LD of its page: search engines and
 * readers' tools read the headline, dates, author, image and, as `isBasedOn`, the original
 * article this page keeps a copy of. Absolute URLs need the site's `url`; without it the
 * page's own URL is left out.
 */
export function newsArticle(post: PostView, site: Pick<SiteConfig, 'url' | 'baseurl' | 'title' | 'lang'>): Record<string, unknown> {
  const url = site.url ? `${site.url}${site.baseurl}${post.url}` : undefined;
  const sources = new Set(post.categories.map((c) => c.name));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: post.title,
    ...(url ? { url, mainEntityOfPage: url } : {}),
    datePublished: post.date,
    dateModified: lastModified(post),
    // A source's name as author (as news archives have it) is an organization; anyone else a person.
    ...(post.author ? { author: { '@type': sources.has(post.author) ? 'Organization' : 'Person', name: post.author } } : {}),
    ...(post.excerpt ? { description: post.excerpt } : {}),
    ...(post.leadImage ? { image: [post.leadImage.src] } : {}),
    ...(post.tags.length ? { keywords: post.tags.map((t) => t.name) } : {}),
    ...(post.original ? { isBasedOn: post.original.url } : {}),
    inLanguage: postLanguage(post.data) ?? site.lang,
    publisher: { '@type': 'Organization', name: site.title },
  };
}

/** A post's own language (`lang:` in its front matter), when it is a valid language tag. */
export function postLanguage(data: Readonly<Record<string, unknown>>): string | undefined {
  const lang = data['lang'];
  if (typeof lang !== 'string' || lang.trim() === '') return undefined;
  try {
    return Intl.getCanonicalLocales(lang.trim())[0];
  } catch {
    return undefined;
  }
}

/** The pages of a date's year and month in the date archives, from its ISO form in the site's timezone. */
export function archiveUrls(date: string): { year: string; month: string } {
  const year = date.slice(0, 4);
  return { year: `/${year}/`, month: `/${year}/${date.slice(5, 7)}/` };
}

/**
 * When a post last changed, for the sitemap, the feeds and the JSON-LD: its `last_modified_at`
 * (as jekyll-sitemap reads it), else its date.
 */
export function lastModified(post: { readonly date: string; readonly data: Readonly<Record<string, unknown>> }): string {
  const given = post.data['last_modified_at'];
  return typeof given === 'string' && !Number.isNaN(Date.parse(given)) ? given : post.date;
}

import { encodeSegment } from '../load/permalink.js';
import { slugify } from '../load/slug.js';
import type { Diagnostic, Post, TaxonomyKind } from '../types.js';
import { linkLookup, linkTable, type LinkTable } from './link-table.js';
import { checkPostPaths, openPlan, type SitePlan } from './output-paths.js';
import { relatedFinder } from './related.js';
import { resolveSharedUrls } from './shared-urls.js';

/** A tag or category with its page and its posts (by source, newest first). */
export interface TermEntry {
  readonly name: string;
  readonly slug: string;
  /** Path from the site root, percent-encoded, ending in '/'. */
  readonly url: string;
  readonly posts: readonly string[];
}

/**
 * Whole-archive knowledge, built once all posts are loaded: what the render stage needs
 * for lists and neighbours, and the transform stage for links between archived articles.
 * Posts are referred to by `source`.
 */
export interface SiteIndex {
  /** Every post that will be built, newest first (ties by source path). */
  readonly posts: readonly Post[];
  readonly bySource: ReadonlyMap<string, Post>;
  /** Which original URLs the archive holds and on which news sites, as plain data (for workers). */
  readonly links: LinkTable;
  /** The page of the archived copy of an original article URL, if the archive has it. */
  archivedUrl(href: string): string | undefined;
  /** True for a URL on a news site some post of the archive comes from. */
  isSourceSite(href: string): boolean;
  /** Terms sorted by name, for each taxonomy. */
  readonly terms: Readonly<Record<TaxonomyKind, readonly TermEntry[]>>;
  /** Term entry by taxonomy and name. */
  term(kind: TaxonomyKind, name: string): TermEntry | undefined;
  /** The posts before (older) and after (newer) a post, by source. */
  neighbours(source: string): { older?: Post; newer?: Post };
  /** Up to `limit` posts related to a post: most shared tags, then same category, then nearest in time. */
  related(source: string, limit: number): Post[];
  /** Sources of the posts that wanted a URL another post wanted too (shared-urls.ts), built or not. */
  readonly sharedUrl: ReadonlySet<string>;
}

/**
 * Indexes loaded posts. Posts that want one URL are resolved first (shared-urls.ts: copies of
 * one article are built once, different articles all built, on suffixed URLs); posts whose
 * output paths collide with the site's own files or go through another output's file (see
 * output-paths.ts) are reported and left out: gazette never lets one post silently
 * overwrite another page. `plan` says what the
 * site's own files are and what the output folder holds.
 */
export function buildSiteIndex(loaded: readonly Post[], plan: SitePlan = openPlan): { index: SiteIndex; diagnostics: Diagnostic[] } {
  const resolved = resolveSharedUrls(loaded);
  const checked = checkPostPaths(resolved.posts, plan);
  const posts = checked.posts;
  const diagnostics = [...resolved.diagnostics, ...checked.diagnostics];
  posts.sort((a, b) => b.time - a.time || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));

  const bySource = new Map(posts.map((p) => [p.source, p]));
  // Newest first, so the first post for an original URL wins; later duplicates keep their own page.
  // A copy left out stands for the built one: a link to its original URL goes to the article's page.
  const built = new Set(posts.map((p) => p.source));
  const copies = resolved.duplicates.filter((d) => built.has(d.of.source)).map((d) => ({ ...d.post, url: d.of.url }));
  const links = linkTable(copies.length > 0 ? [...posts, ...copies] : posts);
  const lookup = linkLookup(links);
  const terms = { tags: termEntries(posts, 'tags'), categories: termEntries(posts, 'categories') };
  const termByName = {
    tags: new Map(terms.tags.map((t) => [t.name, t])),
    categories: new Map(terms.categories.map((t) => [t.name, t])),
  };
  const index: SiteIndex = {
    posts,
    bySource,
    links,
    terms,
    term: (kind, name) => termByName[kind].get(name),
    archivedUrl: lookup.archivedUrl,
    isSourceSite: lookup.isSourceSite,
    neighbours: neighboursIn(posts),
    related: relatedFinder(posts, (kind, name) => termByName[kind].get(name)?.posts),
    sharedUrl: resolved.shared,
  };
  return { index, diagnostics };
}

/** The posts before (older) and after (newer) each post of a list sorted newest first. */
function neighboursIn(posts: readonly Post[]): SiteIndex['neighbours'] {
  const position = new Map(posts.map((p, i) => [p.source, i]));
  return (source) => {
    const i = position.get(source);
    if (i === undefined) return {};
    const newer = posts[i - 1];
    const older = posts[i + 1];
    return { ...(older ? { older } : {}), ...(newer ? { newer } : {}) };
  };
}

/**
 * The index with some posts replaced by new versions that differ from the old only in their
 * body (same URL, date, title, terms and original URL; see isBodyEdit): the order, the terms
 * and the link table stay as they are, so only the post records are swapped.
 */
export function withNewBodies(index: SiteIndex, replaced: ReadonlyMap<string, Post>): SiteIndex {
  const posts = index.posts.map((p) => replaced.get(p.source) ?? p);
  const bySource = new Map(index.bySource);
  for (const [source, post] of replaced) bySource.set(source, post);
  // Related posts are chosen by order, terms and time, which a body edit leaves as they are:
  // the index's finder stays (what it gives of a post, title, URL and date, is unchanged too).
  return { ...index, posts, bySource, neighbours: neighboursIn(posts) };
}

/** One entry per distinct name; names whose slugs collide get `-2`, `-3`, … in name order. */
function termEntries(posts: readonly Post[], kind: TaxonomyKind): TermEntry[] {
  const members = new Map<string, string[]>();
  for (const post of posts) for (const name of post[kind]) appendTo(members, name, post.source);
  const names = [...members.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const used = new Set<string>();
  // The suffix each base slug tries next: the ones before it are taken (taken slugs stay
  // taken), so a thousand names slugified to nothing do not each try -2, -3, … again.
  const nextSuffix = new Map<string, number>();
  return names.map((name) => {
    const base = slugify(name) || 'term';
    let n = nextSuffix.get(base) ?? 1; // 1: the base slug itself
    let slug = n === 1 ? base : `${base}-${n}`;
    while (used.has(slug)) slug = `${base}-${++n}`;
    nextSuffix.set(base, n + 1);
    used.add(slug);
    return { name, slug, url: `/${kind}/${encodeSegment(slug)}/`, posts: members.get(name)! };
  });
}

/** Adds `value` to the list under `key` (in place: archives have terms with thousands of posts). */
function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

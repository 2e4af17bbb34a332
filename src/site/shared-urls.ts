import { diagnostic } from '../errors.js';
import { sameArticle } from '../load/article-fingerprint.js';
import type { Diagnostic, Post } from '../types.js';
import { foldedPath } from './output-paths.js';

/**
 * Posts that want one URL (exactly, or but for case and Unicode form, which are one file on
 * macOS, Windows and some hosts). Jekyll writes each such post in turn and the last one
 * written stays, silently; gazette decides, and says so:
 *
 * - copies of one article (sameArticle: one text, one `from:` or a long text) are built
 *   once, from the copy Jekyll keeps (written last: the latest date, then the last path),
 *   and the other copies are warned about and left out of every list;
 * - different articles are all built: the first in file order keeps the URL, each later one
 *   gets the URL with `-2`, `-3` … before its extension or trailing slash, with a warning.
 *
 * Pure: the same posts give the same answer, whatever order they come in.
 */

/** A post left out because it is a copy of another. */
export interface Duplicate {
  readonly post: Post;
  /** The copy that is built. */
  readonly of: Post;
}

/** What resolving shared URLs gave. */
export interface SharedUrls {
  /** Every post to build: the ones alone on their URL, one per article of each shared URL (moved ones with their new URL). */
  readonly posts: Post[];
  readonly duplicates: readonly Duplicate[];
  /** Sources of every post that shared a URL (built, moved or left out): their fate depends on each other. */
  readonly shared: ReadonlySet<string>;
  readonly diagnostics: Diagnostic[];
}

/** A URL as a reader writes it (`/2021/01/20/普京宫`), for messages. */
function shown(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** Byte order of UTF-8 paths, as Ruby compares strings (Jekyll's order of posts of one date). */
function byPath(a: Post, b: Post): number {
  return Buffer.compare(Buffer.from(a.source), Buffer.from(b.source));
}

/** Jekyll's order of writing posts: by date, then by path. The last one written is what its site shows. */
function byJekyllOrder(a: Post, b: Post): number {
  return a.time - b.time || byPath(a, b);
}

/** Posts by the file they want (case and Unicode form folded). */
function groupByUrl(loaded: readonly Post[]): Map<string, Post[]> {
  const groups = new Map<string, Post[]>();
  for (const post of loaded) {
    const key = foldedPath(post.outputPath);
    const group = groups.get(key);
    if (group) group.push(post);
    else groups.set(key, [post]);
  }
  return groups;
}

/**
 * Sources of the posts that want a URL another post wants: the only ones resolveSharedUrls
 * needs a fingerprint of (taking one costs a pass over the body, so posts alone on their URL,
 * nearly all, are not fingerprinted).
 */
export function postsSharingUrls(loaded: readonly Post[]): Set<string> {
  const sources = new Set<string>();
  for (const group of groupByUrl(loaded).values()) if (group.length > 1) for (const post of group) sources.add(post.source);
  return sources;
}

/** Resolves every group of posts that want one URL; posts alone on theirs pass unchanged. */
export function resolveSharedUrls(loaded: readonly Post[]): SharedUrls {
  const groups = groupByUrl(loaded);
  const taken = new Set(groups.keys());
  const posts: Post[] = [];
  const duplicates: Duplicate[] = [];
  const shared = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const group of groups.values()) {
    if (group.length === 1) {
      posts.push(group[0]!);
      continue;
    }
    for (const post of group) shared.add(post.source);
    // Articles in file order (each by its first file), each with its copies.
    const articles: Post[][] = [];
    for (const post of [...group].sort(byPath)) {
      const article = articles.find((copies) => copies.some((copy) => sameArticle(copy, post)));
      if (article) article.push(post);
      else articles.push([post]);
    }
    let first: Post | undefined;
    for (const copies of articles) {
      const kept = copies.reduce((last, post) => (byJekyllOrder(post, last) > 0 ? post : last));
      let built = kept;
      if (first === undefined) first = kept;
      else {
        built = { ...kept, ...suffixedPlace(kept, taken) };
        diagnostics.push(
          diagnostic('warning', kept.source, `its URL ${shown(kept.url)} ${howShared(kept, first)}, another article: this one is built at ${shown(built.url)}`, {
            hint: "give one of them a different 'slug:' or 'permalink:' to choose its URL",
          }),
        );
      }
      posts.push(built);
      for (const copy of copies) {
        if (copy === kept) continue;
        duplicates.push({ post: copy, of: built });
        diagnostics.push(
          diagnostic('warning', copy.source, `duplicate of ${kept.source}: the same article${copy.from === kept.from ? ' from the same source' : ''}, built once at ${shown(built.url)}; this copy is left out`, {
            hint: 'delete this file if it is a second copy of the article',
          }),
        );
      }
    }
  }
  return { posts, duplicates, shared, diagnostics };
}

/** How a post's URL is another's: the same, the same file, or one file where case or Unicode form are not told apart. */
function howShared(post: Post, other: Post): string {
  if (post.url === other.url) return `is also the URL of ${other.source}`;
  if (post.outputPath === other.outputPath) return `is written to the same file as ${shown(other.url)}, the URL of ${other.source}`;
  const how = post.outputPath.normalize('NFC') === other.outputPath.normalize('NFC') ? 'Unicode form' : 'case';
  return `differs only by ${how} from ${shown(other.url)}, the URL of ${other.source}`;
}

/**
 * The post's URL and output path with the first free suffix `-2`, `-3` … before the
 * extension or the trailing slash (`/a/x/` → `/a/x-2/`, `/a/x.html` → `/a/x-2.html`,
 * `/a/x` → `/a/x-2`); free means no post wants it, in any case. Marks it taken.
 */
export function suffixedPlace(post: Pick<Post, 'url' | 'outputPath'>, taken: Set<string>): Pick<Post, 'url' | 'outputPath'> {
  for (let n = 2; ; n++) {
    const place = withSuffix(post, `-${n}`);
    const key = foldedPath(place.outputPath);
    if (taken.has(key)) continue;
    taken.add(key);
    return place;
  }
}

function withSuffix({ url, outputPath }: Pick<Post, 'url' | 'outputPath'>, suffix: string): Pick<Post, 'url' | 'outputPath'> {
  if (url.endsWith('/')) {
    // A folder's index.html (the site's root, too: `/` → `/index-2/`).
    const folder = url === '/' ? '/index' : url.slice(0, -1);
    const path = outputPath.slice(0, -'index.html'.length);
    return { url: `${folder}${suffix}/`, outputPath: `${path === '' ? 'index' : path.slice(0, -1)}${suffix}/index.html` };
  }
  const urlExtension = /\.x?html?$/i.exec(url)?.[0] ?? '';
  const pathExtension = /\.x?html?$/i.exec(outputPath)![0];
  return {
    url: `${url.slice(0, url.length - urlExtension.length)}${suffix}${urlExtension}`,
    outputPath: `${outputPath.slice(0, -pathExtension.length)}${suffix}${pathExtension}`,
  };
}

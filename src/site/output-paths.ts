import { diagnostic } from '../errors.js';
import type { Diagnostic, Post } from '../types.js';

/**
 * Which posts may take the output paths their URLs give them. A file and a folder cannot
 * have one path, so besides two posts on one URL (shared-urls.ts), a post whose path goes *through* another
 * output's file (`/victim/index.html/` against `/victim/`'s `victim/index.html`) would make
 * one page replace the other: both are caught here, before anything is written, and so are
 * paths the output folder's file system cannot hold. Pure: what the site's own files are
 * and what the file system holds come in a SitePlan.
 */

/** What the output folder and the site's own files allow, for checking the posts' paths. */
export interface SitePlan {
  /** Paths of the site's own files no post may take or go through (the 404 page, the search page and its scripts, the sitemap …). */
  readonly reservedFiles: ReadonlySet<string>;
  /** Paths of the public folder's files: a post may take one (the file is then not copied), but not go through it. */
  readonly publicFiles: ReadonlySet<string>;
  /** Folders the site fills itself (`search/data/`, ending in `/`): no post goes inside. */
  readonly reservedFolders: readonly string[];
  /** What a reserved file is, for messages (`the search page`). */
  describe(path: string): string;
  /** The longest output path, in UTF-8 bytes, the output folder can hold. */
  readonly maxPathBytes: number;
  /** True when the output folder's file system ignores case (macOS, Windows): paths equal but for case are one file there. */
  readonly caseInsensitive: boolean;
}

/** A plan that reserves nothing: for tests and tools that index posts without building a site. */
export const openPlan: SitePlan = { reservedFiles: new Set(), publicFiles: new Set(), reservedFolders: [], describe: (path) => path, maxPathBytes: Infinity, caseInsensitive: false };

/**
 * File names of the site's own pages and feeds, in any folder (`tags/x/index.html`,
 * `tags/x/feed.xml`): a folder so named would stand where such a file goes.
 */
const pageFileNames = new Set(['index.html', 'feed.xml', 'feed.json']);

/** How two paths compare on every file system: one Unicode form (NFC, which output paths are in already), and case folded. */
export function foldedPath(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/** The folders a relative path is in, outermost first (`a/b/c.html` → `a`, `a/b`). */
export function foldersOf(path: string): string[] {
  const folders: string[] = [];
  for (let at = path.indexOf('/'); at !== -1; at = path.indexOf('/', at + 1)) folders.push(path.slice(0, at));
  return folders;
}

const bytes = (n: number) => `${n.toLocaleString('en')} bytes`;

/**
 * The posts that keep their output paths, and an error for each that does not: a path too
 * long for the output folder; a path that is one of the site's own files, or goes through
 * one, or into a folder the site fills; a path that goes through another post's file (the
 * deeper post is refused, the other built). Posts that want one path (or paths equal but for
 * case) must have been resolved first (resolveSharedUrls): each path here is one post's.
 */
export function checkPostPaths(loaded: readonly Post[], plan: SitePlan): { posts: Post[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const refuse = (post: Post, message: string, hint: string) => diagnostics.push(diagnostic('error', post.source, message, { hint }));
  const anotherUrl = "give it another 'permalink:' or 'slug:'";

  const fits = loaded.filter((post) => {
    const length = Buffer.byteLength(post.outputPath);
    if (length <= plan.maxPathBytes) return true;
    refuse(post, `its output path is ${bytes(length)} long: the output folder can hold paths of up to ${bytes(plan.maxPathBytes)}`, 'give it a shorter permalink');
    return false;
  });

  // (Posts that want one path, or paths equal but for case, were resolved before: shared-urls.ts.)
  const key = plan.caseInsensitive ? foldedPath : (path: string) => path;
  const postFiles = new Map(fits.map((post) => [key(post.outputPath), post]));
  const reserved = new Map([...plan.reservedFiles].map((path) => [key(path), path]));
  const publicFiles = new Map([...plan.publicFiles].map((path) => [key(path), path]));
  const reservedFolders = plan.reservedFolders.map(key);
  /** Why a post's path clashes with a file of the site or a folder another post's file stands in, if it does. */
  const clash = (post: Post): string | undefined => {
    const path = key(post.outputPath);
    const own = reserved.get(path);
    if (own !== undefined) return `its URL ${post.url} is ${plan.describe(own)}'s`;
    const inside = reservedFolders.find((folder) => path.startsWith(folder));
    if (inside !== undefined) return `its URL ${post.url} is inside ${inside}, which the site fills itself`;
    for (const folder of foldersOf(path)) {
      const through = postFiles.get(folder);
      if (through) return `its URL ${post.url} would make a folder of ${through.outputPath}, the page of ${through.source}`;
      const file = reserved.get(folder);
      if (file !== undefined) return `its URL ${post.url} would make a folder of ${file}, ${plan.describe(file)}`;
      const copied = publicFiles.get(folder);
      if (copied !== undefined) return `its URL ${post.url} would make a folder of ${copied}, a file of the public folder`;
      const name = folder.slice(folder.lastIndexOf('/') + 1);
      if (pageFileNames.has(name)) return `its URL ${post.url} would make a folder named ${name}, where the page or feed of /${folder.slice(0, -name.length)} goes`;
    }
    return undefined;
  };
  const posts = fits.filter((post) => {
    const problem = clash(post);
    if (problem) refuse(post, `${problem}; the post is not built`, anotherUrl);
    return !problem;
  });
  return { posts, diagnostics };
}

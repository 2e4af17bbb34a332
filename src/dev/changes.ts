import { relative, sep } from 'node:path';
import { defaultSiteConfig } from '../config.js';
import { postFormat } from '../load/find-posts.js';
import type { Post } from '../types.js';

/**
 * What changed → what to redo: the decisions of `gazette dev`, as pure functions of the
 * file events the watcher saw (no file system, no clock), so they can be tested alone.
 */

/**
 * One event from the watcher: chokidar's names, and `link` for a symbolic link that is at the
 * path now (new, or in place of a file or a whole folder), which gazette never follows.
 */
export interface FileEvent {
  readonly kind: 'add' | 'change' | 'unlink' | 'addDir' | 'unlinkDir' | 'link';
  /** Absolute path. */
  readonly path: string;
}

/** The folders and files a dev session watches or must ignore; all absolute. */
export interface ProjectPaths {
  readonly postsDir: string;
  readonly templatesDir: string;
  readonly publicDir: string | undefined;
  /** The config file, when there is one. */
  readonly configFile: string | undefined;
  /** Written by the build: never an input, even inside the posts folder. */
  readonly outDir: string;
  readonly cacheDir: string;
  /** The config's `markdown_ext` (Jekyll's default when absent or the config cannot be read): which files in the posts folder are posts. */
  readonly markdownExt?: readonly string[];
}

/** A burst of events, reduced to what matters for a rebuild. */
export interface ChangeSet {
  readonly config: boolean;
  readonly templates: boolean;
  /** Post files that existed before the burst and still do, changed. */
  readonly postsEdited: readonly string[];
  /** Post files or folders of posts that appeared or disappeared (renames are both). */
  readonly postsAddedOrRemoved: boolean;
  /** Files of the public folder that appeared, changed or disappeared (or became links). */
  readonly publicFiles: readonly string[];
  /** Folders of the public folder that appeared or disappeared (with whatever they held). */
  readonly publicFolders: boolean;
}

/** What a dev session does about a change set. */
export type Plan =
  /** Nothing that is an input changed. */
  | { readonly kind: 'nothing' }
  /** Read the config again, then rebuild (the build state makes it redo what the config touches). */
  | { readonly kind: 'config' }
  /** Rebuild from the build state: templates changed, posts appeared or disappeared, or several kinds of change at once. */
  | { readonly kind: 'build' }
  /** Only posts were edited: load them, and if only their bodies changed, redo their articles and the pages that show them. */
  | { readonly kind: 'posts'; readonly files: readonly string[] }
  /** Only public files changed: copy (or remove) just those. */
  | { readonly kind: 'public'; readonly files: readonly string[] };

/** True when `path` is `folder` or inside it. */
function within(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder + sep);
}

/** True when a path below `root` has a hidden part (`.git`, `.#draft.md`, editors' swap files). */
function hidden(path: string, root: string): boolean {
  return relative(root, path)
    .split(sep)
    .some((part) => part.startsWith('.'));
}

/**
 * Reduces a burst of events to its net effect per path (an editor's atomic save, unlink
 * then add, is a change; a file added and removed again is nothing) and sorts the paths by
 * what they are: the config, a template, a post, a public file, or nothing gazette reads.
 */
export function collectChanges(events: readonly FileEvent[], paths: ProjectPaths): ChangeSet {
  const first = new Map<string, FileEvent['kind']>();
  const last = new Map<string, FileEvent['kind']>();
  for (const event of events) {
    if (!first.has(event.path)) first.set(event.path, event.kind);
    last.set(event.path, event.kind);
  }
  let config = false;
  let templates = false;
  let postsAddedOrRemoved = false;
  let publicFolders = false;
  const postsEdited: string[] = [];
  const publicFiles: string[] = [];
  for (const [path, lastKind] of last) {
    const firstKind = first.get(path)!;
    const existedBefore = firstKind === 'change' || firstKind === 'unlink' || firstKind === 'unlinkDir';
    const existsAfter = lastKind !== 'unlink' && lastKind !== 'unlinkDir';
    if (!existedBefore && !existsAfter) continue; // came and went within the burst
    if (within(path, paths.outDir) || within(path, paths.cacheDir) || /\.gazette-staging(\/|$)/.test(path)) continue;
    if (paths.configFile !== undefined && path === paths.configFile) {
      config = true;
    } else if (within(path, paths.templatesDir)) {
      templates = true;
    } else if (paths.publicDir !== undefined && within(path, paths.publicDir)) {
      if (lastKind === 'addDir' || lastKind === 'unlinkDir' || firstKind === 'addDir' || firstKind === 'unlinkDir') publicFolders = true;
      else publicFiles.push(path);
    } else if (within(path, paths.postsDir) && !hidden(path, paths.postsDir)) {
      const isFolder = firstKind === 'addDir' || firstKind === 'unlinkDir' || lastKind === 'addDir' || lastKind === 'unlinkDir';
      // A link, in place of a post or of a folder of posts (whose files get no events of their
      // own): the build leaves it out and says so.
      if (firstKind === 'link' || lastKind === 'link') {
        postsAddedOrRemoved = true;
      } else if (isFolder) {
        if (existedBefore !== existsAfter) postsAddedOrRemoved = true;
      } else if (postFormat(path, paths.markdownExt ?? defaultSiteConfig.markdownExt)) {
        if (existedBefore && existsAfter) postsEdited.push(path);
        else postsAddedOrRemoved = true;
      }
    }
  }
  return { config, templates, postsEdited: postsEdited.sort(), postsAddedOrRemoved, publicFiles: publicFiles.sort(), publicFolders };
}

/** The plan for a change set: the narrowest kind of update that is still exact. */
export function planUpdate(changes: ChangeSet): Plan {
  if (changes.config) return { kind: 'config' };
  const posts = changes.postsEdited.length > 0 || changes.postsAddedOrRemoved;
  const publicChanged = changes.publicFiles.length > 0 || changes.publicFolders;
  const kinds = [changes.templates, posts, publicChanged].filter(Boolean).length;
  if (kinds === 0) return { kind: 'nothing' };
  if (kinds > 1 || changes.templates || changes.postsAddedOrRemoved || changes.publicFolders) return { kind: 'build' };
  if (posts) return { kind: 'posts', files: changes.postsEdited };
  return { kind: 'public', files: changes.publicFiles };
}

/** The parts of a post that only its body decides. */
const bodyFields = new Set<keyof Post>(['hash', 'bodyOffset', 'bodyLine', 'fingerprint']);

/**
 * True when a post's new version differs from the old only in its body: same URL, date,
 * title, terms, original URL, layout and template data. Then the archive's order, its lists'
 * membership and its link table are unchanged, and only pages that show this post's article
 * or summary can change.
 */
export function isBodyEdit(old: Post, next: Post): boolean {
  const rest = (post: Post) => JSON.stringify(Object.entries(post).filter(([key]) => !bodyFields.has(key as keyof Post)));
  return rest(old) === rest(next);
}

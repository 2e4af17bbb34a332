import { lstatSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { diagnostic } from '../errors.js';
import type { Diagnostic, Post, Skipped } from '../types.js';
import type { FileRecord, FileStat } from '../cache/build-state.js';
import pMap from 'p-map';
import { NotRegularFileError, readRegularFile } from '../read-regular-file.js';
import { findPosts, linkNotFollowed, type PostFile } from './find-posts.js';
import { entryLists } from './jekyll-config.js';
import type { LoadContext, LoadResult } from './load-post.js';

/** Files read at once: enough to hide the file system's latency, few enough to stay light. */
const readConcurrency = 16;

/** A file changed less than this before the build started may change again with the same stat. */
const racyWindowMs = 2000;

/** Every post under the posts folder, loaded: the first stage of a build. */
export interface LoadedArchive {
  readonly posts: readonly Post[];
  readonly skipped: readonly Skipped[];
  readonly diagnostics: readonly Diagnostic[];
  /** What loading each file gave, for the next build (see BuildState). */
  readonly files: Readonly<Record<string, FileRecord>>;
  /** How many files were read and parsed (the others were known from the previous build). */
  readonly parsed: number;
}

/**
 * Loads every post. With the previous build's file records, a file whose size, times and
 * inode are unchanged is not read again, and one whose bytes are unchanged is not parsed
 * again: its recorded result is used. Results that depend on the clock (a post skipped for
 * its future date) are never reused.
 */
export async function loadPosts(postsDir: string, outDir: string, cwd: string, context: LoadContext, previous: Readonly<Record<string, FileRecord>> = {}): Promise<LoadedArchive> {
  const found = await findPosts(postsDir, cwd, [outDir], entryLists(context.config), context.config.markdownExt);
  let parsed = 0;
  const loadOne = async (file: PostFile): Promise<{ result: LoadResult; record?: FileRecord }> => {
    const cantRead = (error: unknown) => ({ result: { diagnostics: [diagnostic('error', file.source, `cannot read the file: ${(error as Error).message}`)] } });
    const place = JSON.stringify([file.format, file.folderCategories]);
    const known = previous[file.source];
    const reusable = known && known.place === place && known.result.skipped?.reason !== 'future date' ? known : undefined;
    let info: FileStat;
    try {
      // (Synchronous: a stat is a few microseconds, and a rebuild stats every post.) Not
      // through a link: a file swapped for one since the listing is not a post either.
      const s = lstatSync(file.path);
      if (s.isSymbolicLink()) return { result: { diagnostics: [linkNotFollowed(file.source)] } };
      info = { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
    } catch (error) {
      return cantRead(error);
    }
    const racy = isRacy(info, context.now);
    // (The record itself when nothing about it changed, so the build can tell its state is unchanged.)
    if (reusable && !reusable.racy && sameStat(reusable.stat, info)) return { result: reusable.result, record: racy ? { ...reusable, racy } : reusable };
    let bytes: Buffer;
    try {
      // (Swapped for a link since the stat: refused by the open itself.)
      bytes = (await readRegularFile(file.path)).bytes;
    } catch (error) {
      if (error instanceof NotRegularFileError && error.link) return { result: { diagnostics: [linkNotFollowed(file.source)] } };
      return cantRead(error);
    }
    const hashOf = () => createHash('sha256').update(bytes).digest('hex');
    // A file that was only touched: same bytes, same result.
    const hash = reusable ? hashOf() : undefined;
    if (reusable && reusable.hash === hash) return { result: reusable.result, record: { ...reusable, stat: info, racy } };
    parsed++;
    // Loaded on demand: a rebuild with nothing new to parse does not load YAML, luxon and chardet.
    const { loadPost } = await import('./load-post.js');
    const result = loadPost(file, bytes, context);
    // (A post carries the hash of its bytes already: not hashed twice.)
    return { result, record: { stat: info, hash: hash ?? result.post?.hash ?? hashOf(), place, result, racy } };
  };
  // Reads overlap (many small files); results keep the files' order.
  const loaded = await pMap(found.files, loadOne, { concurrency: readConcurrency });
  const posts: Post[] = [];
  const skipped: Skipped[] = [];
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  const files: Record<string, FileRecord> = {};
  for (const [i, { result, record }] of loaded.entries()) {
    if (result.post) posts.push(result.post);
    if (result.skipped) skipped.push(result.skipped);
    diagnostics.push(...result.diagnostics);
    if (record) files[found.files[i]!.source] = record;
  }
  return { posts, skipped, diagnostics, files, parsed };
}

/** True for a file changed so shortly before `now` that a later change could leave the same stat. */
export function isRacy(info: FileStat, now: number): boolean {
  return info.mtimeMs >= now - racyWindowMs;
}

function sameStat(a: FileStat, b: FileStat): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

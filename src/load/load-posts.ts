import { lstatSync } from 'node:fs';
import { diagnostic } from '../errors.js';
import type { Diagnostic, Post, Skipped } from '../types.js';
import type { FileRecord, FileStat } from '../cache/build-state.js';
import pMap from 'p-map';
import { findPosts, linkNotFollowed, type PostFile } from './find-posts.js';
import { entryLists } from './jekyll-config.js';
import type { LoadContext, LoadResult } from './load-post.js';
import type { LoadSetup, ReadOutcome, ReadTask } from './read-post.js';
import { tasksInFlight, workerPool, workersFor } from '../worker-pool.js';

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

/** Files read and loaded per task of the load pool: enough that handing them over costs little. */
const batchSize = 64;

/**
 * Loads every post. With the previous build's file records, a file whose size, times and
 * inode are unchanged is not read again, and one whose bytes are unchanged is not parsed
 * again: its recorded result is used. Results that depend on the clock (a post skipped for
 * its future date) are never reused. The files to read are read and loaded on worker
 * threads when there are many (`pool`: the threads asked for, and the post layouts there
 * are, for the workers' loading context), else in this thread.
 */
export async function loadPosts(
  postsDir: string,
  outDir: string,
  cwd: string,
  context: LoadContext,
  previous: Readonly<Record<string, FileRecord>> = {},
  pool?: { readonly threads: number | undefined; readonly layouts: readonly string[] },
): Promise<LoadedArchive> {
  const found = await findPosts(postsDir, cwd, [outDir], entryLists(context.config), context.config.markdownExt);
  const cantRead = (file: PostFile, message: string) => ({ result: { diagnostics: [diagnostic('error', file.source, `cannot read the file: ${message}`)] } });
  const loaded: { result: LoadResult; record?: FileRecord }[] = new Array(found.files.length);
  /** The files to read: changed since the previous build, or not known to it. */
  const toRead: { i: number; place: string; info: FileStat; racy: boolean; reusable: FileRecord | undefined }[] = [];
  for (const [i, file] of found.files.entries()) {
    const place = JSON.stringify([file.format, file.folderCategories]);
    const known = previous[file.source];
    const reusable = known && known.place === place && known.result.skipped?.reason !== 'future date' ? known : undefined;
    let info: FileStat;
    try {
      // (Synchronous: a stat is a few microseconds, and a rebuild stats every post.) Not
      // through a link: a file swapped for one since the listing is not a post either.
      const s = lstatSync(file.path);
      if (s.isSymbolicLink()) {
        loaded[i] = { result: { diagnostics: [linkNotFollowed(file.source)] } };
        continue;
      }
      info = { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
    } catch (error) {
      loaded[i] = cantRead(file, (error as Error).message);
      continue;
    }
    const racy = isRacy(info, context.now);
    // (The record itself when nothing about it changed, so the build can tell its state is unchanged.)
    if (reusable && !reusable.racy && sameStat(reusable.stat, info)) loaded[i] = { result: reusable.result, record: racy ? { ...reusable, racy } : reusable };
    else toRead.push({ i, place, info, racy, reusable });
  }
  const tasks: ReadTask[] = toRead.map(({ i, reusable }) => ({ file: found.files[i]!, knownHash: reusable?.hash }));
  const outcomes = await readAll(tasks, context, pool);
  let parsed = 0;
  for (const [n, { i, place, info, racy, reusable }] of toRead.entries()) {
    const file = found.files[i]!;
    const outcome = outcomes[n]!;
    if ('link' in outcome) loaded[i] = { result: { diagnostics: [linkNotFollowed(file.source)] } };
    else if ('error' in outcome) loaded[i] = cantRead(file, outcome.error);
    else if (!outcome.result) loaded[i] = { result: reusable!.result, record: { ...reusable!, stat: info, racy } };
    else {
      parsed++;
      loaded[i] = { result: outcome.result, record: { stat: info, hash: outcome.hash, place, result: outcome.result, racy } };
    }
  }
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

/**
 * Reads and loads the files, in order: on a pool of worker threads, a batch per task, when
 * there are enough for it; else in this thread, a few reads overlapping. (Loaded on demand:
 * a rebuild with nothing new to read does not load YAML, luxon and chardet.)
 */
async function readAll(tasks: readonly ReadTask[], context: LoadContext, pool: { readonly threads: number | undefined; readonly layouts: readonly string[] } | undefined): Promise<ReadOutcome[]> {
  if (tasks.length === 0) return [];
  const workers = pool ? workersFor(tasks.length, pool.threads) : 0;
  if (workers <= 1) {
    const { readPost } = await import('./read-post.js');
    return pMap(tasks, (task) => readPost(task, context), { concurrency: readConcurrency });
  }
  const setup: LoadSetup = { config: context.config, now: context.now, layouts: pool!.layouts };
  const loaders = workerPool<readonly ReadTask[], ReadOutcome[]>(new URL('./load-worker.js', import.meta.url), setup, workers);
  try {
    const batches = Array.from({ length: Math.ceil(tasks.length / batchSize) }, (_, b) => tasks.slice(b * batchSize, (b + 1) * batchSize));
    return (await pMap(batches, (batch) => loaders.run(batch), { concurrency: tasksInFlight(workers) })).flat();
  } finally {
    await loaders.close();
  }
}

/** True for a file changed so shortly before `now` that a later change could leave the same stat. */
export function isRacy(info: FileStat, now: number): boolean {
  return info.mtimeMs >= now - racyWindowMs;
}

function sameStat(a: FileStat, b: FileStat): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

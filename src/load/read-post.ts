import { createHash } from 'node:crypto';
import type { SiteConfig } from '../config.js';
import { NotRegularFileError, readRegularFile } from '../read-regular-file.js';
import type { PostFile } from './find-posts.js';
import { loadPost, type LoadContext, type LoadResult } from './load-post.js';

/**
 * Reading one post file and loading it (load-post.ts), on whichever thread does it: a worker
 * of the load pool for a big archive, else the main thread. Tasks and outcomes are plain data.
 */

/** A file to read; with the hash of its bytes when the previous build loaded it, so a file only touched is not parsed again. */
export interface ReadTask {
  readonly file: PostFile;
  readonly knownHash?: string | undefined;
}

/** What reading a file gave: its bytes' hash and what loading them gave (none: the bytes are the known ones), or why it could not be read. */
export type ReadOutcome = { readonly hash: string; readonly result?: LoadResult } | { readonly link: true } | { readonly error: string };

/** What a loading thread needs: the config, the build's start and the post layouts there are (plain data, unlike LoadContext). */
export interface LoadSetup {
  readonly config: SiteConfig;
  readonly now: number;
  readonly layouts: readonly string[];
}

/** The loading context a setup describes. */
export function loadContext(setup: LoadSetup): LoadContext {
  const layouts = new Set(setup.layouts);
  return { config: setup.config, now: setup.now, layoutExists: (name) => layouts.has(name) };
}

/** Reads a file (never through a symbolic link) and loads it unless its bytes are the known ones. Never throws. */
export async function readPost({ file, knownHash }: ReadTask, context: LoadContext): Promise<ReadOutcome> {
  let bytes: Buffer;
  try {
    // (Swapped for a link since the listing: refused by the open itself.)
    bytes = (await readRegularFile(file.path)).bytes;
  } catch (error) {
    if (error instanceof NotRegularFileError && error.link) return { link: true };
    return { error: (error as Error).message };
  }
  const hashOf = () => createHash('sha256').update(bytes).digest('hex');
  // A file that was only touched: same bytes, same result.
  const hash = knownHash !== undefined ? hashOf() : undefined;
  if (hash !== undefined && hash === knownHash) return { hash };
  const result = loadPost(file, bytes, context);
  // (A post carries the hash of its bytes already: not hashed twice.)
  return { hash: hash ?? result.post?.hash ?? hashOf(), result };
}

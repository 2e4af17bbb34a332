import { readFile } from 'node:fs/promises';
import { diagnostic } from '../errors.js';
import type { Diagnostic, Post, Skipped } from '../types.js';
import pMap from 'p-map';
import { findPosts } from './find-posts.js';
import { loadPost, type LoadContext, type LoadResult } from './load-post.js';

/** Files read at once: enough to hide the file system's latency, few enough to stay light. */
const readConcurrency = 16;

/** Every post under the posts folder, loaded: the first stage of a build. */
export interface LoadedArchive {
  readonly posts: readonly Post[];
  readonly skipped: readonly Skipped[];
  readonly diagnostics: readonly Diagnostic[];
}

export async function loadPosts(postsDir: string, outDir: string, cwd: string, context: LoadContext): Promise<LoadedArchive> {
  const found = await findPosts(postsDir, cwd, [outDir]);
  // Reads overlap (many small files); results keep the files' order.
  const results = await pMap(
    found.files,
    async (file): Promise<LoadResult> => {
      let bytes: Buffer;
      try {
        bytes = await readFile(file.path);
      } catch (error) {
        return { diagnostics: [diagnostic('error', file.source, `cannot read the file: ${(error as Error).message}`)] };
      }
      return loadPost(file, bytes, context);
    },
    { concurrency: readConcurrency },
  );
  const posts: Post[] = [];
  const skipped: Skipped[] = [];
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  for (const result of results) {
    if (result.post) posts.push(result.post);
    if (result.skipped) skipped.push(result.skipped);
    diagnostics.push(...result.diagnostics);
  }
  return { posts, skipped, diagnostics };
}

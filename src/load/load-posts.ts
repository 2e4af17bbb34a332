import { readFile } from 'node:fs/promises';
import type { SiteConfig } from '../config.js';
import { diagnostic } from '../errors.js';
import type { Diagnostic, Post, Skipped } from '../types.js';
import { findPosts } from './find-posts.js';
import { loadPost, type LayoutExists } from './load-post.js';

/** Every post under the posts folder, loaded: the first stage of a build. */
export interface LoadedArchive {
  readonly posts: readonly Post[];
  readonly skipped: readonly Skipped[];
  readonly diagnostics: readonly Diagnostic[];
}

export async function loadPosts(postsDir: string, outDir: string, cwd: string, config: SiteConfig, layoutExists: LayoutExists): Promise<LoadedArchive> {
  const found = await findPosts(postsDir, cwd, [outDir]);
  const posts: Post[] = [];
  const skipped: Skipped[] = [];
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  for (const file of found.files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file.path);
    } catch (error) {
      diagnostics.push(diagnostic('error', file.source, `cannot read the file: ${(error as Error).message}`));
      continue;
    }
    const result = loadPost(file, bytes, config, layoutExists);
    if (result.post) posts.push(result.post);
    if (result.skipped) skipped.push(result.skipped);
    diagnostics.push(...result.diagnostics);
  }
  return { posts, skipped, diagnostics };
}

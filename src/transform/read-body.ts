import { createHash } from 'node:crypto';
import { GazetteError } from '../errors.js';
import { decodeAs } from '../load/decode.js';
import { NotRegularFileError, readRegularFile } from '../read-regular-file.js';
import type { Post } from '../types.js';

/**
 * Reads a post's body again at transform time, so bodies are not held in memory for the
 * whole build. The file must be the one that was loaded: if it changed in between (or was
 * swapped for a symbolic link, which is never followed), the post fails rather than mixing
 * old metadata with a new body.
 */
export async function readBody(post: Pick<Post, 'source' | 'path' | 'hash' | 'encoding' | 'bodyOffset'>): Promise<string> {
  const changed = (what: string, cause?: unknown) => new GazetteError(post.source, `the file changed during the build${what}`, { hint: 'build again', cause });
  let bytes: Buffer;
  try {
    bytes = (await readRegularFile(post.path)).bytes;
  } catch (error) {
    if (error instanceof NotRegularFileError) throw changed(error.link ? ': it is a symbolic link now (not followed)' : ': it is not a file now', error);
    throw error;
  }
  if (createHash('sha256').update(bytes).digest('hex') !== post.hash) throw changed('');
  return decodeAs(bytes, post.encoding).slice(post.bodyOffset);
}

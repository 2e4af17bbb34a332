import { constants, lstatSync, type Stats } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * gazette reads posts and public files without following symbolic links: a link in the posts
 * or public folder (made by a `git pull`, an unpacked archive, another user) could otherwise
 * put any file the builder can read into the site. The folder listings skip links; these
 * functions keep the same rule for reads that come after a listing, or without one
 * (`gazette dev`'s quick updates), when a file may have been swapped for a link meanwhile.
 */

/** Thrown when a file to read is a symbolic link, a folder, a device or a pipe. */
export class NotRegularFileError extends Error {
  override readonly name = 'NotRegularFileError';
  /** True when the file is a symbolic link (else it is something other than a file). */
  readonly link: boolean;

  constructor(path: string, link: boolean, cause?: unknown) {
    super(link ? `symbolic link not followed: ${path}` : `not a regular file: ${path}`, { cause });
    this.link = link;
  }
}

// O_NOFOLLOW: open fails on a link at the last part of the path, in the same call, so there is
// no moment between a check and the open for a swap. O_NONBLOCK: opening a named pipe returns
// at once (then refused as not a file) instead of waiting for a writer. Windows has neither
// flag: there a link is looked for just before (with a moment between).
const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Error codes for an open refused by O_NOFOLLOW (Linux and macOS: ELOOP; FreeBSD: EMLINK; NetBSD: EFTYPE). */
const linkCodes = new Set(['ELOOP', 'EMLINK', 'EFTYPE']);

/**
 * The bytes of a regular file and its stat, read through one open that does not follow a
 * symbolic link; throws NotRegularFileError for a link or anything else that is not a file.
 * (The same system calls as `readFile`, with the stat kept.)
 */
export async function readRegularFile(path: string): Promise<{ bytes: Buffer; info: Stats }> {
  if (constants.O_NOFOLLOW === undefined && (await lstat(path)).isSymbolicLink()) throw new NotRegularFileError(path, true);
  let handle;
  try {
    handle = await open(path, flags);
  } catch (error) {
    if (linkCodes.has((error as NodeJS.ErrnoException).code ?? '')) throw new NotRegularFileError(path, true, error);
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new NotRegularFileError(path, false);
    return { bytes: await handle.readFile(), info };
  } finally {
    await handle.close();
  }
}

/**
 * The first part of `path` below `root` that is a symbolic link (a folder on the way, or the
 * file itself), or undefined when there is none. `root` itself may be a link: it is the
 * user's choice of folder. Parts that do not exist end the search.
 */
export function linkOnPath(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  let at = root;
  for (const part of rel.split(sep)) {
    at = join(at, part);
    const info = lstatSync(at, { throwIfNoEntry: false });
    if (info === undefined) return undefined;
    if (info.isSymbolicLink()) return at;
  }
  return undefined;
}

import { lstatSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes the cache folder, and keeps it out of version control and backups by itself: archives
 * are committed by bots that run `git add .` every hour, and a cache of hundreds of megabytes in
 * their history never leaves it. Like pytest's and ruff's caches, the folder holds a
 * `.gitignore` of `*` (which ignores the folder's every file, itself included) and a
 * `CACHEDIR.TAG` (https://bford.info/cachedir/, honoured by tar, borg, restic and others).
 * A `.gitignore` already there, the user's own or an earlier build's, is left as it is.
 */
export function markCacheFolder(dir: string): void {
  if (lstatSync(join(dir, '.gitignore'), { throwIfNoEntry: false })) return;
  mkdirSync(dir, { recursive: true });
  writeAside(join(dir, 'CACHEDIR.TAG'), `${cacheDirTagSignature}\n# This folder is gazette's cache: safe to delete, rebuilt by the next build.\n`);
  // Last, since its presence says the folder is marked.
  writeAside(join(dir, '.gitignore'), "# gazette's cache: rebuilt from the posts, never committed.\n*\n");
}

/** The first line a CACHEDIR.TAG must start with. */
const cacheDirTagSignature = 'Signature: 8a477f597d28d172789f06886806bc55';

function writeAside(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

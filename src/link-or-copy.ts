import { copyFileSync, linkSync } from 'node:fs';

/** A hard link to `from` at `to`, or a copy where the file system makes no links (or not across these folders). */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOENT') throw error;
    copyFileSync(from, to);
  }
}

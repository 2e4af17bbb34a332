import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * This user's secret for sealing cache files (seal.ts), in a file of its own outside every
 * project (cli.ts says where), so that a project's `.cache/` can never bring its own. Made
 * at random on first use, readable by this user alone. Losing it costs one cold build: the
 * cache's files then read as misses and are written again.
 */

const secretPattern = /^[0-9a-f]{64}$/;

/** The secret kept in `file`, made first if there is none (or it is damaged). Throws when the file can be neither read nor made. */
export function machineSecret(file: string): string {
  const existing = readSecret(file);
  if (existing !== undefined && secretPattern.test(existing)) return existing;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  try {
    // Linked, not renamed, into place when there is none: two builds starting at once agree
    // on the first one made. A damaged one is replaced.
    if (existing === undefined) linkOrKeep(temporary, file);
    else renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
  const made = readSecret(file);
  if (made === undefined || !secretPattern.test(made)) throw new Error(`${file} does not hold a key`);
  return made;
}

/** The file's text, trimmed; undefined when there is no such file. */
function readSecret(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function linkOrKeep(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

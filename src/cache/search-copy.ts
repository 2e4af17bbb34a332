import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { linkOrCopy } from '../link-or-copy.js';
import { hashOf } from './build-state.js';
import { markCacheFolder } from './cache-folder.js';
import { seal, unseal, type CacheFolder } from './seal.js';

/**
 * The cache's copy of the search index an output folder holds
 * (`.cache/gazette/search/<output folder's hash>/`), so that a build whose output folder is
 * gone — a deploy on a fresh runner that restored `.cache/` — updates the index from the copy
 * instead of making it again from every post's terms (which costs the main thread seconds at
 * 10,000 posts). The copy's files are hard links to the output's (a build never changes an
 * output file in place: it renames new ones over them), or copies where links cannot be
 * made; a sealed manifest (seal.ts) gives the index's fingerprint and each file's sha256,
 * and a file whose bytes do not match makes the whole copy a miss: a `.cache/` from
 * elsewhere, or a file edited in place, is never published.
 */

/** The manifest: the search state fingerprint the files are of, and each file's path and sha256. */
interface Manifest {
  readonly fingerprint: string;
  readonly files: readonly (readonly [path: string, sha256: string])[];
}

function copyFolder(cache: CacheFolder, outDir: string): string {
  return join(cache.dir, 'search', hashOf(outDir).slice(0, 32));
}

const manifestName = 'manifest.json';

function readManifest(cache: CacheFolder, outDir: string): Manifest | undefined {
  try {
    const body = unseal(cache.secret, ['search', outDir], readFileSync(join(copyFolder(cache, outDir), manifestName)));
    return body && (JSON.parse(body.toString('utf8')) as Manifest);
  } catch {
    return undefined; // none, or unreadable: no copy
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The folder holding the copy of the search index whose fingerprint is `fingerprint`, with
 * exactly the files `paths` (relative to it), each checked against the manifest; undefined
 * when there is no such copy. A copy whose manifest is not sealed here, or any of whose files
 * differs from what was kept, is removed (the build then keeps a new one).
 */
export function searchCopy(cache: CacheFolder, outDir: string, fingerprint: string, paths: readonly string[]): string | undefined {
  const manifest = readManifest(cache, outDir);
  if (manifest?.fingerprint !== fingerprint || manifest.files.length !== paths.length) {
    if (manifest === undefined) removeCopy(cache, outDir);
    return undefined;
  }
  const folder = join(copyFolder(cache, outDir), 'data');
  const kept = new Map(manifest.files);
  const holds = (path: string) => {
    try {
      return sha256(readFileSync(join(folder, path))) === kept.get(path);
    } catch {
      return false;
    }
  };
  if (paths.every(holds)) return folder;
  removeCopy(cache, outDir);
  return undefined;
}

/** Removes the copy (a cache folder that cannot be changed keeps it: it is checked before every use). */
function removeCopy(cache: CacheFolder, outDir: string): void {
  try {
    rmSync(copyFolder(cache, outDir), { recursive: true, force: true });
  } catch {
    // not removable: left as it is
  }
}

/**
 * Keeps a copy of the search index in `indexDir` (the output folder's), made for the search
 * state `fingerprint`, with the files `paths`: nothing to do when the copy is of that
 * fingerprint already. The copy is updated in place: its manifest is removed first (a copy
 * without one is none), a file the copy already holds as a link to the same output file keeps
 * its checksum from the previous manifest (a build never changes an output file in place;
 * and every file is checked again before the copy is used), the others are linked and
 * hashed, files no longer in the index are removed, and the new manifest is written last.
 * When a file of the index cannot be read or the cache folder written, the copy is removed
 * and none is kept. Never throws: the copy only saves later work.
 */
export function keepSearchCopy(cache: CacheFolder, outDir: string, fingerprint: string, indexDir: string, paths: readonly string[]): void {
  const previous = readManifest(cache, outDir);
  if (previous?.fingerprint === fingerprint) return;
  const folder = copyFolder(cache, outDir);
  try {
    markCacheFolder(cache.dir);
    // (Without a manifest of its own the folder's files are unknown: it starts empty.)
    if (previous === undefined) rmSync(folder, { recursive: true, force: true });
    rmSync(join(folder, manifestName), { force: true });
    const checksums = new Map(previous?.files ?? []);
    const files: [string, string][] = [];
    const made = new Set<string>();
    for (const path of paths) {
      const from = join(indexDir, path);
      const to = join(folder, 'data', path);
      const source = statSync(from);
      const there = statSync(to, { throwIfNoEntry: false });
      const kept = checksums.get(path);
      if (kept !== undefined && there?.ino === source.ino && there.dev === source.dev) {
        files.push([path, kept]);
        continue;
      }
      if (!made.has(dirname(to))) {
        mkdirSync(dirname(to), { recursive: true });
        made.add(dirname(to));
      }
      if (there) rmSync(to);
      linkOrCopy(from, to);
      files.push([path, sha256(readFileSync(to))]);
    }
    const wanted = new Set(paths);
    for (const [path] of checksums) if (!wanted.has(path)) rmSync(join(folder, 'data', path), { force: true });
    const manifest: Manifest = { fingerprint, files };
    writeFileSync(join(folder, manifestName), seal(cache.secret, ['search', outDir], JSON.stringify(manifest)));
  } catch {
    // (An index file missing or unreadable, or the cache folder not writable: no copy is better than a wrong one.)
    removeCopy(cache, outDir);
  }
}

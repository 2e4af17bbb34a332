import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleSummary } from '../types.js';
import type { LoadResult } from '../load/load-post.js';
import type { LinkLookupRecord } from './article-cache.js';
import { sealLength, sealMac, unseal, type CacheFolder } from './seal.js';
import { markCacheFolder } from './cache-folder.js';

/**
 * What the previous build of one output folder knew, so the next one redoes only what
 * changed (`.cache/gazette/state/<output folder's hash>.json`; safe to delete, like the
 * whole cache). Three records, one per stage that is skipped on a rebuild:
 *
 * - files: each post file's size, times and inode with what loading it gave, so a file
 *   whose stat is unchanged is not read or parsed again;
 * - articles: each built post's article cache key, summary and link lookups, so the list
 *   pages need no article and a post page's HTML is read only if that page is rendered;
 * - outputs: each output file's fingerprint (a hash of everything its bytes depend on), so
 *   a page whose fingerprint is unchanged is neither rendered nor written.
 *
 * The state is removed before a build starts changing the output folder and written again
 * once it has finished, so a build killed half-way leaves none, and the next build trusts
 * nothing it recorded. The file is sealed (seal.ts): a state this machine did not write is
 * as if there were none.
 */

/** A post file's stat, as far as a rebuild compares it. */
export interface FileStat {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
}

/** What loading one post file gave, and the file as it was then. */
export interface FileRecord {
  readonly stat: FileStat;
  /** sha256 of the file's bytes. */
  readonly hash: string;
  /** The file's place in the archive (format, folder categories), which loading also used. */
  readonly place: string;
  readonly result: LoadResult;
  /**
   * True when the file changed so shortly before it was read that a later change could leave
   * the same stat (file systems with coarse timestamps): the next build reads it again.
   */
  readonly racy: boolean;
}

/** What the transform stage gave for one post, without the HTML (that stays in the article cache). */
export interface ArticleRecord {
  /** The article cache key: the post's bytes, URL and original URL, the settings and gazette's code. */
  readonly key: string;
  readonly summary: ArticleSummary;
  readonly lookups: readonly LinkLookupRecord[];
}

export interface BuildState {
  /** The loading context (config, templates there are, gazette's code) the file records hold for. */
  readonly loadKey: string;
  /**
   * When every post and list page of the build was built: a key of gazette's code, the config
   * and every template (a build with this key and the same file records has nothing to
   * render), and how many pages there are.
   */
  readonly pages?: { readonly key: string; readonly count: number } | undefined;
  readonly files: Readonly<Record<string, FileRecord>>;
  readonly articles: Readonly<Record<string, ArticleRecord>>;
  /** Output path → fingerprint of what was written there. */
  readonly outputs: Readonly<Record<string, string>>;
  /** The search index in the output folder: its fingerprint and its posts, by id. */
  readonly search?: SearchState | undefined;
}

/** Which post each id of the search index is, and what its postings were made from. */
export interface SearchState {
  /** The fingerprint recorded on the index's meta.json. */
  readonly fingerprint: string;
  /** gazette's code and the config it was made with (the terms and weights depend on the code). */
  readonly renderKey: string;
  /** `[source, article key, title]` by id (oldest post first). */
  readonly docs: readonly (readonly [source: string, key: string, title: string])[];
}

/** Bumped when the state's shape changes, so an old state is never misread. */
const stateVersion = 5;

/** sha256 of a JSON value, hex: how gazette fingerprints plain data. */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** Where the state of the build into `outDir` is kept. */
function stateFile(cacheDir: string, outDir: string): string {
  return join(cacheDir, 'state', `${hashOf(outDir).slice(0, 32)}.json`);
}

/**
 * The state file holds one JSON value per line: a header, then one line per record
 * (`["f", source, FileRecord]`, `["a", source, ArticleRecord]`, `["o", path, fingerprint]`),
 * so that neither writing nor reading it ever holds the whole state as one string (at
 * 100,000 posts it is a few hundred megabytes).
 */
type Line = ['f', string, FileRecord] | ['a', string, ArticleRecord] | ['o', string, string];

/** The previous build's state, or undefined when there is none (or it is unreadable, old or not sealed here). */
export async function readBuildState(cache: CacheFolder, outDir: string): Promise<BuildState | undefined> {
  let bytes: Buffer | undefined;
  try {
    bytes = unseal(cache.secret, ['state', outDir], await readFile(stateFile(cache.dir, outDir)));
  } catch {
    return undefined;
  }
  if (!bytes) return undefined;
  try {
    let start = bytes.indexOf(0x0a);
    const header = JSON.parse(bytes.toString('utf8', 0, start)) as { version: number; loadKey: string; pages?: BuildState['pages']; search?: SearchState };
    if (header.version !== stateVersion) return undefined;
    const files: Record<string, FileRecord> = {};
    const articles: Record<string, ArticleRecord> = {};
    const outputs: Record<string, string> = {};
    const tables = { f: files, a: articles, o: outputs } as Record<Line[0], Record<string, unknown>>;
    while (start !== -1 && start + 1 < bytes.length) {
      const end = bytes.indexOf(0x0a, start + 1);
      const [table, key, value] = JSON.parse(bytes.toString('utf8', start + 1, end === -1 ? bytes.length : end)) as Line;
      tables[table][key] = value;
      start = end;
    }
    return { loadKey: header.loadKey, pages: header.pages, files, articles, outputs, search: header.search };
  } catch {
    return undefined; // damaged: as if there were none
  }
}

/** Removes the state: from now on the output folder may differ from what it says. */
export async function forgetBuildState(cache: CacheFolder, outDir: string): Promise<void> {
  await rm(stateFile(cache.dir, outDir), { force: true });
}

/** Saves the state of a finished build (written aside and renamed: never half a file). */
export async function writeBuildState(cache: CacheFolder, outDir: string, state: BuildState): Promise<void> {
  const file = stateFile(cache.dir, outDir);
  markCacheFolder(cache.dir);
  await mkdir(join(file, '..'), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    // The seal is computed as the state is written, and written over this placeholder at the end.
    const mac = sealMac(cache.secret, ['state', outDir]);
    await handle.write(' '.repeat(sealLength - 1) + '\n');
    let chunk = `${JSON.stringify({ version: stateVersion, loadKey: state.loadKey, pages: state.pages, search: state.search })}\n`;
    const flush = async () => {
      mac.update(chunk);
      await handle.write(chunk);
      chunk = '';
    };
    const add = async (line: Line) => {
      chunk += `${JSON.stringify(line)}\n`;
      if (chunk.length > 1 << 20) await flush();
    };
    for (const [source, record] of Object.entries(state.files)) await add(['f', source, record]);
    for (const [source, record] of Object.entries(state.articles)) await add(['a', source, record]);
    for (const [path, fingerprint] of Object.entries(state.outputs)) await add(['o', path, fingerprint]);
    await flush();
    await handle.write(mac.digest('hex'), 0);
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

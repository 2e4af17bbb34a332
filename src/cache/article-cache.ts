import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../types.js';
import type { TransformTask } from '../transform/transform-post.js';
import { hashOf } from './build-state.js';

/**
 * The persistent article cache (`.cache/gazette/articles/`): a post's article HTML and
 * metadata, keyed on the post file's bytes, its URL and original URL, the settings the
 * transform uses and gazette's own code. Links to other archived posts depend on the whole
 * archive, so each entry also records every link lookup its article made (href → archived
 * page or none, and whether the href is on one of the archive's news sites); an entry is
 * used only if the archive answers every one of them the same way now. Safe to delete.
 */

/** One link lookup an article made: the href, the archived page it led to (or null), whether it was on a source site. */
export type LinkLookupRecord = readonly [href: string, archived: string | null, sourceSite: boolean];

export interface CacheEntry {
  readonly article: Article;
  readonly lookups: readonly LinkLookupRecord[];
}

/** How the archive answers a link lookup now. */
export type LinkAnswers = (href: string) => { archived: string | null; sourceSite: boolean };

/** True when the archive answers every recorded lookup as it did when the article was made. */
export function lookupsHold(lookups: readonly LinkLookupRecord[], answers: LinkAnswers): boolean {
  return lookups.every(([href, archived, sourceSite]) => {
    const now = answers(href);
    return now.archived === archived && now.sourceSite === sourceSite;
  });
}

export interface ArticleCache {
  /** The entry's key for a post: changes whenever the article could. */
  key(task: TransformTask): string;
  /** The entry under `key`, if there is one (whether its lookups still hold is the caller's question). */
  read(key: string): Promise<CacheEntry | undefined>;
  write(key: string, entry: CacheEntry): Promise<void>;
}

/**
 * Opens the cache in `dir`. `salt` must change whenever what a transform produces could:
 * the settings it uses and gazette's code (see codeId).
 */
export function openArticleCache(dir: string, salt: string): ArticleCache {
  const folder = join(dir, 'articles');
  const fileOf = (key: string) => join(folder, key.slice(0, 2), `${key}.json`);
  return {
    key: (task) => hashOf([salt, task.hash, task.url, task.from ?? null, task.format, task.encoding]),
    async read(key) {
      try {
        return JSON.parse(await readFile(fileOf(key), 'utf8')) as CacheEntry;
      } catch {
        return undefined; // missing or unreadable: a miss, never an error
      }
    },
    async write(key, entry) {
      const file = fileOf(key);
      await mkdir(join(file, '..'), { recursive: true });
      // Written aside and renamed, so a killed build never leaves half an entry.
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(entry));
      await rename(temporary, file);
    },
  };
}

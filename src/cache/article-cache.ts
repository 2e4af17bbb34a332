import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../types.js';
import type { TransformTask } from '../transform/transform-post.js';

/**
 * The persistent article cache (`.cache/gazette/`): a post's article HTML and metadata,
 * keyed on the post file's bytes, its URL and original URL, the settings the transform
 * uses and gazette's own code. Links to other archived posts depend on the whole archive,
 * so each entry also records every link lookup its article made (href → archived page or
 * none, and whether the href is on one of the archive's news sites); an entry is used only
 * if the archive answers every one of them the same way now. Safe to delete at any time.
 */

/** One link lookup an article made: the href, the archived page it led to (or null), whether it was on a source site. */
export type LinkLookupRecord = readonly [href: string, archived: string | null, sourceSite: boolean];

export interface CacheEntry {
  readonly article: Article;
  readonly lookups: readonly LinkLookupRecord[];
}

export interface ArticleCache {
  /** The cached article, if there is one and every link lookup it made still answers the same. */
  get(task: TransformTask, answers: (href: string) => { archived: string | null; sourceSite: boolean }): Promise<Article | undefined>;
  set(task: TransformTask, entry: CacheEntry): Promise<void>;
}

/**
 * Opens the cache in `dir`. `salt` must change whenever what a transform produces could:
 * the settings it uses and gazette's code (see codeId).
 */
export function openArticleCache(dir: string, salt: string): ArticleCache {
  const folder = join(dir, 'articles');
  const keyOf = (task: TransformTask) => createHash('sha256').update(JSON.stringify([salt, task.hash, task.url, task.from ?? null, task.format, task.encoding])).digest('hex');
  const fileOf = (key: string) => join(folder, key.slice(0, 2), `${key}.json`);
  return {
    async get(task, answers) {
      let entry: CacheEntry;
      try {
        entry = JSON.parse(await readFile(fileOf(keyOf(task)), 'utf8')) as CacheEntry;
      } catch {
        return undefined; // missing or unreadable: a miss, never an error
      }
      const valid = entry.lookups.every(([href, archived, sourceSite]) => {
        const now = answers(href);
        return now.archived === archived && now.sourceSite === sourceSite;
      });
      return valid ? entry.article : undefined;
    },
    async set(task, entry) {
      const file = fileOf(keyOf(task));
      await mkdir(join(file, '..'), { recursive: true });
      // Written aside and renamed, so a killed build never leaves half an entry.
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(entry));
      await rename(temporary, file);
    },
  };
}

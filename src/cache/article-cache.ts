import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { join } from 'node:path';
import type { Article, ArticleSummary } from '../types.js';
import type { TransformTask } from '../transform/transform-post.js';
import { bodyTerms, type BodyTerms } from '../search/search-index.js';
import { hashOf } from './build-state.js';
import { seal, unseal, type CacheFolder } from './seal.js';
import { markCacheFolder } from './cache-folder.js';

/**
 * The persistent article cache (`.cache/gazette/articles/`): a post's article HTML and
 * metadata, keyed on the post file's bytes, its URL, original URL and title, the settings the
 * transform uses and gazette's own code. Links to other archived posts depend on the whole
 * archive, so each entry also records every link lookup its article made (href → archived
 * page or none, and whether the href is on one of the archive's news sites); an entry is
 * used only if the archive answers every one of them the same way now. Safe to delete.
 * An entry is sealed (seal.ts): one this machine did not write is a miss. Entries are
 * written by the threads that make the articles (post-work.ts).
 */

/** One link lookup an article made: the href, the archived page it led to (or null), whether it was on a source site. */
export type LinkLookupRecord = readonly [href: string, archived: string | null, sourceSite: boolean];

/**
 * An entry: the article without its plain text (which only the search index needs, and it
 * needs only its terms), the link lookups it made, and the weights of its text's search
 * terms when the site has a search page.
 */
export interface CacheEntry {
  readonly article: Omit<Article, 'text'>;
  readonly lookups: readonly LinkLookupRecord[];
  readonly terms?: BodyTerms | undefined;
}

/** A cached article split into what pages need (HTML) and what the build state keeps (the summary). */
export function articleParts(article: Omit<Article, 'text'>): { html: string; summary: ArticleSummary } {
  const { html, ...summary } = article;
  return { html, summary };
}

/** A transformed article as the cache keeps it: its text's search terms (when `normalise` is given: the site has a search page) in place of the text. */
export function cacheEntry({ article, lookups }: { readonly article: Article; readonly lookups: readonly LinkLookupRecord[] }, normalise: ((text: string) => string) | undefined): CacheEntry {
  const { text, ...kept } = article;
  return { article: kept, lookups, terms: normalise ? bodyTerms(normalise, text) : undefined };
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
  /** Writes the entry. */
  write(key: string, entry: CacheEntry): Promise<void>;
  /** True when the cache holds any entry (a cold build's has none: nothing to look for). */
  hasEntries(): boolean;
}

/**
 * Opens the cache in `cache.dir`. `salt` must change whenever what a transform produces could:
 * the settings it uses and gazette's code (see codeId).
 */
export function openArticleCache(cache: CacheFolder, salt: string): ArticleCache {
  const { secret } = cache;
  markCacheFolder(cache.dir);
  const folder = join(cache.dir, 'articles');
  const fileOf = (key: string) => join(folder, key.slice(0, 2), `${key}.json`);
  /** The entry folders this thread has made (one per first two hex digits of a key). */
  const made = new Set<string>();
  return {
    key: (task) => hashOf([salt, task.hash, task.url, task.from ?? null, task.title, task.format, task.encoding]),
    // (Synchronous file operations: entries are read and written on the pool's threads, which
    // have nothing else to do meanwhile; through the thread pool each cost several times more.)
    async read(key) {
      try {
        const body = unseal(secret, ['article', key], readFileSync(fileOf(key)));
        return body && (JSON.parse(body.toString('utf8')) as CacheEntry);
      } catch {
        return undefined; // missing or unreadable: a miss, never an error (so is one not sealed here)
      }
    },
    hasEntries: () => existsSync(folder),
    async write(key, entry) {
      const file = fileOf(key);
      const parent = join(file, '..');
      if (!made.has(parent)) {
        mkdirSync(parent, { recursive: true });
        made.add(parent);
      }
      // Written aside and renamed, so a killed build never leaves half an entry.
      writeAtomically(file, seal(secret, ['article', key], JSON.stringify(entry)));
    },
  };
}

function writeAtomically(file: string, contents: string): void {
  // (Named by process and thread: the pool's threads write entries at once.)
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

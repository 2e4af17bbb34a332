import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { articleParts, cacheEntry, lookupsHold, openArticleCache, type LinkAnswers } from '../cache/article-cache.js';
import type { ArticleRecord } from '../cache/build-state.js';
import type { CacheFolder } from '../cache/seal.js';
import type { SiteConfig } from '../config.js';
import { createRenderer } from '../render/environment.js';
import { renderDiagnostic } from '../render/render-diagnostic.js';
import { completePostPage, renderPage, type PageJob } from '../render/render-pages.js';
import { searchNormalizer, type BodyTerms } from '../search/search-index.js';
import { linkLookup } from '../site/link-table.js';
import type { Diagnostic } from '../types.js';
import { transformPost, type TransformTask } from './transform-post.js';
import { processorFor, type TransformSetup } from './transformer.js';

/**
 * All the work of one post after loading, done on whichever thread runs it (a worker of the
 * pool, or the main thread for a small archive): its article from the cache or made anew
 * (and then cached), the weights of its search terms, and its page rendered. The main thread
 * plans (which posts, which pages) and writes; what crosses between threads is plain data.
 */

/** What a thread needs to do posts' work: plain data, sent to each worker once. */
export interface PostWorkSetup {
  readonly transform: TransformSetup;
  /** The article cache (its folder, this user's secret, the key's salt); none with --no-cache. */
  readonly cache?: { readonly folder: CacheFolder; readonly salt: string } | undefined;
  /** How post pages are rendered: the templates and the config. */
  readonly render: { readonly templatesDir: string; readonly config: SiteConfig; readonly cwd: string };
  /** True when the site has a search page: articles come with their search terms. */
  readonly search: boolean;
}

/** One post's work. */
export interface PostTask {
  readonly task: TransformTask;
  /** Its article's cache key. */
  readonly key: string;
  /** Look in the cache first; false when the build knows the article is new (no cache entry can hold it). */
  readonly probe: boolean;
  /** Its page, to be rendered with the article (completePostPage adds what depends on the article); none: no page wanted. */
  readonly page?: PageJob | undefined;
  /** Where to write the page (a first build writes its files in place: OutputWriter.target); none: the page comes back. */
  readonly target?: string | undefined;
  /** Its search terms are wanted. */
  readonly terms: boolean;
  /** Its article's HTML is wanted (a feed's entry). */
  readonly article: boolean;
}

/** A list page (or any page without an article) to render: its job, and the template file its errors are reported on. */
export interface PageTask {
  readonly render: PageJob;
  readonly source: string;
  /** Where to write it (see PostTask.target). */
  readonly target?: string | undefined;
}

/** A rendered page (none: written to its target), or why it could not be. */
export type PageOutcome = { readonly html?: string | undefined } | { readonly diagnostic: Diagnostic };

/** What a pool thread is given: a post's work or a page to render. */
export type PoolTask = PostTask | PageTask;
export type PoolOutcome = PostOutcome | PageOutcome;

/** What one post's work gave: its article's record, its page and its terms when asked for; or why it cannot be built. */
export type PostOutcome =
  | { readonly record: ArticleRecord; readonly transformed: boolean; readonly html?: string | undefined; readonly terms?: BodyTerms | undefined; readonly article?: string | undefined }
  | { readonly diagnostic: Diagnostic; readonly transformed: boolean };

/**
 * Writes a page to its target when it has one: undefined once written (the HTML need not
 * cross to the main thread), else the HTML (no target, or it could not be written there: the
 * main thread writes it, and reports a failure).
 */
function written(html: string, target: string | undefined): string | undefined {
  if (target === undefined) return html;
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, html);
    return undefined;
  } catch {
    return html;
  }
}

/** Prepares a thread for posts' work (its article processor, cache, templates, tokeniser) and gives the function that does a task. */
export function postWorker(setup: PostWorkSetup): (task: PoolTask) => Promise<PoolOutcome> {
  // (One lookup of the archive's links for the processor and the cache's checks: at 100,000 posts each copy is tens of megabytes.)
  const lookup = linkLookup(setup.transform.links);
  const transform = processorFor(setup.transform, lookup);
  const cache = setup.cache && openArticleCache(setup.cache.folder, setup.cache.salt);
  const { templatesDir, config, cwd } = setup.render;
  const renderer = createRenderer(templatesDir, config, cwd);
  const normalise = setup.search ? searchNormalizer() : undefined;
  const answers: LinkAnswers = (href) => ({ archived: lookup.archivedUrl(href) ?? null, sourceSite: lookup.isSourceSite(href) });

  const page = ({ render, source, target }: PageTask): PageOutcome => {
    try {
      return { html: written(renderPage(render, renderer), target) };
    } catch (error) {
      return { diagnostic: renderDiagnostic(source, error) };
    }
  };
  return async (work) => {
    if ('render' in work) return page(work);
    const { task, key } = work;
    let entry = work.probe ? await cache?.read(key) : undefined;
    // (An entry made without terms, before the site had a search page, is made again when they are wanted.)
    if (entry && (!lookupsHold(entry.lookups, answers) || (work.terms && !entry.terms))) entry = undefined;
    let transformed = false;
    if (!entry) {
      const outcome = await transformPost(transform, task);
      if ('diagnostic' in outcome) return { diagnostic: outcome.diagnostic, transformed: true };
      transformed = true;
      entry = cacheEntry(outcome, normalise);
      await cache?.write(key, entry);
    }
    const { html, summary } = articleParts(entry.article);
    const record: ArticleRecord = { key, summary, lookups: entry.lookups };
    const terms = work.terms ? entry.terms : undefined;
    if (!work.page) return { record, transformed, terms, article: work.article ? html : undefined };
    try {
      return { record, transformed, terms, html: written(renderPage(completePostPage(work.page, summary), renderer, html), work.target) };
    } catch (error) {
      return { diagnostic: renderDiagnostic(task.source, error), transformed };
    }
  };
}

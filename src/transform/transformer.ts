import { linkLookup, type LinkLookup, type LinkTable } from '../site/link-table.js';
import { workerPool, workersFor } from '../worker-pool.js';
import type { LinkLookupRecord } from '../cache/article-cache.js';
import type { Article } from '../types.js';
import { createArticleProcessor, type ArticleInput, type ArticleProcessorOptions } from './article-processor.js';
import { transformPost, type TransformOutcome, type TransformTask } from './transform-post.js';

/** Where posts are transformed (`gazette dev`'s quick updates): in this thread, or on worker threads that share the cores. */
export interface Transformer {
  run(task: TransformTask): Promise<TransformOutcome>;
  close(): Promise<void>;
}

/** Everything a worker needs to build its own article processor: plain data. */
export interface TransformSetup extends Omit<ArticleProcessorOptions, 'archivedUrl' | 'isSourceSite'> {
  readonly links: LinkTable;
}

/**
 * Builds the article processor a setup describes (in this thread or in a worker). It also
 * records every link lookup an article makes, for the cache: an article that linked to a
 * post the archive did not hold must be redone once the archive holds it.
 */
export function processorFor(setup: TransformSetup, lookup: LinkLookup = linkLookup(setup.links)): (input: ArticleInput) => { article: Article; lookups: LinkLookupRecord[] } {
  const { links: _links, ...options } = setup;
  let lookups: LinkLookupRecord[] = [];
  const transform = createArticleProcessor({
    ...options,
    archivedUrl(href) {
      const archived = lookup.archivedUrl(href);
      lookups.push([href, archived ?? null, lookup.isSourceSite(href)]);
      return archived;
    },
    isSourceSite: lookup.isSourceSite,
  });
  return (input) => {
    lookups = [];
    const article = transform(input);
    return { article, lookups };
  };
}

/**
 * A transformer for `posts` posts: one worker per core when there is enough work (`threads`
 * overrides), else this thread.
 */
export function createTransformer(setup: TransformSetup, posts: number, threads?: number): Transformer {
  const workers = workersFor(posts, threads);
  if (workers <= 1) {
    const transform = processorFor(setup);
    return { run: (task) => transformPost(transform, task), close: async () => {} };
  }
  return workerPool<TransformTask, TransformOutcome>(new URL('./transform-worker.js', import.meta.url), setup, workers);
}

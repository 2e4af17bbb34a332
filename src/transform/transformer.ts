import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { linkLookup, type LinkTable } from '../site/link-table.js';
import { createArticleProcessor, type ArticleProcessorOptions } from './article-processor.js';
import { transformPost, type TransformOutcome, type TransformTask } from './transform-post.js';

/**
 * Where posts are transformed: in this thread, or on worker threads that share the cores
 * (the main thread then only plans, renders and writes). gazette's only piscina user.
 */
export interface Transformer {
  run(task: TransformTask): Promise<TransformOutcome>;
  /** How many posts are worth having in flight at once. */
  readonly concurrency: number;
  close(): Promise<void>;
}

/** Everything a worker needs to build its own article processor: plain data. */
export interface TransformSetup extends Omit<ArticleProcessorOptions, 'archivedUrl' | 'isSourceSite'> {
  readonly links: LinkTable;
}

/** Builds the article processor a setup describes (in this thread or in a worker). */
export function processorFor(setup: TransformSetup) {
  const { links, ...options } = setup;
  return createArticleProcessor({ ...options, ...linkLookup(links) });
}

/** Posts per worker below which starting workers costs more than it saves. */
const postsPerWorker = 100;

/**
 * A transformer for `posts` posts: one worker per core when there is enough work (`threads`
 * overrides), else this thread.
 */
export function createTransformer(setup: TransformSetup, posts: number, threads?: number): Transformer {
  const workers = threads ?? Math.min(availableParallelism(), Math.floor(posts / postsPerWorker));
  if (workers <= 1) {
    const transform = processorFor(setup);
    return { run: (task) => transformPost(transform, task), concurrency: 1, close: async () => {} };
  }
  const pool = new Piscina({
    filename: new URL('./transform-worker.js', import.meta.url).href,
    workerData: setup,
    minThreads: workers,
    maxThreads: workers,
  });
  return {
    run: (task) => pool.run(task) as Promise<TransformOutcome>,
    concurrency: workers * 4,
    close: () => pool.destroy(),
  };
}

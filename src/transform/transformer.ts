import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { linkLookup, type LinkTable } from '../site/link-table.js';
import type { LinkLookupRecord } from '../cache/article-cache.js';
import type { Article } from '../types.js';
import { createArticleProcessor, type ArticleInput, type ArticleProcessorOptions } from './article-processor.js';
import { transformPost, type TransformOutcome, type TransformTask } from './transform-post.js';
import type { PostOutcome, PostTask, PostWorkSetup } from './post-work.js';

/**
 * Where posts are transformed: in this thread, or on worker threads that share the cores
 * (the main thread then only plans, renders and writes). gazette's only piscina user.
 */
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
export function processorFor(setup: TransformSetup): (input: ArticleInput) => { article: Article; lookups: LinkLookupRecord[] } {
  const { links, ...options } = setup;
  const lookup = linkLookup(links);
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

/** Posts per worker below which starting workers costs more than it saves. */
const postsPerWorker = 100;

/** Tasks a worker is given at once (see pool). */
export const tasksPerWorker = 3;

/** Worker threads for `posts` posts: one per core when there is enough work (`threads` overrides); 0 or 1: none. */
function workersFor(posts: number, threads: number | undefined): number {
  return threads ?? Math.min(availableParallelism(), Math.floor(posts / postsPerWorker));
}

/** A pool of `workers` threads running `module`'s default export, each set up with `setup`. */
function pool<Task, Outcome>(module: string, setup: unknown, workers: number): { run(task: Task): Promise<Outcome>; close(): Promise<void> } {
  // A few tasks per worker at once: while one waits for a file (its post, its cache entry), another runs.
  const piscina = new Piscina({ filename: new URL(module, import.meta.url).href, workerData: setup, minThreads: workers, maxThreads: workers, concurrentTasksPerWorker: tasksPerWorker });
  return { run: (task) => piscina.run(task) as Promise<Outcome>, close: () => piscina.destroy() };
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
  return pool<TransformTask, TransformOutcome>('./transform-worker.js', setup, workers);
}

/** Where posts' work (post-work.ts) is done: on worker threads that share the cores, or in this thread. */
export interface PostPool {
  run(work: PostTask): Promise<PostOutcome>;
  close(): Promise<void>;
}

/** A pool for `posts` posts' work: one worker per core when there is enough (`threads` overrides), else this thread. */
export async function createPostPool(setup: PostWorkSetup, posts: number, threads?: number): Promise<PostPool> {
  const workers = workersFor(posts, threads);
  if (workers <= 1) {
    const { postWorker } = await import('./post-work.js');
    return { run: postWorker(setup), close: async () => {} };
  }
  return pool<PostTask, PostOutcome>('./post-worker.js', setup, workers);
}

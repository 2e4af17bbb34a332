import { workerPool, workersFor, type WorkerPool } from '../worker-pool.js';
import type { PageOutcome, PageTask, PoolOutcome, PoolTask, PostOutcome, PostTask, PostWorkSetup } from './post-work.js';

/** Where posts' work and pages (post-work.ts) are done: on worker threads that share the cores, or in this thread. */
export interface PostPool {
  post(task: PostTask): Promise<PostOutcome>;
  page(task: PageTask): Promise<PageOutcome>;
  close(): Promise<void>;
}

/**
 * A pool for `posts` posts' work: one worker per core when there is enough (`threads`
 * overrides), else this thread. The worker threads start at once (this module loads none of
 * the article pipeline: they load it themselves, while the caller goes on); the pipeline is
 * loaded here only for work in this thread.
 */
export function createPostPool(setup: PostWorkSetup, posts: number, threads?: number): Promise<PostPool> {
  const workers = workersFor(posts, threads);
  const poolOf = (pool: WorkerPool<PoolTask, PoolOutcome>): PostPool => ({
    post: (task) => pool.run(task) as Promise<PostOutcome>,
    page: (task) => pool.run(task) as Promise<PageOutcome>,
    close: () => pool.close(),
  });
  if (workers > 1) return Promise.resolve(poolOf(workerPool<PoolTask, PoolOutcome>(new URL('./post-worker.js', import.meta.url), setup, workers)));
  return import('./post-work.js').then(({ postWorker }) => poolOf({ run: postWorker(setup), close: async () => {} }));
}

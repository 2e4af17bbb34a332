import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';

/**
 * gazette's worker threads (piscina is used here alone): the stages that work post by post
 * (loading, post-work.ts) run on a pool of threads sharing the cores, while the main thread
 * plans, merges and writes. Each task and its result are plain data.
 */

/** Posts per worker below which starting workers costs more than it saves. */
const postsPerWorker = 100;

/** Tasks a worker is given at once: while one waits for a file (its post, its cache entry), another runs. */
const tasksPerWorker = 3;

/** Worker threads for `posts` posts: one per core when there is enough work (`threads` overrides); 0 or 1: none, work in this thread. */
export function workersFor(posts: number, threads: number | undefined): number {
  return threads ?? Math.min(availableParallelism(), Math.floor(posts / postsPerWorker));
}

/** Tasks to keep in flight so that `threads` workers (or this thread) are never without one. */
export function tasksInFlight(threads: number | undefined): number {
  return (tasksPerWorker + 1) * Math.max(1, threads ?? availableParallelism());
}

export interface WorkerPool<Task, Outcome> {
  run(task: Task): Promise<Outcome>;
  close(): Promise<void>;
}

/** A pool of `workers` threads running the default export of `module` (a URL), each set up with `setup` (its workerData). */
export function workerPool<Task, Outcome>(module: URL, setup: unknown, workers: number): WorkerPool<Task, Outcome> {
  const piscina = new Piscina({ filename: module.href, workerData: setup, minThreads: workers, maxThreads: workers, concurrentTasksPerWorker: tasksPerWorker });
  return { run: (task) => piscina.run(task) as Promise<Outcome>, close: () => piscina.destroy() };
}

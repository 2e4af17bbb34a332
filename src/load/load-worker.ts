import { workerData } from 'node:worker_threads';
import { loadContext, readPost, type LoadSetup, type ReadOutcome, type ReadTask } from './read-post.js';

/** A worker thread of the load pool: reads and loads the batches of post files it is given. */
const context = loadContext(workerData as LoadSetup);

export default function run(batch: readonly ReadTask[]): Promise<ReadOutcome[]> {
  return Promise.all(batch.map((task) => readPost(task, context)));
}

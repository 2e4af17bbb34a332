import { workerData } from 'node:worker_threads';
import { postWorker, type PoolOutcome, type PoolTask, type PostWorkSetup } from './post-work.js';

/** A worker thread of the post pool: sets up once (post-work.ts), then does the posts and pages it is given. */
const work = postWorker(workerData as PostWorkSetup);

export default function run(task: PoolTask): Promise<PoolOutcome> {
  return work(task);
}

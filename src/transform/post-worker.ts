import { workerData } from 'node:worker_threads';
import { postWorker, type PostOutcome, type PostTask, type PostWorkSetup } from './post-work.js';

/** A worker thread of the post pool: sets up once (post-work.ts), then does the posts it is given. */
const work = postWorker(workerData as PostWorkSetup);

export default function run(task: PostTask): Promise<PostOutcome> {
  return work(task);
}

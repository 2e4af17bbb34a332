import { workerData } from 'node:worker_threads';
import { transformPost, type TransformOutcome, type TransformTask } from './transform-post.js';
import { processorFor, type TransformSetup } from './transformer.js';

/** A worker thread: builds its article processor once, then transforms the posts it is given. */
const transform = processorFor(workerData as TransformSetup);

export default function run(task: TransformTask): Promise<TransformOutcome> {
  return transformPost(transform, task);
}

import { workerData } from 'node:worker_threads';
import { transformPost } from './transform-post.js';
import { processorFor } from './transformer.js';
/** A worker thread: builds its article processor once, then transforms the posts it is given. */
const transform = processorFor(workerData);
export default function run(task) {
    return transformPost(transform, task);
}
//# sourceMappingURL=transform-worker.js.map
import { GazetteError, toDiagnostic } from '../errors.js';
import { readBody } from './read-body.js';
export function transformTask(post) {
    const { source, path, encoding, hash, bodyOffset, bodyLine, format, url, from } = post;
    return { source, path, encoding, hash, bodyOffset, bodyLine, format, url, ...(from !== undefined ? { from } : {}) };
}
/** Reads a post's body and transforms it; never throws. */
export async function transformPost(transform, task) {
    try {
        const body = await readBody(task);
        try {
            return transform({ format: task.format, body, url: task.url, from: task.from });
        }
        catch (error) {
            // The one way a hostile body exhausts the pipeline: HTML nested thousands of levels deep.
            if (error instanceof RangeError && /call stack/i.test(error.message)) {
                throw new GazetteError(task.source, "the article's HTML is nested too deeply to process (thousands of levels)", { line: task.bodyLine, hint: 'flatten the markup', cause: error });
            }
            throw error;
        }
    }
    catch (error) {
        return { diagnostic: toDiagnostic(task.source, error) };
    }
}
//# sourceMappingURL=transform-post.js.map
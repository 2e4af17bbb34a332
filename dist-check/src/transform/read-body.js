import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { GazetteError } from '../errors.js';
import { decodeAs } from '../load/decode.js';
/**
 * Reads a post's body again at transform time, so bodies are not held in memory for the
 * whole build. The file must be the one that was loaded: if it changed in between, the
 * post fails rather than mixing old metadata with a new body.
 */
export async function readBody(post) {
    const bytes = await readFile(post.path);
    if (createHash('sha256').update(bytes).digest('hex') !== post.hash) {
        throw new GazetteError(post.source, 'the file changed during the build', { hint: 'build again' });
    }
    return decodeAs(bytes, post.encoding).slice(post.bodyOffset);
}
//# sourceMappingURL=read-body.js.map
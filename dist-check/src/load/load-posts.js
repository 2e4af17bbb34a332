import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { diagnostic } from '../errors.js';
import pMap from 'p-map';
import { findPosts } from './find-posts.js';
/** Files read at once: enough to hide the file system's latency, few enough to stay light. */
const readConcurrency = 16;
/** A file changed less than this before the build started may change again with the same stat. */
const racyWindowMs = 2000;
/**
 * Loads every post. With the previous build's file records, a file whose size, times and
 * inode are unchanged is not read again, and one whose bytes are unchanged is not parsed
 * again: its recorded result is used. Results that depend on the clock (a post skipped for
 * its future date) are never reused.
 */
export async function loadPosts(postsDir, outDir, cwd, context, previous = {}) {
    const found = await findPosts(postsDir, cwd, [outDir]);
    let parsed = 0;
    const loadOne = async (file) => {
        const cantRead = (error) => ({ result: { diagnostics: [diagnostic('error', file.source, `cannot read the file: ${error.message}`)] } });
        const place = JSON.stringify([file.format, file.folderCategories]);
        const known = previous[file.source];
        const reusable = known && known.place === place && known.result.skipped?.reason !== 'future date' ? known : undefined;
        let info;
        try {
            // (Synchronous: a stat is a few microseconds, and a rebuild stats every post.)
            const s = statSync(file.path);
            info = { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
        }
        catch (error) {
            return cantRead(error);
        }
        const racy = isRacy(info, context.now);
        // (The record itself when nothing about it changed, so the build can tell its state is unchanged.)
        if (reusable && !reusable.racy && sameStat(reusable.stat, info))
            return { result: reusable.result, record: racy ? { ...reusable, racy } : reusable };
        let bytes;
        try {
            bytes = await readFile(file.path);
        }
        catch (error) {
            return cantRead(error);
        }
        const hashOf = () => createHash('sha256').update(bytes).digest('hex');
        // A file that was only touched: same bytes, same result.
        const hash = reusable ? hashOf() : undefined;
        if (reusable && reusable.hash === hash)
            return { result: reusable.result, record: { ...reusable, stat: info, racy } };
        parsed++;
        // Loaded on demand: a rebuild with nothing new to parse does not load YAML, luxon and chardet.
        const { loadPost } = await import('./load-post.js');
        const result = loadPost(file, bytes, context);
        // (A post carries the hash of its bytes already: not hashed twice.)
        return { result, record: { stat: info, hash: hash ?? result.post?.hash ?? hashOf(), place, result, racy } };
    };
    // Reads overlap (many small files); results keep the files' order.
    const loaded = await pMap(found.files, loadOne, { concurrency: readConcurrency });
    const posts = [];
    const skipped = [];
    const diagnostics = [...found.diagnostics];
    const files = {};
    for (const [i, { result, record }] of loaded.entries()) {
        if (result.post)
            posts.push(result.post);
        if (result.skipped)
            skipped.push(result.skipped);
        diagnostics.push(...result.diagnostics);
        if (record)
            files[found.files[i].source] = record;
    }
    return { posts, skipped, diagnostics, files, parsed };
}
/** True for a file changed so shortly before `now` that a later change could leave the same stat. */
export function isRacy(info, now) {
    return info.mtimeMs >= now - racyWindowMs;
}
function sameStat(a, b) {
    return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}
//# sourceMappingURL=load-posts.js.map
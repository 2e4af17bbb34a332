import { readdir } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { diagnostic } from '../errors.js';
const formats = { '.md': 'markdown', '.markdown': 'markdown', '.html': 'html' };
/** Folders that hold other tools' files, never posts (Jekyll skips them too). */
const ignoredFolders = new Set(['node_modules', 'vendor']);
/**
 * Every `.md`, `.markdown` and `.html` file under `root`, recursively, sorted by path.
 * If the folder is a Jekyll site (it has `_posts` folders), only files inside `_posts`
 * folders are posts, and the folders above each `_posts` are its categories. Hidden
 * files and folders, `node_modules`, `vendor` and the `exclude`d folders (the output
 * folder, when it lies inside) are skipped; symbolic links are not followed (reported
 * as warnings).
 */
export async function findPosts(root, cwd, exclude = []) {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    const diagnostics = [];
    const candidates = [];
    for (const entry of entries) {
        const abs = join(entry.parentPath, entry.name);
        const rel = relative(root, abs);
        if (rel.split(sep).some((part) => part.startsWith('.') || ignoredFolders.has(part)))
            continue;
        if (exclude.some((dir) => abs === dir || abs.startsWith(dir + sep)))
            continue;
        if (entry.isSymbolicLink()) {
            diagnostics.push(diagnostic('warning', relative(cwd, abs), 'symbolic link not followed', { hint: 'posts must be real files inside the posts folder' }));
            continue;
        }
        if (entry.isFile() && formats[extname(entry.name).toLowerCase()])
            candidates.push({ rel, abs });
    }
    const isJekyllSite = candidates.some((c) => c.rel.split(sep).includes('_posts'));
    const files = [];
    for (const { rel, abs } of candidates) {
        const parts = rel.split(sep);
        const postsAt = parts.lastIndexOf('_posts');
        if (isJekyllSite && postsAt === -1)
            continue;
        files.push({
            source: relative(cwd, abs),
            path: abs,
            format: formats[extname(abs).toLowerCase()],
            folderCategories: isJekyllSite ? parts.slice(0, postsAt).filter((p) => !p.startsWith('_')) : [],
        });
    }
    files.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    return { files, diagnostics };
}
//# sourceMappingURL=find-posts.js.map
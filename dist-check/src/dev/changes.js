import { extname, relative, sep } from 'node:path';
const postExtensions = new Set(['.md', '.markdown', '.html']);
/** True when `path` is `folder` or inside it. */
function within(path, folder) {
    return path === folder || path.startsWith(folder + sep);
}
/** True when a path below `root` has a hidden part (`.git`, `.#draft.md`, editors' swap files). */
function hidden(path, root) {
    return relative(root, path)
        .split(sep)
        .some((part) => part.startsWith('.'));
}
/**
 * Reduces a burst of events to its net effect per path (an editor's atomic save, unlink
 * then add, is a change; a file added and removed again is nothing) and sorts the paths by
 * what they are: the config, a template, a post, a public file, or nothing gazette reads.
 */
export function collectChanges(events, paths) {
    const first = new Map();
    const last = new Map();
    for (const event of events) {
        if (!first.has(event.path))
            first.set(event.path, event.kind);
        last.set(event.path, event.kind);
    }
    let config = false;
    let templates = false;
    let postsAddedOrRemoved = false;
    let publicFolders = false;
    const postsEdited = [];
    const publicFiles = [];
    for (const [path, lastKind] of last) {
        const firstKind = first.get(path);
        const existedBefore = firstKind === 'change' || firstKind === 'unlink' || firstKind === 'unlinkDir';
        const existsAfter = lastKind !== 'unlink' && lastKind !== 'unlinkDir';
        if (!existedBefore && !existsAfter)
            continue; // came and went within the burst
        if (within(path, paths.outDir) || within(path, paths.cacheDir) || /\.gazette-staging(\/|$)/.test(path))
            continue;
        if (paths.configFile !== undefined && path === paths.configFile) {
            config = true;
        }
        else if (within(path, paths.templatesDir)) {
            templates = true;
        }
        else if (paths.publicDir !== undefined && within(path, paths.publicDir)) {
            if (lastKind === 'addDir' || lastKind === 'unlinkDir' || firstKind === 'addDir' || firstKind === 'unlinkDir')
                publicFolders = true;
            else
                publicFiles.push(path);
        }
        else if (within(path, paths.postsDir) && !hidden(path, paths.postsDir)) {
            const isFolder = firstKind === 'addDir' || firstKind === 'unlinkDir' || lastKind === 'addDir' || lastKind === 'unlinkDir';
            if (isFolder) {
                if (existedBefore !== existsAfter)
                    postsAddedOrRemoved = true;
            }
            else if (postExtensions.has(extname(path).toLowerCase())) {
                if (existedBefore && existsAfter)
                    postsEdited.push(path);
                else
                    postsAddedOrRemoved = true;
            }
        }
    }
    return { config, templates, postsEdited: postsEdited.sort(), postsAddedOrRemoved, publicFiles: publicFiles.sort(), publicFolders };
}
/** The plan for a change set: the narrowest kind of update that is still exact. */
export function planUpdate(changes) {
    if (changes.config)
        return { kind: 'config' };
    const posts = changes.postsEdited.length > 0 || changes.postsAddedOrRemoved;
    const publicChanged = changes.publicFiles.length > 0 || changes.publicFolders;
    const kinds = [changes.templates, posts, publicChanged].filter(Boolean).length;
    if (kinds === 0)
        return { kind: 'nothing' };
    if (kinds > 1 || changes.templates || changes.postsAddedOrRemoved || changes.publicFolders)
        return { kind: 'build' };
    if (posts)
        return { kind: 'posts', files: changes.postsEdited };
    return { kind: 'public', files: changes.publicFiles };
}
/** The parts of a post that only its body decides. */
const bodyFields = new Set(['hash', 'bodyOffset', 'bodyLine']);
/**
 * True when a post's new version differs from the old only in its body: same URL, date,
 * title, terms, original URL, layout and template data. Then the archive's order, its lists'
 * membership and its link table are unchanged, and only pages that show this post's article
 * or summary can change.
 */
export function isBodyEdit(old, next) {
    const rest = (post) => JSON.stringify(Object.entries(post).filter(([key]) => !bodyFields.has(key)));
    return rest(old) === rest(next);
}
//# sourceMappingURL=changes.js.map
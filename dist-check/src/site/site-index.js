import { diagnostic } from '../errors.js';
import { encodeSegment } from '../load/permalink.js';
import { slugify } from '../load/slug.js';
import { linkLookup, linkTable } from './link-table.js';
/**
 * Indexes loaded posts. Posts whose output paths collide are all reported and none of
 * them is built: gazette never lets one post silently overwrite another.
 */
export function buildSiteIndex(loaded) {
    const diagnostics = [];
    const byOutput = new Map();
    for (const post of loaded)
        appendTo(byOutput, post.outputPath, post);
    const posts = [];
    for (const group of byOutput.values()) {
        if (group.length === 1) {
            posts.push(group[0]);
            continue;
        }
        for (const post of group) {
            const others = group.filter((p) => p !== post).map((p) => p.source);
            diagnostics.push(diagnostic('error', post.source, `two posts resolve to the URL ${post.url}: this one and ${others.join(', ')}; neither is built`, { hint: "give one of them a different 'slug:' or 'permalink:'" }));
        }
    }
    diagnostics.push(...caseCollisions(posts));
    posts.sort((a, b) => b.time - a.time || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    const bySource = new Map(posts.map((p) => [p.source, p]));
    // Newest first, so the first post for an original URL wins; later duplicates keep their own page.
    const links = linkTable(posts);
    const lookup = linkLookup(links);
    const terms = { tags: termEntries(posts, 'tags'), categories: termEntries(posts, 'categories') };
    const termByName = {
        tags: new Map(terms.tags.map((t) => [t.name, t])),
        categories: new Map(terms.categories.map((t) => [t.name, t])),
    };
    const index = {
        posts,
        bySource,
        links,
        terms,
        term: (kind, name) => termByName[kind].get(name),
        archivedUrl: lookup.archivedUrl,
        isSourceSite: lookup.isSourceSite,
        neighbours: neighboursIn(posts),
    };
    return { index, diagnostics };
}
/** The posts before (older) and after (newer) each post of a list sorted newest first. */
function neighboursIn(posts) {
    const position = new Map(posts.map((p, i) => [p.source, i]));
    return (source) => {
        const i = position.get(source);
        if (i === undefined)
            return {};
        const newer = posts[i - 1];
        const older = posts[i + 1];
        return { ...(older ? { older } : {}), ...(newer ? { newer } : {}) };
    };
}
/**
 * The index with some posts replaced by new versions that differ from the old only in their
 * body (same URL, date, title, terms and original URL; see isBodyEdit): the order, the terms
 * and the link table stay as they are, so only the post records are swapped.
 */
export function withNewBodies(index, replaced) {
    const posts = index.posts.map((p) => replaced.get(p.source) ?? p);
    const bySource = new Map(index.bySource);
    for (const [source, post] of replaced)
        bySource.set(source, post);
    return { ...index, posts, bySource, neighbours: neighboursIn(posts) };
}
/**
 * Posts whose output paths differ only by case overwrite each other on case-insensitive
 * file systems (macOS, Windows) and hosts: both are built, and each is warned about.
 */
function caseCollisions(posts) {
    const byFolded = new Map();
    for (const post of posts) {
        appendTo(byFolded, post.outputPath.toLowerCase(), post);
    }
    return [...byFolded.values()]
        .filter((group) => group.length > 1)
        .flatMap((group) => group.map((post) => diagnostic('warning', post.source, `its URL ${post.url} differs only by case from ${group.filter((p) => p !== post).map((p) => p.url).join(', ')}: they collide on case-insensitive hosts`, {
        hint: "give one of them a different 'slug:'",
    })));
}
/** One entry per distinct name; names whose slugs collide get `-2`, `-3`, … in name order. */
function termEntries(posts, kind) {
    const members = new Map();
    for (const post of posts)
        for (const name of post[kind])
            appendTo(members, name, post.source);
    const names = [...members.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const used = new Set();
    return names.map((name) => {
        const base = slugify(name) || 'term';
        let slug = base;
        for (let n = 2; used.has(slug); n++)
            slug = `${base}-${n}`;
        used.add(slug);
        return { name, slug, url: `/${kind}/${encodeSegment(slug)}/`, posts: members.get(name) };
    });
}
/** Adds `value` to the list under `key` (in place: archives have terms with thousands of posts). */
function appendTo(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
//# sourceMappingURL=site-index.js.map
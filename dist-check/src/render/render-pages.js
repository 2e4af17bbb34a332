import { createHash } from 'node:crypto';
import { placeUrl } from '../load/permalink.js';
import { markSafe } from './environment.js';
import { paginate } from './paginate.js';
import { postView } from './views.js';
export function postViews(index, summaries) {
    const made = new Map();
    const ids = new WeakMap();
    return {
        ids,
        has: (source) => summaries.has(source),
        get(source) {
            if (!summaries.has(source))
                return undefined; // not built: not shown
            let view = made.get(source);
            if (!view) {
                const post = index.bySource.get(source);
                if (!post)
                    return undefined;
                view = postView(post, index, summaries.get(source));
                made.set(source, view);
                ids.set(view, createHash('sha256').update(JSON.stringify(view)).digest('base64'));
            }
            return view;
        },
    };
}
/** The output path of a page at a site path (`/tags/x/` → `tags/x/index.html`). */
function pathOf(url) {
    const placed = placeUrl(url);
    if ('problem' in placed)
        throw new Error(placed.problem);
    return placed.outputPath;
}
/** A post's page: its view (the article HTML comes at render time) and its neighbours in time. */
export function postPageJob(post, index, views) {
    const { older, newer } = index.neighbours(post.source);
    const neighbour = (p) => (p ? { title: p.title, url: p.url, date: p.date } : undefined);
    const view = views.get(post.source);
    return {
        path: post.outputPath,
        template: post.layout,
        context: {
            page: { kind: 'post', title: post.title, url: post.url, description: view.excerpt },
            post: view,
            older: neighbour(older),
            newer: neighbour(newer),
        },
        article: post.source,
    };
}
/**
 * The pages of a list of posts (newest first), paginated from `base`: only built posts are
 * listed, and only the pages `wanted` are made (views are made for those pages' posts only).
 */
function listPages(sources, views, perPage, base, wanted) {
    const built = sources.filter((s) => views.has(s));
    return paginate(built, perPage, base)
        .filter((page) => !wanted || wanted(page.items))
        .map((page) => {
        const posts = page.items.map((s) => views.get(s));
        return { ...page, items: posts };
    });
}
/** The home page and its following pages: every post, newest first. */
export function homePageJobs(index, views, perPage, wanted) {
    const sources = index.posts.map((p) => p.source);
    return listPages(sources, views, perPage, '/', wanted).map((pagination) => ({
        path: pathOf(pagination.url),
        template: 'home',
        context: { page: { kind: 'home', title: '', url: pagination.url }, pagination, posts: pagination.items },
    }));
}
const singular = { tags: 'tag', categories: 'category' };
/**
 * The index of all terms of a taxonomy (`/tags/`), and each term's paginated list. With a
 * filter, only the term pages it wants (the index of terms lists no posts, so it is left out).
 */
export function taxonomyPageJobs(kind, index, views, perPage, wanted) {
    const jobs = [];
    if (!wanted) {
        const terms = index.terms[kind].map((t) => ({ name: t.name, url: t.url, count: t.posts.length }));
        const indexUrl = `/${kind}/`;
        jobs.push({ path: pathOf(indexUrl), template: kind, context: { page: { kind, title: '', url: indexUrl }, terms } });
    }
    for (const term of index.terms[kind]) {
        const termView = { name: term.name, url: term.url, count: term.posts.length };
        for (const pagination of listPages(term.posts, views, perPage, term.url, wanted)) {
            const page = { kind: singular[kind], title: term.name, url: pagination.url };
            jobs.push({ path: pathOf(pagination.url), template: singular[kind], context: { page, term: termView, pagination, posts: pagination.items } });
        }
    }
    return jobs;
}
/** Renders a page; a post page needs its article's HTML. Throws TemplateError. */
export function renderPage(job, renderer, articleHtml) {
    if (job.article === undefined)
        return renderer.render(job.template, job.context);
    if (articleHtml === undefined)
        throw new Error(`the article of ${job.article} is missing`);
    const post = job.context.post;
    return renderer.render(job.template, { ...job.context, post: { ...post, content: markSafe(articleHtml) } });
}
/**
 * A page's fingerprint: a hash of everything its bytes depend on — the render key (gazette's
 * code and the config), the templates it uses, the context and, on a post page, an id of the
 * article's HTML. Equal fingerprints mean equal pages.
 */
export function pageFingerprint(job, renderKey, renderer, views, articleId) {
    const context = JSON.stringify(job.context, (_key, value) => (value !== null && typeof value === 'object' && views.ids.get(value)) || value);
    return createHash('sha256').update(`${renderKey}\0${job.template}\0${renderer.templateKey(job.template)}\0${articleId ?? ''}\0${context}`).digest('base64');
}
//# sourceMappingURL=render-pages.js.map
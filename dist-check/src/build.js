import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { diagnostic, FatalError, toDiagnostic } from './errors.js';
import { loadPosts } from './load/load-posts.js';
import { createRenderer, TemplateError } from './render/environment.js';
import { homePageJobs, pageFingerprint, postPageJob, postViews, renderPage, taxonomyPageJobs } from './render/render-pages.js';
import { makeReport } from './report.js';
import { buildSiteIndex } from './site/site-index.js';
import pMap from 'p-map';
import { transformTask } from './transform/transform-post.js';
import { lookupsHold, openArticleCache } from './cache/article-cache.js';
import { forgetBuildState, hashOf, readBuildState, writeBuildState } from './cache/build-state.js';
import { OutputWriter } from './write/output-writer.js';
/**
 * Builds the site (see buildSite), keeping its state in the cache folder between runs when
 * there is one. Returns the build report.
 */
export async function build(options) {
    const started = performance.now();
    const cacheDir = options.cache?.dir;
    const previous = cacheDir ? await readBuildState(cacheDir, options.outDir) : undefined;
    const persist = cacheDir
        ? { forget: () => forgetBuildState(cacheDir, options.outDir), save: (state) => writeBuildState(cacheDir, options.outDir, state) }
        : undefined;
    const site = await buildSite(options, previous, persist);
    return reportOf(site, options, performance.now() - started);
}
/** The build report of a built site. */
export function reportOf(site, options, durationMs) {
    const summaries = new Map(site.built.map((p) => [p.source, site.state.articles[p.source].summary]));
    const { cwd, outDir } = options;
    return makeReport({ cwd, outDir, built: site.built, summaries, skipped: site.skipped, diagnostics: site.diagnostics, pages: site.pages, work: site.work, durationMs: Math.round(durationMs) });
}
/**
 * Builds the site: load → index → transform and render each post → render the lists →
 * copy public → commit the output. Bad posts are reported and left out; the rest is
 * built. Throws FatalError when nothing can be built.
 *
 * Given the previous build's state, it redoes only what changed: unchanged post files are
 * not parsed, unchanged articles not transformed, and pages whose fingerprint is unchanged
 * neither rendered nor written. The output is byte-identical to a build without a state.
 */
export async function buildSite(options, previous, keeper) {
    const { cwd, config, outDir } = options;
    checkFolders(options);
    const renderer = createRenderer(options.templatesDir, config, cwd);
    const codeId = options.cache?.codeId ?? '';
    const loadKey = hashOf([codeId, config, cwd, renderer.templateNames]);
    const context = { config, layoutExists: renderer.hasPostLayout, now: options.now };
    const archive = await loadPosts(options.postsDir, outDir, cwd, context, previous?.loadKey === loadKey ? previous.files : undefined);
    const { index, diagnostics: indexDiagnostics } = buildSiteIndex(archive.posts);
    const diagnostics = [...archive.diagnostics, ...indexDiagnostics];
    const writer = await OutputWriter.open(outDir, previous?.outputs);
    try {
        const work = { postsParsed: archive.parsed, articlesTransformed: 0, pagesRendered: 0 };
        const renderKey = hashOf([codeId, config]);
        const site = { index, options, renderer, writer, diagnostics, renderKey, work };
        const { built, articles, views } = await buildPosts(site, previous?.articles ?? {});
        const lists = [
            ['home', () => homePageJobs(index, views, config.paginate)],
            ['tags', () => taxonomyPageJobs('tags', index, views, config.paginate)],
            ['categories', () => taxonomyPageJobs('categories', index, views, config.paginate)],
        ];
        for (const [template, jobs] of lists) {
            try {
                for (const job of jobs())
                    await writePage(site, job, pageFingerprint(job, renderKey, renderer, views));
            }
            catch (error) {
                diagnostics.push(renderDiagnostic(relative(cwd, join(options.templatesDir, `${template}.njk`)), error));
            }
        }
        const pages = writer.count;
        if (options.publicDir)
            diagnostics.push(...(await writer.copyPublic(options.publicDir, cwd)));
        const unchanged = writer.unchanged && previous?.loadKey === loadKey && sameRecords(archive.files, previous.files) && sameRecords(articles, previous.articles);
        // From here on the output folder changes: a build killed now must not leave a state behind.
        if (!writer.unchanged)
            await keeper?.forget();
        const { outputs, written, removed } = await writer.commit();
        const state = unchanged && previous ? previous : { loadKey, files: archive.files, articles, outputs };
        if (!unchanged)
            await keeper?.save(state);
        return { state, index, renderer, renderKey, built, skipped: archive.skipped, diagnostics, pages, work: { ...work, filesWritten: written, filesRemoved: removed } };
    }
    catch (error) {
        await writer.abort();
        throw error;
    }
}
export function transformSettings(options) {
    const { config } = options;
    return { origin: config.url, excerptLength: config.excerptLength, lang: config.lang };
}
/** The article cache, keyed on the transform settings and gazette's code; none with --no-cache. */
export function articleCache(options) {
    return options.cache ? openArticleCache(options.cache.dir, JSON.stringify([transformSettings(options), options.cache.codeId])) : undefined;
}
/**
 * What identifies a post's article (with the answers to its link lookups): the article
 * cache's key, or without a cache the same inputs hashed, so that page fingerprints change
 * whenever the article can, cache or not (`gazette dev --no-cache` keeps its state in memory).
 */
export function articleKey(options, cache, task) {
    return cache ? cache.key(task) : hashOf([transformSettings(options), task.hash, task.url, task.from ?? null, task.format, task.encoding]);
}
/** Renders and writes one page unless the output folder already holds it as it would be. */
export async function writePage(site, job, fingerprint, articleHtml) {
    if (site.writer.isCurrent(job.path, fingerprint))
        return;
    const html = articleHtml ? await articleHtml() : undefined;
    site.work.pagesRendered++;
    site.writer.write(job.path, renderPage(job, site.renderer, html), fingerprint);
}
/**
 * Transforms each post's body (on worker threads when there are enough to transform) and
 * writes its page as soon as it is back, so only the posts in flight have their bodies in
 * memory; what the list pages need of each (the summary) is kept. An article is taken from
 * the previous build's record when the post and every link lookup it made are unchanged,
 * else from the article cache, else transformed; its HTML is read from the cache only if
 * its page has to be rendered. Results are taken in the index's order, so the report does
 * not depend on which thread finished first.
 */
async function buildPosts(site, known) {
    const { index, options } = site;
    const settings = transformSettings(options);
    const cache = articleCache(options);
    const answers = (href) => ({ archived: index.archivedUrl(href) ?? null, sourceSite: index.isSourceSite(href) });
    // Each post's article key, computed once (it hashes the post's task).
    const keys = new Map();
    const keyOf = (post) => {
        let key = keys.get(post.source);
        if (key === undefined)
            keys.set(post.source, (key = articleKey(options, cache, transformTask(post))));
        return key;
    };
    const valid = new Map();
    const stillValid = (post) => {
        if (!valid.has(post.source)) {
            const record = known[post.source];
            valid.set(post.source, record && cache && record.key === keyOf(post) && lookupsHold(record.lookups, answers) ? record : undefined);
        }
        return valid.get(post.source);
    };
    const summaries = new Map();
    const views = postViews(index, summaries);
    /** A post's page and its fingerprint; the article's HTML is fixed by its cache key and the answers its link lookups got. */
    const pageOf = (post, record) => {
        const job = postPageJob(post, index, views);
        return { job, fingerprint: pageFingerprint(job, site.renderKey, site.renderer, views, hashOf([record.key, record.lookups])) };
    };
    // First the posts whose article and page are both unchanged: no file is read, nothing rendered.
    const results = index.posts.map((post) => {
        const record = stillValid(post);
        if (!record)
            return undefined;
        summaries.set(post.source, record.summary);
        const { job, fingerprint } = pageOf(post, record);
        return site.writer.isCurrent(job.path, fingerprint) ? { post, record } : undefined;
    });
    const rest = index.posts.flatMap((post, i) => (results[i] ? [] : [{ post, i }]));
    // Workers (sized by the posts that may need transforming) start on the first post the caches cannot serve.
    const toTransform = rest.filter(({ post }) => !stillValid(post)).length;
    // (Loaded on demand too: a rebuild that transforms nothing does not load unified and markdown-it.)
    let transformer;
    const transform = async (post) => {
        transformer ??= import('./transform/transformer.js').then((m) => m.createTransformer({ ...settings, links: index.links }, toTransform, options.threads));
        const outcome = await (await transformer).run(transformTask(post));
        site.work.articlesTransformed++;
        if ('article' in outcome)
            await cache?.write(keyOf(post), outcome);
        return outcome;
    };
    /** The post's article: its record, and its HTML when already at hand. */
    const articleOf = async (post) => {
        const record = stillValid(post);
        if (record)
            return { record };
        const key = keyOf(post);
        const cached = await cache?.read(key);
        const outcome = cached && lookupsHold(cached.lookups, answers) ? cached : await transform(post);
        if ('diagnostic' in outcome)
            return outcome;
        const { html, ...summary } = outcome.article;
        return { record: { key, summary, lookups: outcome.lookups }, html };
    };
    /** Transforms (or takes from the caches) one post and writes its page. */
    const buildPost = async (post) => {
        const article = await articleOf(post);
        if ('diagnostic' in article)
            return { post, diagnostic: article.diagnostic };
        const { record } = article;
        summaries.set(post.source, record.summary);
        const html = async () => {
            if (article.html !== undefined)
                return article.html;
            // Not in the cache any more (deleted by hand): transform it again.
            const again = (await cache?.read(record.key)) ?? (await transform(post));
            if ('diagnostic' in again)
                throw new Error(again.diagnostic.message);
            return again.article.html;
        };
        try {
            const { job, fingerprint } = pageOf(post, record);
            await writePage(site, job, fingerprint, html);
        }
        catch (error) {
            summaries.delete(post.source); // not built: not listed either
            return { post, diagnostic: renderDiagnostic(post.source, error) };
        }
        return { post, record };
    };
    options.progress?.start(rest.length);
    try {
        await pMap(rest, async ({ post, i }) => {
            try {
                results[i] = await buildPost(post);
            }
            finally {
                options.progress?.tick();
            }
        }, 
        // Enough posts in flight to keep every worker busy.
        { concurrency: 4 * Math.max(1, options.threads ?? availableParallelism()) });
    }
    finally {
        options.progress?.stop();
        if (transformer)
            await (await transformer).close();
    }
    const built = [];
    const articles = {};
    for (const { post, record, diagnostic } of results) {
        if (diagnostic)
            site.diagnostics.push(diagnostic);
        if (record) {
            articles[post.source] = record;
            built.push(post);
        }
    }
    return { built, articles, views };
}
/** True when two records hold the same entries, by identity (a reused record is the same object). */
function sameRecords(a, b) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
export function renderDiagnostic(source, error) {
    if (error instanceof TemplateError) {
        return diagnostic('error', source, `template ${error.file ?? ''}${error.line ? `:${error.line}` : ''}: ${error.message}`);
    }
    return toDiagnostic(source, error);
}
/** Refuses to start when an input folder is missing or the output folder would swallow an input. */
function checkFolders(options) {
    const show = (p) => relative(options.cwd, p) || '.';
    if (!existsSync(options.postsDir))
        throw new FatalError(`posts folder not found: ${show(options.postsDir)}`);
    const out = options.outDir;
    const inputs = [options.cwd, options.postsDir, options.templatesDir, ...(options.publicDir ? [options.publicDir] : [])];
    for (const input of inputs) {
        if (input === out || input.startsWith(out + sep)) {
            throw new FatalError(`the output folder ${show(out)} contains ${show(input)}: a build replaces the output folder, so it must not hold any input`);
        }
    }
}
//# sourceMappingURL=build.js.map
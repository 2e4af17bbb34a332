import { existsSync, lstatSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SiteConfig } from './config.js';
import { diagnostic, FatalError, toDiagnostic } from './errors.js';
import { heapFor, type Heap } from './heap.js';
import { loadPosts } from './load/load-posts.js';
import { archiveTemplate, createRenderer, hasDateArchives, notFoundTemplate, searchTemplate, type Renderer } from './render/environment.js';
import { dateArchivePageJobs, homePageJobs, notFoundPageJob, pageFingerprint, searchPageJob, postPageJob, postPageOutline, postViews, renderPage, taxonomyPageJobs, type PageJob } from './render/render-pages.js';
import { robotsTxt, sitemapFiles, sitemapPaths, type SitemapEntry } from './render/sitemap.js';
import { lastModified } from './render/views.js';
import { feedJobs, renderFeed, type FeedJob } from './render/feeds.js';
import { makeReport, type BuildReport, type BuildWork } from './report.js';
import { buildSiteIndex, type SiteIndex } from './site/site-index.js';
import { postsSharingUrls } from './site/shared-urls.js';
import { articleFingerprint } from './load/article-fingerprint.js';
import { readBody } from './transform/read-body.js';
import { keepSearchIndexCopy, previousSearchIndex, searchAssetPaths, searchData, writeSearchAssets, writeSearchIndex } from './search/write-search.js';
import { createSearchIndex, type BodyTerms } from './search/search-index.js';
import { lazyConverter } from './search/converter.js';
import { traditionalChars } from './search/traditional-chars.js';
import type { SitePlan } from './site/output-paths.js';
import pMap from 'p-map';
import { tasksInFlight } from './worker-pool.js';
import { transformTask, type TransformTask } from './transform/transform-post.js';
import { createPostPool, type PostPool } from './transform/post-pool.js';
import type { PageOutcome, PostOutcome, PostTask, PostWorkSetup } from './transform/post-work.js';
import { renderDiagnostic } from './render/render-diagnostic.js';
import { lookupsHold, openArticleCache, type ArticleCache, type LinkAnswers } from './cache/article-cache.js';
import { forgetBuildState, hashOf, readBuildState, writeBuildState, type ArticleRecord, type BuildState, type FileRecord, type SearchState } from './cache/build-state.js';
import type { CacheFolder } from './cache/seal.js';
import type { ArticleSummary, Diagnostic, Post, Skipped } from './types.js';
import { OutputClash, OutputWriter, publicFiles, type PublicListing } from './write/output-writer.js';

/** Where a build reads and writes; all paths absolute. */
export interface BuildOptions {
  readonly cwd: string;
  readonly postsDir: string;
  readonly outDir: string;
  readonly templatesDir: string;
  /** The public folder, or undefined when there is none to copy. */
  readonly publicDir: string | undefined;
  readonly config: SiteConfig;
  /** The build's start (ms since the epoch), for leaving out future-dated posts. */
  readonly now: number;
  /** Worker threads for transforming posts; by default one per core for big archives, none for small ones. */
  readonly threads?: number | undefined;
  /** Told how many posts there are and when each is done (a progress bar); none when undefined. */
  readonly progress?: { start(total: number): void; tick(): void; stop(): void } | undefined;
  /** The persistent cache: its folder, this user's secret its files are sealed with, and an id of gazette's code; none when undefined. */
  readonly cache?: (CacheFolder & { readonly codeId: string }) | undefined;
  /** Warnings about the config file (Jekyll settings gazette does not use), reported with the build's. */
  readonly configWarnings?: readonly Diagnostic[] | undefined;
}

/**
 * A finished build as `gazette dev` keeps it in memory for the next one: its state (what
 * BuildState records), and what the build worked with.
 */
export interface BuiltSite {
  readonly state: BuildState;
  readonly index: SiteIndex;
  readonly renderer: Renderer;
  /** gazette's code and the config: part of every page's fingerprint. */
  readonly renderKey: string;
  /** Built posts in the index's order (the others failed). */
  readonly built: readonly Post[];
  readonly skipped: readonly Skipped[];
  readonly diagnostics: readonly Diagnostic[];
  /** Generated pages (public files aside). */
  readonly pages: number;
  readonly work: BuildWork;
}

/**
 * Builds the site (see buildSite), keeping its state in the cache folder between runs when
 * there is one. Returns the build report.
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const cache = options.cache;
  const previous = cache ? await readBuildState(cache, options.outDir) : undefined;
  const persist = cache
    ? { forget: () => forgetBuildState(cache, options.outDir), save: (state: BuildState) => writeBuildState(cache, options.outDir, state) }
    : undefined;
  const site = await buildSite(options, previous, persist);
  // (For a later build without this output folder: a deploy on a fresh runner that restores the cache.)
  if (cache && site.state.search) keepSearchIndexCopy(cache, options.outDir, site.state.search, site.state.outputs);
  return reportOf(site, options, performance.now() - started);
}

/** The build report of a built site. */
export function reportOf(site: BuiltSite, options: BuildOptions, durationMs: number): BuildReport {
  const summaries = new Map(site.built.map((p) => [p.source, site.state.articles[p.source]!.summary]));
  const { cwd, outDir } = options;
  return makeReport({ cwd, outDir, built: site.built, summaries, skipped: site.skipped, diagnostics: site.diagnostics, pages: site.pages, work: site.work, durationMs: Math.round(durationMs) });
}

/** Where the state of a build is kept between builds: dropped before the output changes, saved after. */
export interface StateKeeper {
  forget(): Promise<void>;
  save(state: BuildState): Promise<void>;
}

/**
 * The posts, those that want a URL another post wants fingerprinted (their bodies read again):
 * the index tells copies of one article from different articles by it (site/shared-urls.ts).
 * Only they are: a fingerprint is a pass over the body, and nearly every post is alone on its
 * URL. A post whose file cannot be read again gets none, so it is not taken for a copy; its
 * transform reports the file.
 */
async function fingerprintSharedUrls(posts: readonly Post[]): Promise<readonly Post[]> {
  const sharing = postsSharingUrls(posts);
  if (sharing.size === 0) return posts;
  return Promise.all(
    posts.map(async (post) => {
      if (!sharing.has(post.source) || post.fingerprint) return post;
      const body = await readBody(post).catch(() => undefined);
      return body === undefined ? post : { ...post, fingerprint: articleFingerprint(body, post.title, post.from) };
    }),
  );
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
export async function buildSite(options: BuildOptions, previous: BuildState | undefined, keeper?: StateKeeper): Promise<BuiltSite> {
  const { cwd, config, outDir } = options;
  checkFolders(options);
  const renderer = createRenderer(options.templatesDir, config, cwd);
  const codeId = options.cache?.codeId ?? '';

  const loadKey = hashOf([codeId, config, cwd, renderer.templateNames]);
  const context = { config, layoutExists: renderer.hasPostLayout, now: options.now };
  // (The post layouts there are, as plain data for the loading threads.)
  const layouts = renderer.templateNames.flatMap((name) => (name.endsWith('.njk') && renderer.hasPostLayout(name.slice(0, -4)) ? [name.slice(0, -4)] : []));
  const loaded = await loadPosts(options.postsDir, outDir, cwd, context, previous?.loadKey === loadKey ? previous.files : undefined, { threads: options.threads, layouts });
  const archive = { ...loaded, posts: await fingerprintSharedUrls(loaded.posts) };
  const writer = await OutputWriter.open(outDir, previous?.outputs);
  try {
    const publicList = options.publicDir ? await publicFiles(options.publicDir) : { files: [], links: [] };
    const { index, diagnostics: indexDiagnostics } = buildSiteIndex(archive.posts, sitePlan(options, renderer, writer.caseInsensitive, publicList));
    const diagnostics: Diagnostic[] = [...(options.configWarnings ?? []), ...archive.diagnostics, ...indexDiagnostics];
    const work = { postsParsed: archive.parsed, articlesTransformed: 0, pagesRendered: 0 };
    const renderKey = hashOf([codeId, config]);
    const site: SiteWork = { index, options, renderer, writer, diagnostics, renderKey, work, heap: heapFor(archive.posts.length) };
    // Every page depends on what the post files loaded to, gazette's code, the config and the
    // templates alone: when none changed since a build that built every page, its pages are
    // all current. (A file read again with the same bytes keeps its load result, the same
    // object; a post still skipped for its future date is loaded again each time, to no page.)
    const pagesKey = hashOf([renderKey, renderer.templatesKey]);
    const loaded = (file: FileRecord) => (file.result.skipped?.reason === 'future date' ? 'future date' : file.result);
    const same = previous?.pages?.key === pagesKey && previous.loadKey === loadKey && sameRecords(archive.files, previous.files, loaded) ? previous.pages : undefined;
    const { built, articles, complete, pages, search } =
      same && writer.keepPreviousPages()
        ? { built: index.posts, articles: previous!.articles, complete: true, pages: same.count, search: previous!.search }
        : await buildPages(site, previous?.articles, previous?.search);
    if (options.publicDir) for (const warning of await writer.copyPublic(options.publicDir, cwd, publicList)) diagnostics.push(warning);
    const unchanged = writer.unchanged && previous?.loadKey === loadKey && sameRecords(archive.files, previous.files) && sameRecords(articles, previous.articles);
    // From here on the output folder changes: a build killed now must not leave a state behind.
    if (!writer.unchanged) await keeper?.forget();
    const { outputs, written, removed, failures } = await writer.commit();
    for (const failure of failures) {
      const source = index.posts.find((post) => post.outputPath === failure.path)?.source ?? failure.path;
      diagnostics.push(diagnostic('error', source, `its page could not be written to ${failure.path}: ${failure.message}`));
    }
    const state: BuildState = unchanged && previous ? previous : { loadKey, pages: complete && failures.length === 0 ? { key: pagesKey, count: pages } : undefined, files: archive.files, articles, outputs, search };
    if (!unchanged) await keeper?.save(state);
    return { state, index, renderer, renderKey, built, skipped: archive.skipped, diagnostics, pages, work: { ...work, filesWritten: written, filesRemoved: removed } };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/**
 * Builds every post's page (buildPosts), the list pages, the 404 page, the feeds and the
 * files for crawlers; `pages` counts the pages, `complete` is false when any of them failed.
 */
async function buildPages(site: SiteWork, known: Readonly<Record<string, ArticleRecord>> | undefined, previousSearch: SearchState | undefined) {
  const { index, options, renderer, diagnostics, renderKey } = site;
  const errorsBefore = diagnostics.length;
  // The search index is made as the posts come back unless the previous one (in the output folder, or the cache's copy) can be updated.
  const previousIndex = site.renderer.has(searchTemplate) ? previousSearchIndex(site, previousSearch) : undefined;
  const stream = site.renderer.has(searchTemplate) && !previousIndex;
  const { built, articles, views, articleHtml, articleTerms, storedTerms, streamed, renderOnPool, close } = await buildPosts(site, known, stream);
  site.heap?.collect();
  try {
    // Every page for the sitemap: the posts, then the list pages as they are made.
    const entries: SitemapEntry[] = built.map((post) => ({ url: post.url, lastmod: lastModified(post) }));
    let pages = built.length;
    const lists: [string, () => PageJob[]][] = [
      ['home', () => homePageJobs(index, views, options.config.paginate)],
      ['tags', () => taxonomyPageJobs('tags', index, views, options.config.paginate)],
      ['categories', () => taxonomyPageJobs('categories', index, views, options.config.paginate)],
      [archiveTemplate, () => (hasDateArchives(renderer) ? dateArchivePageJobs(index, views, options.config.paginate) : [])],
    ];
    // A post whose permalink is a list page's URL (`permalink: /:year/`) keeps it; the list page is left out.
    const postAt = new Map(built.map((post) => [post.outputPath, post]));
    for (const [template, jobs] of lists) {
      const templateFile = relative(options.cwd, join(options.templatesDir, `${template}.njk`));
      try {
        const wanted = jobs().filter((job) => {
          const post = postAt.get(job.path);
          if (post) diagnostics.push(diagnostic('warning', post.source, `the ${String((job.context.page as { kind: string }).kind)} page at ${job.path} is not made: this post's page is there`));
          return !post;
        });
        // Rendered on the pool a window at a time, written in order; a template's error stops its list.
        for (let start = 0; start < wanted.length; start += listWindow) {
          const window = wanted.slice(start, start + listWindow).map((job) => {
            const fingerprint = pageFingerprint(job, renderKey, renderer, views);
            let current = false;
            let target: string | undefined;
            // (In a first build the page is claimed here and the pool thread writes it where it goes.)
            const clash = clashesNow(site, job.path, () => void ((target = site.writer.target(job.path)) ?? (current = site.writer.isCurrent(job.path, fingerprint))));
            // (Each rendering's failure is caught here: one left unawaited after an error must not stop the process.)
            const rendered = clash || current ? undefined : renderOnPool(job, templateFile, target).catch((error: unknown): PageOutcome => ({ diagnostic: renderDiagnostic(templateFile, error) }));
            return { job, fingerprint, clash, rendered };
          });
          for (const [n, { job, fingerprint, clash, rendered }] of window.entries()) {
            const outcome = await rendered;
            if (outcome && 'diagnostic' in outcome) {
              // The list stops here, as it does on one thread: pages of it written after this one are taken back.
              for (const rest of window.slice(n)) {
                await rest.rendered;
                site.writer.release(rest.job.path);
              }
              throw new ListError(outcome.diagnostic);
            }
            if (clash || clashesNow(site, job.path, () => outcome && writeRendered(site, job, outcome.html, fingerprint))) continue;
            entries.push(sitemapEntry(job));
            pages++;
          }
        }
      } catch (error) {
        diagnostics.push(error instanceof ListError ? error.diagnostic : renderDiagnostic(templateFile, error));
      }
    }
    for (const [template, job] of [[notFoundTemplate, notFoundPageJob()], [searchTemplate, searchPageJob()]] as const) {
      if (!renderer.has(template)) continue;
      try {
        if (await clashes(site, job.path, () => writePage(site, job, pageFingerprint(job, renderKey, renderer, views)))) continue;
        if (template === searchTemplate) entries.push(sitemapEntry(job));
        pages++;
      } catch (error) {
        diagnostics.push(renderDiagnostic(relative(options.cwd, join(options.templatesDir, `${template}.njk`)), error));
      }
    }
    // Every page is rendered: the pool's threads are let go before the search index and the
    // feeds, whose garbage would otherwise come on top of their heaps (an article or terms
    // missing from the cache, or none with --no-cache, start the pool again).
    await close();
    site.heap?.collect();
    let search: SearchState | undefined;
    if (renderer.has(searchTemplate)) {
      await clashes(site, searchData, async () => {
        writeSearchAssets(site);
        search = await writeSearchIndex(site, built, (source) => articles[source]!, { articleTerms, storedTerms }, previousIndex, streamed);
      });
    }
    if (options.config.url) {
      const updated = (source: string) => lastModified(index.bySource.get(source)!);
      await writeFeeds(site, feedJobs(index, views, options.config, updated), (source) => articles[source], articleHtml);
    }
    await clashes(site, 'sitemap.xml', () => writeCrawlerFiles(site, entries));
    return { built, articles, pages, search, complete: diagnostics.length === errorsBefore };
  } finally {
    await close();
  }
}

/** What identifies the HTML of an article: its cache key and the answers its link lookups got. */
export function articleId(record: ArticleRecord): string {
  return hashOf([record.key, record.lookups]);
}

/**
 * Writes the feeds whose fingerprint changed (a hash of gazette's code and the config, the
 * feed's data and, when it carries whole articles, each entry's article id). `articleHtml`
 * gives an entry's article; a feed that cannot be made is reported and left out.
 */
export async function writeFeeds(site: SiteWork, jobs: readonly FeedJob[], articleOf: (source: string) => ArticleRecord | undefined, articleHtml: (source: string) => Promise<string>): Promise<void> {
  // A list's Atom and JSON feeds come one after the other and hold the same articles.
  let contents = { pageUrl: '', html: new Map<string, string>() };
  for (const job of jobs) {
    const fingerprint = hashOf([site.renderKey, job, job.fullContent ? job.entries.map((e) => articleId(articleOf(e.source)!)) : []]);
    try {
      if (site.writer.isCurrent(job.path, fingerprint)) continue;
      if (contents.pageUrl !== job.pageUrl) contents = { pageUrl: job.pageUrl, html: new Map() };
      if (job.fullContent) for (const { source } of job.entries) if (!contents.html.has(source)) contents.html.set(source, await articleHtml(source));
      site.writer.write(job.path, renderFeed(job, site.options.config, contents.html), fingerprint);
    } catch (error) {
      site.diagnostics.push(toDiagnostic(job.path, error));
    }
  }
}


/** List pages rendered at once on the pool (their HTML is held until written in order). */
const listWindow = 64;

/** A list page's template failed on the pool: its diagnostic, made there. */
class ListError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** Writes a page rendered elsewhere (the pool), or records it when the pool wrote it (no HTML back). */
function writeRendered(site: SiteWork, job: PageJob, html: string | undefined, fingerprint: string): void {
  site.work.pagesRendered++;
  if (html === undefined) site.writer.placed(job.path, fingerprint);
  else site.writer.write(job.path, html, fingerprint);
}

/** clashes() for a stage that writes synchronously. */
function clashesNow(site: SiteWork, what: string, write: () => void): boolean {
  try {
    write();
    return false;
  } catch (error) {
    if (!(error instanceof OutputClash)) throw error;
    site.diagnostics.push(diagnostic('error', what, error.message));
    return true;
  }
}

/**
 * Runs a stage that writes `what`, reporting an OutputClash as an error of that output
 * instead of stopping the build (two outputs on one path: the first written stays). True
 * when it clashed.
 */
async function clashes(site: SiteWork, what: string, write: () => Promise<void> | void): Promise<boolean> {
  try {
    await write();
    return false;
  } catch (error) {
    if (!(error instanceof OutputClash)) throw error;
    site.diagnostics.push(diagnostic('error', what, error.message));
    return true;
  }
}

/**
 * The site's own files that posts must leave alone (see checkPostPaths), and what the output
 * folder can hold: the longest path its platform allows (Linux 4,096 bytes with the final NUL,
 * macOS 1,024; Node on Windows takes long paths), less the folder's own path.
 */
function sitePlan(options: BuildOptions, renderer: Renderer, caseInsensitive: boolean, publicList: PublicListing): SitePlan {
  const own = new Map<string, string>();
  if (renderer.has(notFoundTemplate)) own.set(notFoundPageJob().path, 'the 404 page');
  if (renderer.has(searchTemplate)) {
    own.set(searchPageJob().path, 'the search page');
    for (const path of searchAssetPaths) own.set(path, "the search page's script");
  }
  if (options.config.url) {
    own.set('sitemap.xml', 'the sitemap');
    own.set('robots.txt', 'robots.txt');
  }
  const pathMax = process.platform === 'darwin' ? 1023 : process.platform === 'win32' ? 32_000 : 4095;
  return {
    reservedFiles: new Set(own.keys()),
    publicFiles: new Set(publicList.files),
    reservedFolders: renderer.has(searchTemplate) ? [searchData] : [],
    describe: (path) => own.get(path) ?? path,
    maxPathBytes: pathMax - Buffer.byteLength(options.outDir + sep),
    caseInsensitive,
  };
}

/** A list page in the sitemap: changed when its newest post was published. */
function sitemapEntry(job: PageJob): SitemapEntry {
  const { page, posts } = job.context as { page: { url: string }; posts?: readonly { date: string }[] };
  return { url: page.url, lastmod: posts?.[0]?.date };
}

/**
 * The sitemap and robots.txt, when the config gives the site's URL (a sitemap's URLs are
 * absolute). A robots.txt in the public folder is the user's and wins over gazette's.
 */
async function writeCrawlerFiles(site: SiteWork, entries: readonly SitemapEntry[]): Promise<void> {
  const { config, publicDir } = site.options;
  if (!config.url) return;
  const origin = `${config.url}${config.baseurl}`;
  const fingerprint = hashOf([site.renderKey, 'sitemap', entries]);
  // (isCurrent for every path: each one the build keeps must be marked.)
  if (!sitemapPaths(entries.length).map((path) => site.writer.isCurrent(path, fingerprint)).every(Boolean)) {
    for (const file of await sitemapFiles(entries, origin)) site.writer.write(file.path, file.contents, fingerprint);
  }
  // (A link is not the user's robots.txt: it is not copied, so gazette writes its own.)
  if (publicDir && lstatSync(join(publicDir, 'robots.txt'), { throwIfNoEntry: false })?.isFile()) return;
  const robots = hashOf([site.renderKey, 'robots', origin]);
  if (!site.writer.isCurrent('robots.txt', robots)) site.writer.write('robots.txt', robotsTxt(origin), robots);
}

/** What the transform stage's output depends on besides the post (and the archive's links). */
export type TransformSettings = ReturnType<typeof transformSettings>;

export function transformSettings(options: BuildOptions) {
  const { config } = options;
  return { origin: config.url, excerptLength: config.excerptLength };
}

/** The article cache, keyed on the transform settings and gazette's code; none with --no-cache. */
export function articleCache(options: BuildOptions): ArticleCache | undefined {
  return options.cache ? openArticleCache(options.cache, cacheSalt(options)) : undefined;
}

/** What the article cache's keys hold besides each post: the transform settings and gazette's code. */
function cacheSalt(options: BuildOptions): string {
  return JSON.stringify([transformSettings(options), options.cache?.codeId ?? '']);
}

/**
 * What identifies a post's article (with the answers to its link lookups): the article
 * cache's key, or without a cache the same inputs hashed, so that page fingerprints change
 * whenever the article can, cache or not (`gazette dev --no-cache` keeps its state in memory).
 */
export function articleKey(options: BuildOptions, cache: ArticleCache | undefined, task: TransformTask): string {
  return cache ? cache.key(task) : hashOf([transformSettings(options), task.hash, task.url, task.from ?? null, task.title, task.format, task.encoding]);
}

/** What the build's stages after loading share. */
export interface SiteWork {
  readonly index: SiteIndex;
  readonly options: BuildOptions;
  readonly renderer: Renderer;
  readonly writer: OutputWriter;
  readonly diagnostics: Diagnostic[];
  /** gazette's code and the config: part of every page's fingerprint. */
  readonly renderKey: string;
  /** What this build did, for the report. */
  readonly work: { postsParsed: number; articlesTransformed: number; pagesRendered: number };
  /** Full collections between stages, for a big archive (heap.ts); none when undefined. */
  readonly heap?: Heap | undefined;
}

/** Renders and writes one page unless the output folder already holds it as it would be. */
export async function writePage(site: SiteWork, job: PageJob, fingerprint: string, articleHtml?: () => Promise<string>): Promise<void> {
  if (site.writer.isCurrent(job.path, fingerprint)) return;
  const html = articleHtml ? await articleHtml() : undefined;
  site.work.pagesRendered++;
  site.writer.write(job.path, renderPage(job, site.renderer, html), fingerprint);
}

/** What building one post gave: its article's record, or the diagnostic that says why it was not built; its search terms until the index takes them. */
interface PostResult {
  readonly post: Post;
  readonly record?: ArticleRecord;
  readonly diagnostic?: Diagnostic;
  terms?: BodyTerms | undefined;
}

/**
 * Builds every post that needs it, each one's whole work on the pool (post-work.ts: its
 * article from the cache or made anew, its search terms, its page rendered), and writes each
 * page as soon as it is back, so only the posts in flight are in memory; what the list pages
 * need of each (the summary) is kept. A post whose article record from the previous build
 * still holds (the post and every link lookup it made unchanged) and whose page is current
 * is not touched at all. With `stream`, the search index is made as the posts come back, in
 * its id order, oldest first (every post's terms are then asked for, from the cache when its
 * page is current). The cache is not probed for posts the build state says are new. Results are
 * taken in the index's order, so the report does not depend on which thread finished first.
 */
async function buildPosts(site: SiteWork, previous: Readonly<Record<string, ArticleRecord>> | undefined, stream: boolean) {
  const { index, options } = site;
  const known = previous ?? {};
  const cache = articleCache(options);
  const answers: LinkAnswers = (href) => ({ archived: index.archivedUrl(href) ?? null, sourceSite: index.isSourceSite(href) });
  // Each post's article key, computed once (it hashes the post's task).
  const keys = new Map<string, string>();
  const keyOf = (post: Post) => {
    let key = keys.get(post.source);
    if (key === undefined) keys.set(post.source, (key = articleKey(options, cache, transformTask(post))));
    return key;
  };
  const valid = new Map<string, ArticleRecord | undefined>();
  const stillValid = (post: Post) => {
    if (!valid.has(post.source)) {
      const record = known[post.source];
      valid.set(post.source, record && cache && record.key === keyOf(post) && lookupsHold(record.lookups, answers) ? record : undefined);
    }
    return valid.get(post.source);
  };
  // A post the build state does not know is new: its article is made without looking in the
  // cache. (Without a state, e.g. after a killed build, the cache is looked in when it has entries.)
  const probeNew = previous === undefined && cache?.hasEntries() === true;
  const summaries = new Map<string, ArticleSummary>();
  const views = postViews(index, summaries);
  /** A post's page and its fingerprint; the article's HTML is fixed by its cache key and the answers its link lookups got. */
  const pageOf = (post: Post, record: ArticleRecord) => {
    const job = postPageJob(post, index, views);
    return { job, fingerprint: pageFingerprint(job, site.renderKey, site.renderer, views, articleId(record)) };
  };

  // First the posts whose article and page are both unchanged: no file is read, nothing rendered.
  const current = index.posts.map((post) => {
    const record = stillValid(post);
    if (!record) return false;
    summaries.set(post.source, record.summary);
    const { job, fingerprint } = pageOf(post, record);
    return site.writer.isCurrent(job.path, fingerprint);
  });
  const results: (PostResult | undefined)[] = index.posts.map((post, i) => (current[i] && !stream ? { post, record: stillValid(post)! } : undefined));
  const rest = index.posts.flatMap((post, i) => (results[i] ? [] : [{ post, i }]));

  const hasSearch = site.renderer.has(searchTemplate);
  const setup: PostWorkSetup = {
    transform: { ...transformSettings(options), links: index.links },
    cache: options.cache && { folder: { dir: options.cache.dir, secret: options.cache.secret }, salt: cacheSalt(options) },
    render: { templatesDir: options.templatesDir, config: options.config, cwd: options.cwd },
    search: hasSearch,
  };
  // Workers (sized by the posts with work to do) start on the first post that needs one; the
  // article pipeline is loaded by them (or on demand), so a rebuild with nothing to do does not
  // load unified, markdown-it and Nunjucks.
  let pool: Promise<PostPool> | undefined;
  const poolOf = () => (pool ??= createPostPool(setup, rest.length, options.threads));
  const close = async () => {
    const closing = pool;
    pool = undefined;
    if (closing) await (await closing).close();
  };
  const run = async (work: PostTask): Promise<PostOutcome> => {
    const outcome = await (await poolOf()).post(work);
    if (outcome.transformed) site.work.articlesTransformed++;
    return outcome;
  };
  /**
   * Renders a page without an article (a list page) on the pool, or in this thread when no
   * pool was started for the posts (none is started for a few list pages); `template` names
   * the file its errors are reported on.
   */
  const renderOnPool = async (job: PageJob, template: string, target: string | undefined): Promise<PageOutcome> => {
    if (pool) return (await pool).page({ render: job, source: template, target });
    try {
      return { html: renderPage(job, site.renderer) };
    } catch (error) {
      return { diagnostic: renderDiagnostic(template, error) };
    }
  };
  /** One post's work, its page written when it is not current. */
  const buildPost = async (post: Post, i: number): Promise<PostResult> => {
    const kept = stillValid(post);
    const wantsPage = !current[i];
    // (A post the state knows but whose article changed is looked for: an edit undone, a branch checked out.)
    const probe = probeNew || known[post.source] !== undefined;
    // In a first build the pool thread writes the page where it goes (the HTML need not come back).
    let target: string | undefined;
    try {
      if (wantsPage) target = site.writer.target(post.outputPath);
    } catch (error) {
      return { post, diagnostic: renderDiagnostic(post.source, error) };
    }
    const outcome = await run({ task: transformTask(post), key: keyOf(post), probe, page: wantsPage ? postPageOutline(post, index) : undefined, target, terms: stream, article: false });
    if ('diagnostic' in outcome) {
      site.writer.release(post.outputPath);
      return { post, diagnostic: outcome.diagnostic };
    }
    // (The previous build's record itself when it holds: the build can tell its state is unchanged.)
    const record = kept ?? outcome.record;
    summaries.set(post.source, record.summary);
    if (wantsPage) {
      try {
        const { job, fingerprint } = pageOf(post, record);
        if (outcome.html === undefined) {
          site.work.pagesRendered++;
          site.writer.placed(job.path, fingerprint);
        } else if (!site.writer.isCurrent(job.path, fingerprint)) {
          site.work.pagesRendered++;
          site.writer.write(job.path, outcome.html, fingerprint);
        }
      } catch (error) {
        summaries.delete(post.source); // not built: not listed either
        site.writer.release(post.outputPath);
        return { post, diagnostic: renderDiagnostic(post.source, error) };
      }
    }
    return { post, record, terms: outcome.terms };
  };

  // The search index, made as the posts come back: each built post's terms in the index's id
  // order, oldest first (search-index.ts). The posts are built in that order too.
  const streamed = stream ? createSearchIndex(index.posts.length, traditionalChars, lazyConverter(), { folder: site.writer.scratch('search') }) : undefined;
  let taken = results.length - 1;
  const take = () => {
    for (; taken >= 0 && results[taken] !== undefined; taken--) {
      const result = results[taken]!;
      if (!streamed || !result.record) continue;
      const { post } = result;
      streamed.add({ url: post.url, title: post.title, date: post.date, body: result.terms ?? ['', []] });
      result.terms = undefined; // (taken: not kept until the end)
    }
  };
  options.progress?.start(rest.length);
  try {
    await pMap(
      [...rest].reverse(),
      async ({ post, i }) => {
        try {
          results[i] = await buildPost(post, i);
          take();
        } finally {
          options.progress?.tick();
        }
      },
      // Enough posts in flight to keep every worker busy.
      { concurrency: tasksInFlight(options.threads) },
    );
  } catch (error) {
    await close();
    throw error;
  } finally {
    options.progress?.stop();
  }
  const built: Post[] = [];
  const articles: Record<string, ArticleRecord> = {};
  for (const { post, record, diagnostic } of results as PostResult[]) {
    if (diagnostic) site.diagnostics.push(diagnostic);
    if (record) {
      articles[post.source] = record;
      built.push(post);
    }
  }
  /** An article's entry from the cache, else (no cache, or deleted by hand) made again on the pool. */
  const entryOf = async (post: Post, record: ArticleRecord, wanted: { html: boolean; terms: boolean }) => {
    const entry = await cache?.read(record.key);
    if (entry && (!wanted.terms || entry.terms)) return { html: entry.article.html, terms: entry.terms };
    const again = await run({ task: transformTask(post), key: record.key, probe: false, terms: wanted.terms, article: wanted.html });
    if ('diagnostic' in again) throw new Error(again.diagnostic.message);
    return { html: again.article, terms: again.terms };
  };
  /** A built post's article HTML, for the feeds (which need their entries' articles). */
  const articleHtml = async (source: string) => (await entryOf(index.bySource.get(source)!, articles[source]!, { html: true, terms: false })).html!;
  /** A built post's search terms (for an index that is updated, not made as the posts came back). */
  const articleTerms = async (source: string) => (await entryOf(index.bySource.get(source)!, articles[source]!, { html: false, terms: true })).terms!;
  /** The search terms kept with a cache entry, by key (an earlier version's, for the search index). */
  const storedTerms = async (key: string) => (await cache?.read(key))?.terms;
  /** Stops the worker threads: call when no more article HTML, terms or pages are needed. */
  return { built, articles, views, articleHtml, articleTerms, storedTerms, streamed, renderOnPool, close };
}

/**
 * True when two records hold the same entries, by identity (a reused record is the same
 * object), or when `part` is given, the same part of each entry.
 */
function sameRecords<T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>, part: (entry: T) => unknown = (entry) => entry): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && part(a[k]!) === part(b[k]!));
}

/** Refuses to start when an input folder is missing or the output folder would swallow an input. */
function checkFolders(options: BuildOptions): void {
  const show = (p: string) => relative(options.cwd, p) || '.';
  if (!existsSync(options.postsDir)) throw new FatalError(`posts folder not found: ${show(options.postsDir)}`);
  const out = options.outDir;
  const inputs = [options.cwd, options.postsDir, options.templatesDir, ...(options.publicDir ? [options.publicDir] : [])];
  for (const input of inputs) {
    if (input === out || input.startsWith(out + sep)) {
      throw new FatalError(`the output folder ${show(out)} contains ${show(input)}: a build replaces the output folder, so it must not hold any input`);
    }
  }
}

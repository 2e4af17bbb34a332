import { existsSync, lstatSync, type Stats } from 'node:fs';
import { relative, sep } from 'node:path';
import { articleCache, articleId, articleKey, transformSettings, writeFeeds, writePage, type BuildOptions, type BuiltSite, type SiteWork, type TransformSettings } from '../build.js';
import { feedJobs } from '../render/feeds.js';
import type { ArticleRecord, FileRecord } from '../cache/build-state.js';
import { articleParts, cacheEntry } from '../cache/article-cache.js';
import { isRacy } from '../load/load-posts.js';
import { dateArchivePageJobs, homePageJobs, pageFingerprint, postPageJob, postViews, taxonomyPageJobs } from '../render/render-pages.js';
import { hasDateArchives, searchTemplate } from '../render/environment.js';
import { lastModified } from '../render/views.js';
import { withNewBodies } from '../site/site-index.js';
import { editedSearchState, patchSearchIndex, searchStateOf, type IndexedText } from '../search/write-search.js';
import { searchNormalizer } from '../search/search-index.js';
import { transformTask } from '../transform/transform-post.js';
import type { Transformer } from '../transform/transformer.js';
import type { LinkTable } from '../site/link-table.js';
import { diagnostic } from '../errors.js';
import type { Diagnostic, Post } from '../types.js';
import { linkOnPath, readRegularFile } from '../read-regular-file.js';
import { OutputWriter, publicFingerprintPrefix } from '../write/output-writer.js';
import { isBodyEdit } from './changes.js';

/**
 * The two updates `gazette dev` makes without a rebuild, each exact for the case it takes
 * and declining (returning undefined) every other case, which a rebuild then handles:
 *
 * - posts whose body alone changed: their articles are transformed again, and only their
 *   pages and the list pages that show them are fingerprinted (and rendered if changed);
 * - public files: copied, or removed, one by one.
 */

/**
 * A transformer in this thread, made again only when the settings or the archive's link table
 * change (making one builds the article pipeline and the link lookup: most of an update's time
 * at 10,000 posts). Owned by the dev session, which closes it.
 */
export class TransformerKeeper {
  private kept: { key: string; links: LinkTable; transformer: Transformer } | undefined;

  async for(settings: TransformSettings, links: LinkTable): Promise<Transformer> {
    const key = JSON.stringify(settings);
    if (this.kept?.key !== key || this.kept.links !== links) {
      await this.close();
      const { createTransformer } = await import('../transform/transformer.js');
      this.kept = { key, links, transformer: createTransformer({ ...settings, links }, 1, 0) };
    }
    return this.kept.transformer;
  }

  async close(): Promise<void> {
    await this.kept?.transformer.close();
    this.kept = undefined;
  }
}

/** Redoes posts whose files were edited, if only their bodies changed; undefined otherwise. */
export async function updatePostBodies(site: BuiltSite, options: BuildOptions, files: readonly string[], transformers: TransformerKeeper): Promise<BuiltSite | undefined> {
  const { config } = options;
  if (!existsSync(options.outDir)) return undefined; // the output folder was removed: a rebuild makes it again
  const bySource = new Map(files.map((path) => [relative(options.cwd, path), path]));
  const { loadPost } = await import('../load/load-post.js');
  const context = { config, layoutExists: site.renderer.hasPostLayout, now: options.now };
  // What changes in the state's tables, applied to them in place once the output folder is
  // updated (copying 10,000-entry tables on every edit cost more than the rest of the update).
  const fileRecords = new Map<string, FileRecord>();
  const replaced = new Map<string, Post>();
  for (const [source, path] of bySource) {
    const old = site.index.bySource.get(source);
    const known = site.state.files[source];
    if (!old || !known || !site.state.articles[source]) return undefined; // not a built post
    // A post that shares its URL: whether it is a copy of another depends on its body.
    if (site.index.sharedUrl.has(source)) return undefined;
    // A symbolic link (the file, or a folder on its way) is never read through: the rebuild
    // leaves the post out and warns, as a build does.
    if (linkOnPath(options.postsDir, path) !== undefined) return undefined;
    let bytes: Buffer;
    let info: Stats;
    try {
      ({ bytes, info } = await readRegularFile(path));
    } catch {
      return undefined;
    }
    const [format, folderCategories] = JSON.parse(known.place) as [Post['format'], string[]];
    const result = loadPost({ source, path, format, folderCategories }, bytes, context);
    // Same warnings too: the build's diagnostics stay as they are.
    if (!result.post || !isBodyEdit(old, result.post) || JSON.stringify(result.diagnostics) !== JSON.stringify(known.result.diagnostics)) return undefined;
    const stat = { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
    fileRecords.set(source, { stat, hash: result.post.hash, place: known.place, result, racy: isRacy(stat, options.now) });
    replaced.set(source, result.post);
  }
  const index = withNewBodies(site.index, replaced);

  // The articles, in this thread (a few posts), by a transformer kept while the archive's links stay the same.
  const transformer = await transformers.for(transformSettings(options), index.links);
  const cache = articleCache(options);
  const newArticles = new Map<string, ArticleRecord>();
  const articleOf = (source: string) => newArticles.get(source) ?? site.state.articles[source];
  const html = new Map<string, string>();
  // Each post's search terms before and after, for the search index (those before are kept with the cache entry).
  const searchEdits = new Map<string, { before: IndexedText; after: IndexedText }>();
  const hasSearch = site.renderer.has(searchTemplate);
  let normalise: ((text: string) => string) | undefined;
  for (const post of replaced.values()) {
    const task = transformTask(post);
    const outcome = await transformer.run(task);
    if ('diagnostic' in outcome) return undefined; // a new error: the rebuild reports it
    const key = articleKey(options, cache, task);
    const entry = cacheEntry(outcome, hasSearch ? (normalise ??= searchNormalizer()) : undefined);
    await cache?.write(key, entry);
    const { html: articleHtml, summary } = articleParts(entry.article);
    if (entry.terms) {
      const before = (await cache?.read(site.state.articles[post.source]!.key))?.terms;
      if (before === undefined) return undefined; // (no cache: the rebuild makes the index again)
      searchEdits.set(post.source, { before: { title: post.title, body: before }, after: { title: post.title, body: entry.terms } });
    }
    newArticles.set(post.source, { key, summary, lookups: outcome.lookups });
    html.set(post.source, articleHtml);
  }

  // Every built post has an article record, and only built posts do.
  const views = postViews(index, { has: (source) => articleOf(source) !== undefined, get: (source) => articleOf(source)?.summary });
  const writer = await OutputWriter.open(options.outDir, site.state.outputs, { partial: true });
  let search = site.state.search;
  const work = { postsParsed: replaced.size, articlesTransformed: replaced.size, pagesRendered: 0 };
  const siteWork: SiteWork = { index, options, renderer: site.renderer, writer, diagnostics: [], renderKey: site.renderKey, work };
  try {
    for (const post of replaced.values()) {
      const record = articleOf(post.source)!;
      const job = postPageJob(post, index, views);
      const fingerprint = pageFingerprint(job, site.renderKey, site.renderer, views, articleId(record));
      await writePage(siteWork, job, fingerprint, async () => html.get(post.source)!);
    }
    // Only the list pages that show one of these posts can change.
    const wanted = (sources: readonly string[]) => sources.some((s) => replaced.has(s));
    const perPage = config.paginate;
    const lists = [
      ...homePageJobs(index, views, perPage, wanted),
      ...taxonomyPageJobs('tags', index, views, perPage, wanted),
      ...taxonomyPageJobs('categories', index, views, perPage, wanted),
      ...(hasDateArchives(site.renderer) ? dateArchivePageJobs(index, views, perPage, wanted) : []),
    ];
    // (A list page a build leaves out because a post's page is at its path is left out here too.)
    for (const job of lists) if (!site.built.some((p) => p.outputPath === job.path)) await writePage(siteWork, job, pageFingerprint(job, site.renderKey, site.renderer, views));
    if (config.url) {
      // The feeds holding these posts, whose other entries' articles come from the cache (or the transformer).
      const stored = async (source: string) => {
        const known = html.get(source) ?? (await cache?.read(articleOf(source)!.key))?.article.html;
        if (known !== undefined) return known;
        const again = await transformer.run(transformTask(index.bySource.get(source)!));
        if ('diagnostic' in again) throw new Error(again.diagnostic.message);
        return again.article.html;
      };
      const updated = (source: string) => lastModified(index.bySource.get(source)!);
      await writeFeeds(siteWork, feedJobs(index, views, config, updated, wanted), articleOf, stored);
      if (siteWork.diagnostics.length > 0) throw new Error('a feed could not be made');
    }
    if (hasSearch) {
      search = search ? editedSearchState(search, newArticles) : searchStateOf(siteWork, site.built, (source) => articleOf(source)!);
      patchSearchIndex(siteWork, site.built, searchEdits, search);
    }
  } catch {
    await writer.abort();
    return undefined; // a template error or a feed that could not be made: the rebuild reports it
  }
  const { outputs, written, removed } = await writer.commit();
  // The session owns its state: the tables are updated in place (after any error it trusts none of it).
  const fileTable = site.state.files as Record<string, FileRecord>;
  for (const [source, record] of fileRecords) fileTable[source] = record;
  const articleTable = site.state.articles as Record<string, ArticleRecord>;
  for (const [source, record] of newArticles) articleTable[source] = record;
  return {
    ...site,
    index,
    state: { ...site.state, files: fileTable, articles: articleTable, outputs, search },
    built: site.built.map((p) => replaced.get(p.source) ?? p),
    work: { ...work, filesWritten: written, filesRemoved: removed },
  };
}

/**
 * Copies or removes changed public files; undefined when one stands where a page is, or when
 * robots.txt goes (the build may then write its own): a rebuild decides. A symbolic link (or
 * a file in a linked folder) is not copied, as the build does not copy it: the file it
 * replaced is removed, and a warning names the link.
 */
export async function updatePublicFiles(site: BuiltSite, options: BuildOptions, files: readonly string[]): Promise<BuiltSite | undefined> {
  const publicDir = options.publicDir;
  if (!publicDir || !existsSync(options.outDir)) return undefined;
  const writer = await OutputWriter.open(options.outDir, site.state.outputs, { partial: true });
  const warnings: Diagnostic[] = [];
  for (const file of files) {
    const path = relative(publicDir, file).split(sep).join('/');
    const recorded = site.state.outputs[path];
    if (recorded !== undefined && !recorded.startsWith(publicFingerprintPrefix)) {
      await writer.abort();
      return undefined; // a generated page's path
    }
    const link = linkOnPath(publicDir, file);
    // (copyPublicFile refuses a file swapped for a link after this look, too.)
    if (link === undefined && lstatSync(file, { throwIfNoEntry: false })?.isFile() && (await writer.copyPublicFile(file, path))) continue;
    if (path === 'robots.txt') {
      await writer.abort();
      return undefined;
    }
    // A folder swapped for a link: its files are the rebuild's to remove.
    if (link === file && Object.keys(site.state.outputs).some((output) => output.startsWith(`${path}/`))) {
      await writer.abort();
      return undefined;
    }
    if (recorded !== undefined) writer.remove(path);
    if (link !== undefined) warnings.push(diagnostic('warning', relative(options.cwd, link), 'symbolic link not followed', { hint: 'public files must be real files inside the public folder' }));
  }
  const { outputs, written, removed } = await writer.commit();
  const same = (a: Diagnostic, b: Diagnostic) => a.source === b.source && a.message === b.message;
  return {
    ...site,
    state: { ...site.state, outputs },
    diagnostics: [...site.diagnostics.filter((d) => !warnings.some((w) => same(d, w))), ...warnings],
    work: { postsParsed: 0, articlesTransformed: 0, pagesRendered: 0, filesWritten: written, filesRemoved: removed },
  };
}

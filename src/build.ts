import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { SiteConfig } from './config.js';
import { diagnostic, FatalError, toDiagnostic } from './errors.js';
import { loadPosts } from './load/load-posts.js';
import { createRenderer, TemplateError, type Renderer } from './render/environment.js';
import { renderHomePages, renderPostPage, renderTaxonomyPages } from './render/render-pages.js';
import { makeReport, type BuildReport } from './report.js';
import { buildSiteIndex, type SiteIndex } from './site/site-index.js';
import pMap from 'p-map';
import { transformTask, type TransformTask } from './transform/transform-post.js';
import { createTransformer, type Transformer } from './transform/transformer.js';
import { openArticleCache } from './cache/article-cache.js';
import type { ArticleSummary, Diagnostic, OutputFile, Post } from './types.js';
import { OutputWriter } from './write/output-writer.js';

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
  /** The persistent article cache: its folder and an id of gazette's code; none when undefined. */
  readonly cache?: { readonly dir: string; readonly codeId: string } | undefined;
}

/**
 * Builds the site: load → index → transform and render each post → render the lists →
 * copy public → swap the output in. Bad posts are reported and left out; the rest is
 * built. Throws FatalError when nothing can be built.
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const { cwd, config } = options;
  checkFolders(options);
  const renderer = createRenderer(options.templatesDir, config, cwd);

  const archive = await loadPosts(options.postsDir, options.outDir, cwd, { config, layoutExists: renderer.hasPostLayout, now: options.now });
  const { index, diagnostics: indexDiagnostics } = buildSiteIndex(archive.posts);
  const diagnostics: Diagnostic[] = [...archive.diagnostics, ...indexDiagnostics];

  const writer = await OutputWriter.open(options.outDir);
  try {
    const { built, summaries } = await renderPosts(index, options, renderer, writer, diagnostics);
    const lists: [string, () => OutputFile[]][] = [
      ['home', () => renderHomePages(index, summaries, renderer, config.paginate)],
      ['tags', () => renderTaxonomyPages('tags', index, summaries, renderer, config.paginate)],
      ['categories', () => renderTaxonomyPages('categories', index, summaries, renderer, config.paginate)],
    ];
    for (const [template, render] of lists) {
      try {
        for (const file of render()) await writer.write(file);
      } catch (error) {
        diagnostics.push(renderDiagnostic(relative(cwd, join(options.templatesDir, `${template}.njk`)), error));
      }
    }
    const pages = writer.count;
    if (options.publicDir) diagnostics.push(...(await writer.copyPublic(options.publicDir, cwd)));
    await writer.commit();
    return makeReport({ cwd, outDir: options.outDir, built, summaries, skipped: archive.skipped, diagnostics, pages, durationMs: Math.round(performance.now() - started) });
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/**
 * Transforms each post's body (on worker threads when the archive is big enough) and
 * renders its page as soon as it is back, so only the posts in flight have their bodies in
 * memory; what the list pages need of each (the summary) is kept. Results are taken in
 * the index's order, so the report does not depend on which thread finished first.
 */
async function renderPosts(index: SiteIndex, options: BuildOptions, renderer: Renderer, writer: OutputWriter, diagnostics: Diagnostic[]) {
  const { config } = options;
  const settings = { origin: config.url, excerptLength: config.excerptLength, lang: config.lang };
  const cache = options.cache ? openArticleCache(options.cache.dir, JSON.stringify([settings, options.cache.codeId])) : undefined;
  const answers = (href: string) => ({ archived: index.archivedUrl(href) ?? null, sourceSite: index.isSourceSite(href) });
  // The transformer (and its worker threads) is started on the first post the cache cannot serve.
  let transformer: Transformer | undefined;
  const transform = (task: TransformTask) => {
    transformer ??= createTransformer({ ...settings, links: index.links }, index.posts.length, options.threads);
    return transformer.run(task);
  };
  /** Transforms (or takes from the cache) one post and writes its page. */
  const buildPost = async (post: Post): Promise<{ post: Post; summary?: ArticleSummary; diagnostic?: Diagnostic }> => {
    const task = transformTask(post);
    let article = await cache?.get(task, answers);
    if (!article) {
      const outcome = await transform(task);
      if ('diagnostic' in outcome) return { post, diagnostic: outcome.diagnostic };
      article = outcome.article;
      await cache?.set(task, outcome);
    }
    try {
      await writer.write(renderPostPage(post, article, index, renderer));
    } catch (error) {
      return { post, diagnostic: renderDiagnostic(post.source, error) };
    }
    const { html: _html, ...summary } = article;
    return { post, summary };
  };
  let results: { post: Post; summary?: ArticleSummary; diagnostic?: Diagnostic }[];
  options.progress?.start(index.posts.length);
  try {
    results = await pMap(
      index.posts,
      async (post) => {
        try {
          return await buildPost(post);
        } finally {
          options.progress?.tick();
        }
      },
      // Enough posts in flight to keep every worker busy.
      { concurrency: 4 * Math.max(1, options.threads ?? availableParallelism()) },
    );
  } finally {
    options.progress?.stop();
    await transformer?.close();
  }
  const posts: Post[] = [];
  const summaries = new Map<string, ArticleSummary>();
  for (const { post, summary, diagnostic } of results) {
    if (diagnostic) diagnostics.push(diagnostic);
    if (summary) {
      summaries.set(post.source, summary);
      posts.push(post);
    }
  }
  return { built: posts, summaries };
}

function renderDiagnostic(source: string, error: unknown): Diagnostic {
  if (error instanceof TemplateError) {
    return diagnostic('error', source, `template ${error.file ?? ''}${error.line ? `:${error.line}` : ''}: ${error.message}`);
  }
  return toDiagnostic(source, error);
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

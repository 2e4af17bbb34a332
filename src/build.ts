import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SiteConfig } from './config.js';
import { diagnostic, FatalError, GazetteError, toDiagnostic } from './errors.js';
import { loadPosts } from './load/load-posts.js';
import { createRenderer, TemplateError, type Renderer } from './render/environment.js';
import { renderHomePages, renderPostPage, renderTaxonomyPages } from './render/render-pages.js';
import { makeReport, type BuildReport } from './report.js';
import { buildSiteIndex, type SiteIndex } from './site/site-index.js';
import { createArticleProcessor } from './transform/article-processor.js';
import { readBody } from './transform/read-body.js';
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
 * Transforms each post's body and renders its page straight away, so only one body is
 * in memory at a time; what the list pages need of it (the summary) is kept.
 */
async function renderPosts(index: SiteIndex, options: BuildOptions, renderer: Renderer, writer: OutputWriter, diagnostics: Diagnostic[]) {
  const transform = createArticleProcessor({
    origin: options.config.url,
    excerptLength: options.config.excerptLength,
    lang: options.config.lang,
    archivedUrl: (href) => index.archivedUrl(href),
    isSourceSite: (href) => index.isSourceSite(href),
  });
  /** The transform, with the one way a hostile body can exhaust it explained. */
  const transformOrExplain = (post: Post, body: string) => {
    try {
      return transform({ format: post.format, body, url: post.url, from: post.from });
    } catch (error) {
      if (error instanceof RangeError && /call stack/i.test(error.message)) {
        throw new GazetteError(post.source, "the article's HTML is nested too deeply to process (thousands of levels)", { line: post.bodyLine, hint: 'flatten the markup', cause: error });
      }
      throw error;
    }
  };
  const posts: Post[] = [];
  const summaries = new Map<string, ArticleSummary>();
  for (const post of index.posts) {
    try {
      const article = transformOrExplain(post, await readBody(post));
      await writer.write(renderPostPage(post, article, index, renderer));
      const { html: _html, ...summary } = article;
      summaries.set(post.source, summary);
      posts.push(post);
    } catch (error) {
      diagnostics.push(renderDiagnostic(post.source, error));
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

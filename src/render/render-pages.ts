import type { SiteIndex } from '../site/site-index.js';
import { placeUrl } from '../load/permalink.js';
import type { Article, ArticleSummary, OutputFile, Post, TaxonomyKind } from '../types.js';
import { markSafe, type Renderer } from './environment.js';
import { paginate } from './paginate.js';
import { postView, type PostView } from './views.js';

/**
 * Page renderers: each takes plain data (the index, a post, summaries) and returns the
 * files to write. Templates get `site` (global), `page` (this page's kind, title, url)
 * and the page's own data.
 */

/** The output file of a page at a site path (`/tags/x/` → `tags/x/index.html`). */
function fileFor(url: string, contents: string): OutputFile {
  const placed = placeUrl(url);
  if ('problem' in placed) throw new Error(placed.problem);
  return { path: placed.outputPath, contents };
}

/** A post's page, with its article and its neighbours in time (title, url and date of each). */
export function renderPostPage(post: Post, article: Article, index: SiteIndex, renderer: Renderer): OutputFile {
  const { older, newer } = index.neighbours(post.source);
  const view = (p: Post | undefined) => (p ? { title: p.title, url: p.url, date: p.date } : undefined);
  const html = renderer.render(post.layout, {
    page: { kind: 'post', title: post.title, url: post.url, description: article.excerpt },
    post: { ...postView(post, index, article), content: markSafe(article.html) },
    older: view(older),
    newer: view(newer),
  });
  return fileFor(post.url, html);
}

/** Views of the given posts for a list page, newest first. */
function views(sources: readonly string[], index: SiteIndex, summaries: ReadonlyMap<string, ArticleSummary>): PostView[] {
  return sources.flatMap((s) => {
    const post = index.bySource.get(s);
    return post ? [postView(post, index, summaries.get(s))] : [];
  });
}

/** The home page and its following pages: every post, newest first. */
export function renderHomePages(index: SiteIndex, summaries: ReadonlyMap<string, ArticleSummary>, renderer: Renderer, perPage: number): OutputFile[] {
  const all = views(index.posts.map((p) => p.source), index, summaries);
  return paginate(all, perPage, '/').map((pagination) =>
    fileFor(pagination.url, renderer.render('home', { page: { kind: 'home', title: '', url: pagination.url }, pagination, posts: pagination.items })),
  );
}

const singular: Record<TaxonomyKind, 'tag' | 'category'> = { tags: 'tag', categories: 'category' };

/** The index of all terms of a taxonomy (`/tags/`), and each term's paginated list. */
export function renderTaxonomyPages(kind: TaxonomyKind, index: SiteIndex, summaries: ReadonlyMap<string, ArticleSummary>, renderer: Renderer, perPage: number): OutputFile[] {
  const terms = index.terms[kind].map((t) => ({ name: t.name, url: t.url, count: t.posts.length }));
  const indexUrl = `/${kind}/`;
  const files = [fileFor(indexUrl, renderer.render(kind, { page: { kind, title: '', url: indexUrl }, terms }))];
  for (const term of index.terms[kind]) {
    const termView = { name: term.name, url: term.url, count: term.posts.length };
    for (const pagination of paginate(views(term.posts, index, summaries), perPage, term.url)) {
      const page = { kind: singular[kind], title: term.name, url: pagination.url };
      files.push(fileFor(pagination.url, renderer.render(singular[kind], { page, term: termView, pagination, posts: pagination.items })));
    }
  }
  return files;
}

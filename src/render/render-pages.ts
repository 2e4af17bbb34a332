import { createHash } from 'node:crypto';
import type { SiteIndex } from '../site/site-index.js';
import { placeUrl } from '../load/permalink.js';
import type { ArticleSummary, Post, TaxonomyKind } from '../types.js';
import { archiveIndexTemplate, archiveTemplate, markSafe, notFoundTemplate, searchTemplate, type Renderer } from './environment.js';
import { paginate } from './paginate.js';
import { archiveUrls, postLanguage, postView, summaryFields, type PostView } from './views.js';

/**
 * The site's pages as plain data: each page is a job (output path, template, context) that
 * can be fingerprinted without rendering it, and rendered when its fingerprint changed.
 * Templates get `site` (global), `page` (this page's kind, title, url) and the page's own
 * data. A post page's article HTML is not in its context: it is added at render time, and
 * an id of the article (its cache key and link answers) stands for it in the fingerprint.
 */
export interface PageJob {
  /** Output file, relative to the output folder. */
  readonly path: string;
  readonly template: string;
  readonly context: Readonly<Record<string, unknown>>;
  /** On a post page: the post whose article HTML the template gets as `post.content`. */
  readonly article?: string;
}

/**
 * Each built post's view, made once per build and shared by every page that lists the post,
 * with a hash of it for fingerprints (so a list page is fingerprinted without serialising
 * every post it lists again). A post without a summary was not built and is not listed.
 */
export interface PostViews {
  get(source: string): PostView | undefined;
  /** True when the post was built (it has a summary), so it is listed. */
  has(source: string): boolean;
  /** The hash of a view this object made, for the fingerprint of a page that holds it. */
  readonly ids: WeakMap<object, string>;
}

/** The summaries of the built posts' articles (a Map, or any lookup of the same shape). */
export interface Summaries {
  has(source: string): boolean;
  get(source: string): ArticleSummary | undefined;
}

export function postViews(index: SiteIndex, summaries: Summaries): PostViews {
  const made = new Map<string, PostView>();
  const ids = new WeakMap<object, string>();
  return {
    ids,
    has: (source) => summaries.has(source),
    get(source) {
      if (!summaries.has(source)) return undefined; // not built: not shown
      let view = made.get(source);
      if (!view) {
        const post = index.bySource.get(source);
        if (!post) return undefined;
        view = postView(post, index, summaries.get(source));
        made.set(source, view);
        ids.set(view, createHash('sha256').update(JSON.stringify(view)).digest('base64'));
      }
      return view;
    },
  };
}

/** The output path of a page at a site path (`/tags/x/` → `tags/x/index.html`). */
export function pathOf(url: string): string {
  const placed = placeUrl(url);
  if ('problem' in placed) throw new Error(placed.problem);
  return placed.outputPath;
}

/** How many related posts a post page lists. */
export const relatedLimit = 5;

/** A post's page: its view (the article HTML comes at render time), its neighbours in time and its related posts. */
export function postPageJob(post: Post, index: SiteIndex, views: PostViews): PageJob {
  return postPage(post, index, views.get(post.source)!);
}

/**
 * A post's page before its article is made: what its view takes from the article's summary
 * is left empty, for completePostPage to fill in where the article is made.
 */
export function postPageOutline(post: Post, index: SiteIndex): PageJob {
  return postPage(post, index, postView(post, index, undefined));
}

/** A post page's outline (postPageOutline) with what it takes from its article's summary: the page postPageJob gives once the summary is known. */
export function completePostPage(job: PageJob, summary: ArticleSummary): PageJob {
  const post = { ...(job.context.post as PostView), ...summaryFields(summary) };
  return { ...job, context: { ...job.context, page: { ...(job.context.page as object), description: post.excerpt }, post } };
}

function postPage(post: Post, index: SiteIndex, view: PostView): PageJob {
  const { older, newer } = index.neighbours(post.source);
  const neighbour = (p: Post | undefined) => (p ? { title: p.title, url: p.url, date: p.date } : undefined);
  return {
    path: post.outputPath,
    template: post.layout,
    context: {
      page: { kind: 'post', title: post.title, url: post.url, description: view.excerpt, lang: postLanguage(post.data) },
      post: view,
      older: neighbour(older),
      newer: neighbour(newer),
      related: index.related(post.source, relatedLimit).map(neighbour),
    },
    article: post.source,
  };
}

/** Which list pages to make, by the posts they list (sources): all when undefined. */
export type ListFilter = ((sources: readonly string[]) => boolean) | undefined;

/**
 * The pages of a list of posts (newest first), paginated from `base`: only built posts are
 * listed, and only the pages `wanted` are made (views are made for those pages' posts only).
 */
function listPages(sources: readonly string[], views: PostViews, perPage: number, base: string, wanted: ListFilter) {
  const built = sources.filter((s) => views.has(s));
  return paginate(built, perPage, base)
    .filter((page) => !wanted || wanted(page.items))
    .map((page) => {
      const posts = page.items.map((s) => views.get(s)!);
      return { ...page, items: posts };
    });
}

/** The home page and its following pages: every post, newest first. */
export function homePageJobs(index: SiteIndex, views: PostViews, perPage: number, wanted?: ListFilter): PageJob[] {
  const sources = index.posts.map((p) => p.source);
  return listPages(sources, views, perPage, '/', wanted).map((pagination) => ({
    path: pathOf(pagination.url),
    template: 'home',
    context: { page: { kind: 'home', title: '', url: pagination.url }, pagination, posts: pagination.items },
  }));
}

const singular: Record<TaxonomyKind, 'tag' | 'category'> = { tags: 'tag', categories: 'category' };

/**
 * The index of all terms of a taxonomy (`/tags/`), and each term's paginated list. With a
 * filter, only the term pages it wants (the index of terms lists no posts, so it is left out).
 */
export function taxonomyPageJobs(kind: TaxonomyKind, index: SiteIndex, views: PostViews, perPage: number, wanted?: ListFilter): PageJob[] {
  const jobs: PageJob[] = [];
  if (!wanted) {
    const terms = index.terms[kind].map((t) => ({ name: t.name, url: t.url, count: t.posts.length }));
    const indexUrl = `/${kind}/`;
    jobs.push({ path: pathOf(indexUrl), template: kind, context: { page: { kind, title: '', url: indexUrl }, terms } });
  }
  for (const term of index.terms[kind]) {
    if (wanted && !wanted(term.posts)) continue; // (none of its pages can be wanted: quicker than paginating it)
    const termView = { name: term.name, url: term.url, count: term.posts.length };
    for (const pagination of listPages(term.posts, views, perPage, term.url, wanted)) {
      const page = { kind: singular[kind], title: term.name, url: pagination.url };
      jobs.push({ path: pathOf(pagination.url), template: singular[kind], context: { page, term: termView, pagination, posts: pagination.items } });
    }
  }
  return jobs;
}

/** A year or a month of the archive: its page and its posts (sources, newest first). */
export interface Period {
  /** `2024` or `2024-11`. */
  readonly name: string;
  /** `/2024/` or `/2024/11/`. */
  readonly url: string;
  readonly posts: readonly string[];
}

/** The archive's years, newest first, each with its months, from the posts' dates in the site's timezone. */
export function periodsOf(index: SiteIndex): { year: Period; months: Period[] }[] {
  // By page URL, in the order met (newest first).
  const years = new Map<string, { name: string; posts: string[]; months: Map<string, { name: string; posts: string[] }> }>();
  for (const post of index.posts) {
    const urls = archiveUrls(post.date);
    const [year, month] = [post.date.slice(0, 4), post.date.slice(5, 7)];
    let entry = years.get(urls.year);
    if (!entry) years.set(urls.year, (entry = { name: year, posts: [], months: new Map() }));
    entry.posts.push(post.source);
    const inMonth = entry.months.get(urls.month);
    if (inMonth) inMonth.posts.push(post.source);
    else entry.months.set(urls.month, { name: `${year}-${month}`, posts: [post.source] });
  }
  return [...years].map(([url, { name, posts, months }]) => ({
    year: { name, url, posts },
    months: [...months].map(([monthUrl, m]) => ({ name: m.name, url: monthUrl, posts: m.posts })),
  }));
}

/**
 * The date archives: the index of years and months (`/archive/`), and each year's and
 * month's paginated list (`/2024/`, `/2024/11/`, `/2024/11/page/2/`). With a filter, only
 * the list pages it wants (the index lists no posts). Only built posts are listed and counted.
 */
export function dateArchivePageJobs(index: SiteIndex, views: PostViews, perPage: number, wanted?: ListFilter): PageJob[] {
  const jobs: PageJob[] = [];
  const periods = periodsOf(index);
  const count = (period: Period) => period.posts.filter((s) => views.has(s)).length;
  if (!wanted) {
    const years = periods
      .map(({ year, months }) => ({ name: year.name, url: year.url, count: count(year), months: months.map((m) => ({ name: m.name, url: m.url, count: count(m) })).filter((m) => m.count > 0) }))
      .filter((y) => y.count > 0);
    jobs.push({ path: pathOf('/archive/'), template: archiveIndexTemplate, context: { page: { kind: 'archives', title: '', url: '/archive/' }, years } });
  }
  for (const { year, months } of periods) {
    for (const [kind, period] of [['year', year] as const, ...months.map((m) => ['month', m] as const)]) {
      if (wanted && !wanted(period.posts)) continue; // (as for terms)
      const total = count(period);
      if (total === 0) continue;
      const periodView = { name: period.name, url: period.url, count: total };
      for (const pagination of listPages(period.posts, views, perPage, period.url, wanted)) {
        jobs.push({ path: pathOf(pagination.url), template: archiveTemplate, context: { page: { kind, title: period.name, url: pagination.url }, period: periodView, pagination, posts: pagination.items } });
      }
    }
  }
  return jobs;
}

/**
 * The page a static host serves for any missing URL (`404.html`: GitHub Pages, Netlify,
 * Cloudflare Pages). Served at whatever URL was asked for, it cannot link relatively: its
 * links start at the site's base path (`page.rootRelative`; see the `url` filter).
 */
/** The search page: a search box whose script reads the index under `/search/data/`. */
export function searchPageJob(): PageJob {
  return { path: pathOf('/search/'), template: searchTemplate, context: { page: { kind: 'search', title: '', url: '/search/' } } };
}

export function notFoundPageJob(): PageJob {
  return { path: '404.html', template: notFoundTemplate, context: { page: { kind: 'notfound', title: '404', url: '/404.html', rootRelative: true } } };
}

/** Renders a page; a post page needs its article's HTML. Throws TemplateError. */
export function renderPage(job: PageJob, renderer: Renderer, articleHtml?: string): string {
  if (job.article === undefined) return renderer.render(job.template, job.context);
  if (articleHtml === undefined) throw new Error(`the article of ${job.article} is missing`);
  const post = job.context.post as PostView;
  return renderer.render(job.template, { ...job.context, post: { ...post, content: markSafe(articleHtml) } });
}

/**
 * A page's fingerprint: a hash of everything its bytes depend on — the render key (gazette's
 * code and the config), the templates it uses, the context and, on a post page, an id of the
 * article's HTML. Equal fingerprints mean equal pages.
 */
export function pageFingerprint(job: PageJob, renderKey: string, renderer: Renderer, views: PostViews, articleId?: string): string {
  const context = JSON.stringify(job.context, (_key, value: unknown) => (value !== null && typeof value === 'object' && views.ids.get(value)) || value);
  return createHash('sha256').update(`${renderKey}\0${job.template}\0${renderer.templateKey(job.template)}\0${articleId ?? ''}\0${context}`).digest('base64');
}

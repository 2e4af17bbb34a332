import { decodeHTMLAttribute, escapeAttribute, escapeText } from 'entities';
import { Feed } from 'feed';
import type { SiteConfig } from '../config.js';
import type { SiteIndex } from '../site/site-index.js';
import type { TaxonomyKind } from '../types.js';
import { pathOf, type ListFilter, type PostViews } from './render-pages.js';

/**
 * The site's feeds, made with the `feed` library: Atom (`feed.xml`) and JSON Feed
 * (`feed.json`) for the whole site and for each tag and category, beside the list page they
 * follow. Like pages, a feed is plain data first (a FeedJob, fingerprinted without being
 * made) and made only when its fingerprint changed. Feed readers need absolute URLs: feeds
 * are made only when the config gives the site's `url`.
 */

/** One post in a feed. */
export interface FeedEntry {
  /** The post (whose article HTML is the entry's content unless the feeds are excerpts only). */
  readonly source: string;
  readonly title: string;
  /** Path from the site root. */
  readonly url: string;
  /** Publication date and last change (ISO 8601). */
  readonly published: string;
  readonly updated: string;
  readonly author?: string | undefined;
  readonly excerpt: string;
  readonly image?: string | undefined;
  /** Its tags and categories. */
  readonly terms: readonly string[];
}

export interface FeedJob {
  /** Output file, relative to the output folder. */
  readonly path: string;
  readonly format: 'atom' | 'json';
  readonly title: string;
  /** Path from the site root of the list page the feed follows. */
  readonly pageUrl: string;
  /** Newest first. */
  readonly entries: readonly FeedEntry[];
  /** True when entries carry their whole article. */
  readonly fullContent: boolean;
}

/**
 * The feeds of the site and of every tag and category (only those `wanted` by the posts they
 * hold, when a filter is given), holding the newest `feed.posts_limit` built posts each.
 * `lastModified` gives a post's last change (see the sitemap).
 */
export function feedJobs(index: SiteIndex, views: PostViews, config: SiteConfig, lastModified: (source: string) => string, wanted?: ListFilter): FeedJob[] {
  const newest = (sources: readonly string[]) => sources.filter((s) => views.has(s)).slice(0, config.feed.postsLimit);
  const entryOf = (source: string): FeedEntry => {
    const view = views.get(source)!;
    return {
      source,
      title: view.title,
      url: view.url,
      published: view.date,
      updated: lastModified(source),
      author: view.author,
      excerpt: view.excerpt,
      image: view.leadImage?.src,
      terms: [...view.tags, ...view.categories].map((t) => t.name),
    };
  };
  const lists: { base: string; title: string; sources: readonly string[] }[] = [{ base: '/', title: config.title, sources: index.posts.map((p) => p.source) }];
  for (const kind of ['tags', 'categories'] as TaxonomyKind[]) {
    for (const term of index.terms[kind]) lists.push({ base: term.url, title: `${term.name} · ${config.title}`, sources: term.posts });
  }
  const jobs: FeedJob[] = [];
  for (const { base, title, sources } of lists) {
    const chosen = newest(sources);
    if (wanted && !wanted(chosen)) continue;
    const entries = chosen.map(entryOf);
    const folder = pathOf(base).replace(/index\.html$/, '');
    for (const format of ['atom', 'json'] as const) {
      jobs.push({ path: `${folder}feed.${format === 'atom' ? 'xml' : 'json'}`, format, title, pageUrl: base, entries, fullContent: !config.feed.excerptOnly });
    }
  }
  return jobs;
}

/** XML 1.0 forbids these characters even escaped; a post's text may hold them. */
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Makes the feed. `contents` gives each entry's article HTML (when the feed carries whole
 * articles); its links, relative to the post's page, are made absolute.
 */
export function renderFeed(job: FeedJob, config: SiteConfig, contents: ReadonlyMap<string, string>): string {
  const origin = `${config.url}${config.baseurl}`;
  const absolute = (path: string) => `${origin}${path}`;
  const atom = job.format === 'atom';
  // The library types Atom's entry titles and summaries as html: their text is escaped to stay text.
  const text = (value: string) => (atom ? value.replace(notXml, '') : value);
  const html = (value: string) => escapeText(text(value));
  const self = absolute(`/${encodeURI(job.path)}`);
  const sibling = absolute(`/${encodeURI(job.path.replace(/\.(xml|json)$/, atom ? '.json' : '.xml'))}`);
  const feed = new Feed({
    id: absolute(job.pageUrl),
    link: absolute(job.pageUrl),
    title: text(job.title),
    ...(config.description ? { description: text(config.description) } : {}),
    language: config.lang,
    // The newest entry's time, not the build's: the same posts make the same feed.
    updated: new Date(job.entries[0]?.updated ?? '1970-01-01T00:00:00Z'),
    generator: 'gazette',
    feedLinks: atom ? { atom: self, json: sibling } : { json: self, atom: sibling },
    // Atom wants an author for the feed when an entry has none.
    author: { name: text(config.title) },
  });
  for (const entry of job.entries) {
    const link = absolute(entry.url);
    const article = job.fullContent ? contents.get(entry.source) : undefined;
    // Without an article, the library makes JSON Feed's content_html of the summary: as HTML, escaped.
    const summary = atom || article === undefined ? html(entry.excerpt) : entry.excerpt;
    feed.addItem({
      title: atom ? html(entry.title) : entry.title,
      id: link,
      link,
      date: new Date(entry.updated),
      published: new Date(entry.published),
      ...(summary ? { description: summary } : {}),
      ...(article !== undefined ? { content: text(absoluteLinks(article, link)) } : {}),
      ...(entry.author ? { author: [{ name: text(entry.author) }] } : {}),
      category: entry.terms.map((name) => ({ name: text(name), term: text(name) })),
      ...(entry.image && !atom ? { image: entry.image } : {}),
    });
  }
  return atom ? feed.atom1() : feed.json1();
}

/**
 * Article HTML with every `href` and `src` made absolute against the page it was written
 * for (links between archived posts are relative to the post's page; a feed reader shows
 * them elsewhere). The HTML is gazette's own serialisation of a sanitized tree, whose
 * attributes are always double-quoted, so the attributes are found by pattern.
 */
export function absoluteLinks(html: string, base: string): string {
  return html.replace(/ (href|src)="([^"]*)"/g, (whole, name: string, value: string) => {
    const url = decodeHTMLAttribute(value);
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return whole;
    try {
      return ` ${name}="${escapeAttribute(new URL(url, base).href)}"`;
    } catch {
      return whole;
    }
  });
}

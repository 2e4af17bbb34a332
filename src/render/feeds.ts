import { decodeHTMLAttribute, escapeAttribute, escapeText } from 'entities';
import type { SiteConfig } from '../config.js';
import type { SiteIndex } from '../site/site-index.js';
import type { TaxonomyKind } from '../types.js';
import { pathOf, type ListFilter, type PostViews } from './render-pages.js';
import { xmlDocument, type XmlElement } from './xml-document.js';
import { createMessages } from '../i18n/messages.js';

/**
 * The site's feeds: Atom (`feed.xml`, RFC 4287) and JSON Feed (`feed.json`, version 1) for
 * the whole site and for each tag and category, beside the list page they follow. Like
 * pages, a feed is plain data first (a FeedJob, fingerprinted without being made) and made
 * only when its fingerprint changed. Feed readers need absolute URLs: feeds are made only
 * when the config gives the site's `url`. The site's feed carries whole articles; a tag's or
 * category's, excerpts (unless `feed.term_feeds_full`), which bounds what an archive with
 * many terms writes and reads.
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
 * How many of its post's tags and categories (in that order) an entry names. An entry is in
 * the feed of each of its terms: naming all of them would make a post's feeds grow as the
 * square of its terms (SECURITY.md, "Resource limits").
 */
const entryTerms = 10;

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
      terms: [...view.tags, ...view.categories].slice(0, entryTerms).map((t) => t.name),
    };
  };
  const { excerptOnly, termFeedsFull } = config.feed;
  const lists: { base: string; title: string; sources: readonly string[]; full: boolean }[] = [{ base: '/', title: config.title, sources: index.posts.map((p) => p.source), full: !excerptOnly }];
  // A term's feed is titled in the site's language, as its list page is ("News archive · Tag: Hong Kong").
  const { t } = createMessages(config.messages)(config.lang);
  for (const kind of ['tags', 'categories'] as TaxonomyKind[]) {
    const label = kind === 'tags' ? 'feed.tag' : 'feed.category';
    for (const term of index.terms[kind]) lists.push({ base: term.url, title: t(label, { site: config.title, name: term.name }), sources: term.posts, full: termFeedsFull && !excerptOnly });
  }
  const jobs: FeedJob[] = [];
  for (const { base, title, sources, full } of lists) {
    const chosen = newest(sources);
    if (wanted && !wanted(chosen)) continue;
    const entries = chosen.map(entryOf);
    const folder = pathOf(base).replace(/index\.html$/, '');
    for (const format of ['atom', 'json'] as const) {
      jobs.push({ path: `${folder}feed.${format === 'atom' ? 'xml' : 'json'}`, format, title, pageUrl: base, entries, fullContent: full });
    }
  }
  return jobs;
}

/**
 * Makes the feed. `contents` gives each entry's article HTML (when the feed carries whole
 * articles); its links, relative to the post's page, are made absolute.
 */
export function renderFeed(job: FeedJob, config: SiteConfig, contents: ReadonlyMap<string, string>): string {
  const absolute = (path: string) => `${config.url}${config.baseurl}${path}`;
  const feed: FeedData = {
    home: absolute(job.pageUrl),
    self: absolute(`/${encodeURI(job.path)}`),
    title: job.title,
    description: config.description,
    lang: config.lang,
    // Atom wants an author for the feed when an entry has none.
    author: config.title,
    // The newest change among the entries, not the build's time: the same posts make the same feed.
    // (Folded, not spread into Math.max: a feed may hold as many entries as posts_limit says.)
    updated: new Date(job.entries.reduce((newest, e) => Math.max(newest, Date.parse(e.updated)), 0)).toISOString(),
    entries: job.entries.map((entry) => {
      const link = absolute(entry.url);
      const article = job.fullContent ? contents.get(entry.source) : undefined;
      return { ...entry, link, published: new Date(entry.published).toISOString(), updated: new Date(entry.updated).toISOString(), ...(article !== undefined ? { content: absoluteLinks(article, link) } : {}) };
    }),
  };
  return job.format === 'atom' ? atomFeed(feed) : jsonFeed(feed);
}

/** What both formats say: absolute URLs, ISO 8601 times, each entry's article HTML when the feed carries it. */
interface FeedData {
  /** The list page's URL, which is also the feed's id. */
  readonly home: string;
  /** The feed's own URL. */
  readonly self: string;
  readonly title: string;
  readonly description: string;
  readonly lang: string;
  readonly author: string;
  readonly updated: string;
  readonly entries: readonly (FeedEntry & { readonly link: string; readonly content?: string })[];
}

const atomNs = 'http://www.w3.org/2005/Atom';

/**
 * An Atom document (RFC 4287). Titles, names and summaries are text constructs of type text
 * (shown as written, whatever they hold); the article is type html, its HTML escaped as text.
 */
function atomFeed(feed: FeedData): string {
  const leaf = (name: string, text: string): XmlElement => ({ name, text });
  const person = (name: string): XmlElement => ({ name: 'author', children: [leaf('name', name)] });
  const entries = feed.entries.map(
    (e): XmlElement => ({
      name: 'entry',
      children: [
        leaf('id', e.link),
        leaf('title', e.title),
        { name: 'link', attributes: { rel: 'alternate', href: e.link } },
        leaf('published', e.published),
        leaf('updated', e.updated),
        ...(e.author ? [person(e.author)] : []),
        ...e.terms.map((term): XmlElement => ({ name: 'category', attributes: { term, label: term } })),
        ...(e.excerpt ? [leaf('summary', e.excerpt)] : []),
        ...(e.content !== undefined ? [{ name: 'content', attributes: { type: 'html' }, text: e.content }] : []),
      ],
    }),
  );
  return xmlDocument({
    name: 'feed',
    attributes: { xmlns: atomNs, 'xml:lang': feed.lang },
    children: [
      leaf('id', feed.home),
      leaf('title', feed.title),
      ...(feed.description ? [leaf('subtitle', feed.description)] : []),
      leaf('updated', feed.updated),
      leaf('generator', 'gazette'),
      person(feed.author),
      { name: 'link', attributes: { rel: 'alternate', href: feed.home } },
      { name: 'link', attributes: { rel: 'self', href: feed.self } },
      ...entries,
    ],
  });
}

/**
 * A JSON Feed (version 1), a plain object through JSON.stringify: every string is escaped as
 * JSON, so it holds any text as written. Keys and order are those the `feed` library wrote.
 */
function jsonFeed(feed: FeedData): string {
  const items = feed.entries.map((e) => ({
    id: e.link,
    // JSON Feed requires content: without the article, the excerpt, as HTML that shows it as written.
    content_html: e.content ?? escapeText(e.excerpt),
    url: e.link,
    ...(e.title ? { title: e.title } : {}),
    ...(e.content !== undefined && e.excerpt ? { summary: e.excerpt } : {}),
    ...(e.image ? { image: e.image } : {}),
    date_modified: e.updated,
    date_published: e.published,
    ...(e.author ? { author: { name: e.author } } : {}),
    tags: e.terms,
  }));
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1',
      title: feed.title,
      home_page_url: feed.home,
      feed_url: feed.self,
      ...(feed.description ? { description: feed.description } : {}),
      ...(feed.author ? { author: { name: feed.author } } : {}),
      items,
    },
    null,
    4,
  );
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

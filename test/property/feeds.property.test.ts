import fc from 'fast-check';
import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { defaultSiteConfig, type SiteConfig } from '../../src/config.js';
import { encodeSegment } from '../../src/load/permalink.js';
import { absoluteLinks, renderFeed, type FeedEntry, type FeedJob } from '../../src/render/feeds.js';
import { readAtom, shownText, xmlChars } from '../helpers/xml.js';

/**
 * Text made of what breaks XML writers: markup, entities (a literal `&amp;` must stay one),
 * CDATA ends, quotes, line ends (a parser turns a raw CR into LF, a raw tab or LF in an
 * attribute into a space), characters XML 1.0 cannot carry, lone surrogates — or any string.
 */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom('<', '>', '&', '&amp;', '&lt;', '&nbsp;', '&#0;', '"', "'", ']]>', ']]', '<![CDATA[', '</content>', '\u0000', '\u0008', '\u001f', '\t', '\n', '\r', '\r\n', '\ud800', '\udfff', '\ufffe', '\uffff', 'a', ' ', '香', '😀'),
    maxLength: 12,
  }),
);

/** A post's path from the site root as gazette makes it: segments percent-encoded, keeping & ' $ + , ; = @ ( ) ! * as encodeSegment does. */
const urlPath = fc
  .array(fc.string({ unit: fc.constantFrom('&', "'", '$', '+', ',', ';', '=', '@', '(', ')', '!', '*', '<', '"', '%', '#', '?', ' ', 'a', '香', '😀'), minLength: 1, maxLength: 6 }), { maxLength: 3 })
  .map((segments) => `/${segments.map((s) => `${encodeSegment(s)}/`).join('')}`);

/** A `baseurl` as the config accepts it: a path without whitespace, `?`, `#` or `\`, no trailing slash. */
const baseurl = fc.oneof(fc.constant(''), fc.stringMatching(/^\/[^\s?#\\]{0,12}$/).map((b) => b.replace(/\/+$/, '')));

const entry = fc.record({
  source: fc.uuid().map((id) => `posts/${id}.md`),
  title: hostile,
  url: urlPath,
  author: fc.option(hostile, { nil: undefined }),
  excerpt: hostile,
  image: fc.option(hostile.map((rest) => `https://img.example/${rest}`), { nil: undefined }),
  terms: fc.array(hostile, { maxLength: 3 }),
  article: hostile,
});

const feedCase = fc.record({
  siteTitle: hostile,
  description: hostile,
  baseurl,
  feedTitle: hostile,
  pageUrl: urlPath,
  entries: fc.uniqueArray(entry, { minLength: 1, maxLength: 3, selector: (e) => e.source }),
  fullContent: fc.boolean(),
});

type Case = typeof feedCase extends fc.Arbitrary<infer T> ? T : never;

function render(c: Case, format: 'atom' | 'json'): { xmlOrJson: string; origin: string } {
  const config: SiteConfig = { ...defaultSiteConfig, title: c.siteTitle, description: c.description, url: 'https://archive.example.org', baseurl: c.baseurl };
  const entries: FeedEntry[] = c.entries.map(({ article: _, ...e }) => ({ ...e, published: '2024-11-15T07:37:40.066+08:00', updated: '2024-11-16T08:00:00.000+08:00' }));
  const job: FeedJob = { path: `tags/x/feed.${format === 'atom' ? 'xml' : 'json'}`, format, title: c.feedTitle, pageUrl: c.pageUrl, entries, fullContent: c.fullContent };
  const contents = new Map(c.entries.map((e) => [e.source, e.article]));
  return { xmlOrJson: renderFeed(job, config, contents), origin: `${config.url}${config.baseurl}` };
}

describe('feeds (property)', () => {
  it('every value reaches the Atom feed as written, minus what XML 1.0 cannot carry, and the feed is well-formed', () => {
    fc.assert(
      fc.property(feedCase, (c) => {
        const { xmlOrJson, origin } = render(c, 'atom');
        // readAtom parses with saxes (throws on anything not well-formed) and checks RFC 4287's required elements.
        const feed = readAtom(xmlOrJson);
        expect(feed.title).toBe(xmlChars(c.feedTitle));
        expect(feed.subtitle ?? '').toBe(xmlChars(c.description));
        expect(feed.authors).toEqual([xmlChars(c.siteTitle)]);
        expect(feed.id).toBe(xmlChars(origin + c.pageUrl));
        expect(feed.links).toEqual({ alternate: xmlChars(origin + c.pageUrl), self: xmlChars(`${origin}/tags/x/feed.xml`) });
        expect(feed.entries).toHaveLength(c.entries.length);
        for (const [i, e] of feed.entries.entries()) {
          const given = c.entries[i]!;
          const link = origin + given.url;
          expect(e.title).toBe(xmlChars(given.title));
          expect(e.id).toBe(xmlChars(link));
          expect(e.link).toBe(xmlChars(link));
          expect(e.authors).toEqual(given.author ? [xmlChars(given.author)] : []);
          expect(e.categories).toEqual(given.terms.map(xmlChars).map((t) => ({ term: t, label: t })));
          expect(e.summary ? shownText(e.summary) : '').toBe(xmlChars(given.excerpt));
          // The content is HTML (type="html"): its text, once parsed from the XML, is the article's HTML.
          if (c.fullContent) {
            expect(e.content?.attributes.type).toBe('html');
            expect(e.content?.text ?? '').toBe(xmlChars(absoluteLinks(given.article, link)));
          } else expect(e.content).toBeUndefined();
        }
      }),
      { numRuns: 400 },
    );
  });

  it('every value reaches the JSON feed exactly as written', () => {
    fc.assert(
      fc.property(feedCase, (c) => {
        const { xmlOrJson, origin } = render(c, 'json');
        const feed = JSON.parse(xmlOrJson) as { title: string; description?: string; author?: { name: string }; home_page_url: string; feed_url: string; items: Record<string, unknown>[] };
        expect(feed.title).toBe(c.feedTitle);
        expect(feed.description ?? '').toBe(c.description);
        expect(feed.author?.name ?? '').toBe(c.siteTitle);
        expect(feed.home_page_url).toBe(origin + c.pageUrl);
        expect(feed.feed_url).toBe(`${origin}/tags/x/feed.json`);
        for (const [i, item] of feed.items.entries()) {
          const given = c.entries[i]!;
          const link = origin + given.url;
          expect(item).toMatchObject({ id: link, url: link, tags: given.terms });
          expect(item.title ?? '').toBe(given.title);
          expect((item.author as { name: string } | undefined)?.name).toBe(given.author || undefined);
          expect(item.image).toBe(given.image);
          // JSON Feed requires content: the article, or else the excerpt as HTML that shows it as written.
          if (c.fullContent) expect(item).toMatchObject({ content_html: absoluteLinks(given.article, link), ...(given.excerpt ? { summary: given.excerpt } : {}) });
          else expect(decodeHTML(String(item.content_html))).toBe(given.excerpt);
        }
      }),
      { numRuns: 400 },
    );
  });
});

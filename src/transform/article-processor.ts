import type { Root } from 'hast';
import parseHtml from './parse-html.js';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Article } from '../types.js';
import { createMarkdownReader } from './markdown.js';
import { escapeStrayLessThan } from './raw-html.js';
import { articleSchema } from './sanitize-schema.js';
import absoluteUrls from './rules/absolute-urls.js';
import archiveLinks from './rules/archive-links.js';
import dropClasses from './rules/drop-classes.js';
import embeds from './rules/embeds.js';
import externalLinks from './rules/external-links.js';
import fragmentLinks from './rules/fragment-links.js';
import headingLevels from './rules/heading-levels.js';
import imageLoading from './rules/image-loading.js';
import imageAlt from './rules/image-alt.js';
import imageCaptions from './rules/image-captions.js';
import lazyImageSources from './rules/lazy-image-sources.js';
import dedupeImages from './rules/dedupe-images.js';
import dedupeIds from './rules/dedupe-ids.js';
import removeEmpty from './rules/remove-empty.js';
import removeTitleEcho from './rules/remove-title-echo.js';
import repairNesting from './rules/repair-nesting.js';
import removeTrackingPixels from './rules/remove-tracking-pixels.js';
import removeZoomWidgets from './rules/remove-zoom-widgets.js';
import unwrapImageLinks from './rules/unwrap-image-links.js';
import unwrapPresentational from './rules/unwrap-presentational.js';
import unprefixIds from './rules/unprefix-ids.js';
import { articleText, textFidelity } from './fidelity.js';
import { comparableText, sourceText } from './source-text.js';
import { textContent } from './rules/hast.js';
import { summarize } from './summarize.js';
import { countText } from './text-stats.js';

/** What the article processor needs to know about the whole site. */
export interface ArticleProcessorOptions {
  /** The site's origin (`https://example.org`) or ''. */
  readonly origin: string;
  /** The archived page of an original article URL, when the archive has it. */
  readonly archivedUrl: (href: string) => string | undefined;
  /** True for a URL on one of the archive's news sites. */
  readonly isSourceSite: (href: string) => boolean;
  /** Excerpt length in characters. */
  readonly excerptLength: number;
}

/** One post body in: its format, its text, its page URL and original URL. */
export interface ArticleInput {
  readonly format: 'markdown' | 'html';
  readonly body: string;
  readonly url: string;
  readonly from?: string | undefined;
  /** The post's title: a heading or link line that repeats it at the top of the article goes. */
  readonly title?: string | undefined;
}

export type TransformArticle = (input: ArticleInput) => Article;

/**
 * Builds the article pipeline once (per build or per worker): markdown → HTML string →
 * one hast tree → sanitize → the rewrite rules → HTML. Each post is parsed once and
 * serialised once.
 */
export function createArticleProcessor(options: ArticleProcessorOptions): TransformArticle {
  const readMarkdown = createMarkdownReader();
  const processor = unified()
    // rehype-parse's parse, with a budget on the elements parse5 makes (parse-html.ts).
    .use(parseHtml)
    // Before sanitizing, two rules that only move or shorten attribute values, so that the
    // sanitizer checks what they produce: lazy images' real URLs into src (checked as src),
    // and ids stripped of an earlier prefix (so sanitizing is a fixed point).
    .use(lazyImageSources)
    .use(unprefixIds)
    // Embeds become links to what they showed, and media clean players, before the
    // sanitizer removes frames and checks every URL and attribute the rule leaves.
    .use(embeds)
    // Untrusted HTML is made safe here; every rule after this works on safe HTML.
    .use(rehypeSanitize, articleSchema)
    // Real image URLs first: deduplicating and captioning compare them.
    .use(dedupeImages)
    // Captions are paired before presentational spans are unwrapped (they are spans).
    .use(imageCaptions)
    // Zoom icons go before image links are judged, so an emptied lightbox anchor goes whole.
    .use(removeZoomWidgets)
    .use(removeTrackingPixels)
    .use(unwrapImageLinks)
    .use(unwrapPresentational)
    // The title's echoes at the top (a link heading, the outlet's headline), once wrappers
    // that only styled them are gone; before empty elements go, which takes the wrappers they leave.
    .use(removeTitleEcho)
    // Empty elements are looked for after unwrapping, which can empty a paragraph.
    .use(removeEmpty)
    // Unwrapping can also leave nestings HTML forbids (blocks in a paragraph, links in links).
    .use(repairNesting)
    // After repair-nesting, which unwraps a heading inside a heading.
    .use(headingLevels)
    .use(imageLoading)
    // After dedupe-images and image-captions, which carry alt text and make figures.
    .use(imageAlt)
    // Links are made absolute against the original first, so archive-links can match them.
    .use(absoluteUrls)
    .use(archiveLinks, { archivedUrl: options.archivedUrl, isSourceSite: options.isSourceSite })
    .use(externalLinks, { origin: options.origin })
    // Ids are made unique before fragment links are matched to them.
    .use(dedupeIds)
    .use(fragmentLinks)
    // Classes served the rules above; they go last.
    .use(dropClasses)
    .use(rehypeStringify)
    .freeze();

  return (input) => {
    const markdown = input.format === 'markdown' ? readMarkdown(input.body) : undefined;
    // Raw HTML (a markdown post's HTML blocks, an .html post) keeps a `<` that begins no tag as text.
    const html = escapeStrayLessThan(markdown ? markdown.html : input.body);
    const file = new VFile({ value: html, data: { post: { url: input.url, from: input.from, title: input.title } } });
    const parsed = processor.parse(file);
    const tree = processor.runSync(parsed, file) as Root;
    const summary = summarize(tree, options.excerptLength);
    const text = textContent(tree);
    return {
      html: processor.stringify(tree, file),
      text,
      ...summary,
      stats: countText(text),
      links: file.data.links ?? { archived: 0, dangling: [] },
      // Measured against the source, not the parse: text the HTML parser lost counts as lost.
      fidelity: fidelityOf(comparableText(sourceText(markdown ? markdown.tokens : input.body)), comparableText(articleText(tree)), comparableText((file.data.removed ?? []).join(''))),
      embeds: file.data.embeds ?? { found: 0, players: 0, links: 0, notes: 0 },
    };
  };
}

/**
 * The fidelity figures: text removed on purpose (the title's echoes, which stood before
 * everything else) is put back in front of the output to be matched, then counted apart.
 */
function fidelityOf(input: string, output: string, removed: string): Article['fidelity'] {
  const { inputChars, keptChars } = textFidelity(input, removed + output);
  const removedChars = Math.min(removed.length, keptChars);
  return { inputChars, keptChars: keptChars - removedChars, removedChars };
}

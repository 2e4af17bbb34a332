import markdownIt from 'markdown-it';
import deflist from 'markdown-it-deflist';
import footnote from 'markdown-it-footnote';
import { kramdownHtmlBlocks } from './kramdown-html-block.js';

/**
 * Markdown to an HTML string, the first half of the route to one hast tree (the string is
 * parsed once by rehype-parse). markdown-it with raw HTML on was measured against
 * remark-parse → remark-rehype → rehype-raw and chosen for speed (see README, "Markdown").
 * gazette's only markdown-it user.
 *
 * Reading: CommonMark with GFM tables and strikethrough (`~~[原文](url)~~` credits),
 * footnotes and definition lists (Pandoc-style archives); HTML blocks as kramdown reads
 * them (kramdown-html-block.ts). No typographer and no linkify: the text stays as written.
 */
export type RenderMarkdown = (markdown: string) => string;

/** Creates a renderer; make one per build or worker and reuse it for every post. */
export function createMarkdownRenderer(): RenderMarkdown {
  const md = markdownIt({ html: true, linkify: false, typographer: false, breaks: false })
    .use(kramdownHtmlBlocks)
    .use(footnote)
    .use(deflist);
  return (markdown) => md.render(markdown);
}

import markdownIt, { type Renderer } from 'markdown-it';
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

type RenderRule = NonNullable<Renderer['rules']['html_inline']>;

/** Elements whose content an HTML parser reads as raw text up to their closing tag. */
const rawTextOpen = /^<(style|script|textarea|title|xmp|iframe|noembed|noframes|plaintext)(?=[\s>/])/i;

/**
 * An inline `<style>` (or `<script>`, `<textarea>`, …) with no closing tag in the same
 * paragraph — `### The <style> tag` in a post about CSS — would make the HTML parser
 * read the rest of the post as that element's text, and sanitizing would then drop it
 * all. Such a tag is shown as the text its author meant instead.
 */
const escapeUnclosedRawText: RenderRule = (tokens, idx) => {
  const token = tokens[idx]!;
  const name = rawTextOpen.exec(token.content)?.[1]?.toLowerCase();
  if (name) {
    const closed = tokens.slice(idx + 1).some((t) => t.type === 'html_inline' && t.content.toLowerCase().startsWith(`</${name}`));
    if (!closed) return escapeHtml(token.content);
  }
  return token.content;
};

/** Creates a renderer; make one per build or worker and reuse it for every post. */
export function createMarkdownRenderer(): RenderMarkdown {
  const md = markdownIt({ html: true, linkify: false, typographer: false, breaks: false })
    .use(kramdownHtmlBlocks)
    .use(footnote)
    .use(deflist);
  md.renderer.rules.html_inline = escapeUnclosedRawText;
  return (markdown) => md.render(markdown);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

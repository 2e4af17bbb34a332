import markdownIt, { type Env, type Renderer, type Token } from 'markdown-it';
import deflist from 'markdown-it-deflist';
import footnote from 'markdown-it-footnote';
import { kramdownHtmlBlocks } from './kramdown-html-block.js';

/**
 * Markdown to an HTML string, the first half of the route to one hast tree (the string is
 * parsed once by rehype-parse). markdown-it with raw HTML on was measured against
 * remark-parse → remark-rehype → rehype-raw and chosen for speed (see docs/articles.md, "Why markdown-it rather than remark").
 * gazette's only markdown-it user.
 *
 * Reading: CommonMark with GFM tables and strikethrough (`~~[原文](url)~~` credits),
 * footnotes and definition lists (Pandoc-style archives); HTML blocks as kramdown reads
 * them (kramdown-html-block.ts). No typographer and no linkify: the text stays as written.
 */
export type RenderMarkdown = (markdown: string) => string;

type RenderRule = NonNullable<Renderer['rules']['html_inline']>;

/** Elements whose content an HTML parser reads as raw text up to their closing tag. */
const rawTextNames = ['style', 'script', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext'];
const rawTextOpen = new RegExp(`^<(${rawTextNames.join('|')})(?=[\\s>/])`, 'i');

/**
 * An inline `<style>` (or `<script>`, `<textarea>`, …) with no closing tag in the same
 * paragraph — `### The <style> tag` in a post about CSS — would make the HTML parser
 * read the rest of the post as that element's text, and sanitizing would then drop it
 * all. Such a tag is shown as the text its author meant instead.
 */
const escapeUnclosedRawText: RenderRule = (tokens, idx, _options, env) => {
  const token = tokens[idx]!;
  const name = rawTextOpen.exec(token.content)?.[1]?.toLowerCase();
  if (name && (lastClosingTags(env ?? {}, tokens).get(name) ?? -1) <= idx) return escapeHtml(token.content);
  return token.content;
};

/**
 * Where each raw-text element is last closed in a paragraph's tokens (`</style…` at index
 * 7), worked out once per paragraph and kept in markdown-it's `env` (one per render): a
 * paragraph of many `<style>` tags would otherwise be searched again after each one.
 */
function lastClosingTags(env: Env, tokens: readonly Token[]): Map<string, number> {
  const cache = (env.rawTextClosings ??= new WeakMap()) as WeakMap<readonly Token[], Map<string, number>>;
  let last = cache.get(tokens);
  if (!last) {
    last = new Map();
    tokens.forEach((t, i) => {
      if (t.type !== 'html_inline') return;
      const content = t.content.toLowerCase();
      if (!content.startsWith('</')) return;
      for (const name of rawTextNames) if (content.startsWith(`</${name}`)) last!.set(name, i);
    });
    cache.set(tokens, last);
  }
  return last;
}

/** Creates a renderer; make one per build or worker and reuse it for every post. */
export function createMarkdownRenderer(): RenderMarkdown {
  const md = configuredMarkdownIt();
  return (markdown) => md.render(markdown);
}

/** Markdown read once: its tokens (for the fidelity measure, see source-text.ts) and its HTML. */
export type ReadMarkdown = (markdown: string) => { readonly tokens: Token[]; readonly html: string };

/** Creates a reader: the renderer's work, with the tokens kept. */
export function createMarkdownReader(): ReadMarkdown {
  const md = configuredMarkdownIt();
  return (markdown) => {
    const env = {};
    const tokens = md.parse(markdown, env);
    return { tokens, html: md.renderer.render(tokens, md.options, env) };
  };
}

function configuredMarkdownIt(): ReturnType<typeof markdownIt> {
  const md = markdownIt({ html: true, linkify: false, typographer: false, breaks: false })
    .use(kramdownHtmlBlocks)
    .use(footnote)
    .use(deflist);
  md.renderer.rules.html_inline = escapeUnclosedRawText;
  return md;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

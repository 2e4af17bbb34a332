import markdownIt from 'markdown-it';
import deflist from 'markdown-it-deflist';
import footnote from 'markdown-it-footnote';
import { kramdownHtmlBlocks } from './kramdown-html-block.js';
/** Elements whose content an HTML parser reads as raw text up to their closing tag. */
const rawTextOpen = /^<(style|script|textarea|title|xmp|iframe|noembed|noframes|plaintext)(?=[\s>/])/i;
/**
 * An inline `<style>` (or `<script>`, `<textarea>`, …) with no closing tag in the same
 * paragraph — `### The <style> tag` in a post about CSS — would make the HTML parser
 * read the rest of the post as that element's text, and sanitizing would then drop it
 * all. Such a tag is shown as the text its author meant instead.
 */
const escapeUnclosedRawText = (tokens, idx) => {
    const token = tokens[idx];
    const name = rawTextOpen.exec(token.content)?.[1]?.toLowerCase();
    if (name) {
        const closed = tokens.slice(idx + 1).some((t) => t.type === 'html_inline' && t.content.toLowerCase().startsWith(`</${name}`));
        if (!closed)
            return escapeHtml(token.content);
    }
    return token.content;
};
/** Creates a renderer; make one per build or worker and reuse it for every post. */
export function createMarkdownRenderer() {
    const md = markdownIt({ html: true, linkify: false, typographer: false, breaks: false })
        .use(kramdownHtmlBlocks)
        .use(footnote)
        .use(deflist);
    md.renderer.rules.html_inline = escapeUnclosedRawText;
    return (markdown) => md.render(markdown);
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
//# sourceMappingURL=markdown.js.map
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
/** Runs rehype plugins over an HTML fragment and returns the HTML they leave. */
export function rewrite(html, plugins, data = {}) {
    const processor = unified().use(rehypeParse, { fragment: true }).use(plugins).use(rehypeStringify);
    const file = new VFile({ value: html, data });
    const tree = processor.runSync(processor.parse(file), file);
    return processor.stringify(tree, file);
}
/** HTML no rule should touch: it is in every rule's fixtures. */
export const unrelated = '<h2>Title</h2><p>Plain <em>text</em> and <a href="#x">a link</a>.</p><ul><li>item</li></ul>';
//# sourceMappingURL=html.js.map
import { nonArticleElements } from './sanitize-schema.js';
/**
 * How much of an article's text survives sanitizing and cleaning. The text compared is
 * what a reader sees: every text node outside the non-article elements (scripts, styles,
 * templates, …: see sanitize-schema.ts), with all whitespace removed, since layout
 * changes whitespace, not words. Retention is the share of the input's characters found
 * in the output in the same order: 1 means nothing was lost.
 */
const skipped = new Set(nonArticleElements);
/** The visible text of a tree, whitespace removed. */
export function articleText(tree) {
    const parts = [];
    const stack = [tree];
    for (let node = stack.pop(); node; node = stack.pop()) {
        if (node.type === 'text')
            parts.push(node.value);
        else if (node.type === 'element' && skipped.has(node.tagName))
            continue;
        else if ('children' in node)
            for (let i = node.children.length - 1; i >= 0; i--)
                stack.push(node.children[i]);
    }
    return parts.join('').replace(/[\s\u00a0\u3000\u200b-\u200d\ufeff]+/gu, '');
}
/** How many characters of `input` appear in `output` in order (a greedy in-order match). */
export function retainedCharacters(input, output) {
    let matched = 0;
    let at = 0;
    for (const ch of input) {
        const found = output.indexOf(ch, at);
        if (found === -1)
            continue;
        matched += ch.length;
        at = found + ch.length;
    }
    return matched;
}
export function textFidelity(input, output) {
    if (output.includes(input))
        return { inputChars: input.length, keptChars: input.length };
    return { inputChars: input.length, keptChars: retainedCharacters(input, output) };
}
//# sourceMappingURL=fidelity.js.map
/**
 * HTML blocks read as Jekyll's kramdown reads them. CommonMark ends an HTML block at the
 * first blank line, so `<div>` … blank line … `    <p>indented</p>` … `</div>` becomes
 * HTML, then an indented code block showing the markup as text, then HTML again. kramdown
 * keeps a block-level element raw up to its matching closing tag, blank lines and
 * indentation included. This markdown-it block rule does the same; where no closing tag
 * is found it declines and CommonMark's own html_block rule applies.
 */
/** Elements kramdown treats as block-level HTML (its HTML_BLOCK_ELEMENTS, plus HTML5 sectioning). */
const blockElements = new Set('address article aside audio blockquote body canvas center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup html iframe legend li main map menu nav noscript object ol p pre section summary table tbody td tfoot th thead tr ul video'.split(' '));
const openTag = /^<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)/;
/**
 * Offset just past the tag that closes the element opened at `start`, counting nested
 * elements of the same name; -1 when it is not closed before `limit`.
 */
export function findClosingTag(src, start, limit, name) {
    // Comments are skipped whole; any tag of another name is passed over.
    const tags = new RegExp(`<!--[\\s\\S]*?-->|<(/?)${name}(?=[\\s/>])[^>]*>`, 'gi');
    tags.lastIndex = start;
    let depth = 0;
    for (let m = tags.exec(src); m && m.index < limit; m = tags.exec(src)) {
        if (m[0].startsWith('<!--'))
            continue;
        if (m[1] === '/')
            depth--;
        else if (!m[0].endsWith('/>'))
            depth++;
        if (depth === 0)
            return m.index + m[0].length;
    }
    return -1;
}
function kramdownHtmlBlock(state, startLine, endLine, silent) {
    // Four spaces of indentation make a code block, in kramdown as in CommonMark.
    if (state.sCount[startLine] - state.blkIndent >= 4)
        return false;
    const pos = state.bMarks[startLine] + state.tShift[startLine];
    const src = state.src;
    if (src.charCodeAt(pos) !== 0x3c /* < */)
        return false;
    const name = openTag.exec(src.slice(pos, pos + 64))?.[1]?.toLowerCase();
    if (!name || !blockElements.has(name))
        return false;
    const limit = state.eMarks[endLine - 1];
    const closeEnd = findClosingTag(src, pos, limit, name);
    if (closeEnd === -1)
        return false;
    let nextLine = startLine + 1;
    while (nextLine < endLine && state.bMarks[nextLine] < closeEnd)
        nextLine++;
    if (silent)
        return true;
    const token = state.push('html_block', '', 0);
    token.map = [startLine, nextLine];
    token.content = state.getLines(startLine, nextLine, state.blkIndent, true);
    state.line = nextLine;
    return true;
}
/** markdown-it plugin: kramdown's HTML blocks, tried before CommonMark's. */
export function kramdownHtmlBlocks(md) {
    md.block.ruler.before('html_block', 'kramdown_html_block', kramdownHtmlBlock, {
        alt: ['paragraph', 'reference', 'blockquote'],
    });
}
//# sourceMappingURL=kramdown-html-block.js.map
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { imageKey } from '../../src/transform/rules/images.js';
import { articleSchema, nonArticleElements } from '../../src/transform/sanitize-schema.js';
import { treeText } from './text.js';
/**
 * An independent check of what an article page kept of its input HTML: the text in
 * order, the content images with their alt text, the links, the structure of tables,
 * lists and quotes; and that the output is clean. Returns the problems found, for a
 * test to expect none.
 */
const hidden = new Set(nonArticleElements);
function elements(tree) {
    const out = [];
    const walk = (node) => {
        if (node.type === 'element') {
            if (hidden.has(node.tagName))
                return;
            out.push(node);
        }
        if ('children' in node)
            node.children.forEach(walk);
    };
    walk(tree);
    return out;
}
const prop = (el, name) => (typeof el.properties[name] === 'string' ? el.properties[name].trim() : undefined);
/**
 * The URL an input image really shows, resolved against the original article: its src
 * when that is a picture, else its lazy-loading URL, else a srcset candidate. Relative
 * URLs of posts without an original are not checked.
 */
function realSource(img, base) {
    const src = prop(img, 'src') ?? '';
    const srcset = img.properties.srcSet;
    const candidates = Array.isArray(srcset) ? srcset.map((c) => String(c).split(/\s+/)[0]) : [];
    const lazy = prop(img, 'dataSrc') || prop(img, 'dataOriginal') || prop(img, 'dataLazySrc');
    const raw = src !== '' && !/^data:|placeholder|blank|spacer|lazy|loading|transparent|grey|gray|pixel|1x1/i.test(src) ? [src] : lazy ? [lazy] : candidates;
    return raw.flatMap((r) => {
        if (r.startsWith('data:') || (!base && !/^(https?:)?\/\//i.test(r)))
            return [];
        try {
            return [new URL(r, base ?? 'https://invalid.example/').href];
        }
        catch {
            return [];
        }
    });
}
const isWidget = (src, img) => /(zoom|magnif|enlarge|expand|lightbox|fullscreen)[^/]*\.(png|gif|svg|jpe?g|webp)(\?|$)/i.test(src) || (/^[01]$/.test(String(img.properties.width ?? '')) && /^[01]$/.test(String(img.properties.height ?? '')));
const structural = ['table', 'tr', 'td', 'th', 'ul', 'ol', 'li', 'blockquote'];
export function fidelityProblems(inputHtml, outputHtml, from) {
    const problems = [];
    const input = fromHtml(inputHtml, { fragment: true });
    const output = fromHtml(outputHtml, { fragment: true });
    const inEls = elements(input);
    const outEls = elements(output);
    // Text: every character of the input, in order.
    const inText = treeText(input);
    const outText = treeText(output);
    let at = 0;
    for (const ch of inText) {
        const found = outText.indexOf(ch, at);
        if (found === -1) {
            problems.push(`text lost near "${inText.slice(Math.max(0, inText.indexOf(ch, at) - 20), inText.indexOf(ch, at) + 20)}"`);
            break;
        }
        at = found + ch.length;
    }
    // Images: every content image with an http(s) source, with its alt text.
    const outImages = outEls.filter((e) => e.tagName === 'img');
    for (const img of inEls.filter((e) => e.tagName === 'img')) {
        const sources = realSource(img, from).filter((src) => /^https?:/.test(src) && !isWidget(src, img));
        if (sources.length === 0)
            continue;
        // The same picture may be shown from another of its URLs (a noscript copy, a srcset candidate).
        const shown = (o) => {
            try {
                return new URL(prop(o, 'src') ?? '').href;
            }
            catch {
                return '';
            }
        };
        const kept = outImages.filter((o) => sources.includes(shown(o)) || sources.some((s) => imageKey(s) === imageKey(shown(o))));
        if (kept.length === 0)
            problems.push(`image lost: ${sources[0]}`);
        else if (prop(img, 'alt') && !kept.some((k) => prop(k, 'alt') === prop(img, 'alt')))
            problems.push(`alt text lost: ${sources[0]}`);
    }
    // Links: every link with text keeps an href if it had a safe one.
    const withText = (els) => els.filter((e) => e.tagName === 'a' && toString(e).trim() !== '');
    // Safe: relative, or one of the schemes the sanitize schema allows for links.
    const schemes = articleSchema.protocols?.href ?? [];
    const safe = (href) => {
        if (href === undefined)
            return false;
        const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
        return scheme === undefined || schemes.includes(scheme);
    };
    const inLinks = withText(inEls).filter((a) => safe(prop(a, 'href')) && prop(a, 'href') !== '');
    const outLinks = withText(outEls).filter((a) => prop(a, 'href') !== undefined);
    if (outLinks.length < inLinks.length)
        problems.push(`links lost: ${inLinks.length} in, ${outLinks.length} out`);
    for (const a of outLinks)
        if (!safe(prop(a, 'href')))
            problems.push(`unsafe href: ${prop(a, 'href')}`);
    // Structure: tables, lists and quotes.
    for (const tag of structural) {
        const n = (els) => els.filter((e) => e.tagName === tag).length;
        if (n(outEls) !== n(inEls))
            problems.push(`<${tag}> count ${n(inEls)} → ${n(outEls)}`);
    }
    return problems;
}
/** What must never be in gazette's article HTML. */
export function cleanlinessProblems(outputHtml) {
    const problems = [];
    const tree = fromHtml(outputHtml, { fragment: true });
    if (/<!--/.test(outputHtml))
        problems.push('comment');
    const ids = new Set();
    for (const el of elements(tree)) {
        if (el.properties.style !== undefined)
            problems.push(`style attribute on <${el.tagName}>`);
        if (/^data/.test(Object.keys(el.properties).join(' ')))
            problems.push(`data attribute on <${el.tagName}>`);
        if (['p', 'span'].includes(el.tagName) && toString(el).trim() === '' && !el.children.some((c) => c.type === 'element' && c.tagName !== 'br'))
            problems.push(`empty <${el.tagName}>`);
        const id = prop(el, 'id');
        if (id && ids.has(id))
            problems.push(`duplicate id ${id}`);
        if (id)
            ids.add(id);
        if (el.tagName === 'img' && /icon-zoom/.test(prop(el, 'src') ?? ''))
            problems.push('zoom icon');
    }
    if (toHtml(fromHtml(outputHtml, { fragment: true })) !== outputHtml)
        problems.push('not stable when parsed and serialised again');
    return problems;
}
/** The article element of a gazette page (the default theme's `.post-body`), as HTML. */
export function articleOf(pageHtml) {
    const body = select('.post-body', fromHtml(pageHtml));
    return body ? toHtml(body.children) : '';
}
//# sourceMappingURL=fidelity-checks.js.map
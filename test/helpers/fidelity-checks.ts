import type { Element, Root, RootContent } from 'hast';
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

const hidden = new Set<string>(nonArticleElements);

function elements(tree: Root | Element): Element[] {
  const out: Element[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === 'element') {
      if (hidden.has(node.tagName)) return;
      out.push(node);
    }
    if ('children' in node) node.children.forEach(walk);
  };
  walk(tree);
  return out;
}


const prop = (el: Element, name: string) => (typeof el.properties[name] === 'string' ? (el.properties[name] as string).trim() : undefined);

/**
 * The URL an input image really shows, resolved against the original article: its src
 * when that is a picture, else its lazy-loading URL, else a srcset candidate. Relative
 * URLs of posts without an original are not checked.
 */
function realSource(img: Element, base: string | undefined): string[] {
  const src = prop(img, 'src') ?? '';
  const srcset = img.properties.srcSet;
  const candidates = Array.isArray(srcset) ? srcset.map((c) => String(c).split(/\s+/)[0]!) : [];
  const lazy = prop(img, 'dataSrc') || prop(img, 'dataOriginal') || prop(img, 'dataLazySrc');
  const raw = src !== '' && !/^data:|placeholder|blank|spacer|lazy|loading|transparent|grey|gray|pixel|1x1/i.test(src) ? [src] : lazy ? [lazy] : candidates;
  return raw.flatMap((r) => {
    if (r.startsWith('data:') || (!base && !/^(https?:)?\/\//i.test(r))) return [];
    try {
      return [new URL(r, base ?? 'https://invalid.example/').href];
    } catch {
      return [];
    }
  });
}

const isWidget = (src: string, img: Element) => /(zoom|magnif|enlarge|expand|lightbox|fullscreen)[^/]*\.(png|gif|svg|jpe?g|webp)(\?|$)/i.test(src) || (/^[01]$/.test(String(img.properties.width ?? '')) && /^[01]$/.test(String(img.properties.height ?? '')));

const structural = ['table', 'tr', 'td', 'th', 'ul', 'ol', 'li', 'blockquote'];

export function fidelityProblems(inputHtml: string, outputHtml: string, from: string | undefined): string[] {
  const problems: string[] = [];
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
    if (sources.length === 0) continue;
    // The same picture may be shown from another of its URLs (a noscript copy, a srcset candidate).
    const shown = (o: Element) => {
      try {
        return new URL(prop(o, 'src') ?? '').href;
      } catch {
        return '';
      }
    };
    const kept = outImages.filter((o) => sources.includes(shown(o)) || sources.some((s) => imageKey(s) === imageKey(shown(o))));
    if (kept.length === 0) problems.push(`image lost: ${sources[0]}`);
    else if (prop(img, 'alt') && !kept.some((k) => prop(k, 'alt') === prop(img, 'alt'))) problems.push(`alt text lost: ${sources[0]}`);
  }

  // Links: every link with text keeps an href if it had a safe one.
  const withText = (els: Element[]) => els.filter((e) => e.tagName === 'a' && toString(e).trim() !== '');
  // Safe: relative, or one of the schemes the sanitize schema allows for links.
  const schemes = articleSchema.protocols?.href ?? [];
  const safe = (href: string | undefined) => {
    if (href === undefined) return false;
    const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
    return scheme === undefined || schemes.includes(scheme);
  };
  const inLinks = withText(inEls).filter((a) => safe(prop(a, 'href')) && prop(a, 'href') !== '');
  const outLinks = withText(outEls).filter((a) => prop(a, 'href') !== undefined);
  if (outLinks.length < inLinks.length) problems.push(`links lost: ${inLinks.length} in, ${outLinks.length} out`);
  for (const a of outLinks) if (!safe(prop(a, 'href'))) problems.push(`unsafe href: ${prop(a, 'href')}`);

  problems.push(...embedProblems(input, outEls, from));

  // Structure: tables, lists and quotes.
  for (const tag of structural) {
    const n = (els: Element[]) => els.filter((e) => e.tagName === tag).length;
    if (n(outEls) !== n(inEls)) problems.push(`<${tag}> count ${n(inEls)} → ${n(outEls)}`);
  }
  return problems;
}

const embedTags = ['iframe', 'frame', 'embed', 'object', 'video', 'audio'];

/** An embed's URL as a browser reads it (protocol-relative as https), if it is a web address. */
function webAddress(raw: string | undefined, base: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  try {
    const url = new URL(value.startsWith('//') ? `https:${value}` : value, base);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The id a provider's page names (`watch?v=ID`, `vimeo.com/ID`, `status/ID`): its `v` or `list` parameter, else its last path segment. */
function pageId(href: string): string {
  try {
    const url = new URL(href);
    return url.searchParams.get('v') ?? url.searchParams.get('list') ?? url.pathname.split('/').filter(Boolean).pop() ?? url.hostname;
  } catch {
    return href;
  }
}

/**
 * Embeds: none disappears without a trace. Every embed of the input (an object's inner
 * embed counted with it) leaves a player, a link or a note; every http(s) video or audio
 * source plays in a player; every frame with an http(s) address is linked — to that
 * address, or to a provider's page that names the same id (`/embed/ID` → `watch?v=ID`).
 */
function embedProblems(input: Root, outEls: Element[], from: string | undefined): string[] {
  const problems: string[] = [];
  const found: Element[] = [];
  const walk = (node: Root | RootContent, inside: boolean) => {
    const isEmbed = node.type === 'element' && embedTags.includes(node.tagName);
    if (isEmbed && !inside) found.push(node);
    if ('children' in node) for (const child of node.children) walk(child, inside || isEmbed);
  };
  walk(input, false);
  const marks = outEls.filter((e) => ['video', 'audio'].includes(e.tagName) || ['embed-link', 'embed-note'].some((c) => String(e.properties.className ?? '').split(/[\s,]+/).includes(c)));
  if (marks.length < found.length) problems.push(`embeds lost: ${found.length} in, ${marks.length} players, links or notes out`);
  const links = outEls.filter((e) => e.tagName === 'a').map((a) => prop(a, 'href') ?? '');
  const played = new Set(outEls.filter((e) => ['video', 'audio', 'source'].includes(e.tagName)).map((e) => prop(e, 'src') ?? ''));
  for (const el of found) {
    if (el.tagName === 'video' || el.tagName === 'audio') {
      const sources = [prop(el, 'src'), ...el.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'source').map((c) => prop(c, 'src'))];
      for (const src of sources.map((s) => webAddress(s, from)).filter((s) => s !== undefined)) if (!played.has(src)) problems.push(`player lost: ${src}`);
      continue;
    }
    const src = webAddress(prop(el, 'src') ?? prop(el, 'data'), from);
    if (src === undefined) continue;
    let shown = src;
    try {
      shown = decodeURIComponent(src);
    } catch {}
    if (!links.some((href) => href === src || shown.includes(pageId(href)))) problems.push(`embed not linked: ${src}`);
  }
  return problems;
}

/** What must never be in gazette's article HTML. */
export function cleanlinessProblems(outputHtml: string): string[] {
  const problems: string[] = [];
  const tree = fromHtml(outputHtml, { fragment: true });
  if (/<!--/.test(outputHtml)) problems.push('comment');
  const ids = new Set<string>();
  for (const el of elements(tree)) {
    if (el.properties.style !== undefined) problems.push(`style attribute on <${el.tagName}>`);
    if (/^data/.test(Object.keys(el.properties).join(' '))) problems.push(`data attribute on <${el.tagName}>`);
    if (['p', 'span'].includes(el.tagName) && toString(el).trim() === '' && !el.children.some((c) => c.type === 'element' && c.tagName !== 'br')) problems.push(`empty <${el.tagName}>`);
    const id = prop(el, 'id');
    if (id && ids.has(id)) problems.push(`duplicate id ${id}`);
    if (id) ids.add(id);
    if (el.tagName === 'img' && /icon-zoom/.test(prop(el, 'src') ?? '')) problems.push('zoom icon');
  }
  if (toHtml(fromHtml(outputHtml, { fragment: true })) !== outputHtml) problems.push('not stable when parsed and serialised again');
  return problems;
}

/** The article element of a gazette page (the default theme's `.post-body`), as HTML. */
export function articleOf(pageHtml: string): string {
  const body = select('.post-body', fromHtml(pageHtml));
  return body ? toHtml(body.children) : '';
}

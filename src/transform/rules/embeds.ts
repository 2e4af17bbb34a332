import type { Element, ElementContent, Root } from 'hast';
import type { Plugin } from 'unified';
import type { EmbedCounts } from '../../types.js';
import { embedTarget, kindLabels, webUrl, type EmbedKind } from './embed-providers.js';
import { attr, classesOf, isElement, type Parent } from './hast.js';
import './context.js';

/**
 * Embedded media are kept or pointed to, never silently lost. The sanitizer removes every
 * frame, embed and object (they would run the provider's code in the reader's page), so
 * this rule runs BEFORE it and puts in each one's place a visible link to what it showed:
 * a YouTube player becomes `视频 Video · YouTube: <title>` linking to the watch page
 * (embed-providers.ts); an unknown frame links to its own URL, named by its host. An
 * `<object>`'s fallback content stays after the link. `<video>`/`<audio>` with http(s)
 * sources stay players, rebuilt from scratch so nothing but what is listed here survives:
 * `controls`, `preload="none"` (no byte is fetched before the reader asks), width, height,
 * an http(s) poster, `<source src type>` and `<track src kind srclang label>` (never
 * `default`: a default track is fetched with the page, even with preload none, which would
 * tell its host who reads); then a link to the media file.
 * Autoplay, muting, looping and handlers are gone. An embed without a web address
 * (`javascript:`, `data:`, `srcdoc`) leaves a note naming what was there, and no link;
 * a player with no source at all (a script was to give it one) links to the original
 * article when there is one.
 *
 * What the sanitizer then allows of the result is configuration (sanitize-schema.ts); the
 * classes `embed-link` and `embed-note` are this rule's own (an input's are removed here)
 * and are what drop-classes keeps for the theme.
 */

export const embedClasses = ['embed-link', 'embed-note'] as const;

const frames = new Set(['iframe', 'frame', 'embed']);
const players = new Set(['video', 'audio']);

/** Parents in which the replacement must be phrasing content (a link, not a paragraph). */
const phrasingParents = new Set([
  'p', 'a', 'span', 'em', 'strong', 'b', 'i', 'u', 's', 'small', 'big', 'font', 'sup', 'sub', 'cite', 'q', 'mark', 'abbr', 'time',
  'code', 'label', 'button', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'dt', 'caption', 'figcaption', 'strike', 'del', 'ins', 'tt',
]);

interface Context {
  /** The original article's URL, against which relative URLs are resolved. */
  readonly base: string | undefined;
  readonly counts: { found: number; players: number; links: number; notes: number };
}

const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string): ElementContent => ({ type: 'text', value });

/** The link (in a paragraph, outside phrasing content) that stands for an embed. */
function linkTo(href: string, label: string, inline: boolean): Element {
  const a = el('a', { href, ...(inline ? { className: ['embed-link'] } : {}) }, [text(label)]);
  return inline ? a : el('p', { className: ['embed-link'] }, [a]);
}

/** The note left by an embed that had no web address to link to. */
function noteFor(kind: EmbedKind, inline: boolean): Element {
  const note = [text(`${kindLabels[kind]}（已移除 removed: no web address）`)];
  return inline ? el('em', { className: ['embed-note'] }, note) : el('p', { className: ['embed-note'] }, [el('em', {}, note)]);
}

/** An embed's title (`<iframe title>`), trimmed to a line. */
function titleOf(node: Element): string {
  const title = Array.from((attr(node, 'title') ?? attr(node, 'ariaLabel') ?? '').replace(/\s+/g, ' ').trim());
  return title.length > 200 ? `${title.slice(0, 199).join('')}…` : title.join('');
}

/** A frame, embed or object: a link to what it showed, or a note. */
function frameReplacement(src: string | undefined, title: string, inline: boolean, ctx: Context): Element {
  ctx.counts.found++;
  const url = webUrl(src, ctx.base);
  if (!url) {
    ctx.counts.notes++;
    return noteFor('embed', inline);
  }
  ctx.counts.links++;
  const target = embedTarget(url);
  const label = `${kindLabels[target.kind]} · ${target.provider}${title ? `: ${title}` : ''}`;
  return linkTo(target.url, label, inline);
}

/** The URL an `<object>` shows: its data, a movie/src parameter, or its first embed's src. */
function objectSource(node: Element): string | undefined {
  const data = attr(node, 'data');
  if (data) return data;
  for (const child of node.children) {
    if (isElement(child, 'param') && /^(movie|src|url|filename)$/i.test(attr(child, 'name') ?? '')) return attr(child, 'value');
  }
  for (const child of node.children) if (isElement(child, 'embed')) return attr(child, 'src');
  return undefined;
}

/** A media URL a player may load: http(s), resolved against the original; undefined otherwise. */
function mediaUrl(raw: string | undefined, base: string | undefined): string | undefined {
  return webUrl(raw, base)?.href;
}

/** The file name a media URL ends in, for its link (`clip.mp4`), else its host. */
function fileName(href: string): string {
  const url = new URL(href);
  const last = url.pathname.split('/').filter(Boolean).pop();
  try {
    return last ? decodeURIComponent(last) : url.hostname;
  } catch {
    return last ?? url.hostname;
  }
}

/** A `<video>`/`<audio>`: a clean player and a link to its file, or a link/note when nothing is playable. */
function playerReplacement(node: Element, inline: boolean, ctx: Context): ElementContent[] {
  ctx.counts.found++;
  const kind: EmbedKind = node.tagName === 'video' ? 'video' : 'audio';
  const sources: Element[] = [];
  const tracks: Element[] = [];
  const fallback: ElementContent[] = [];
  const own = mediaUrl(attr(node, 'src'), ctx.base);
  for (const child of node.children) {
    if (child.type !== 'element') fallback.push(child);
    else if (child.tagName === 'source') {
      const src = mediaUrl(attr(child, 'src'), ctx.base);
      const type = attr(child, 'type');
      if (src) sources.push(el('source', { src, ...(type ? { type } : {}) }, []));
    } else if (child.tagName === 'track') {
      const src = mediaUrl(attr(child, 'src'), ctx.base);
      const props: Element['properties'] = { src: src ?? '' };
      for (const name of ['kind', 'srcLang', 'label']) if (attr(child, name)) props[name] = attr(child, name)!;
      if (src) tracks.push(el('track', props, []));
    } else fallback.push(child);
  }
  const first = own ?? (sources[0] ? attr(sources[0], 'src') : undefined);
  const rest = rewriteList(node, fallback, ctx);
  if (!first) {
    // Nothing a browser could play: a player whose script was to give it a source links to
    // the original article, where it played; one with javascript:/data: sources leaves a
    // note. Either way its fallback text stays.
    const hadSource = attr(node, 'src') !== undefined || node.children.some((c) => isElement(c, 'source'));
    const original = hadSource ? undefined : webUrl(ctx.base);
    if (original) {
      ctx.counts.links++;
      return [linkTo(original.href, `${kindLabels[kind]} · 见原文 see the original`, inline), ...rest];
    }
    ctx.counts.notes++;
    return [noteFor(kind, inline), ...rest];
  }
  ctx.counts.players++;
  const props: Element['properties'] = { ...(own ? { src: own } : {}), controls: true, preload: 'none' };
  if (kind === 'video') {
    const poster = mediaUrl(attr(node, 'poster'), ctx.base);
    if (poster) props.poster = poster;
    for (const name of ['width', 'height']) {
      const value = node.properties[name];
      if ((typeof value === 'number' || typeof value === 'string') && /^\d{1,5}$/.test(String(value))) props[name] = String(value);
    }
  }
  const player = el(kind, props, [...sources, ...tracks, ...rest]);
  return [player, linkTo(first, `${kindLabels[kind]} · ${fileName(first)}`, inline)];
}

/** The nodes that replace `node`, or undefined when it is not an embed. */
function replacement(node: Element, parent: Parent, ctx: Context): ElementContent[] | undefined {
  const inline = parent.type === 'element' && phrasingParents.has(parent.tagName);
  if (frames.has(node.tagName)) {
    const src = attr(node, 'src') ?? attr(node, 'dataSrc') ?? attr(node, 'dataLazySrc');
    return [frameReplacement(src, titleOf(node), inline, ctx)];
  }
  if (node.tagName === 'object') {
    const src = objectSource(node);
    const same = (child: ElementContent) => isElement(child, 'embed', 'iframe') && attr(child, 'src') === src;
    // Parameters configure the plugin; an embed of the same URL is the object's twin for other browsers.
    const link = frameReplacement(src, titleOf(node), inline, ctx);
    const fallback = rewriteList(node, node.children.filter((child) => !isElement(child, 'param') && !same(child)), ctx);
    return [link, ...fallback];
  }
  if (players.has(node.tagName)) return playerReplacement(node, inline, ctx);
  return undefined;
}

/**
 * The embeds among `list` (children of `parent`) rewritten, parents before children, so an
 * object sees its own embed before that embed could be replaced. Input classes that are
 * this rule's own are removed on the way.
 */
function rewriteList(parent: Parent, list: readonly ElementContent[], ctx: Context): ElementContent[] {
  const next: ElementContent[] = [];
  for (const child of list) {
    if (child.type !== 'element') {
      next.push(child);
      continue;
    }
    const classes = classesOf(child);
    if (classes.some(isOwnClass)) {
      const others = classes.filter((c) => !isOwnClass(c));
      if (others.length > 0) child.properties.className = others;
      else delete child.properties.className;
    }
    const replaced = replacement(child, parent, ctx);
    // One by one: spreading a long list into push() overflows the stack.
    if (replaced) for (const node of replaced) next.push(node);
    else {
      child.children = rewriteList(child, child.children, ctx);
      next.push(child);
    }
  }
  return next;
}

const isOwnClass = (c: string) => (embedClasses as readonly string[]).includes(c);

/** Rewrites every embed in `tree`; returns how many were found and what each became. */
export function rewriteEmbeds(tree: Parent, base: string | undefined): EmbedCounts {
  const ctx: Context = { base, counts: { found: 0, players: 0, links: 0, notes: 0 } };
  tree.children = rewriteList(tree, tree.children as ElementContent[], ctx) as typeof tree.children;
  return { ...ctx.counts };
}

declare module 'vfile' {
  interface DataMap {
    embeds: EmbedCounts;
  }
}

const embedsPlugin: Plugin<[], Root> = () => (tree, file) => {
  file.data.embeds = rewriteEmbeds(tree, file.data.post?.from);
};
export default embedsPlugin;

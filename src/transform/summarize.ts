import type { Element, Root } from 'hast';
import type { ArticleSummary } from '../types.js';
import { attr, blank, forEachElement, textContent } from './rules/hast.js';

/**
 * What lists and page metadata need from an article: an excerpt (its first real
 * paragraph) and its lead image with the caption.
 */

/** A paragraph shorter than this (in characters) is a dateline or a credit, not the lead. */
const minParagraph = 12;

/** Cuts `text` to at most `max` characters (code points, so emoji are never split), at a word boundary for spaced scripts. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  let cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  // Break at a space only when the text is spaced (Latin); CJK can break anywhere.
  if (space > max * 0.6) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,.;:，。；：、]+$/u, '')}…`;
}

export function summarize(tree: Root, excerptLength: number): ArticleSummary {
  let excerpt = '';
  forEachElement(tree, (node) => {
    if (node.tagName !== 'p') return;
    const text = textContent(node).replace(/\s+/g, ' ').trim();
    if ([...text].length < minParagraph) return;
    excerpt = truncate(text, excerptLength);
    return false;
  });
  if (excerpt === '') excerpt = truncate(textContent(tree).replace(/\s+/g, ' ').trim(), excerptLength);

  let leadImage: ArticleSummary['leadImage'];
  forEachElement(tree, (node, parent) => {
    if (node.tagName !== 'img') return;
    const src = attr(node, 'src');
    if (!src || !/^https?:\/\//i.test(src)) return;
    const figure = parent?.type === 'element' && parent.tagName === 'figure' ? parent : undefined;
    const caption = figure ? captionOf(figure) : undefined;
    leadImage = { src, alt: attr(node, 'alt') ?? '', ...(caption ? { caption } : {}) };
    return false;
  });
  return { excerpt: blank.test(excerpt) ? '' : excerpt, ...(leadImage ? { leadImage } : {}) };
}

function captionOf(figure: Element): string | undefined {
  const caption = figure.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption');
  const text = caption ? textContent(caption).replace(/\s+/g, ' ').trim() : '';
  return text || undefined;
}

import type { Element, Root } from 'hast';
import type { ArticleSummary } from '../types.js';
import { attr, blank, forEachElement, textContent } from './rules/hast.js';

/**
 * What lists and page metadata need from an article: an excerpt (its first real
 * paragraph), its lead image with the caption, and the editors' credit line.
 */

/** A paragraph shorter than this (in characters) is a dateline or a credit, not the lead. */
const minParagraph = 12;

/** The editors' credit line of Chinese news sites: `责编：何平 网编：洪伟`, `（责任编辑：…）`. */
const creditLine = /^[（(]?\s*(责编|责任编辑|编辑|网编|編輯|責編|責任編輯|编审|校对)\s*[:：]/u;

/** Sentence ends and spaces where an excerpt may be cut. */
const breakAfter = /[\s。！？；，、,.;!?]/u;

/**
 * Cuts `text` to at most `max` characters (code points, so no character or emoji is ever
 * split) and adds '…'. Spaced text is cut at a space; CJK text, which has none, at the
 * last punctuation in the final fifth, else anywhere.
 */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  let end = max;
  for (let i = max; i > max * 0.8; i--) {
    if (breakAfter.test(chars[i - 1]!) || chars[i] === ' ') {
      end = i;
      break;
    }
  }
  return `${chars.slice(0, end).join('').replace(/[\s,.;:，。；：、]+$/u, '')}…`;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The longest image URL taken as a post's lead image. */
export const maxLeadImageUrl = 2000;

export function summarize(tree: Root, excerptLength: number): Pick<ArticleSummary, 'excerpt' | 'leadImage' | 'credit'> {
  let excerpt = '';
  let credit: string | undefined;
  const captions = new Set<Element>();
  forEachElement(tree, (node, parent) => {
    if (node.tagName === 'figure' || node.tagName === 'figcaption') captions.add(node);
    if (parent.type === 'element' && captions.has(parent)) {
      captions.add(node);
      return;
    }
    if (node.tagName !== 'p') return;
    const text = normalise(textContent(node));
    if (creditLine.test(text)) credit = text;
    else if (excerpt === '' && [...text].length >= minParagraph) excerpt = truncate(text, excerptLength);
  });
  if (excerpt === '') excerpt = truncate(normalise(textContent(tree)), excerptLength);

  let leadImage: ArticleSummary['leadImage'];
  forEachElement(tree, (node, parent) => {
    if (node.tagName !== 'img') return;
    const src = attr(node, 'src');
    // (A URL past 2,000 characters is no picture's address: the lead image is repeated on every
    // list page and feed that shows the post, so it must not carry a megabyte.)
    if (!src || src.length > maxLeadImageUrl || !/^https?:\/\//i.test(src)) return;
    const caption = parent.type === 'element' && parent.tagName === 'figure' ? captionOf(parent) : undefined;
    leadImage = { src, alt: attr(node, 'alt') ?? '', ...(caption ? { caption } : {}) };
    return false;
  });
  return { excerpt: blank.test(excerpt) ? '' : excerpt, ...(leadImage ? { leadImage } : {}), ...(credit ? { credit } : {}) };
}

function captionOf(figure: Element): string | undefined {
  const caption = figure.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption');
  const text = caption ? normalise(textContent(caption)) : '';
  return text || undefined;
}

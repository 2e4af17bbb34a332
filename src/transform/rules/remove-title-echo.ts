import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { originalUrlKey } from '../../site/original-url.js';
import { attr, isBlankText, textContent, type Parent } from './hast.js';

/**
 * Posts of the RSS-to-Jekyll family (the seed among them) begin with a heading that links
 * to the original and repeats the post's title, `[title](url)` over `------`, and often the
 * outlet's own headline below it (`<h3>` with the title again, first thing in the article's
 * `<div>`). The page already shows the title as its h1 and the original's link in its
 * header, so these echoes go: each leading heading or link line whose text is the title,
 * compared without case, whitespace, punctuation or symbols (`拜登"再会"习近平` is
 * `拜登&quot;再会&quot;习近平　`), looking into the wrappers the article starts with.
 * A heading or line that links anywhere but the original (`from:`, which the page's header
 * links) stays, so no link is lost: a post whose whole body is a link named as the post is
 * is that link. The first block that is anything else ends the search: an echo further
 * down, or a paragraph that happens to say the title, is the article's own and stays.
 *
 * What goes is recorded on `file.data.removed` (its text), so the fidelity figures count it
 * as removed on purpose, not lost.
 */

declare module 'vfile' {
  interface DataMap {
    /** Text removed on purpose (a title's echo), in the order it stood. */
    removed: string[];
  }
}

/** Elements an article's text starts inside of: the search for echoes looks into them. */
const wrappers = new Set(['div', 'section', 'article', 'header', 'hgroup', 'main']);
const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Text as titles are compared: NFKC (full-width forms as ASCII), lower case, without whitespace, punctuation or symbols. */
export function titleKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}\u200b-\u200d\ufeff]+/gu, '');
}

/** True when all of an element's text is inside links: a line that is only a link (`<p><strong><a>…</a></strong></p>`). */
function isLinkLine(node: Element): boolean {
  let linked = false;
  const visit = (child: ElementContent): boolean => {
    if (child.type === 'text') return isBlankText(child);
    if (child.type !== 'element') return true;
    if (child.tagName === 'a') {
      linked = true;
      return true;
    }
    return child.children.every(visit);
  };
  return node.children.every(visit) && linked;
}

/** A link's original article, as the archive's links are matched (`originalUrlKey`): resolved against the post's original first. */
function articleOf(href: string, original: string): string | undefined {
  try {
    return originalUrlKey(new URL(href, original).href);
  } catch {
    return undefined;
  }
}

/** Every link in the node (the node itself too) leads to the original, whose link the page's header shows. */
function linksOnlyToOriginal(node: Element, echo: Echo): boolean {
  const links: Element[] = [];
  const collect = (el: Element) => {
    if (el.tagName === 'a') links.push(el);
    for (const child of el.children) if (child.type === 'element') collect(child);
  };
  collect(node);
  return links.every((a) => {
    const href = attr(a, 'href');
    return href === undefined || (echo.original !== undefined && articleOf(href, echo.from!) === echo.original);
  });
}

/** A heading, link or link line that says the title and links nowhere but to the original. */
function isEcho(node: Element, echo: Echo): boolean {
  if (!headings.has(node.tagName) && node.tagName !== 'a' && !isLinkLine(node)) return false;
  return titleKey(textContent(node)) === echo.key && linksOnlyToOriginal(node, echo);
}

/** What an echo says (the title as compared) and where its link may lead: the post's original (`from`, and its `originalUrlKey`). */
interface Echo {
  readonly key: string;
  readonly from: string | undefined;
  readonly original: string | undefined;
}

/** Nothing a reader sees: blank text, a comment, or an element that holds only those. */
function showsNothing(node: RootContent | ElementContent): boolean {
  if (node.type === 'comment' || isBlankText(node)) return true;
  return node.type === 'element' && !['img', 'video', 'audio', 'picture', 'hr', 'table'].includes(node.tagName) && node.children.every(showsNothing);
}

/**
 * Removes the echoes of the title at the start of `parent` (into its leading wrappers) and
 * returns their text; `done` is true once something else was met.
 */
function removeLeading(parent: Parent, echo: Echo, removed: string[]): { done: boolean } {
  const kept: (RootContent | ElementContent)[] = [];
  let done = false;
  for (const child of parent.children) {
    if (done || showsNothing(child)) {
      kept.push(child);
      continue;
    }
    if (child.type === 'element' && isEcho(child, echo)) {
      removed.push(textContent(child));
      continue;
    }
    if (child.type === 'element' && wrappers.has(child.tagName)) {
      done = removeLeading(child, echo, removed).done;
      // A wrapper that held nothing but echoes goes with them.
      if (!child.children.every(showsNothing)) kept.push(child);
      continue;
    }
    done = true;
    kept.push(child);
  }
  parent.children = kept as typeof parent.children;
  return { done };
}

/** Removes the echoes of `title` that begin the tree (their links only to `from`, the original); returns their text. */
export function removeTitleEcho(tree: Parent, title: string, from?: string): string[] {
  const echo = { key: titleKey(title), from: from?.trim(), original: from ? originalUrlKey(from) : undefined };
  const removed: string[] = [];
  if (echo.key !== '') removeLeading(tree, echo, removed);
  return removed;
}

const removeTitleEchoPlugin: Plugin<[], Root> = () => (tree, file: VFile) => {
  const post = file.data.post;
  if (post?.title) file.data.removed = removeTitleEcho(tree, post.title, post.from);
};
export default removeTitleEchoPlugin;

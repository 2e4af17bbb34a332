import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** Elements whose content a reader never sees as text. */
const hidden = new Set(['script', 'style', 'template', 'noscript', 'title', 'svg', 'iframe', 'object', 'textarea', 'select']);

/** The text a reader sees in an HTML fragment, with every run of whitespace removed (layout changes whitespace, not words). */
export function visibleText(html: string): string {
  const parts: string[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === 'text') parts.push(node.value);
    else if (node.type === 'element' && hidden.has((node as Element).tagName)) return;
    else if ('children' in node) node.children.forEach(walk);
  };
  walk(fromHtml(html, { fragment: true }));
  return parts.join('').replace(/[\s\u00a0\u3000\u200b-\u200d\ufeff]+/g, '');
}

import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { forEachElement } from './hast.js';

/**
 * Links that leave the site get `rel="noopener noreferrer"`: the page they open cannot
 * reach back into the archive's window, and the archive's address is not sent to the
 * outlet (some of which are hostile to their readers).
 */
export interface ExternalLinksOptions {
  /** The site's own origin (`https://example.org`), whose links are not external; may be ''. */
  readonly origin: string;
}

export function isExternal(href: string, origin: string): boolean {
  if (!/^(https?:)?\/\//i.test(href.trim())) return false;
  try {
    return origin === '' || new URL(href.trim(), origin).origin !== origin;
  } catch {
    return true;
  }
}

const externalLinks: Plugin<[ExternalLinksOptions], Root> = (options) => (tree) => {
  forEachElement(tree, (node) => {
    if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
    if (isExternal(node.properties.href, options.origin)) node.properties.rel = ['noopener', 'noreferrer'];
  });
};
export default externalLinks;

import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { forEachElement } from './hast.js';
import { relativeUrl } from '../../site/relative-url.js';
import './context.js';

/**
 * Links between archived articles point at the archived copies: a link to another
 * post's original URL (`from:`) becomes a relative link to that post's page in this
 * archive, so the archive reads as one web even when the originals are gone.
 */
export interface ArchiveLinksOptions {
  /** The archived page (path from the site root) of an original article URL, if archived. */
  readonly archivedUrl: (href: string) => string | undefined;
}

const archiveLinks: Plugin<[ArchiveLinksOptions], Root> = (options) => (tree, file) => {
  const page = file.data.post?.url;
  if (!page) return;
  forEachElement(tree, (node) => {
    if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
    const target = options.archivedUrl(node.properties.href);
    if (target !== undefined && target !== page) node.properties.href = relativeUrl(page, target);
  });
};
export default archiveLinks;

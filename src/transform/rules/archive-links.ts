import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { forEachElement } from './hast.js';
import { relativeUrl } from '../../site/relative-url.js';
import './context.js';

/**
 * Links between archived articles point at the archived copies: a link to another
 * post's original URL (`from:`) becomes a relative link to that post's page in this
 * archive, so the archive reads as one web even when the originals are gone. Links to
 * the archive's news sites that it does not hold are "dangling": they are counted in
 * `file.data.links`, for the report, and left as they are.
 */
export interface ArchiveLinksOptions {
  /** The archived page (path from the site root) of an original article URL, if archived. */
  readonly archivedUrl: (href: string) => string | undefined;
  /** True for a URL on one of the news sites the archive's posts come from. */
  readonly isSourceSite: (href: string) => boolean;
}

/** What archive-links found in one article. */
export interface ArticleLinks {
  /** Links now pointing at archived copies. */
  readonly archived: number;
  /** Links to the archive's news sites that are not in the archive, as written. */
  readonly dangling: readonly string[];
}

declare module 'vfile' {
  interface DataMap {
    links: ArticleLinks;
  }
}

const archiveLinks: Plugin<[ArchiveLinksOptions], Root> = (options) => (tree, file) => {
  const page = file.data.post?.url;
  let archived = 0;
  const dangling = new Set<string>();
  forEachElement(tree, (node) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string') return;
    const target = options.archivedUrl(href);
    if (target !== undefined && page !== undefined && target !== page) {
      node.properties.href = relativeUrl(page, target);
      archived++;
    } else if (target === undefined && options.isSourceSite(href)) {
      dangling.add(href);
    }
  });
  file.data.links = { archived, dangling: [...dangling] };
};
export default archiveLinks;

import type { Post } from '../types.js';
import { originalUrlKey, siteHost } from './original-url.js';

/**
 * What the article rules need to know of the whole archive — which original URLs it holds
 * and on which news sites — as plain data, so a worker thread can be given it.
 */
export interface LinkTable {
  /** Key of an original URL (original-url.ts) → the archived page's URL. */
  readonly archived: readonly (readonly [string, string])[];
  /** Hosts of every post's original URL. */
  readonly hosts: readonly string[];
}

/** Lookups over a link table. */
export interface LinkLookup {
  /** The archived page of an original article URL, if the archive holds it. */
  archivedUrl(href: string): string | undefined;
  /** True for a URL on a news site some post of the archive comes from. */
  isSourceSite(href: string): boolean;
}

/** The table of `posts`, newest first: where two posts share an original URL, the first wins. */
export function linkTable(posts: readonly Post[]): LinkTable {
  const archived = new Map<string, string>();
  const hosts = new Set<string>();
  for (const post of posts) {
    if (!post.from) continue;
    const key = originalUrlKey(post.from);
    if (key && !archived.has(key)) archived.set(key, post.url);
    const host = siteHost(post.from);
    if (host) hosts.add(host);
  }
  return { archived: [...archived], hosts: [...hosts] };
}

export function linkLookup(table: LinkTable): LinkLookup {
  const archived = new Map(table.archived);
  const hosts = new Set(table.hosts);
  return {
    archivedUrl(href) {
      const key = originalUrlKey(href);
      return key ? archived.get(key) : undefined;
    },
    isSourceSite(href) {
      const host = siteHost(href);
      return host !== undefined && hosts.has(host);
    },
  };
}

import type { Message } from '../../search/browser/messages.js';

/**
 * The default theme's labels in English: the table every other one is checked against (each
 * must have every key), and the one used for languages gazette ships no table for.
 * Keys are named by where the label appears; see docs/templates.md for adding a language.
 */
export const en = {
  'skip': 'Skip to content',
  'nav.label': 'Site',
  'nav.home': 'Home',
  'nav.categories': 'Sources',
  'nav.tags': 'Tags',
  'nav.dates': 'Dates',
  'nav.search': 'Search',
  'footer.colophon': 'Built with gazette. Articles remain the work of their original publishers; each links to its source.',
  'post.length.characters': { one: '{count} character', other: '{count} characters' },
  'post.length.words': { one: '{count} word', other: '{count} words' },
  'post.reading': '{count} min read',
  'post.original': 'Original',
  'post.wayback': 'Wayback Machine',
  'post.tags': 'Tags',
  'post.related': 'Related',
  'post.nav': 'More articles',
  'post.newer': '← Newer',
  'post.older': 'Older →',
  'list.count': { one: '{count} article', other: '{count} articles' },
  'pagination.label': 'Pages',
  'pagination.previous': '← Previous',
  'pagination.next': 'Next →',
  'pagination.position': '{page} / {pages}',
  'tag.kind': 'Tag',
  'tags.title': 'Tags',
  'tags.count': { one: '{count} tag', other: '{count} tags' },
  'category.kind': 'Source',
  'categories.title': 'Sources',
  'categories.count': { one: '{count} source', other: '{count} sources' },
  'archives.title': 'By date',
  'notfound.title': 'Page not found',
  'notfound.text': 'There is no page at this address. The article may have moved: look for it from the home page, its source or its tags.',
  'search.title': 'Search',
  'search.label': 'Search the articles',
  'search.button': 'Search',
  'search.noscript': 'Search needs JavaScript. Every article is also listed by date, by tag and by source:',
  'search.more': 'More results',
  'search.searching': 'Searching…',
  'search.found': { one: '{count} article found', other: '{count} articles found' },
  'search.none': 'Nothing found',
  'search.failed': 'Search failed: {error}',
  'feed.tag': 'Tag: {name} · {site}',
  'feed.category': 'Source: {name} · {site}',
} as const satisfies Record<string, Message>;

/** The name of every label of the theme. */
export type MessageKey = keyof typeof en;

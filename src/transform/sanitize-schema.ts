import { defaultSchema } from 'rehype-sanitize';
import type { Options as Schema } from 'rehype-sanitize';

/**
 * What archived article HTML may keep. Archived HTML is untrusted: this schema is the
 * wall between it and the reader's browser, applied before any of gazette's own rules.
 * It starts from rehype-sanitize's GitHub-like default (no scripts, no event handlers,
 * no `style`, no iframes, objects or forms — the embeds rule has already put a link in
 * each one's place; `href`/`src` limited to safe protocols, so
 * `javascript:`, `vbscript:` and `data:` URLs are dropped; comments dropped; `id` and
 * `name` prefixed with `user-content-` against DOM clobbering) and allows what news
 * articles need on top.
 */

const base = defaultSchema.attributes ?? {};

/**
 * Elements whose content is not article text: they are removed with their content, and
 * the fidelity measure (fidelity.ts) does not count their text. Everything else an
 * article holds is kept or unwrapped, so its text survives.
 */
export const nonArticleElements = [
  // code and styling
  'script',
  'style',
  // inert markup, never shown
  'template',
  // the <title> of a whole document pasted into a post: a browser shows it in the tab, not the page
  'title',
  // fallback text for browsers without frames or embeds; today's browsers never show it
  // (an <object>'s fallback, which they do show, is kept: <object> is only unwrapped)
  'iframe',
  'noembed',
  'noframes',
  // drawings and formulas: untrusted markup gazette does not render; their labels are not prose
  'svg',
  'math',
  // form controls: the outlet's page chrome
  'textarea',
  'select',
] as const;

export const articleSchema: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter(
      // Task-list checkboxes are the default's only form control; articles need none.
      // <picture> is dropped: the <img> inside it stays and is enough.
      (t) => !['input', 'picture'].includes(t),
    ),
    // Players for video and audio files the article showed. The embeds rule (run before
    // sanitizing) rebuilds each one from scratch; this list and the attributes below are
    // the wall all the same. <source> and <track> only inside a player (see ancestors).
    'video',
    'audio',
    'source',
    'track',
    // Captioned images, the commonest shape in news HTML.
    'figure',
    'figcaption',
    // Credits and captions (`<small>`), citations, abbreviations, marked and underlined text.
    'small',
    'cite',
    'abbr',
    'mark',
    'u',
    'time',
    'address',
    // Table captions and column groups keep tables whole.
    'caption',
    'col',
    'colgroup',
  ],
  ancestors: {
    ...defaultSchema.ancestors,
    // A <picture>'s <source srcset> would otherwise be left behind, empty, when the picture is unwrapped.
    source: ['video', 'audio'],
    track: ['video', 'audio'],
  },
  attributes: {
    ...base,
    // Players show controls and load nothing until the reader presses play: no autoplay,
    // muted, loop, or preload other than none; src and poster are checked as URLs (below).
    video: ['src', 'poster', 'width', 'height', 'controls', ['preload', 'none']],
    audio: ['src', 'controls', ['preload', 'none']],
    source: ['src', 'type'],
    // Not `default`: a default track is fetched with the page, before the reader asks.
    track: ['src', 'kind', 'srcLang', 'label'],
    // The default limits a link's classes to its footnote class; the embeds rule's inline
    // link to an embed (`embed-link`) keeps its class for the theme too.
    a: [
      ...(base.a ?? []).filter((a) => a !== 'dataFootnoteBackref' && a !== 'dataFootnoteRef' && !(Array.isArray(a) && a[0] === 'className')),
      ['className', 'data-footnote-backref', 'embed-link'],
      'title',
      ['rel', 'noopener', 'noreferrer'],
    ],
    // (The lazy-loading attributes and srcset are not kept: lazy-image-sources moves the
    // real URL into `src` before sanitizing, where it gets src's protocol check.)
    // gazette's own rules add `loading`/`decoding` to images and `rel` to links; allowing
    // exactly those values keeps sanitizing a fixed point on gazette's output.
    img: [...(base.img ?? []), 'alt', 'title', 'width', 'height', ['loading', 'lazy'], ['decoding', 'async']],
    td: ['colSpan', 'rowSpan', 'headers'],
    th: ['colSpan', 'rowSpan', 'headers', 'scope'],
    col: ['span'],
    colgroup: ['span'],
    time: ['dateTime'],
    ol: [...(base.ol ?? []), 'start', 'reversed', 'type'],
    // Classes are kept through sanitizing only so that the rewrite rules can recognise
    // widgets and captions by them (`lead_image_caption`, `wp-caption-text`); the last
    // rule, drop-classes, removes them all. They cannot run code.
    '*': [...(base['*'] ?? []).filter((a) => !['action', 'method', 'accept', 'acceptCharset', 'encType'].includes(String(a))), 'className'],
  },
  strip: [...nonArticleElements],
  protocols: {
    ...defaultSchema.protocols,
    // Web, mail and chat links as the default has them, plus telephone numbers and FTP
    // files, which news pages carry. Other schemes (`chrome:`, `apt:`) lose their href.
    href: [...(defaultSchema.protocols?.href ?? []), 'tel', 'ftp'],
    // A video's still image, like an image's src: web URLs (and relative ones) only.
    poster: ['http', 'https'],
  },
  allowComments: false,
  allowDoctypes: false,
};

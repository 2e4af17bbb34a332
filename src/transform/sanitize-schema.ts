import { defaultSchema } from 'rehype-sanitize';
import type { Options as Schema } from 'rehype-sanitize';

/**
 * What archived article HTML may keep. Archived HTML is untrusted: this schema is the
 * wall between it and the reader's browser, applied before any of gazette's own rules.
 * It starts from rehype-sanitize's GitHub-like default (no scripts, no event handlers,
 * no `style`, no iframes, objects or forms; `href`/`src` limited to safe protocols, so
 * `javascript:`, `vbscript:` and `data:` URLs are dropped; comments dropped; `id` and
 * `name` prefixed with `user-content-` against DOM clobbering) and allows what news
 * articles need on top.
 */

const base = defaultSchema.attributes ?? {};

export const articleSchema: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter(
      // Task-list checkboxes are the default's only form control; articles need none.
      // <picture>/<source> are dropped: the <img> inside them stays and is enough.
      (t) => !['input', 'picture', 'source'].includes(t),
    ),
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
  attributes: {
    ...base,
    a: [...(base.a ?? []).filter((a) => a !== 'dataFootnoteBackref' && a !== 'dataFootnoteRef'), 'title'],
    img: [...(base.img ?? []), 'alt', 'title', 'width', 'height'],
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
  // Removed together with their content, which would otherwise show up as text:
  // code (script), CSS (style), inert markup (template, noscript fallbacks, which a
  // scripting HTML parser reads as text), embeds' fallback text, SVG/MathML drawings
  // and the <title> of documents pasted whole into a post.
  strip: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'noembed', 'noframes', 'svg', 'math', 'title', 'textarea', 'select', 'xmp', 'plaintext'],
  allowComments: false,
  allowDoctypes: false,
};

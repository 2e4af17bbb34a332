/**
 * The shared vocabulary of gazette's stages: load → index → transform → render → write.
 * Every value here is plain, readonly, JSON-serialisable data, so it can be cached
 * or sent to a worker thread; posts refer to each other by `source` or `url`, never
 * by object reference.
 */

import type { ArticleFingerprint } from './load/article-fingerprint.js';
import type { TextStats } from './transform/text-stats.js';

/** How bad a diagnostic is: an error fails the post (exit code 1), a warning does not. */
export type Severity = 'error' | 'warning';

/** A problem found in one input file, with the file line (1-based) where known. */
export interface Diagnostic {
  readonly severity: Severity;
  /** Path of the input file, relative to the working directory. */
  readonly source: string;
  readonly line?: number;
  readonly message: string;
  /** What the user can do about it. */
  readonly hint?: string;
}

/** A name a post is filed under (a tag or a category), with its page. */
export interface Term {
  readonly name: string;
  readonly slug: string;
}

/** The two taxonomies gazette builds index pages for. */
export type TaxonomyKind = 'tags' | 'categories';

/** Everything gazette knows about one post after loading: metadata, not the body. */
export interface Post {
  /** Input file, relative to the working directory; the post's key. */
  readonly source: string;
  /** Absolute path of the input file, for re-reading the body. */
  readonly path: string;
  /** `markdown` bodies go through markdown-it; `html` bodies are parsed as HTML directly. */
  readonly format: 'markdown' | 'html';
  /** How the file's bytes are decoded (UTF-8, or a detected legacy Chinese encoding). */
  readonly encoding: 'utf-8' | 'gb18030' | 'big5';
  /** sha256 of the file's bytes: the body read later must be the body loaded now. */
  readonly hash: string;
  /** Offset (UTF-16 units, after a BOM is removed) where the body starts in the file text. */
  readonly bodyOffset: number;
  /** File line on which the body starts (1-based). */
  readonly bodyLine: number;
  readonly title: string;
  /** ISO 8601 with the site timezone's offset, e.g. `2024-11-15T07:37:40.066+08:00`. */
  readonly date: string;
  /** Milliseconds since the epoch, for sorting. */
  readonly time: number;
  readonly slug: string;
  /** Path from the site root, percent-encoded, e.g. `/2024/11/15/x/`. */
  readonly url: string;
  /** Output file relative to the output folder, decoded, e.g. `2024/11/15/x/index.html`. */
  readonly outputPath: string;
  readonly tags: readonly string[];
  readonly categories: readonly string[];
  readonly author?: string;
  /** The original article's URL (`from:`), exactly as given. */
  readonly from?: string;
  /** What tells this post's article from others' (article-fingerprint.ts): copies of one article saved twice agree. */
  readonly fingerprint?: ArticleFingerprint;
  /** Template name from `layout:`, when a template of that name exists. */
  readonly layout: string;
  /** Front-matter keys gazette does not interpret, for templates (dates as ISO strings). */
  readonly data: Readonly<Record<string, unknown>>;
}

/** A post file the build left out on purpose. */
export interface Skipped {
  readonly source: string;
  readonly reason: string;
}

/** What the transform stage learns from a post's body, besides its HTML. */
export interface ArticleSummary {
  /** Plain-text excerpt for lists and meta descriptions: the first real paragraph, cut to length. */
  readonly excerpt: string;
  /** The first content image, if any. */
  readonly leadImage?: { readonly src: string; readonly alt: string; readonly caption?: string };
  /** The editors' credit line (`责编：… 网编：…`), which also stays in the article. */
  readonly credit?: string;
  /** Length and reading time. */
  readonly stats: TextStats;
  /** Links rewritten to archived copies, and links to the archive's news sites it does not hold. */
  readonly links: { readonly archived: number; readonly dangling: readonly string[] };
  /**
   * How much of the input's visible text the article kept (characters, whitespace and ASCII
   * punctuation aside), and how much was removed on purpose (the title's echoes): what is
   * neither was lost.
   */
  readonly fidelity: { readonly inputChars: number; readonly keptChars: number; readonly removedChars: number };
  /** Embedded media found and what became of them (see src/transform/rules/embeds.ts). */
  readonly embeds: EmbedCounts;
}

/**
 * The embeds of one article (`<iframe>`, `<embed>`, `<object>`, `<video>`, `<audio>`):
 * `found` = `players` (kept as players) + `links` (replaced by a link to what they showed)
 * + `notes` (no web address to link to: replaced by a note saying what was there).
 */
export interface EmbedCounts {
  readonly found: number;
  readonly players: number;
  readonly links: number;
  readonly notes: number;
}

/** One post's article HTML: sanitized and rewritten, ready to be marked safe in a template. */
export interface Article extends ArticleSummary {
  readonly html: string;
  /** The article's plain text, for the search index (kept beside the cache entry, not in the build state). */
  readonly text: string;
}

/**
 * Search text → terms, the same in the build (Node) and in the reader's browser: this file
 * is copied into the built site as it is compiled, so it imports nothing.
 *
 * Chinese has no spaces between words, and word segmenters disagree with each other (and
 * split names such as 习近平 differently from one release to the next), so terms are the
 * character bigrams of every run of Han characters: a query matches a post when the post has
 * every bigram of the query, whatever a segmenter would make of either. A lone Han character
 * is a term of its own; titles also index each character, so a one-character query finds
 * titles that have it. Latin words and numbers are terms as they are. Before that, text is
 * NFKC-normalised (full-width letters and digits become ASCII), lower-cased, and traditional
 * characters are converted to simplified (OpenCC's tw → cn), so either script finds both.
 */

/** Converts traditional Chinese text to simplified (opencc-js `Converter({ from: 'tw', to: 'cn' })`). */
export type Convert = (text: string) => string;

/** Splits a text into pieces converted one at a time: sentences and lines. */
const pieces = /[^\n。！？!?]+[\n。！？!?]*|[\n。！？!?]+/g;

/**
 * Makes the normaliser. Only the pieces of a text that hold one of the `traditional`
 * characters (those OpenCC converts on their own) go through the converter: most of an
 * archive is simplified already, and the converter is slow (about 1.5 M characters a second).
 * The browser applies the same rule to a query, so both sides convert alike.
 */
export function normalizer(traditional: string, convert: Convert | undefined): (text: string) => string {
  const hasTraditional = traditional ? new RegExp(`[${escapeClass(traditional)}]`, 'u') : undefined;
  return (text) => {
    const folded = text.normalize('NFKC').toLowerCase();
    if (!convert || !hasTraditional?.test(folded)) return folded;
    return folded.replace(pieces, (piece) => (hasTraditional.test(piece) ? convert(piece) : piece));
  };
}

/** True when a text needs the converter (it holds a character OpenCC converts). */
export function needsConverter(traditional: string, text: string): boolean {
  return traditional !== '' && new RegExp(`[${escapeClass(traditional)}]`, 'u').test(text.normalize('NFKC'));
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]\[^-]/g, '\\$&');
}

const hanRuns = /\p{Script=Han}+/gu;
const words = /(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/**
 * Calls `visit` with each term of a normalised text, in order, repeats kept (their count is
 * the term's frequency): Han bigrams (a one-character run is a unigram), with `characters`
 * each Han character as well, then words of other scripts and numbers.
 */
export function forEachTerm(normalised: string, characters: boolean, visit: (term: string) => void): void {
  for (const [run] of normalised.matchAll(hanRuns)) {
    if (/[\uD800-\uDFFF]/.test(run)) {
      // Characters beyond the BMP (rare Han) are two code units: split by code point.
      const chars = Array.from(run);
      if (chars.length === 1) visit(chars[0]!);
      else {
        for (let i = 0; i + 1 < chars.length; i++) visit(chars[i]! + chars[i + 1]!);
        if (characters) chars.forEach((char) => visit(char));
      }
      continue;
    }
    // (Slices, not an array of characters joined again: a third faster over a whole archive.)
    if (run.length === 1) visit(run);
    else {
      for (let i = 0; i + 1 < run.length; i++) visit(run.slice(i, i + 2));
      if (characters) for (let i = 0; i < run.length; i++) visit(run[i]!);
    }
  }
  for (const [word] of normalised.matchAll(words)) visit(word);
}

/** The terms of a normalised text, in order (see forEachTerm). */
export function terms(normalised: string, characters = false): string[] {
  const out: string[] = [];
  forEachTerm(normalised, characters, (term) => out.push(term));
  return out;
}

/** The shard file that holds a term: 32-bit FNV-1a of its UTF-16 code units, modulo the shard count. */
export function shardOf(term: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

/**
 * BM25's parameters; weights are stored as integers, 100 × the term-frequency part. A post's
 * weights depend on that post alone: titles are length-normalised against a fixed reference
 * length, not the archive's average, and bodies not at all (b = 0), so an edit of a post's
 * body changes only the weights of the terms whose count changed (which lets `gazette dev`
 * patch a few shards of the index instead of making it again).
 */
export const bm25 = { k1: 1.2, b: { body: 0, title: 0.75 }, scale: 100, referenceLength: { body: 1500, title: 30 } } as const;

/** A post's stored weight for a term in one field: BM25's term-frequency part, length-normalised. */
export function fieldWeight(frequency: number, length: number, field: 'body' | 'title'): number {
  if (frequency === 0) return 0;
  const b = bm25.b[field];
  const norm = 1 - b + (b * length) / bm25.referenceLength[field];
  return Math.max(1, Math.round((bm25.scale * frequency * (bm25.k1 + 1)) / (frequency + bm25.k1 * norm)));
}

/** BM25's inverse document frequency of a term found in `found` of `total` posts. */
export function inverseFrequency(found: number, total: number): number {
  return Math.log(1 + (total - found + 0.5) / (found + 0.5));
}

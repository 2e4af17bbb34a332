import { indexVersion, type DisplayChunk, type Postings, type SearchMeta } from './browser/engine.js';
import { fieldWeight, forEachTerm, normalizer, shardOf, type Convert } from './browser/tokens.js';
import { lazyConverter } from './converter.js';
import { PostingsSpill } from './postings-spill.js';
import { traditionalChars } from './traditional-chars.js';

/**
 * The search index gazette writes for its search page (see browser/engine.ts for how it is
 * read): term → posts, split by a hash of the term into shard files, so a query loads only
 * the few shards of its terms; and url, title and date of each post in display files of a
 * few posts each. Weights are BM25's term-frequency part, computed here from each post's
 * field lengths, so the client needs no table of lengths: it multiplies by the inverse
 * document frequency, which it gets from the length of the posting list.
 *
 * Post ids run from the oldest post (0) to the newest, and the postings are in two segments
 * (segmentsOf): the older posts in whole blocks, and the newest ones after them. Posts dated
 * after every other — what an archive's bot adds every day — get the next ids and go into
 * the newest segment, so the older segment's shards (nearly all of the index) and its
 * display files stay as they are; the split depends on the number of posts alone, so an
 * index updated that way is byte for byte one made anew.
 */

/** One post for the index, in id order (oldest first). */
export interface SearchDoc {
  readonly url: string;
  readonly title: string;
  /** ISO 8601 in the site timezone. */
  readonly date: string;
  /** The weights of its article's terms. */
  readonly body: BodyTerms;
}

export interface SearchFile {
  /** Path inside the index folder. */
  readonly path: string;
  readonly contents: string;
}

/** How much a term in the title counts over one in the body. */
const titleBoost = 5;
/** Posts per display file: a results page of 10 touches at most 10 small files. */
const displayChunk = 20;

/** The search index's normaliser (tokens.ts), its converter loaded when first needed. */
export function searchNormalizer(): (text: string) => string {
  return normalizer(traditionalChars, lazyConverter());
}

/** Shard files for an index of `posts` posts: about one per 8 posts, a power of two from 16 to 4096. */
export function shardCount(posts: number): number {
  let shards = 16;
  while (shards < 4096 && shards * 8 < posts) shards *= 2;
  return shards;
}

/** Part of an index: the postings of the posts with ids `from` … `to - 1`, in `shards` shard files in the folder `dir`. */
export interface Segment {
  readonly dir: string;
  readonly from: number;
  readonly to: number;
  readonly shards: number;
}

/**
 * The segments of an index of `posts` posts: the older posts in whole blocks (`t/`), the rest
 * (fewer than a block: `n/`) after them; either may be missing. A block is a power of two
 * near a sixteenth of the posts, at least 256: at 10,000 posts, 1,024, so a day's 50 new
 * posts rewrite the newest segment (up to 1,023 posts), and every 20 days or so the older
 * segment is rewritten with them (costing what writing every shard costs).
 */
export function segmentsOf(posts: number): Segment[] {
  let block = 256;
  while (block * 16 < posts) block *= 2;
  const older = posts - (posts % block);
  const segments: Segment[] = [];
  if (older > 0) segments.push({ dir: 't', from: 0, to: older, shards: shardCount(older) });
  if (older < posts) segments.push({ dir: 'n', from: older, to: posts, shards: shardCount(posts - older) });
  return segments;
}

/** The paths of the shard files of a segment. */
export function segmentPaths(segment: Segment): string[] {
  return Array.from({ length: segment.shards }, (_, i) => `${segment.dir}/${i}.json`);
}

/** The paths of an index of `posts` posts, to tell whether they are all still there. */
export function searchIndexPaths(posts: number): string[] {
  return ['meta.json', ...segmentsOf(posts).flatMap(segmentPaths), ...Array.from({ length: Math.ceil(posts / displayChunk) }, (_, i) => `d/${i}.json`)];
}

/** A post's weights: term → [body weight, title weight] (0 where the term is not in that field). */
export type DocWeights = Map<string, [body: number, title: number]>;

/**
 * The weights of the terms of a post's body, as plain data: its terms, one per line (a term
 * is letters, digits or Han characters: never a line break), and their weights in the same
 * order. A body's weights depend on its text alone (tokens.ts, fieldWeight), so they are
 * worked out where the article is made, on a worker thread, and kept with its cache entry:
 * no later build tokenises an unchanged article again. (One string, not an array of
 * thousands: it crosses between threads and in and out of JSON many times faster.)
 */
export type BodyTerms = readonly [terms: string, weights: readonly number[]];

/** The weights of the terms of an article's text (see BodyTerms). */
export function bodyTerms(normalise: (text: string) => string, text: string): BodyTerms {
  const counts = count(normalise(text), false);
  const length = sum(counts);
  const weights: number[] = [];
  for (const n of counts.values()) weights.push(fieldWeight(n, length, 'body'));
  return [[...counts.keys()].join('\n'), weights];
}

/**
 * The weights of one post's terms (tokens.ts, fieldWeight): its body's (bodyTerms) with its
 * title's, which depend on the title alone; the same function serves the whole index and a
 * patch of one post's postings.
 */
export function docWeights(normalise: (text: string) => string, title: string, body: BodyTerms): DocWeights {
  const weights: DocWeights = new Map();
  forEachWeight(normalise, title, body, (term, bodyWeight, titleWeight) => weights.set(term, [bodyWeight, titleWeight]));
  return weights;
}

/** Calls `visit` with each term of a post and its body and title weights (see docWeights), once per term, in no particular order. */
function forEachWeight(normalise: (text: string) => string, title: string, body: BodyTerms, visit: (term: string, body: number, title: number) => void): void {
  const titled = count(normalise(title), true);
  const titleLength = sum(titled);
  const titleWeights = new Map<string, number>();
  for (const [term, n] of titled) titleWeights.set(term, fieldWeight(n, titleLength, 'title'));
  const [terms, bodyWeights] = body;
  // (The terms are read off their string one by one: no array of them is made.)
  for (let start = 0, i = 0; start < terms.length; i++) {
    const end = terms.indexOf('\n', start);
    const term = terms.slice(start, end === -1 ? terms.length : end);
    start = end === -1 ? terms.length : end + 1;
    const inTitle = titleWeights.get(term);
    if (inTitle !== undefined) titleWeights.delete(term);
    visit(term, bodyWeights[i]!, inTitle ?? 0);
  }
  for (const [term, weight] of titleWeights) visit(term, 0, weight);
}

/** Bytes of postings an index being built holds before it moves them out to files (postings-spill.ts): more than a 10,000-post archive's. */
const postingsBudget = 96 * 2 ** 20;

/**
 * Builds an index of at most `posts` posts added in order. `traditional` and `convert` are
 * the converter's character set and the converter (tokens.ts); the browser gets the same set.
 * With `spill` (a folder of its own, which the caller removes), postings beyond `budget`
 * bytes are moved out to files there and merged back shard by shard when the files are made.
 */
export function createSearchIndex(posts: number, traditional: string, convert: Convert, spill?: { folder: string; budget?: number }) {
  const normalise = normalizer(traditional, convert);
  const postings = new PostingsSpill(spill?.folder, spill?.budget ?? postingsBudget);
  const display: [string, string, string][] = [];

  function add(doc: SearchDoc): void {
    const id = display.length;
    if (id >= posts) throw new Error('more posts added to the search index than it was made for');
    display.push(displayRow(doc));
    forEachWeight(normalise, doc.title, doc.body, (term, body, title) => postings.add(term, id, body, title));
    postings.settle();
  }

  /** The index's files; shard files are made one at a time, as they are asked for. Call once. */
  function* files(): Generator<SearchFile> {
    yield { path: 'meta.json', contents: metaJson(display.length, traditional) };
    const segments = segmentsOf(display.length);
    for (const [k, shard, entries] of postings.shards(segments)) yield { path: `${segments[k]!.dir}/${shard}.json`, contents: shardJson(entries) };
    yield* displayFiles(display);
  }

  return { add, files };
}

/** An index being built (createSearchIndex). */
export type SearchIndex = ReturnType<typeof createSearchIndex>;

/** The display files of the posts' `[url, title, date]` rows, by id. */
export function* displayFiles(display: readonly (readonly [string, string, string])[]): Generator<SearchFile> {
  for (let start = 0; start < display.length; start += displayChunk) {
    const rows: DisplayChunk = display.slice(start, start + displayChunk);
    yield { path: `d/${start / displayChunk}.json`, contents: JSON.stringify(rows) };
  }
}

/** A post's display row: its URL, title and day. */
export function displayRow(doc: Omit<SearchDoc, 'body'>): [string, string, string] {
  return [doc.url, doc.title, doc.date.slice(0, 10)];
}

/** The index's meta.json for `posts` posts. */
export function metaJson(posts: number, traditional: string): string {
  const segments = segmentsOf(posts).map(({ dir, from, shards }) => ({ dir, from, shards }));
  const meta: SearchMeta = { version: indexVersion, posts, segments, chunk: displayChunk, titleBoost, traditional };
  return JSON.stringify(meta);
}

/** A shard file's text: its terms in code-unit order, so a patched shard reads like a freshly made one. */
function shardJson(entries: Readonly<Record<string, Postings>> | ReadonlyMap<string, Postings>): string {
  const map = entries instanceof Map ? entries : new Map(Object.entries(entries));
  const sorted: Record<string, Postings> = {};
  for (const term of [...map.keys()].sort()) sorted[term] = map.get(term)!;
  return JSON.stringify(sorted);
}

/** Changes to a shard's postings: term → post id → the post's new weights (none: the post no longer has the term). */
export type ShardChanges = ReadonlyMap<string, ReadonlyMap<number, readonly [number, number] | undefined>>;

/**
 * Replaces posts' postings in a shard file's text: for each term of `changes` in this shard,
 * each post's weights become the given ones. The changes of every edited post come at once,
 * so a shard and each term's postings are read and written once however many posts changed
 * (one post at a time, 400 posts of 2,000 whose every term changed took 100 s).
 */
export function patchShard(contents: string, changes: ShardChanges): string {
  const entries = JSON.parse(contents) as Record<string, Postings>;
  for (const [term, byPost] of changes) {
    const kept = (Object.hasOwn(entries, term) ? rowsOf(entries[term]!) : []).filter(([id]) => !byPost.has(id));
    for (const [id, weights] of byPost) if (weights) kept.push([id, weights[0], weights[1]]);
    if (kept.length === 0) delete entries[term];
    else entries[term] = postingsOf(kept);
  }
  return shardJson(entries);
}

/** A posting while a shard is rewritten: post id, body weight, title weight. */
type Row = [id: number, body: number, title: number];

function rowsOf([gaps, body, title]: Postings): Row[] {
  let id = 0;
  return gaps.map((gap, i) => [(id += gap), body[i]!, title[i]!]);
}

function postingsOf(rows: Row[]): Postings {
  rows.sort((a, b) => a[0] - b[0]);
  return [rows.map(([id], i) => id - (i > 0 ? rows[i - 1]![0] : 0)), rows.map((r) => r[1]), rows.map((r) => r[2])];
}

/**
 * A shard file of the previous index rewritten for a new list of posts: each posting's post
 * id becomes `renumber[id]` (-1: the post is gone, or changed and given in `added` again), and
 * the postings of `added` (term → new id and weights) are put in. Gives what a new index of
 * the new list would hold in this shard.
 */
export function renumberShard(contents: string, renumber: Int32Array, added: ReadonlyMap<string, readonly Row[]>): string {
  const entries = JSON.parse(contents) as Record<string, Postings>;
  const out: Record<string, Postings> = {};
  for (const term of new Set([...Object.keys(entries), ...added.keys()])) {
    const rows: Row[] = [];
    if (Object.hasOwn(entries, term)) {
      for (const [id, body, title] of rowsOf(entries[term]!)) {
        const now = renumber[id] ?? -1;
        if (now >= 0) rows.push([now, body, title]);
      }
    }
    for (const row of added.get(term) ?? []) rows.push([...row]);
    if (rows.length > 0) out[term] = postingsOf(rows);
  }
  return shardJson(out);
}

/** The terms whose weights differ between two versions of a post, with the new weights (none: the term is gone). */
export function weightChanges(before: DocWeights, after: DocWeights): Map<string, readonly [number, number] | undefined> {
  const changes = new Map<string, readonly [number, number] | undefined>();
  for (const [term, weights] of after) {
    const old = before.get(term);
    if (!old || old[0] !== weights[0] || old[1] !== weights[1]) changes.set(term, weights);
  }
  for (const term of before.keys()) if (!after.has(term)) changes.set(term, undefined);
  return changes;
}

/** The shard file of a term's postings of post `id`, inside the index folder of `posts` posts. */
export function shardPath(term: string, id: number, posts: number): string {
  const segment = segmentsOf(posts).find((s) => id < s.to)!;
  return `${segment.dir}/${shardOf(term, segment.shards)}.json`;
}

/** Each term of a normalised text with the number of times it occurs. */
function count(normalised: string, characters: boolean): Map<string, number> {
  const counts = new Map<string, number>();
  forEachTerm(normalised, characters, (term) => counts.set(term, (counts.get(term) ?? 0) + 1));
  return counts;
}

function sum(counts: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}

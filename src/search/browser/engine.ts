/**
 * The search itself, for the reader's browser (and tests in Node): given a way to load the
 * index's JSON files, it finds the posts that hold every term of a query and ranks them,
 * title matches first, then by BM25 score, then newest first. It loads only the shards of
 * the query's terms and the display data of the results shown. Copied into the built site as
 * compiled: it imports only its sibling tokens.js.
 */
import { inverseFrequency, needsConverter, normalizer, shardOf, terms, type Convert } from './tokens.js';

/** `meta.json`: what the client needs to read the rest. */
export interface SearchMeta {
  readonly version: number;
  /** Posts in the index; ids are 0 … posts-1, oldest first. */
  readonly posts: number;
  /** The postings in parts, each of the posts from its `from` on (to the next one's): `<dir>/<shard>.json` of `shards` shards. */
  readonly segments: readonly { readonly dir: string; readonly from: number; readonly shards: number }[];
  /** Posts per display file (`d/<id / chunk>.json`). */
  readonly chunk: number;
  /** How much more a term in the title counts than one in the body. */
  readonly titleBoost: number;
  /** The characters OpenCC converts on their own (see tokens.ts). */
  readonly traditional: string;
}

/** One term's postings in a shard file: post ids as gaps from the previous one (the first from 0), and each post's body and title weights. */
export type Postings = readonly [gaps: readonly number[], body: readonly number[], title: readonly number[]];

/** A display file: `[url, title, date]` per post. */
export type DisplayChunk = readonly (readonly [url: string, title: string, date: string])[];

export interface Hit {
  readonly id: number;
  readonly score: number;
  /** Every term of the query is in the title. */
  readonly inTitle: boolean;
}

export interface ShownHit extends Hit {
  readonly url: string;
  readonly title: string;
  readonly date: string;
}

export interface Found {
  /** The query as searched: normalised, split into parts (for highlighting). */
  readonly parts: readonly string[];
  readonly hits: readonly Hit[];
}

export interface SearchEngine {
  search(query: string): Promise<Found>;
  /** The display data (url, title, date) of some hits. */
  show(hits: readonly Hit[]): Promise<ShownHit[]>;
  /** The query normaliser (loads the converter when the text needs it). */
  normalise(text: string): Promise<string>;
}

export const indexVersion = 2;

export function createSearchEngine(load: (path: string) => Promise<unknown>, loadConverter: () => Promise<Convert>): SearchEngine {
  const files = new Map<string, Promise<unknown>>();
  const file = <T>(path: string) => {
    let loading = files.get(path);
    if (!loading) files.set(path, (loading = load(path)));
    return loading as Promise<T>;
  };
  const meta = () => file<SearchMeta>('meta.json');
  let convert: Promise<Convert> | undefined;

  async function normalise(text: string): Promise<string> {
    const { traditional } = await meta();
    // The 50 KB converter is fetched only for a query that has a character it converts.
    if (needsConverter(traditional, text)) convert ??= loadConverter();
    return normalizer(traditional, convert ? await convert : undefined)(text);
  }

  async function search(query: string): Promise<Found> {
    const m = await meta();
    if (m.version !== indexVersion) throw new Error(`search index version ${m.version}, this page reads ${indexVersion}`);
    const parts = (await normalise(query)).split(/\s+/).filter(Boolean);
    const wanted = [...new Set(parts.flatMap((part) => terms(part)))];
    if (wanted.length === 0) return { parts, hits: [] };
    // Each term's postings in every segment, oldest posts first.
    const lists = await Promise.all(
      wanted.map(async (term) => {
        const shards = await Promise.all(m.segments.map((segment) => file<Record<string, Postings>>(`${segment.dir}/${shardOf(term, segment.shards)}.json`)));
        return shards.flatMap((shard) => (Object.hasOwn(shard, term) ? [shard[term]!] : []));
      }),
    );
    // Per post: how many of the terms it has, its score, and how many are in its title.
    const found = new Map<number, { terms: number; score: number; inTitle: number }>();
    for (let t = 0; t < wanted.length; t++) {
      const pieces = lists[t]!;
      if (pieces.length === 0) return { parts, hits: [] }; // a term no post has: nothing has them all
      const idf = inverseFrequency(pieces.reduce((n, [gaps]) => n + gaps.length, 0), m.posts);
      for (const [gaps, body, title] of pieces) {
        let id = 0;
        for (let i = 0; i < gaps.length; i++) {
          id += gaps[i]!;
          const entry = found.get(id);
          if (t > 0 && !entry) continue; // missing an earlier term
          const score = idf * (body[i]! + m.titleBoost * title[i]!);
          if (entry) {
            if (entry.terms !== t) continue;
            entry.terms++;
            entry.score += score;
            if (title[i]! > 0) entry.inTitle++;
          } else found.set(id, { terms: 1, score, inTitle: title[i]! > 0 ? 1 : 0 });
        }
      }
    }
    const hits: Hit[] = [];
    for (const [id, entry] of found) {
      if (entry.terms === wanted.length) hits.push({ id, score: entry.score, inTitle: entry.inTitle === wanted.length });
    }
    // (Newest first among equals: the higher id.)
    hits.sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || b.score - a.score || b.id - a.id);
    return { parts, hits };
  }

  async function show(hits: readonly Hit[]): Promise<ShownHit[]> {
    const { chunk } = await meta();
    return Promise.all(
      hits.map(async (hit) => {
        const rows = await file<DisplayChunk>(`d/${Math.floor(hit.id / chunk)}.json`);
        const [url, title, date] = rows[hit.id % chunk]!;
        return { ...hit, url, title, date };
      }),
    );
  }

  return { search, show, normalise };
}

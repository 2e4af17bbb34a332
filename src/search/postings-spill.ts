import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Postings } from './browser/engine.js';
import { shardOf } from './browser/tokens.js';
import { decodePostings, PostingsArena, writeVarint } from './postings-arena.js';
import type { Segment } from './search-index.js';

/**
 * The postings of a search index being built, held in memory up to a budget and beyond it
 * moved out to files, so that the whole index is never held at once (at 100,000 posts the
 * postings alone grew past 300 MB on the main thread). Posts are added in id order, so
 * what is moved out is a run of postings per term, every run after the ones before; at the
 * end each shard's terms are read back from the runs alone and merged (the gap of a run's
 * first posting made relative to the run before), one shard at a time.
 *
 * Runs go to one file per bucket of terms, by the same hash as shards (tokens.ts shardOf):
 * 16 buckets, the fewest shards an index has, so however many shards the index ends with
 * (a power of two from 16 up), each shard's terms are all in one bucket.
 */

const buckets = 16;

export class PostingsSpill {
  private readonly arena = new PostingsArena();
  /** The bucket files, open for appending, once postings have been moved out. */
  private files: number[] | undefined;
  /** True once the last postings are moved out and the bucket files closed. */
  private finished = false;

  /**
   * `folder`: where the runs go (made when first needed; the caller removes it), none to keep
   * everything in memory; `budget`: the bytes of postings (PostingsArena.bytes) held before
   * they are moved out.
   */
  constructor(
    private readonly folder: string | undefined,
    private readonly budget: number,
  ) {}

  /** Adds post `id` (above every id added before) with its weights to `term`'s postings. */
  add(term: string, id: number, body: number, title: number): void {
    this.arena.add(term, id, body, title);
  }

  /** Moves the postings out when they are over the budget: call between posts. */
  settle(): void {
    if (this.folder !== undefined && this.arena.bytes > this.budget) this.moveOut(this.folder);
  }

  /** True when postings were moved out (the index is then read back from its runs). */
  get spilled(): boolean {
    return this.files !== undefined;
  }

  /**
   * The shards of each segment of the index (at most two; each segment's `shards` a power of
   * two of at least 16, for the posts with ids `from` … `to - 1`), each shard with its terms'
   * postings of those posts (terms none of them has left out), one shard at a time. Each
   * term's postings are read once for all segments: as shard counts are powers of two, a term
   * in shard `f` of the segment with more shards is in shard `f mod c` of one with `c`. Call
   * once, after the last post.
   */
  *shards(segments: readonly Pick<Segment, 'from' | 'to' | 'shards'>[]): Generator<readonly [segment: number, shard: number, postings: Map<string, Postings>]> {
    if (segments.length === 0) return;
    const fine = Math.max(...segments.map((s) => s.shards));
    const coarse = Math.min(...segments.map((s) => s.shards));
    // (Never moved out: the arena's terms by shard, once; each shard's postings are read out of it when asked for.)
    const inArena = this.files ? undefined : termsByShard(this.arena.keys(), fine);
    const fromArena = (shard: number) => new Map((inArena!.get(shard) ?? []).map((term) => [term, this.arena.postings(term)!]));
    for (let bucket = 0; bucket < buckets; bucket++) {
      const termsOf = inArena ? fromArena : this.bucket(bucket, fine);
      for (let c = bucket; c < coarse; c += buckets) {
        const gathered = segments.map(() => new Map<string, Postings>());
        for (let f = c; f < fine; f += coarse) {
          const all = termsOf(f);
          for (const [k, segment] of segments.entries()) {
            const into = segment.shards === fine ? new Map<string, Postings>() : gathered[k]!;
            for (const [term, postings] of all) {
              const part = postingsWithin(postings, segment.from, segment.to);
              if (part) into.set(term, part);
            }
            if (segment.shards === fine) yield [k, f, into];
          }
        }
        for (const [k, segment] of segments.entries()) if (segment.shards !== fine) yield [k, c, gathered[k]!];
      }
    }
  }

  /**
   * The terms of one bucket file of the postings moved out: a function giving the whole
   * postings of the terms of each of its shards, for an index of `shards` shards, one shard at
   * a time (the runs of a term merged into one list).
   */
  private bucket(bucket: number, shards: number): (shard: number) => Map<string, Postings> {
    this.finish();
    const bytes = readFileSync(this.bucketFile(bucket));
    // Where each record's term and postings are, by the shard of its term (4 numbers a record).
    const records = new Map<number, number[]>();
    for (let at = 0; at < bytes.length; ) {
      const [termLength, afterTermLength] = readVarint(bytes, at);
      const term = textOf(bytes, afterTermLength, afterTermLength + termLength);
      const [length, start] = readVarint(bytes, afterTermLength + termLength);
      const shard = shardOf(term, shards);
      let list = records.get(shard);
      if (!list) records.set(shard, (list = []));
      list.push(afterTermLength, afterTermLength + termLength, start, start + length);
      at = start + length;
    }
    return (shard) => {
      const postings = new Map<string, Postings>();
      const last = new Map<string, number>();
      const list = records.get(shard) ?? [];
      for (let i = 0; i < list.length; i += 4) {
        const term = textOf(bytes, list[i]!, list[i + 1]!);
        let into = postings.get(term);
        if (!into) postings.set(term, (into = [[], [], []]));
        // (The run's first gap is from 0: its post's id, which decodePostings makes a gap from the run before's last.)
        last.set(term, decodePostings(bytes, list[i + 2]!, list[i + 3]!, into, last.get(term) ?? 0));
      }
      return postings;
    };
  }

  /** Moves the last postings out and closes the bucket files, once. */
  private finish(): void {
    if (this.finished) return;
    this.moveOut(this.folder!);
    for (const file of this.files!) closeSync(file);
    this.finished = true;
  }

  private bucketFile(bucket: number): string {
    return join(this.folder!, `${bucket}.bin`);
  }

  /**
   * Appends every term's postings to its bucket's file as one record — the term's length and
   * UTF-8 bytes, the length of its postings and the postings as the arena keeps them
   * (varints: the first gap from 0) — and empties the arena (keeping its arrays).
   */
  private moveOut(folder: string): void {
    if (!this.files) {
      mkdirSync(folder, { recursive: true });
      this.files = Array.from({ length: buckets }, (_, bucket) => openSync(this.bucketFile(bucket), 'w'));
    }
    const parts = Array.from({ length: buckets }, () => [] as Uint8Array[]);
    for (const term of this.arena.keys()) {
      const bytes = this.arena.encoded(term)!;
      const text = Buffer.from(term, 'utf8');
      const head = new Uint8Array(20);
      const middle = writeVarint(head, 0, text.length);
      const end = writeVarint(head, middle, bytes.length);
      parts[shardOf(term, buckets)]!.push(head.subarray(0, middle), text, head.subarray(middle, end), bytes);
    }
    for (const [bucket, list] of parts.entries()) writeSync(this.files[bucket]!, Buffer.concat(list));
    this.arena.clear();
  }
}

/** The postings of the posts with ids `from` … `to - 1` (the first gap from 0: that post's id); none when there are none. */
export function postingsWithin(postings: Postings, from: number, to: number): Postings | undefined {
  const [gaps, body, title] = postings;
  let id = 0;
  let first = -1;
  let firstId = 0;
  let end = gaps.length;
  for (let i = 0; i < gaps.length; i++) {
    id += gaps[i]!;
    if (first === -1 && id >= from) [first, firstId] = [i, id];
    if (id >= to) {
      end = i;
      break;
    }
  }
  if (first === -1 || first >= end) return undefined;
  if (first === 0 && end === gaps.length) return postings;
  return [[firstId, ...gaps.slice(first + 1, end)], body.slice(first, end), title.slice(first, end)];
}

/** Terms by their shard of `shards`. */
function termsByShard(terms: readonly string[], shards: number): Map<number, string[]> {
  const byShard = new Map<number, string[]>();
  for (const term of terms) {
    const shard = shardOf(term, shards);
    const list = byShard.get(shard);
    if (list) list.push(term);
    else byShard.set(shard, [term]);
  }
  return byShard;
}

function textOf(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('utf8', start, end);
}

function readVarint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++]!;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
    shift += 7;
  }
}

import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostingsSpill } from '../../src/search/postings-spill.js';
import type { Postings } from '../../src/search/browser/engine.js';
import { shardOf } from '../../src/search/browser/tokens.js';

/** Every shard of `spill` as plain data, by shard number: the postings of the posts from `from` to before `to`. */
function shardsOf(spill: PostingsSpill, shards: number, from = 0, to = Number.MAX_SAFE_INTEGER): Record<number, Record<string, Postings>> {
  const out: Record<number, Record<string, Postings>> = {};
  for (const [, shard, postings] of spill.shards([{ from, to, shards }])) {
    expect(out[shard], `shard ${shard} given twice`).toBeUndefined();
    out[shard] = Object.fromEntries([...postings].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  return out;
}

/** Adds posts (each a list of [term, body weight, title weight]) in id order, settling after each as the index does. */
function fill(spill: PostingsSpill, posts: readonly (readonly [string, number, number])[][]): void {
  posts.forEach((terms, id) => {
    for (const [term, body, title] of terms) spill.add(term, id, body, title);
    spill.settle();
  });
}

const term = fc.oneof(
  fc.integer({ min: 0, max: 60 }).map((n) => String.fromCharCode(0x4e00 + n) + String.fromCharCode(0x4e00 + ((n * 7) % 61))),
  fc.stringMatching(/^[a-z0-9]{1,12}$/),
  fc.constantFrom('香港', 'constructor', 'toString', '𠀀𠀁', 'a-long-term-of-its-own-to-be-sure'),
);
const post = fc.uniqueArray(fc.tuple(term, fc.nat(70_000), fc.nat(70_000)), { selector: ([t]) => t, maxLength: 40 });

describe('the postings of an index moved out to files beyond a budget', () => {
  it('give every shard exactly what postings kept in memory give (property: budgets from every post to none, 16 to 128 shards)', () => {
    fc.assert(
      fc.property(fc.array(post, { minLength: 1, maxLength: 120 }),
        // (An arena's bytes are its 1 MiB arrays and 48 bytes a term: budgets from every post to a few runs to none.)
        fc.oneof(fc.constant(0), fc.integer({ min: 2 ** 20, max: 2 ** 20 + 30_000 }), fc.constant(2 ** 30)),
        fc.constantFrom(16, 32, 128),
        (posts, budget, shards) => {
        const kept = new PostingsSpill(undefined, 0);
        fill(kept, posts);
        const moved = new PostingsSpill(mkdtempSync(join(tmpdir(), 'gazette-spill-')), budget);
        fill(moved, posts);
        expect(shardsOf(moved, shards)).toEqual(shardsOf(kept, shards));
      }),
      { numRuns: 60 },
    );
  });

  it('give each segment of the posts exactly its postings, the first gap from 0, each term read once for both (property)', () => {
    fc.assert(
      fc.property(fc.array(post, { minLength: 1, maxLength: 80 }), fc.oneof(fc.constant(0), fc.constant(2 ** 30)), fc.nat(80), fc.constantFrom(16, 32, 64), fc.constantFrom(16, 32), (posts, budget, split, older, newer) => {
        const spill = new PostingsSpill(mkdtempSync(join(tmpdir(), 'gazette-spill-')), budget);
        fill(spill, posts);
        const segments = [{ from: 0, to: split, shards: older }, { from: split, to: posts.length, shards: newer }];
        // What the posts of each segment alone have, by shard (ids absolute: the first gap is from 0).
        const expected = segments.map(() => new Map<number, Map<string, [number[], number[], number[]]>>());
        posts.forEach((terms, id) => {
          const k = id < split ? 0 : 1;
          for (const [term, body, title] of terms) {
            const shard = shardOf(term, segments[k]!.shards);
            const shardTerms = expected[k]!.get(shard) ?? new Map<string, [number[], number[], number[]]>();
            expected[k]!.set(shard, shardTerms);
            const list = shardTerms.get(term) ?? [[], [], []];
            shardTerms.set(term, list);
            const last = list[0].reduce((x, y) => x + y, 0);
            list[0].push(list[0].length === 0 ? id : id - last);
            list[1].push(body);
            list[2].push(title);
          }
        });
        const given = segments.map(() => new Map<number, Map<string, Postings>>());
        for (const [k, shard, postings] of spill.shards(segments)) {
          expect(given[k]!.has(shard), `segment ${k} shard ${shard} given twice`).toBe(false);
          given[k]!.set(shard, postings);
        }
        for (const k of [0, 1]) {
          expect(given[k]!.size).toBe(segments[k]!.shards);
          for (const [shard, postings] of given[k]!) expect(Object.fromEntries(postings)).toEqual(Object.fromEntries(expected[k]!.get(shard) ?? []));
        }
      }),
      { numRuns: 80 },
    );
  });

  it('moves postings out once over the budget, into one file per bucket, and merges a term’s runs into one list of gaps', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'gazette-spill-')), 'runs');
    const spill = new PostingsSpill(folder, 1);
    spill.add('香港', 3, 10, 0);
    spill.settle();
    expect(spill.spilled).toBe(true);
    expect(readdirSync(folder)).toHaveLength(16);
    spill.add('香港', 7, 11, 2);
    spill.add('press', 7, 1, 0);
    spill.settle();
    spill.add('香港', 200, 12, 0);
    const all = Object.assign({}, ...Object.values(shardsOf(spill, 16))) as Record<string, Postings>;
    expect(all['香港']).toEqual([[3, 4, 193], [10, 11, 12], [0, 2, 0]]);
    expect(all.press).toEqual([[7], [1], [0]]);
  });

  it('keeps everything in memory within the budget, or without a folder', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'gazette-spill-')), 'runs');
    const spill = new PostingsSpill(folder, 1 << 30);
    fill(spill, [[['香港', 1, 0]], [['香港', 2, 0]]]);
    expect(spill.spilled).toBe(false);
    expect(existsSync(folder)).toBe(false);
    const none = new PostingsSpill(undefined, 0);
    fill(none, [[['香港', 1, 0]]]);
    expect(none.spilled).toBe(false);
  });
});

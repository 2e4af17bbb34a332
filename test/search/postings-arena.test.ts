import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostingsArena } from '../../src/search/postings-arena.js';

describe('the postings of an index being built', () => {
  it('give back every posting of every term, in order (property: terms with one posting to thousands, ids and weights up to 2^31)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 2 ** 31 }), fc.nat(2 ** 31), fc.nat(70_000)), { minLength: 1, maxLength: 3000 }),
        (rows) => {
          const arena = new PostingsArena();
          const model = new Map<string, [number[], number[], number[]]>();
          const last = new Map<string, number>();
          for (const [t, step, body, title] of rows) {
            const term = t % 7 === 0 ? `a-long-term-of-its-own-${t}` : String.fromCharCode(0x4e00 + t);
            const id = (last.get(term) ?? 0) + step;
            arena.add(term, id, body, title);
            const [gaps, bodies, titles] = model.get(term) ?? [[], [], []];
            gaps.push(id - (last.get(term) ?? 0));
            bodies.push(body);
            titles.push(title);
            model.set(term, [gaps, bodies, titles]);
            last.set(term, id);
          }
          expect(arena.size).toBe(model.size);
          expect([...arena.keys()].sort()).toEqual([...model.keys()].sort());
          for (const [term, postings] of model) expect(arena.postings(term)).toEqual(postings);
          expect(arena.postings('absent')).toBeUndefined();
        },
      ),
      { numRuns: 100 },
    );
  });

  it('after clear() hold only what is added next, in the large arrays they had (no more bytes)', () => {
    const arena = new PostingsArena();
    for (let i = 0; i < 50_000; i++) arena.add(`old${i % 5000}`, i, i % 300, 1);
    const bytes = arena.bytes;
    arena.clear();
    expect(arena.size).toBe(0);
    expect(arena.postings('old1')).toBeUndefined();
    for (let i = 0; i < 50_000; i++) arena.add(`new${i % 5000}`, i, i % 200, 0);
    expect(arena.bytes).toBe(bytes);
    expect(arena.keys()).toHaveLength(5000);
    const [gaps, body, title] = arena.postings('new7')!;
    expect(gaps).toEqual([7, ...Array<number>(9).fill(5000)]);
    expect(body).toEqual(Array.from({ length: 10 }, (_, k) => (7 + 5000 * k) % 200));
    expect(title.every((w) => w === 0)).toBe(true);
  });

  it('hold a hundred thousand terms across many blocks and arrays, one of them with 20,000 postings', () => {
    const arena = new PostingsArena();
    for (let i = 0; i < 100_000; i++) arena.add(`t${i}`, i, i % 300, i % 2);
    for (let id = 1; id <= 20_000; id++) arena.add('common', id * 7, id, 0);
    expect(arena.postings('t99999')).toEqual([[99_999], [99_999 % 300], [1]]);
    expect(arena.postings('t0')).toEqual([[0], [0], [0]]);
    const [gaps, body] = arena.postings('common')!;
    expect(gaps).toHaveLength(20_000);
    expect(gaps.every((gap) => gap === 7)).toBe(true);
    expect(body[19_999]).toBe(20_000);
  });
});

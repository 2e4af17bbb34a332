import { describe, expect, it } from 'vitest';
import { bigArchive, heapFor } from '../src/heap.js';

describe('the heap of a big archive', () => {
  it('is collected whole when the build asks, between its stages', () => {
    const heap = heapFor(bigArchive);
    // 40 MB or so of small objects, then let go: garbage no collection has looked at yet.
    let garbage: { n: number; s: string }[] | undefined = Array.from({ length: 400_000 }, (_, n) => ({ n, s: `post ${n}` }));
    expect(garbage).toHaveLength(400_000);
    garbage = undefined;
    const before = process.memoryUsage().heapUsed;
    heap.collect();
    expect(before - process.memoryUsage().heapUsed).toBeGreaterThan(10 * 2 ** 20);
  });
});

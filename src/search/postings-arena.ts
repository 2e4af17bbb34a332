import type { Postings } from './browser/engine.js';

/**
 * The postings of a search index being built: for each term, the posts that have it as
 * varints of (gap to the previous post, body weight, title weight). An archive has millions
 * of terms (Han bigrams), most in a post or two, so a byte array per term cost some 200 bytes
 * a term in objects alone (600 MB at 100,000 posts). Here every term's postings are blocks in
 * a few large byte arrays, linked one to the next, and a term's state is six numbers in a
 * typed array.
 *
 * A block: two bytes of how many bytes it holds, those bytes, and four bytes at its end for
 * the offset of the term's next block. Blocks of a term double from 24 bytes (one posting) to
 * 4 KiB.
 */

/** Bytes of each large array; a block never crosses one. */
const chunkSize = 1 << 20;
const firstBlock = 24;
const biggestBlock = 4096;
/** Numbers kept per term: its first block, its current block and that block's size, bytes used in it, its last post, its count. */
const fields = 6;
/** The most bytes one posting takes: three varints of numbers below 2^35. */
const maxPosting = 15;

export class PostingsArena {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private state = new Float64Array(fields * 1024);
  private readonly chunks: Uint8Array[] = [];
  /** Chunks in use (after clear(), the others are reused before any is added). */
  private inUse = 0;
  /** Bytes left in the last chunk in use. */
  private free = 0;

  /** Forgets every term and posting, keeping the large arrays for the postings added next. */
  clear(): void {
    this.ids.clear();
    this.terms.length = 0;
    this.inUse = 0;
    this.free = 0;
  }

  /** How many terms have postings. */
  get size(): number {
    return this.terms.length;
  }

  /** The terms, in the order first met. */
  keys(): readonly string[] {
    return this.terms;
  }

  /** Adds post `id` (above every id added for this term before) with its weights to `term`'s postings. */
  add(term: string, id: number, body: number, title: number): void {
    let t = this.ids.get(term);
    if (t === undefined) t = this.newTerm(term);
    const s = this.state;
    const at = t * fields;
    let block = s[at + 1]!;
    let size = s[at + 2]!;
    let used = s[at + 3]!;
    if (2 + used + maxPosting > size - 4) {
      const next = this.allocate(Math.min(size * 2, biggestBlock));
      this.writeNext(block, size, next);
      size = Math.min(size * 2, biggestBlock);
      block = next;
      used = 0;
      s[at + 1] = block;
      s[at + 2] = size;
    }
    const bytes = this.chunks[Math.floor(block / chunkSize)]!;
    const start = (block % chunkSize) + 2;
    let end = writeVarint(bytes, start + used, id - s[at + 4]!);
    end = writeVarint(bytes, end, body);
    end = writeVarint(bytes, end, title);
    used = end - start;
    bytes[start - 2] = used & 0xff;
    bytes[start - 1] = used >> 8;
    s[at + 3] = used;
    s[at + 4] = id;
    s[at + 5] = s[at + 5]! + 1;
  }

  /** Bytes the postings take (the large arrays, whether full or not) and the terms' state. */
  get bytes(): number {
    return this.inUse * chunkSize + this.terms.length * fields * 8;
  }

  /**
   * A term's postings as they are kept: the varints of each posting's gap to the previous one
   * (the first from 0: the post's id), body weight and title weight, in one array; undefined
   * for a term without any. (For moving postings out whole: see postings-spill.ts.)
   */
  encoded(term: string): Uint8Array | undefined {
    const t = this.ids.get(term);
    if (t === undefined) return undefined;
    const parts: Uint8Array[] = [];
    let length = 0;
    this.forEachBlock(t, (bytes) => {
      parts.push(bytes);
      length += bytes.length;
    });
    const out = new Uint8Array(length);
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  /** A term's postings as the shard files hold them; undefined for a term without any. */
  postings(term: string): Postings | undefined {
    const t = this.ids.get(term);
    if (t === undefined) return undefined;
    const postings: Postings = [[], [], []];
    this.forEachBlock(t, (bytes) => decodePostings(bytes, 0, bytes.length, postings));
    return postings;
  }

  /** Calls `visit` with the bytes held by each block of term `t`, in order. */
  private forEachBlock(t: number, visit: (bytes: Uint8Array) => void): void {
    let block = this.state[t * fields]!;
    const last = this.state[t * fields + 1]!;
    let size = firstBlock;
    for (;;) {
      const bytes = this.chunks[Math.floor(block / chunkSize)]!;
      const start = (block % chunkSize) + 2;
      visit(bytes.subarray(start, start + (bytes[start - 2]! | (bytes[start - 1]! << 8))));
      if (block === last) return;
      const tail = (block % chunkSize) + size - 4;
      block = bytes[tail]! + bytes[tail + 1]! * 2 ** 8 + bytes[tail + 2]! * 2 ** 16 + bytes[tail + 3]! * 2 ** 24;
      size = Math.min(size * 2, biggestBlock);
    }
  }

  private newTerm(term: string): number {
    const t = this.terms.length;
    // A term of 13 characters or more cut from a longer string is a view of it (V8's sliced
    // strings): kept as a key it would keep that whole string alive (a post's terms).
    const own = term.length < 13 ? term : (' ' + term).slice(1);
    this.terms.push(own);
    this.ids.set(own, t);
    if ((t + 1) * fields > this.state.length) {
      const bigger = new Float64Array(this.state.length * 2);
      bigger.set(this.state);
      this.state = bigger;
    }
    const block = this.allocate(firstBlock);
    this.state.set([block, block, firstBlock, 0, 0, 0], t * fields);
    return t;
  }

  /** The offset of a new block of `size` bytes (in the last chunk, or a new one). */
  private allocate(size: number): number {
    if (this.free < size) {
      if (this.inUse === this.chunks.length) this.chunks.push(new Uint8Array(chunkSize));
      this.inUse++;
      this.free = chunkSize;
    }
    const offset = (this.inUse - 1) * chunkSize + (chunkSize - this.free);
    this.free -= size;
    return offset;
  }

  /** Links a block (of `size` bytes) to the term's next block. */
  private writeNext(block: number, size: number, next: number): void {
    const bytes = this.chunks[Math.floor(block / chunkSize)]!;
    const tail = (block % chunkSize) + size - 4;
    bytes[tail] = next & 0xff;
    bytes[tail + 1] = (next >>> 8) & 0xff;
    bytes[tail + 2] = (next >>> 16) & 0xff;
    bytes[tail + 3] = Math.floor(next / 2 ** 24) & 0xff;
  }
}

/**
 * Appends the postings in `bytes` from `start` to `end` (varints of gap, body weight, title
 * weight, as the arena keeps them) to `into`. Returns the sum of the gaps read: the last
 * post's id when the first gap is from 0. With `rebase`, the first gap read is from 0 and
 * is appended as the gap from post `rebase` (postings kept in pieces: see postings-spill.ts).
 */
export function decodePostings(bytes: Uint8Array, start: number, end: number, into: Postings, rebase?: number): number {
  const values = into as [number[], number[], number[]];
  let value = 0;
  let shift = 0;
  let n = 0;
  let sum = 0;
  for (let at = start; at < end; at++) {
    const byte = bytes[at]!;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte >= 0x80) shift += 7;
    else {
      if (n % 3 === 0) {
        sum += value;
        values[0].push(n === 0 && rebase !== undefined ? value - rebase : value);
      } else values[n % 3]!.push(value);
      n++;
      value = 0;
      shift = 0;
    }
  }
  return sum;
}

/** Writes `value` as a varint at `at`; returns where the next byte goes. */
export function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    bytes[at++] = (value & 0x7f) | 0x80;
    value = Math.floor(value / 0x80);
  }
  bytes[at++] = value;
  return at;
}

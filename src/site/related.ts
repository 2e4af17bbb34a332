import type { Post } from '../types.js';

/**
 * How many of a tag's posts, on each side of a post in time, are candidates for its related
 * posts. A news archive's big tags (香港, 美国) hold thousands of posts; comparing every pair
 * would cost the square of that. Within a tag of up to 2 × 50 + 1 posts the choice is exact;
 * in a bigger tag it looks at the 100 posts nearest in time, which for news is also what a
 * reader means by related coverage.
 */
export const tagWindow = 50;

/**
 * Up to `limit` posts related to a post, best first: most tags shared, then sharing a
 * category, then nearest in time (posts equally near: the one nearer in the archive's order, then
 * by source, so the choice never depends on load order).
 * Posts that share nothing fill the list by the same rule, so a post without tags still gets
 * its category's posts nearest in time, then the archive's.
 *
 * `posts` is the index's order (newest first); `members` gives a term's posts in that order.
 */
export function relatedFinder(
  posts: readonly Post[],
  members: (kind: 'tags' | 'categories', name: string) => readonly string[] | undefined,
): (source: string, limit: number) => Post[] {
  const position = new Map(posts.map((p, i) => [p.source, i]));
  // Each term's posts as positions in `posts` (ascending), made when first asked for.
  const positionsOf = new Map<string, Int32Array>();
  const termPositions = (kind: 'tags' | 'categories', name: string): Int32Array => {
    const key = `${kind}\u0000${name}`;
    let found = positionsOf.get(key);
    if (!found) {
      found = Int32Array.from(members(kind, name) ?? [], (s) => position.get(s) ?? -1).filter((i) => i >= 0);
      positionsOf.set(key, found);
    }
    return found;
  };
  // Posts' tags and categories as small numbers, and marks for the post being looked at: a
  // candidate's shared tags are counted without hashing a string (hundreds of candidates a post).
  // (Made on the first call: a build that renders no post page does not need them.)
  let tables: { tagNumbers: Numbering; categoryNumbers: Numbering; myTags: Uint8Array; myCategories: Uint8Array; seen: Int32Array } | undefined;
  let calls = 0;

  // A build asks for a post's related posts twice (to fingerprint its page, then to render
  // it when the fingerprint changed): the answer is kept (five posts a post; the finder lives
  // as long as its index).
  const answers = new Map<string, Post[]>();
  return (source, limit) => {
    const key = `${limit}\u0000${source}`;
    let answer = answers.get(key);
    if (!answer) answers.set(key, (answer = find(source, limit)));
    return answer.slice();
  };

  function find(source: string, limit: number): Post[] {
    const at = position.get(source);
    if (at === undefined || limit <= 0) return [];
    if (!tables) {
      const tagNumbers = numbering(posts.map((p) => p.tags));
      const categoryNumbers = numbering(posts.map((p) => p.categories));
      // seen[i] === call: post i is already a candidate in this call.
      tables = { tagNumbers, categoryNumbers, myTags: new Uint8Array(tagNumbers.count), myCategories: new Uint8Array(categoryNumbers.count), seen: new Int32Array(posts.length).fill(-1) };
    }
    const { tagNumbers, categoryNumbers, myTags, myCategories, seen } = tables;
    const post = posts[at]!;
    const call = calls++;
    const candidates: number[] = [];
    const add = (i: number) => {
      if (i !== at && seen[i] !== call) {
        seen[i] = call;
        candidates.push(i);
      }
    };
    for (const name of post.tags) addNearest(add, termPositions('tags', name), at, tagWindow);
    for (const name of post.categories) addNearest(add, termPositions('categories', name), at, limit);
    addNearest(add, undefined, at, limit, posts.length);

    for (const t of tagNumbers.of[at]!) myTags[t] = 1;
    for (const c of categoryNumbers.of[at]!) myCategories[c] = 1;
    // The best `limit` candidates, kept in order as each is looked at (a few hundred candidates,
    // five kept: no sort of them all; a candidate is made an object only when it is kept).
    const best: Ranked[] = [];
    for (const i of candidates) {
      const other = posts[i]!;
      let shared = 0;
      for (const t of tagNumbers.of[i]!) shared += myTags[t]!;
      let sameCategory = 0;
      for (const c of categoryNumbers.of[i]!) sameCategory |= myCategories[c]!;
      const distance = Math.abs(other.time - post.time);
      const steps = Math.abs(i - at);
      if (best.length === limit && compareTo(best[limit - 1]!, other, shared, sameCategory, distance, steps) <= 0) continue;
      const candidate: Ranked = { post: other, shared, sameCategory, distance, steps };
      let place = best.length;
      while (place > 0 && compare(candidate, best[place - 1]!) < 0) place--;
      best.splice(place, 0, candidate);
      if (best.length > limit) best.pop();
    }
    for (const t of tagNumbers.of[at]!) myTags[t] = 0;
    for (const c of categoryNumbers.of[at]!) myCategories[c] = 0;
    return best.map((r) => r.post);
  }
}

interface Numbering {
  readonly of: readonly (readonly number[])[];
  readonly count: number;
}

/** Names as numbers 0 … count-1: each list of names (a post's tags) as its names' numbers. */
function numbering(lists: readonly (readonly string[])[]): Numbering {
  const numbers = new Map<string, number>();
  const of = lists.map((names) =>
    [...new Set(names)].map((name) => {
      let n = numbers.get(name);
      if (n === undefined) numbers.set(name, (n = numbers.size));
      return n;
    }),
  );
  return { of, count: numbers.size };
}

interface Ranked {
  readonly post: Post;
  readonly shared: number;
  readonly sameCategory: number;
  readonly distance: number;
  readonly steps: number;
}

/** Negative when `a` ranks before `b`: more shared tags, same category, nearer in time, nearer in order, then by source. */
function compare(a: Ranked, b: Ranked): number {
  return -compareTo(b, a.post, a.shared, a.sameCategory, a.distance, a.steps);
}

/** compare(`a`, the candidate given by its parts), without making the candidate an object. */
function compareTo(a: Ranked, post: Post, shared: number, sameCategory: number, distance: number, steps: number): number {
  return shared - a.shared || sameCategory - a.sameCategory || a.distance - distance || a.steps - steps || (a.post.source < post.source ? -1 : a.post.source > post.source ? 1 : 0);
}

/**
 * Adds the `count` entries on each side of position `at` in an ascending list of positions
 * (all positions `0 … total-1` when `list` is undefined): the ones nearest in time.
 */
function addNearest(add: (position: number) => void, list: Int32Array | undefined, at: number, count: number, total = 0): void {
  const length = list ? list.length : total;
  const valueAt = (k: number) => (list ? list[k]! : k);
  // First index whose position is >= at.
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (valueAt(mid) < at) low = mid + 1;
    else high = mid;
  }
  for (let k = Math.max(0, low - count); k < Math.min(length, low + count + 1); k++) add(valueAt(k));
}

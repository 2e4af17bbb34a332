import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tagWindow } from '../../src/site/related.js';
import { buildSiteIndex } from '../../src/site/site-index.js';
import type { Post } from '../../src/types.js';

function post(source: string, time: number, tags: string[] = [], categories: string[] = []): Post {
  return {
    source, path: `/x/${source}`, format: 'markdown', encoding: 'utf-8', hash: '', bodyOffset: 0, bodyLine: 1, title: source,
    date: new Date(time).toISOString(), time, slug: source, url: `/${source}/`, outputPath: `${source}/index.html`,
    tags, categories, layout: 'post', data: {},
  };
}

const related = (posts: Post[], source: string, limit = 5) => buildSiteIndex(posts).index.related(source, limit).map((p) => p.source);

/** The rule as written, by comparing the post with every other post (in the archive's order: newest first, then by source). */
function bruteForce(posts: readonly Post[], source: string, limit: number): string[] {
  const order = [...posts].sort((a, b) => b.time - a.time || (a.source < b.source ? -1 : 1));
  const me = posts.find((p) => p.source === source)!;
  const key = (p: Post) => ({
    shared: p.tags.filter((t) => me.tags.includes(t)).length,
    same: p.categories.some((c) => me.categories.includes(c)) ? 1 : 0,
    distance: Math.abs(p.time - me.time),
    steps: Math.abs(order.indexOf(p) - order.indexOf(me)),
  });
  return posts
    .filter((p) => p !== me)
    .map((p) => ({ p, k: key(p) }))
    .sort((a, b) => b.k.shared - a.k.shared || b.k.same - a.k.same || a.k.distance - b.k.distance || a.k.steps - b.k.steps || (a.p.source < b.p.source ? -1 : 1))
    .slice(0, limit)
    .map((x) => x.p.source);
}

describe('related posts', () => {
  it('ranks by shared tags, then same category, then nearest in time', () => {
    const posts = [
      post('me', 1000, ['香港', '人权', '法律'], ['RFA']),
      post('two-tags-far', 10, ['香港', '人权']),
      post('one-tag-same-source', 990, ['法律'], ['RFA']),
      post('one-tag-near', 998, ['香港'], ['VOA']),
      post('one-tag-nearer', 1001, ['人权']),
      post('no-tag-same-source', 1002, [], ['RFA']),
      post('nothing-shared', 1000, ['台湾'], ['BBC']),
    ];
    expect(related(posts, 'me')).toEqual(['two-tags-far', 'one-tag-same-source', 'one-tag-nearer', 'one-tag-near', 'no-tag-same-source']);
    expect(related(posts, 'me', 2)).toEqual(['two-tags-far', 'one-tag-same-source']);
  });

  it('gives the same answer when asked again', () => {
    const { index } = buildSiteIndex([post('a', 1, ['x']), post('b', 2, ['x']), post('c', 3, ['x'])]);
    const first = index.related('b', 5);
    expect(first.map((p) => p.source)).toEqual(['a', 'c']);
    expect(index.related('b', 5)).toEqual(first);
  });

  it('fills the list with posts nearest in time when nothing is shared', () => {
    const posts = [post('a', 1), post('b', 2), post('c', 3), post('d', 10), post('e', 20), post('f', 30), post('g', 40)];
    expect(related(posts, 'c')).toEqual(['b', 'a', 'd', 'e', 'f']);
    expect(related([post('alone', 1)], 'alone')).toEqual([]);
  });

  it('chooses what comparing every pair of posts would choose', () => {
    // Tags here hold fewer posts than the window, where the choice is exact by design.
    const archive = fc.uniqueArray(
      fc.record({
        time: fc.integer({ min: 0, max: 50 }),
        tags: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 3 }),
        categories: fc.uniqueArray(fc.constantFrom('X', 'Y', 'Z'), { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(archive, fc.nat(), fc.integer({ min: 1, max: 7 }), (specs, pick, limit) => {
        const posts = specs.map((s, i) => post(`p${String(i).padStart(2, '0')}`, s.time, s.tags, s.categories));
        const source = posts[pick % posts.length]!.source;
        expect(related(posts, source, limit)).toEqual(bruteForce(posts, source, limit));
      }),
      { numRuns: 300 },
    );
  });

  it('in a tag bigger than its window, picks the posts of the tag nearest in time', () => {
    const posts = Array.from({ length: 6 * tagWindow }, (_, i) => post(`p${String(i).padStart(4, '0')}`, i * 10, ['big']));
    posts.push(post('me', 1500 + 4, ['big']));
    expect(related(posts, 'me')).toEqual(['p0150', 'p0151', 'p0149', 'p0152', 'p0148']);
  });
});

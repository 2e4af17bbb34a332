import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/load/slug.js';
import { buildSiteIndex } from '../../src/site/site-index.js';
import type { Post } from '../../src/types.js';

function post(source: string, time: number, extra: Partial<Post> = {}): Post {
  const slug = source.replace(/\W/g, '');
  return {
    source, path: `/x/${source}`, format: 'markdown', encoding: 'utf-8', hash: '', bodyOffset: 0, bodyLine: 1, title: source,
    date: new Date(time).toISOString(), time, slug, url: `/${slug}/`, outputPath: `${slug}/index.html`,
    tags: [], categories: [], layout: 'post', data: {}, ...extra,
  };
}

describe('buildSiteIndex', () => {
  it('orders posts newest first and knows each one’s neighbours', () => {
    const { index } = buildSiteIndex([post('a', 1), post('c', 3), post('b', 2)]);
    expect(index.posts.map((p) => p.source)).toEqual(['c', 'b', 'a']);
    expect(index.neighbours('b')).toEqual({ newer: index.bySource.get('c'), older: index.bySource.get('a') });
    expect(index.neighbours('c').newer).toBeUndefined();
  });

  it('builds two articles on one URL, the later file on a suffixed URL, and one copy of an article saved twice', () => {
    const clash = { url: '/same/', outputPath: 'same/index.html' };
    const from = 'https://news.example.org/a';
    const copy = { ...clash, from, fingerprint: { sha256: 'f', chars: 10 } };
    const { index, diagnostics } = buildSiteIndex([post('one', 1, clash), post('two', 2, clash), post('three', 3, copy), post('four', 4, { ...copy, url: '/Same/', outputPath: 'Same/index.html' })]);
    expect(index.posts.map((p) => [p.source, p.url])).toEqual([['four', '/Same/'], ['two', '/same-3/'], ['one', '/same-2/']]);
    expect(diagnostics.map((d) => [d.source, d.severity])).toEqual([['three', 'warning'], ['one', 'warning'], ['two', 'warning']]);
    expect(diagnostics[0]?.message).toBe('duplicate of four: the same article from the same source, built once at /Same/; this copy is left out');
    expect(index.sharedUrl).toEqual(new Set(['one', 'two', 'three', 'four']));
    // The copy's original URL leads to the article's page.
    expect(index.archivedUrl(from)).toBe('/Same/');
  });

  it('gives terms distinct pages even when their names slugify alike', () => {
    const { index } = buildSiteIndex([post('a', 1, { tags: ['C++', 'c', '香港'] }), post('b', 2, { tags: ['香港'] })]);
    expect(index.terms.tags.map((t) => [t.name, t.url, t.posts])).toEqual([
      ['C++', '/tags/c/', ['a']],
      ['c', '/tags/c-2/', ['a']],
      ['香港', `/tags/${encodeURIComponent('香港')}/`, ['b', 'a']],
    ]);
  });

  it('finds a post by any spelling of its original URL', () => {
    const { index } = buildSiteIndex([post('a', 1, { from: 'https://www.rfa.org/a/story.html?utm_source=x' })]);
    expect(index.links.archived).toEqual([['rfa.org/a/story', '/a/']]);
    expect(index.archivedUrl('http://rfa.org/a/story.html#top')).toBe('/a/');
    expect(index.archivedUrl('https://rfa.org/a/other.html')).toBeUndefined();
    // `.html` or not, `www.` or not, tracking parameters or not: the same article.
    expect(index.archivedUrl('https://www.rfa.org/a/story/?utm_medium=rss')).toBe('/a/');
    expect(index.isSourceSite('https://rfa.org/elsewhere')).toBe(true);
    expect(index.isSourceSite('https://voanews.com/x')).toBe(false);
  });

  /** The slugs as first assigned: each name tries its slug, then -2, -3, … until one is free. */
  function firstFreeSlugs(names: string[]): string[] {
    const used = new Set<string>();
    return [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((name) => {
      const base = slugify(name) || 'term';
      let slug = base;
      for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
      used.add(slug);
      return slug;
    });
  }

  it('gives each name the first free slug, as trying -2, -3, … from the start would', () => {
    const name = fc.array(fc.constantFrom('a', 'A', '-', '2', '3', '!', ' ', 'term', 'c++', '香港'), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(name, { maxLength: 30 }), (tags) => {
        const { index } = buildSiteIndex([post('a', 1, { tags: [...new Set(tags)] })]);
        expect(index.terms.tags.map((t) => t.slug)).toEqual(firstFreeSlugs(tags));
      }),
      { numRuns: 1000 },
    );
  });

  it('numbers 20,000 names that slugify to nothing at once (trying -2, -3, … for each took minutes)', () => {
    // Punctuation only: the number i written with the digits !"#$%&'( .
    const tags = Array.from({ length: 20_000 }, (_, i) => [...i.toString(8)].map((d) => String.fromCharCode(0x21 + Number(d))).join(''));
    const { index } = buildSiteIndex([post('a', 1, { tags })]);
    expect(new Set(index.terms.tags.map((t) => t.url)).size).toBe(20_000);
    expect(index.terms.tags.at(-1)?.url).toBe('/tags/term-20000/');
  }, 5_000);
});

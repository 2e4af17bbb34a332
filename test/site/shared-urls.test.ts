import { describe, expect, it } from 'vitest';
import { articleFingerprint } from '../../src/load/article-fingerprint.js';
import { resolveSharedUrls, suffixedPlace } from '../../src/site/shared-urls.js';
import type { Post } from '../../src/types.js';

const from = 'https://news.example.org/2022/11/11/end-of-zero-covid';
/** A loaded post: its file, when it was published, where it wants to go, and its article's text. */
function post(source: string, place: { url: string; outputPath: string }, text: string, extra: Partial<Post> = {}): Post {
  return {
    source, path: `/archive/${source}`, format: 'markdown', encoding: 'utf-8', hash: source, bodyOffset: 0, bodyLine: 1, title: source,
    date: '2022-11-11T17:41:00.000Z', time: Date.parse('2022-11-11T17:41:00.000Z'), slug: 'x', ...place, tags: [], categories: [], layout: 'post', data: {},
    fingerprint: articleFingerprint(text, source, extra.from), ...extra,
  };
}
const folder = { url: '/2022/11/11/zero-covid/', outputPath: '2022/11/11/zero-covid/index.html' };
const article = 'The health commission eased quarantine rules today.';
const resolve = (posts: Post[]) => {
  const r = resolveSharedUrls(posts);
  return {
    built: r.posts.map((p) => `${p.source} ${p.url} ${p.outputPath}`),
    duplicates: r.duplicates.map((d) => `${d.post.source} → ${d.of.source}`),
    warnings: r.diagnostics.map((d) => `${d.severity} ${d.source}: ${d.message}`),
    shared: [...r.shared],
  };
};

describe('resolveSharedUrls', () => {
  it('passes posts alone on their URLs unchanged, and says nothing', () => {
    const posts = [post('a.md', folder, article), post('b.md', { url: '/b/', outputPath: 'b/index.html' }, article)];
    const r = resolveSharedUrls(posts);
    expect(r.posts).toEqual(posts);
    expect([r.duplicates, r.diagnostics, [...r.shared]]).toEqual([[], [], []]);
  });

  it('builds one article saved twice once, from the copy Jekyll writes last (same date: the last path), in whatever order they come', () => {
    const posts = [post('Zero COVID?.md', folder, article, { from }), post('Zero-COVID?.md', folder, `<!--1-->\n${article}`, { from })];
    for (const order of [posts, [...posts].reverse()]) {
      expect(resolve(order)).toEqual({
        built: ['Zero-COVID?.md /2022/11/11/zero-covid/ 2022/11/11/zero-covid/index.html'],
        duplicates: ['Zero COVID?.md → Zero-COVID?.md'],
        warnings: ['warning Zero COVID?.md: duplicate of Zero-COVID?.md: the same article from the same source, built once at /2022/11/11/zero-covid/; this copy is left out'],
        shared: order.map((p) => p.source),
      });
    }
  });

  it('keeps the later-dated copy, as Jekyll does, even when its file comes first', () => {
    const long = article.repeat(5);
    const later = post('a.md', folder, long, { time: 2, from: `${from}-a` });
    const earlier = post('b.md', folder, long, { time: 1, from: `${from}-b` });
    expect(resolve([later, earlier]).built).toEqual(['a.md /2022/11/11/zero-covid/ 2022/11/11/zero-covid/index.html']);
    expect(resolve([later, earlier]).warnings).toEqual(['warning b.md: duplicate of a.md: the same article, built once at /2022/11/11/zero-covid/; this copy is left out']);
  });

  it('does not take short equal texts from different sources for one article', () => {
    const r = resolve([post('a.md', folder, 'Photo.', { from: `${from}-a` }), post('b.md', folder, 'Photo.', { from: `${from}-b` })]);
    expect(r.duplicates).toEqual([]);
    expect(r.built).toEqual(['a.md /2022/11/11/zero-covid/ 2022/11/11/zero-covid/index.html', 'b.md /2022/11/11/zero-covid-2/ 2022/11/11/zero-covid-2/index.html']);
  });

  it('builds different articles on one URL: the first file keeps it, later ones get -2, -3 before the trailing slash or extension', () => {
    const html = { url: '/2022/x.html', outputPath: '2022/x.html' };
    const bare = { url: '/2022/x', outputPath: '2022/x.html' };
    const r = resolve([post('c.md', html, 'Three.'), post('a.md', bare, 'One.'), post('b.md', html, 'Two.')]);
    expect(r.built).toEqual(['a.md /2022/x 2022/x.html', 'b.md /2022/x-2.html 2022/x-2.html', 'c.md /2022/x-3.html 2022/x-3.html']);
    expect(r.warnings).toEqual([
      'warning b.md: its URL /2022/x.html is written to the same file as /2022/x, the URL of a.md, another article: this one is built at /2022/x-2.html',
      'warning c.md: its URL /2022/x.html is written to the same file as /2022/x, the URL of a.md, another article: this one is built at /2022/x-3.html',
    ]);
  });

  it('takes URLs equal but for case or Unicode form as one (one file on macOS and Windows)', () => {
    const upper = { url: '/News/', outputPath: 'News/index.html' };
    const lower = { url: '/news/', outputPath: 'news/index.html' };
    expect(resolve([post('b.md', lower, 'Two.'), post('a.md', upper, 'One.')]).built).toEqual(['a.md /News/ News/index.html', 'b.md /news-2/ news-2/index.html']);
    expect(resolve([post('b.md', lower, article, { from }), post('a.md', upper, article, { from })]).built).toEqual(['b.md /news/ news/index.html']);
    const nfd = { url: '/cafe%CC%81/', outputPath: 'cafe\u0301/index.html' };
    const nfc = { url: '/caf%C3%A9/', outputPath: 'caf\u00e9/index.html' };
    expect(resolve([post('b.md', nfd, 'Two.'), post('a.md', nfc, 'One.')]).warnings).toEqual(['warning b.md: its URL /cafe\u0301/ differs only by Unicode form from /caf\u00e9/, the URL of a.md, another article: this one is built at /cafe\u0301-2/']);
  });

  it('never moves a post onto a URL another post wants', () => {
    const r = resolve([post('a.md', folder, 'One.'), post('b.md', folder, 'Two.'), post('c.md', { url: '/2022/11/11/Zero-Covid-2/', outputPath: '2022/11/11/Zero-Covid-2/index.html' }, 'Three.')]);
    expect(r.built).toContain('b.md /2022/11/11/zero-covid-3/ 2022/11/11/zero-covid-3/index.html');
  });

  it('sorts a mixed group: each article once, articles in file order', () => {
    const r = resolve([post('d.md', folder, 'Other.'), post('b.md', folder, article, { from }), post('c.md', folder, article, { from }), post('a.md', folder, 'First.')]);
    expect(r.built).toEqual(['a.md /2022/11/11/zero-covid/ 2022/11/11/zero-covid/index.html', 'c.md /2022/11/11/zero-covid-2/ 2022/11/11/zero-covid-2/index.html', 'd.md /2022/11/11/zero-covid-3/ 2022/11/11/zero-covid-3/index.html']);
    expect(r.duplicates).toEqual(['b.md → c.md']);
  });
});

describe('suffixedPlace', () => {
  it('puts the suffix before the extension or trailing slash, and at the root names the folder', () => {
    const taken = new Set<string>();
    expect(suffixedPlace({ url: '/', outputPath: 'index.html' }, taken)).toEqual({ url: '/index-2/', outputPath: 'index-2/index.html' });
    expect(suffixedPlace({ url: '/a/%E6%96%B0/', outputPath: 'a/新/index.html' }, taken)).toEqual({ url: '/a/%E6%96%B0-2/', outputPath: 'a/新-2/index.html' });
    expect(suffixedPlace({ url: '/a/b.htm', outputPath: 'a/b.htm' }, taken)).toEqual({ url: '/a/b-2.htm', outputPath: 'a/b-2.htm' });
    expect(suffixedPlace({ url: '/a/b.c', outputPath: 'a/b.c.html' }, taken)).toEqual({ url: '/a/b.c-2', outputPath: 'a/b.c-2.html' });
    expect(suffixedPlace({ url: '/a/b.c', outputPath: 'a/b.c.html' }, taken)).toEqual({ url: '/a/b.c-3', outputPath: 'a/b.c-3.html' });
  });
});

import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '../../src/site/site-index.js';
function post(source, time, extra = {}) {
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
    it('reports both posts of a URL collision and builds neither', () => {
        const clash = { url: '/same/', outputPath: 'same/index.html' };
        const { index, diagnostics } = buildSiteIndex([post('one', 1, clash), post('two', 2, clash), post('three', 3)]);
        expect(index.posts.map((p) => p.source)).toEqual(['three']);
        expect(diagnostics.map((d) => [d.source, d.severity])).toEqual([['one', 'error'], ['two', 'error']]);
        expect(diagnostics[0]?.message).toContain('two posts resolve to the URL /same/: this one and two');
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
});
//# sourceMappingURL=site-index.test.js.map
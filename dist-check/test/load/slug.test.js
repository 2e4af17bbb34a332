import { describe, expect, it } from 'vitest';
import { postSlug, slugFromOriginalUrl, slugify } from '../../src/load/slug.js';
describe('slugify', () => {
    it('keeps CJK letters and joins other runs with one hyphen, as Jekyll does', () => {
        expect(slugify('拜登"再会"习近平 美中关系困扰何在？')).toBe('拜登-再会-习近平-美中关系困扰何在');
        expect(slugify('  Hello, World!  ')).toBe('hello-world');
    });
    it('keeps URL-safe punctuation and case in pretty mode', () => {
        expect(slugify("Q&A with Mike: it's (fine)", 'pretty', true)).toBe("Q&A-with-Mike-it's-(fine)");
    });
    it("keeps Jekyll's :title (pretty mode) whole up to what a file name can hold", () => {
        const long = '香港立法会选举委员会界别分组一般选举投票结束后点票工作进行至深夜多名候选人当选名单陆续公布各方反应不一';
        expect(slugify(long, 'pretty', true)).toBe(long);
        expect(Buffer.byteLength(slugify('长'.repeat(100), 'pretty', true))).toBe(249);
    });
    it('never cuts a character when a slug is too long', () => {
        const slug = slugify('长'.repeat(100));
        expect(Buffer.byteLength(slug)).toBeLessThanOrEqual(120);
        expect(slug).toBe('长'.repeat(40));
    });
});
describe('slugFromOriginalUrl', () => {
    it('takes the last path segment without its extension', () => {
        expect(slugFromOriginalUrl('https://www.rfa.org/mandarin/yataibaodao/junshiwaijiao/jw-xi-jinping-to-meet-biden-11142024140853.html')).toBe('jw-xi-jinping-to-meet-biden-11142024140853');
    });
    it('decodes percent-encoded CJK segments', () => {
        expect(slugFromOriginalUrl('https://www.dw.com/zh/%E6%96%B0%E9%97%BB%E8%87%AA%E7%94%B1/a-1')).toBeUndefined();
        expect(slugFromOriginalUrl('https://example.org/%E6%96%B0%E9%97%BB%E8%87%AA%E7%94%B1')).toBe('新闻自由');
    });
    it('refuses bare numbers, ids and generic names', () => {
        expect(slugFromOriginalUrl('https://www.voachinese.com/a/5334521.html')).toBeUndefined();
        expect(slugFromOriginalUrl('https://www.dw.com/zh/x/a-72851234')).toBeUndefined();
        expect(slugFromOriginalUrl('https://example.org/news/index.html')).toBeUndefined();
        expect(slugFromOriginalUrl('https://www.youtube.com/watch?v=abc')).toBeUndefined();
        expect(slugFromOriginalUrl('not a url')).toBeUndefined();
    });
});
describe('postSlug', () => {
    const source = 'posts/2024-01-01-x.md';
    it('prefers front matter, then the original URL, then the file name, then the title', () => {
        expect(postSlug({ frontMatterSlug: 'Mine', from: 'https://e.org/a-story', fileNameSlug: 'file', title: 'T', source })).toBe('mine');
        expect(postSlug({ from: 'https://e.org/a-story.html', fileNameSlug: 'file', title: 'T', source })).toBe('a-story');
        expect(postSlug({ from: 'https://e.org/123.html', fileNameSlug: '文件 名', title: 'T', source })).toBe('文件-名');
        expect(postSlug({ fileNameSlug: '', title: 'The Title', source })).toBe('the-title');
    });
    it('is never empty and stable for the same file', () => {
        const a = postSlug({ fileNameSlug: '？？', title: '!!', source });
        expect(a).toMatch(/^post-[0-9a-f]{8}$/);
        expect(postSlug({ source })).toBe(a);
    });
});
//# sourceMappingURL=slug.test.js.map
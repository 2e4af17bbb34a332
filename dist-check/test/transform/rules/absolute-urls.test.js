import { describe, expect, it } from 'vitest';
import absoluteUrls from '../../../src/transform/rules/absolute-urls.js';
import { rewrite, unrelated } from '../../helpers/html.js';
describe('absolute-urls', () => {
    const post = { url: '/2024/01/01/x/', from: 'https://news.example.org/world/story.html' };
    it('resolves site-relative and protocol-relative URLs against the original article', () => {
        expect(rewrite('<a href="/file/74">f</a><img src="//img.example.com/a.jpg"><a href="other.html">o</a>', [absoluteUrls], { post })).toBe('<a href="https://news.example.org/file/74">f</a><img src="https://img.example.com/a.jpg"><a href="https://news.example.org/world/other.html">o</a>');
    });
    it('leaves fragments, absolute URLs and posts without an original alone', () => {
        expect(rewrite(unrelated, [absoluteUrls], { post })).toBe(unrelated);
        expect(rewrite('<a href="/file/74">f</a>', [absoluteUrls], { post: { url: '/x/' } })).toBe('<a href="/file/74">f</a>');
    });
});
//# sourceMappingURL=absolute-urls.test.js.map
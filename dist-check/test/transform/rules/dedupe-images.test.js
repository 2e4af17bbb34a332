import { describe, expect, it } from 'vitest';
import dedupeImages from '../../../src/transform/rules/dedupe-images.js';
import { rewrite, unrelated } from '../../helpers/html.js';
describe('dedupe-images', () => {
    it('shows an image and its noscript copy once, keeping the last and the alt text', () => {
        expect(rewrite('<p><img src="https://e.org/a.jpg" alt="A"> <img src="https://e.org/a.jpg"></p>', [dedupeImages])).toBe('<p><img src="https://e.org/a.jpg" alt="A"></p>');
    });
    it('drops a low-resolution preview before the full image', () => {
        expect(rewrite('<img src="https://cdn-images-1.medium.com/freeze/max/60/1*x.jpeg?q=20"><img src="https://cdn-images-1.medium.com/max/800/1*x.jpeg">', [dedupeImages])).toBe('<img src="https://cdn-images-1.medium.com/max/800/1*x.jpeg">');
    });
    it('keeps different images and the same image in different places', () => {
        const html = `${unrelated}<img src="a.jpg"><img src="b.jpg"><p>text</p><img src="a.jpg">`;
        expect(rewrite(html, [dedupeImages])).toBe(html);
    });
});
//# sourceMappingURL=dedupe-images.test.js.map
import { describe, expect, it } from 'vitest';
import imageLoading from '../../../src/transform/rules/image-loading.js';
import { rewrite, unrelated } from '../../helpers/html.js';
describe('image-loading', () => {
    it('makes images lazy and async, keeping their size', () => {
        expect(rewrite('<img src="a.jpg" width="620" height="358">', [imageLoading])).toBe('<img src="a.jpg" width="620" height="358" loading="lazy" decoding="async">');
    });
    it('leaves unrelated HTML alone', () => {
        expect(rewrite(unrelated, [imageLoading])).toBe(unrelated);
    });
});
//# sourceMappingURL=image-loading.test.js.map
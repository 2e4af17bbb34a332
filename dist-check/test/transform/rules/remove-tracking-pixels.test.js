import { describe, expect, it } from 'vitest';
import removeTrackingPixels from '../../../src/transform/rules/remove-tracking-pixels.js';
import { rewrite, unrelated } from '../../helpers/html.js';
describe('remove-tracking-pixels', () => {
    it('removes 1×1 beacons', () => {
        expect(rewrite('<p>End.</p><img alt="" height="1" src="https://medium.com/_/stat?event=post.clientViewed" width="1">', [removeTrackingPixels])).toBe('<p>End.</p>');
    });
    it('keeps real images, sized or not', () => {
        const html = `${unrelated}<img src="a.jpg" width="1" height="300"><img src="b.jpg">`;
        expect(rewrite(html, [removeTrackingPixels])).toBe(html);
    });
});
//# sourceMappingURL=remove-tracking-pixels.test.js.map
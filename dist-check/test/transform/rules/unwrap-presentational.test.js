import { describe, expect, it } from 'vitest';
import unwrapPresentational from '../../../src/transform/rules/unwrap-presentational.js';
import { rewrite, unrelated } from '../../helpers/html.js';
describe('unwrap-presentational', () => {
    it('unwraps spans that only carried style or class', () => {
        expect(rewrite('<p><span>白宫</span><span class="css-1x">周三</span>证实</p>', [unwrapPresentational])).toBe('<p>白宫周三证实</p>');
    });
    it('keeps spans that mean something', () => {
        const html = `${unrelated}<p><span lang="en">Joe Biden</span> <span id="note">n</span></p>`;
        expect(rewrite(html, [unwrapPresentational])).toBe(html);
    });
});
//# sourceMappingURL=unwrap-presentational.test.js.map
import { describe, expect, it } from 'vitest';
import removeEmpty from '../../../src/transform/rules/remove-empty.js';
import { rewrite, unrelated } from '../../helpers/html.js';
describe('remove-empty', () => {
    it('removes empty paragraphs, small print and spans, inner first', () => {
        expect(rewrite('<p></p><p>&nbsp; </p><p><span> </span><br></p><small></small><div><p>　</p></div><p>kept</p>', [removeEmpty])).toBe('<p>kept</p>');
    });
    it('leaves the space an empty inline element held, so words stay apart', () => {
        expect(rewrite('<p>started with<strong> </strong>empathy and <em></em>care</p><section></section>', [removeEmpty])).toBe('<p>started with empathy and care</p>');
    });
    it('keeps elements with an image or text', () => {
        const html = `${unrelated}<p><img src="a.jpg"></p><div><br></div>`;
        expect(rewrite(html, [removeEmpty])).toBe(`${unrelated}<p><img src="a.jpg"></p>`);
    });
});
//# sourceMappingURL=remove-empty.test.js.map
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { articleText, retainedCharacters, textFidelity } from '../../src/transform/fidelity.js';
const text = (html) => articleText(fromHtml(html, { fragment: true }));
describe('articleText', () => {
    it('is the visible text without whitespace, leaving out scripts, styles and other non-article content', () => {
        expect(text('<p>美国 白宫\n日前证实</p><script>var a = "hidden";</script><style>p{}</style><template><p>inert</p></template><p>Two words</p>')).toBe('美国白宫日前证实Twowords');
    });
});
describe('textFidelity', () => {
    it('counts every character kept in order', () => {
        expect(textFidelity('abc', 'xxabcxx')).toEqual({ inputChars: 3, keptChars: 3 });
        expect(retainedCharacters('abcd', 'abd')).toBe(3);
        expect(textFidelity('美国白宫', '美国')).toEqual({ inputChars: 4, keptChars: 2 });
    });
});
//# sourceMappingURL=fidelity.test.js.map
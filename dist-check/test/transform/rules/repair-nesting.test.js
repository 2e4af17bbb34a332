import { describe, expect, it } from 'vitest';
import rehypeSanitize from 'rehype-sanitize';
import repairNesting from '../../../src/transform/rules/repair-nesting.js';
import { articleSchema } from '../../../src/transform/sanitize-schema.js';
import { rewrite, unrelated } from '../../helpers/html.js';
describe('repair-nesting', () => {
    it('turns a paragraph holding blocks into a div, so the page parses the same again', () => {
        const html = '<p><object data="a.pdf"><p><a href="a.pdf">PDF</a></p></object></p>';
        expect(rewrite(html, [[rehypeSanitize, articleSchema], repairNesting])).toBe('<div><p><a href="a.pdf">PDF</a></p></div>');
    });
    it('unwraps a link in a link and a heading in a heading, keeping their text', () => {
        const html = '<a href="https://e.org/a"><object data="x"><a href="https://e.org/b">inner</a></object></a><h2><object data="x"><h3>sub</h3></object></h2>';
        expect(rewrite(html, [[rehypeSanitize, articleSchema], repairNesting])).toBe('<a href="https://e.org/a">inner</a><h2>sub</h2>');
    });
    it('leaves paragraphs of phrasing content alone', () => {
        expect(rewrite(unrelated, [repairNesting])).toBe(unrelated);
    });
});
//# sourceMappingURL=repair-nesting.test.js.map
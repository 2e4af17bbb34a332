import { describe, expect, it } from 'vitest';
import externalLinks, { isExternal } from '../../../src/transform/rules/external-links.js';
import { rewrite, unrelated } from '../../helpers/html.js';
describe('external-links', () => {
    it('adds rel="noopener noreferrer" to links that leave the site', () => {
        expect(rewrite('<a href="https://rfa.org/x">x</a><a href="https://archive.example.org/y">y</a>', [[externalLinks, { origin: 'https://archive.example.org' }]])).toBe('<a href="https://rfa.org/x" rel="noopener noreferrer">x</a><a href="https://archive.example.org/y">y</a>');
        expect(isExternal('../../a/', 'https://e.org')).toBe(false);
    });
    it('leaves relative links alone', () => {
        expect(rewrite(unrelated, [[externalLinks, { origin: '' }]])).toBe(unrelated);
    });
});
//# sourceMappingURL=external-links.test.js.map
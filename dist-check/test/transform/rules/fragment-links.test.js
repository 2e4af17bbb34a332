import { describe, expect, it } from 'vitest';
import fragmentLinks from '../../../src/transform/rules/fragment-links.js';
import { rewrite, unrelated } from '../../helpers/html.js';
describe('fragment-links', () => {
    it('re-points fragment links at ids that sanitizing prefixed', () => {
        expect(rewrite('<a href="#fn1">1</a><p id="user-content-fn1">note</p>', [fragmentLinks])).toBe('<a href="#user-content-fn1">1</a><p id="user-content-fn1">note</p>');
    });
    it('leaves links to missing ids alone', () => {
        expect(rewrite(unrelated, [fragmentLinks])).toBe(unrelated);
    });
});
//# sourceMappingURL=fragment-links.test.js.map
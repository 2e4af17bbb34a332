import { describe, expect, it } from 'vitest';
import dedupeIds from '../../../src/transform/rules/dedupe-ids.js';
import { rewrite, unrelated } from '../../helpers/html.js';
describe('dedupe-ids', () => {
    it('keeps the first of repeated ids', () => {
        expect(rewrite('<div id="zoom">a</div><div id="zoom">b</div><p id="other">c</p>', [dedupeIds])).toBe('<div id="zoom">a</div><div>b</div><p id="other">c</p>');
    });
    it('leaves unique ids alone', () => {
        expect(rewrite(unrelated, [dedupeIds])).toBe(unrelated);
    });
});
//# sourceMappingURL=dedupe-ids.test.js.map
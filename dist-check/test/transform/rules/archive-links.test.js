import { describe, expect, it } from 'vitest';
import archiveLinks from '../../../src/transform/rules/archive-links.js';
import { rewrite, unrelated } from '../../helpers/html.js';
describe('archive-links', () => {
    const archived = new Map([['https://rfa.org/a.html', '/2024/11/15/a/']]);
    const options = { archivedUrl: (href) => archived.get(href), isSourceSite: (href) => href.startsWith('https://rfa.org/') };
    it('points links to archived originals at the archived copies, relatively', () => {
        expect(rewrite('<a href="https://rfa.org/a.html">a</a>', [[archiveLinks, options]], { post: { url: '/2025/02/18/b/' } })).toBe('<a href="../../../../2024/11/15/a/">a</a>');
    });
    it('leaves other links alone', () => {
        expect(rewrite(unrelated, [[archiveLinks, options]], { post: { url: '/x/' } })).toBe(unrelated);
    });
});
//# sourceMappingURL=archive-links.test.js.map
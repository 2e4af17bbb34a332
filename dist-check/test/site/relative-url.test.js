import { describe, expect, it } from 'vitest';
import { relativeUrl } from '../../src/site/relative-url.js';
describe('relativeUrl', () => {
    it('links between folders of the site', () => {
        expect(relativeUrl('/2024/11/15/x/', '/2023/01/02/y/')).toBe('../../../../2023/01/02/y/');
        expect(relativeUrl('/2024/11/15/x/', '/2024/11/15/y/')).toBe('../y/');
        expect(relativeUrl('/', '/tags/a/')).toBe('tags/a/');
        expect(relativeUrl('/tags/a/', '/')).toBe('../../');
        expect(relativeUrl('/tags/a/', '/tags/a/')).toBe('./');
    });
    it('links to files and keeps fragments', () => {
        expect(relativeUrl('/page/2/', '/assets/gazette.css')).toBe('../../assets/gazette.css');
        expect(relativeUrl('/a/b.html', '/a/c.html#top')).toBe('c.html#top');
    });
});
//# sourceMappingURL=relative-url.test.js.map
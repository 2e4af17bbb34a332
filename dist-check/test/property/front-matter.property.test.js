import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultSiteConfig } from '../../src/config.js';
import { loadPost } from '../../src/load/load-post.js';
/** Any value YAML can hold, with the keys gazette reads among others. */
const value = fc.letrec((tie) => ({
    any: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true }), fc.array(tie('any'), { maxLength: 3 }), fc.dictionary(fc.string(), tie('any'), { maxKeys: 3 })),
})).any;
const key = fc.constantFrom('title', 'date', 'tags', 'tag', 'categories', 'category', 'author', 'from', 'slug', 'permalink', 'published', 'layout', 'description', '__proto__', 'constructor', 'toString');
describe('the front-matter normaliser (property)', () => {
    it('never throws: any front matter gives a post, a skip or an error with a reason', () => {
        fc.assert(fc.property(fc.dictionary(key, value, { maxKeys: 8 }), fc.string(), (data, body) => {
            const text = `---\n${stringify(data)}---\n${body}`;
            const result = loadPost({ source: 'posts/2024-01-02-any.md', path: '/nowhere', format: 'markdown', folderCategories: [] }, Buffer.from(text), {
                config: defaultSiteConfig,
                layoutExists: () => false,
                now: Date.parse('2030-01-01'),
            });
            if (result.post) {
                expect(typeof result.post.title).toBe('string');
                expect(result.post.title.length).toBeGreaterThan(0);
                expect(result.post.url.startsWith('/')).toBe(true);
                expect(result.post.outputPath.split('/')).not.toContain('..');
                expect(result.post.tags.every((t) => typeof t === 'string' && t !== '')).toBe(true);
                expect(result.post.categories.every((c) => typeof c === 'string' && c !== '')).toBe(true);
                expect(Number.isFinite(result.post.time)).toBe(true);
                expect(result.post.layout).toBe('post');
            }
            else if (result.skipped) {
                expect(result.skipped.reason.length).toBeGreaterThan(0);
            }
            else {
                expect(result.diagnostics.some((d) => d.severity === 'error' && d.message.length > 0)).toBe(true);
            }
        }), { numRuns: 1500 });
    });
});
//# sourceMappingURL=front-matter.property.test.js.map
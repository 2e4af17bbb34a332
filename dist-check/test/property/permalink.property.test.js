import { resolve, sep } from 'node:path';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { placePost } from '../../src/load/permalink.js';
import { postSlug, slugify } from '../../src/load/slug.js';
/** Text with the characters that attack paths: dots, slashes, backslashes, NUL, percent-encodings, device names. */
const hostileText = fc.oneof(fc.string(), fc.stringMatching(/^[./\\%2eE0con:?#~ -]{0,30}$/), fc.constantFrom('..', '../..', '/etc/passwd', '%2e%2e/%2e%2e', '..\\..\\windows', 'con', 'NUL.html', 'a\u0000b', '/:title/../../x', '//evil.example/x', 'C:\\x'));
const root = resolve('/tmp/gazette-property-site');
describe('permalinks and slugs (property)', () => {
    it('every output path stays inside the output folder, whatever the front matter says', () => {
        fc.assert(fc.property(hostileText, hostileText, hostileText, fc.array(hostileText, { maxLength: 3 }), fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (permalink, slugSource, title, categories, date) => {
            const slug = postSlug({ frontMatterSlug: slugSource, title, source: 'posts/x.md' });
            const placed = placePost(permalink || '/', { date: DateTime.fromJSDate(date, { zone: 'UTC' }), slug, title: slugify(title, 'pretty', true), categories });
            if ('problem' in placed)
                return;
            const target = resolve(root, placed.outputPath);
            expect(target.startsWith(root + sep)).toBe(true);
            expect(placed.outputPath.split('/')).not.toContain('..');
            expect(placed.url.startsWith('/')).toBe(true);
            expect(placed.outputPath).not.toMatch(/[\u0000-\u001f\\]/);
        }), { numRuns: 2000 });
    });
    it('slugs are never empty and keep no path characters', () => {
        fc.assert(fc.property(fc.option(hostileText), fc.option(hostileText), fc.option(hostileText), fc.option(hostileText), (frontMatterSlug, from, fileNameSlug, title) => {
            const slug = postSlug({ frontMatterSlug: frontMatterSlug ?? undefined, from: from ?? undefined, fileNameSlug: fileNameSlug ?? undefined, title: title ?? undefined, source: 'posts/x.md' });
            expect(slug.length).toBeGreaterThan(0);
            expect(slug).not.toMatch(/[/\\\u0000.]|^-|-$/);
            expect(Buffer.byteLength(slug)).toBeLessThanOrEqual(120);
        }), { numRuns: 2000 });
    });
});
//# sourceMappingURL=permalink.property.test.js.map
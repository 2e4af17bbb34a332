import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkPermalink, jekyllSanitize, placePost, placeUrl } from '../../src/load/permalink.js';
const parts = {
    date: DateTime.fromISO('2024-11-15T07:37:40.066+08:00', { setZone: true }),
    slug: 'jw-xi-jinping',
    title: 'Biden-Xi',
    categories: ['自由亚洲电台', 'News'],
};
describe('placePost', () => {
    it('expands the default pattern into a folder URL with index.html', () => {
        expect(placePost('/:year/:month/:day/:slug/', parts)).toEqual({ url: '/2024/11/15/jw-xi-jinping/', outputPath: '2024/11/15/jw-xi-jinping/index.html' });
    });
    it('expands Jekyll styles, with categories lower-cased and percent-encoded in the URL', () => {
        expect(placePost('date', parts)).toEqual({
            url: '/%E8%87%AA%E7%94%B1%E4%BA%9A%E6%B4%B2%E7%94%B5%E5%8F%B0/news/2024/11/15/Biden-Xi.html',
            outputPath: '自由亚洲电台/news/2024/11/15/Biden-Xi.html',
        });
        expect(placePost('/:short_year/:i_month/:i_day/:title', parts)).toEqual({ url: '/24/11/15/Biden-Xi', outputPath: '24/11/15/Biden-Xi.html' });
    });
    it('expands the ISO week year and day, slugified categories and the collection, as Jekyll 4.3 does', () => {
        // 1 January 2021 is a Friday in ISO week 53 of 2020
        const newYear = { ...parts, date: DateTime.fromISO('2021-01-01T10:00:00+08:00', { setZone: true }) };
        expect(placePost('/:year/:w_year-W:week-:w_day/:title/', newYear)).toMatchObject({ url: '/2021/2020-W53-5/Biden-Xi/' });
        expect(placePost('/:collection/:slugified_categories/:title/', { ...parts, categories: ['World News', 'Q&A', 'world news'] })).toMatchObject({
            url: '/posts/world-news/q-a/Biden-Xi/',
        });
    });
    it("sanitises the URL as Jekyll does: '..' becomes '/', './' goes", () => {
        expect(placePost('date', { ...parts, categories: [], title: 'wait...what' })).toEqual({ url: '/2024/11/15/wait/.what.html', outputPath: '2024/11/15/wait/.what.html' });
        // `Acme-Inc.` (a slug ending in '.') loses its './' with pretty, and with date its '..html' is split
        expect(placePost('pretty', { ...parts, categories: [], title: 'Acme-Inc.' })).toEqual({ url: '/2024/11/15/Acme-Inc', outputPath: '2024/11/15/Acme-Inc.html' });
        expect(placePost('date', { ...parts, categories: [], title: 'Acme-Inc.' })).toEqual({ url: '/2024/11/15/Acme-Inc/html', outputPath: '2024/11/15/Acme-Inc/html.html' });
        expect(jekyllSanitize('a//b/../c/./d')).toBe('/a/b/c/d');
    });
    it('keeps a per-post permalink with .. inside the output folder, as Jekyll does', () => {
        expect(placePost('/../../etc/passwd', parts)).toEqual({ url: '/etc/passwd', outputPath: 'etc/passwd.html' });
        expect(placePost('/%2e%2e/x/', parts)).toHaveProperty('problem');
    });
    it('refuses URLs that would leave the output folder', () => {
        expect(placeUrl('/../../etc/passwd')).toHaveProperty('problem');
        expect(placeUrl('/%2e%2e/x/')).toHaveProperty('problem');
        expect(placeUrl('/a\\b/')).toHaveProperty('problem');
        expect(placeUrl('/a\u0000b/')).toHaveProperty('problem');
    });
});
describe('checkPermalink', () => {
    it('accepts styles and known placeholders and names an unknown one', () => {
        expect(checkPermalink('pretty')).toBeUndefined();
        expect(checkPermalink('/:year/:slug/')).toBeUndefined();
        expect(checkPermalink('/:year/:nope/')).toMatch(/unknown placeholder ':nope'/);
        expect(checkPermalink('/:collection/:slugified_categories/:w_year/:week/:w_day/:title:output_ext')).toBeUndefined();
    });
});
//# sourceMappingURL=permalink.test.js.map
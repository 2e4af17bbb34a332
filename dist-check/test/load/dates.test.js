import { describe, expect, it } from 'vitest';
import { isoDate, parsePostDate } from '../../src/load/dates.js';
const iso = (text, source, zone) => {
    const d = parsePostDate(text, source, zone);
    return d ? isoDate(d) : undefined;
};
describe('parsePostDate', () => {
    it('puts the seed’s UTC timestamp on 15 November in Asia/Shanghai', () => {
        expect(iso('2024-11-14T23:37:40.066Z', 'yaml-timestamp', 'Asia/Shanghai')).toBe('2024-11-15T07:37:40.066+08:00');
    });
    it('reads an unquoted timestamp without offset as UTC, as Psych does', () => {
        expect(iso('2018-04-25 22:52:00', 'yaml-timestamp', 'Asia/Shanghai')).toBe('2018-04-26T06:52:00.000+08:00');
    });
    it('reads a quoted timestamp without offset as local time in the site timezone', () => {
        expect(iso('2018-04-25 22:52:00', 'text', 'Asia/Shanghai')).toBe('2018-04-25T22:52:00.000+08:00');
    });
    it('reads a date-only value as midnight in the site timezone', () => {
        expect(iso('2020-05-16', 'yaml-timestamp', 'America/New_York')).toBe('2020-05-16T00:00:00.000-04:00');
    });
    it('reads offsets with and without a colon or a space before them', () => {
        expect(iso('2006-11-09 00:26:00 -0500', 'text', 'UTC')).toBe('2006-11-09T05:26:00.000Z');
        expect(iso('2018-01-15 22:00 +0800', 'text', 'UTC')).toBe('2018-01-15T14:00:00.000Z');
        expect(iso('2013-06-20T21:01:00.001+02:00', 'text', 'UTC')).toBe('2013-06-20T19:01:00.001Z');
    });
    it('reads unpadded months and days and missing seconds', () => {
        expect(iso('2021-5-6 08:00:00 -0800', 'text', 'UTC')).toBe('2021-05-06T16:00:00.000Z');
        expect(iso('2019-2-06', 'text', 'UTC')).toBe('2019-02-06T00:00:00.000Z');
    });
    it('reads RFC 2822 dates', () => {
        expect(iso('Thu, 02 Jul 2020 15:04:14 +0000', 'text', 'UTC')).toBe('2020-07-02T15:04:14.000Z');
    });
    it('gives undefined for text that is not a date', () => {
        expect(iso('yesterday', 'text', 'UTC')).toBeUndefined();
        expect(iso('2021-13-45', 'text', 'UTC')).toBeUndefined();
    });
});
//# sourceMappingURL=dates.test.js.map
import { DateTime, IANAZone } from 'luxon';
const isoLike = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d+))?)?)?\s*(Z|z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?$/;
/** True for an IANA zone name luxon (and so Intl) knows. */
export function isValidTimeZone(name) {
    return IANAZone.isValidZone(name);
}
/** Parses a front-matter date; returns undefined when the text is not a date Jekyll would read. */
export function parsePostDate(text, source, zone) {
    const trimmed = text.trim();
    const m = isoLike.exec(trimmed);
    if (!m) {
        const rfc = DateTime.fromRFC2822(trimmed, { setZone: true });
        return rfc.isValid ? rfc.setZone(zone) : undefined;
    }
    const [, y, mo, d, h, mi, s, frac, offset] = m;
    const parts = {
        year: Number(y),
        month: Number(mo),
        day: Number(d),
        hour: Number(h ?? 0),
        minute: Number(mi ?? 0),
        second: Number(s ?? 0),
        millisecond: frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0,
    };
    let inZone;
    if (offset)
        inZone = offsetZone(offset);
    else if (source === 'yaml-timestamp' && h !== undefined)
        inZone = 'UTC';
    else
        inZone = zone;
    const date = DateTime.fromObject(parts, { zone: inZone });
    return date.isValid ? date.setZone(zone) : undefined;
}
/** Midnight of a file name's date (`2024-11-14`, or unpadded `2021-5-6`) in the site timezone. */
export function fileNameDate(year, month, day, zone) {
    const date = DateTime.fromObject({ year: Number(year), month: Number(month), day: Number(day) }, { zone });
    return date.isValid ? date : undefined;
}
/** ISO 8601 with milliseconds and the zone's offset, e.g. `2024-11-15T07:37:40.066+08:00`. */
export function isoDate(date) {
    return date.toISO({ suppressMilliseconds: false, includeOffset: true }) ?? '';
}
/** A DateTime from an ISO string made by isoDate, in its own offset. */
export function fromIso(iso, zone) {
    return DateTime.fromISO(iso, { zone });
}
function offsetZone(offset) {
    if (/^(Z|z|UTC|GMT)$/.test(offset))
        return 'UTC';
    const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(offset);
    if (!m)
        return 'UTC';
    const [, sign, hh, mm] = m;
    return `UTC${sign}${Number(hh)}${mm && mm !== '00' ? `:${mm}` : ''}`;
}
//# sourceMappingURL=dates.js.map
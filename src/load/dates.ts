import { DateTime, IANAZone } from 'luxon';
import { parseRubyTime, type RubyTime } from './ruby-time.js';

/**
 * Post dates read as Jekyll reads them (Jekyll 4: `Utils.parse_date(value.to_s)`, i.e.
 * Ruby's `Time.parse` in the site's timezone), then expressed in the site timezone.
 *
 * - An unquoted YAML timestamp with a time but no offset is UTC (Psych makes it a UTC Time).
 * - An unquoted YAML date (`2020-05-16`) is midnight in the site timezone (Psych makes it a Date).
 * - A quoted string, or any text YAML does not read as a timestamp, is read as Ruby's
 *   Time.parse reads it (ruby-time.ts): without a zone Ruby knows, local time in the site
 *   timezone; with one, that zone.
 * - The file name's `YYYY-MM-DD-` is midnight in the site timezone.
 */

/** How a date value was written in the front matter. */
export type DateSource = 'yaml-timestamp' | 'text';

const isoLike =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d+))?)?)?\s*(Z|z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?$/;

/** True for an IANA zone name luxon (and so Intl) knows. */
export function isValidTimeZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

/**
 * Reads a front-matter date: a YAML timestamp as Psych makes it, any other text as Ruby's
 * Time.parse reads it (ruby-time.ts), with warnings for surprising readings, or why not.
 */
export function readPostDate(text: string, source: DateSource, zone: string): RubyTime {
  if (source === 'yaml-timestamp') {
    const date = parseIsoLike(text, source, zone);
    if (date) return { date, warnings: [] };
  }
  return parseRubyTime(text, zone);
}

/** Parses a front-matter date; returns undefined when the text is not a date gazette reads. */
export function parsePostDate(text: string, source: DateSource, zone: string): DateTime | undefined {
  const read = readPostDate(text, source, zone);
  return 'date' in read ? read.date : undefined;
}

/** A YAML 1.1 timestamp (`2020-05-16`, `2018-04-25 22:52:00`, with or without an offset). */
function parseIsoLike(text: string, source: DateSource, zone: string): DateTime | undefined {
  const trimmed = text.trim();
  const m = isoLike.exec(trimmed);
  if (!m) return undefined;
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
  let inZone: string;
  if (offset) inZone = offsetZone(offset);
  else if (source === 'yaml-timestamp' && h !== undefined) inZone = 'UTC';
  else inZone = zone;
  const date = DateTime.fromObject(parts, { zone: inZone });
  return date.isValid ? date.setZone(zone) : undefined;
}

/** Midnight of a file name's date (`2024-11-14`, or unpadded `2021-5-6`) in the site timezone. */
export function fileNameDate(year: string, month: string, day: string, zone: string): DateTime | undefined {
  const date = DateTime.fromObject({ year: Number(year), month: Number(month), day: Number(day) }, { zone });
  return date.isValid ? date : undefined;
}

/** ISO 8601 with milliseconds and the zone's offset, e.g. `2024-11-15T07:37:40.066+08:00`. */
export function isoDate(date: DateTime): string {
  return date.toISO({ suppressMilliseconds: false, includeOffset: true }) ?? '';
}

/** A DateTime from an ISO string made by isoDate, in its own offset. */
export function fromIso(iso: string, zone: string): DateTime {
  return DateTime.fromISO(iso, { zone });
}

function offsetZone(offset: string): string {
  if (/^(Z|z|UTC|GMT)$/.test(offset)) return 'UTC';
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(offset);
  if (!m) return 'UTC';
  const [, sign, hh, mm] = m;
  return `UTC${sign}${Number(hh)}${mm && mm !== '00' ? `:${mm}` : ''}`;
}

import { DateTime } from 'luxon';

/**
 * Dates as Ruby's `Time.parse` reads them, which is what Jekyll 4 does with a front-matter
 * `date:` that YAML did not already make a timestamp (`Utils.parse_date`: `Time.parse(text).localtime`,
 * with TZ set to the site's timezone). Every answer here was checked against Ruby 3.1
 * (test/load/dates.test.ts lists them).
 *
 * Read: `2023/03/19 08:30`, `2023-3-9 8:30:00`, `2023.03.19`, `19 Mar 2023`, `Mar 19, 2023`,
 * `March 19 2023 8:30 PM`, `Thu, 02 Jul 2020 10:12:13 GMT`, `Sun Mar 19 08:30:00 CST 2023`,
 * with a time zone that Time.parse knows (`±hh:mm`, `±hhmm`, `±hh`, `Z`, `UTC`, `UT`, `GMT`
 * and the US `EST EDT CST CDT MST MDT PST PDT`; `CST` is US Central, −06:00, even in China).
 *
 * Surprising readings are followed with a warning:
 * - a day past the month's end rolls over (`2023-02-30` is 2 March), as Ruby's Time.local does;
 *   `24:00` is the next midnight and second 60 the next minute;
 * - a zone Time.parse does not know (`JST`, `HKT`, `CET`, `GMT+8`, `+8`) is ignored: the time
 *   is read in the site's timezone, as Jekyll reads it.
 *
 * Refused (Jekyll's answer would be a guess or depend on the day of the build):
 * - no year (`Mar 19`, `08:30`): Ruby takes the missing parts from the clock;
 * - a two-digit year (`23-03-19`): Ruby guesses the century;
 * - words it does not read as a date (`2023-03-19 08:30 Beijing time`): Ruby skips them;
 * - day-first or month-first numbers (`19/03/2023`, `03/19/2023`): Ruby reads only the first.
 */

/** A date read as Ruby reads it, with warnings for what is surprising; or why it is refused. */
export type RubyTime = { readonly date: DateTime; readonly warnings: readonly string[] } | { readonly problem: string; readonly hint: string };

/** The zones Ruby's `Time.zone_offset` knows by name (time.rb's ZoneOffset, without the military letters), in hours. */
const namedZones: Readonly<Record<string, number>> = { UTC: 0, Z: 0, UT: 0, GMT: 0, EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7 };

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const weekday = String.raw`(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+`;
const month = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const time = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:\s*([ap])\.?m\.?)?`;
/** Anything after the time: a zone (checked below), or words. */
const rest = String.raw`(?:\s*(\S.*?))?`;

/** The date forms read; each gives year, month, day, then the time's groups, then the rest. */
const forms: readonly { readonly pattern: RegExp; readonly order: 'ymd' | 'dmy' | 'mdy' | 'ctime' }[] = [
  // 2023-03-19, 2023/3/9, 2023.03.19; then `T` or spaces and a time
  { pattern: new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:T|\s+)${time})?${rest}$`, 'i'), order: 'ymd' },
  // 19 Mar 2023, Thu, 02 Jul 2020 10:12:13 GMT
  { pattern: new RegExp(String.raw`^(?:${weekday})?(\d{1,2})\s+${month},?\s+(\d{4})(?:,?\s+${time})?${rest}$`, 'i'), order: 'dmy' },
  // Mar 19, 2023; March 19th 2023 8:30 PM
  { pattern: new RegExp(String.raw`^(?:${weekday})?${month}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+${time})?${rest}$`, 'i'), order: 'mdy' },
  // Sun Mar 19 08:30:00 CST 2023 (the `date` command's)
  { pattern: new RegExp(String.raw`^(?:${weekday})?${month}\s+(\d{1,2})\s+${time}(?:\s+([A-Za-z]{1,5}|[+-]\d{2}:?(?:\d{2})?))?\s+(\d{4})$`, 'i'), order: 'ctime' },
];

/** Reads `text` as Ruby's Time.parse would, in `zone` (an IANA name) when it names no zone Ruby knows. */
export function parseRubyTime(text: string, zone: string): RubyTime {
  const input = text.trim().replace(/\s+/g, ' ');
  const refuse = (problem: string, hint = 'write it as YYYY-MM-DD HH:MM:SS +0800') => ({ problem, hint });
  for (const { pattern, order } of forms) {
    const m = pattern.exec(input);
    if (!m) continue;
    const g = m.slice(1);
    let y: string, mo: string, d: string, t: (string | undefined)[], after: string | undefined;
    if (order === 'ymd') [y, , mo, d, t, after] = [g[0]!, g[1], g[2]!, g[3]!, g.slice(4, 9), g[9]];
    else if (order === 'dmy') [d, mo, y, t, after] = [g[0]!, g[1]!, g[2]!, g.slice(3, 8), g[8]];
    else if (order === 'mdy') [mo, d, y, t, after] = [g[0]!, g[1]!, g[2]!, g.slice(3, 8), g[8]];
    else [mo, d, t, after, y] = [g[0]!, g[1]!, g.slice(2, 7), g[7], g[8]!];
    const monthNumber = /^\d/.test(mo) ? Number(mo) : monthNames.indexOf(mo.slice(0, 3).toLowerCase()) + 1;
    return build(input, { year: Number(y), month: monthNumber, day: Number(d) }, t, after, zone);
  }
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{1,2}\b/.test(input) || /\b[a-z]{3,}\.?,? \d{1,2},? \d{2}\b(?!\d)|^\d{1,2} [a-z]{3,}\.? \d{2}\b(?!\d)/i.test(input)) {
    return refuse(`${JSON.stringify(text)} has a two-digit year: Ruby's Time.parse guesses its century`, 'write the year in full, e.g. 2023-03-19');
  }
  if (/^\d{1,2}[/.]\d{1,2}[/.]\d{4}\b/.test(input)) {
    return refuse(`${JSON.stringify(text)} may be day/month/year or month/day/year: Jekyll reads the first number as the day`, 'write it as YYYY-MM-DD');
  }
  if (/^(?:\d{1,2}:\d{2}|(?:[a-z]+\.?,? )?[a-z]{3,}\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2} [a-z]{3,}\.?)(?:[ ,]|$)/i.test(input) && !/\d{4}/.test(input)) {
    return refuse(`${JSON.stringify(text)} has no year: Jekyll would take it (and any other missing part) from the day of the build`, 'write the full date, e.g. 2023-03-19 08:30');
  }
  return refuse(`${JSON.stringify(text)} is not a date gazette can read`, 'write it as YYYY-MM-DD, YYYY-MM-DD HH:MM:SS +0800 or ISO 8601');
}

function build(input: string, ymd: { year: number; month: number; day: number }, t: readonly (string | undefined)[], after: string | undefined, zone: string): RubyTime {
  const warnings: string[] = [];
  const [h, mi, s, frac, meridian] = t;
  let hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  const millisecond = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const refuse = (problem: string, hint = 'write it as YYYY-MM-DD HH:MM:SS +0800') => ({ problem, hint });
  // Ruby's ranges: month 1–12, day 1–31, hour 0–24, minute 0–59, second 0–60.
  if (ymd.month < 1 || ymd.month > 12) return refuse(`${JSON.stringify(input)} has no month ${ymd.month}`);
  if (ymd.day < 1 || ymd.day > 31) return refuse(`${JSON.stringify(input)} has no day ${ymd.day}`);
  if (meridian) {
    if (hour < 1) return refuse(`${JSON.stringify(input)} has no hour ${hour} ${meridian}m`);
    // Ruby keeps an hour past 12 as it is (`13:30 pm` is 13:30).
    if (hour <= 12) hour = (hour % 12) + (meridian.toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 24 || (hour === 24 && (minute > 0 || second > 0 || millisecond > 0))) return refuse(`${JSON.stringify(input)} has no hour ${hour}`);
  if (minute > 59) return refuse(`${JSON.stringify(input)} has no minute ${minute}`);
  if (second > 60) return refuse(`${JSON.stringify(input)} has no second ${second}`);

  let offset: number | undefined;
  if (after !== undefined) {
    const read = zoneOffset(after);
    if (read === 'unknown-zone') {
      warnings.push(`the time zone ${JSON.stringify(after)} in ${JSON.stringify(input)} is one Jekyll (Ruby's Time.parse) does not know: read as the site's time (${zone}), as Jekyll reads it`);
    } else if (read === undefined) {
      return refuse(`${JSON.stringify(input)} ends in words that are not a date or a time zone (${JSON.stringify(after)}): Jekyll would skip them silently`, 'remove them, or write a zone as +0800');
    } else if (h === undefined) {
      // Ruby reads a zone only after a time: `2023-03-19 +0800` is midnight in the site's timezone.
      warnings.push(`the time zone ${JSON.stringify(after)} in ${JSON.stringify(input)} follows no time, so Jekyll ignores it: read as midnight in the site's timezone (${zone}), as Jekyll reads it`);
    } else offset = read;
  }

  // Time.local's rollover: calendar fields beyond their month or day carry into the next.
  // (setUTCFullYear, unlike Date.UTC, keeps a year below 100 that year.)
  const carried = new Date(0);
  carried.setUTCFullYear(ymd.year, ymd.month - 1, ymd.day);
  carried.setUTCHours(hour, minute, second, millisecond);
  const fields = { year: carried.getUTCFullYear(), month: carried.getUTCMonth() + 1, day: carried.getUTCDate(), hour: carried.getUTCHours(), minute: carried.getUTCMinutes(), second: carried.getUTCSeconds(), millisecond: carried.getUTCMilliseconds() };
  if (fields.month !== ymd.month || fields.day !== ymd.day || fields.hour !== hour || fields.minute !== minute || fields.second !== second) {
    warnings.push(`${JSON.stringify(input)} rolled over to ${DateTime.fromObject(fields).toFormat('yyyy-MM-dd HH:mm:ss')}, as Jekyll reads it`);
  }
  const inZone = offset === undefined ? zone : offset === 0 ? 'UTC' : `UTC${offset < 0 ? '-' : '+'}${Math.floor(Math.abs(offset) / 60)}${Math.abs(offset) % 60 ? `:${String(Math.abs(offset) % 60).padStart(2, '0')}` : ''}`;
  const date = DateTime.fromObject(fields, { zone: inZone });
  if (!date.isValid) return refuse(`${JSON.stringify(input)} is not a date gazette can read`);
  return { date: date.setZone(zone), warnings };
}

/**
 * The offset in minutes of a zone as Ruby's Time.zone_offset reads it; 'unknown-zone' for a
 * zone-like word it ignores (an abbreviation, `GMT+8`, `+8`); undefined for other words.
 */
export function zoneOffset(word: string): number | 'unknown-zone' | undefined {
  const upper = word.toUpperCase();
  const numeric = /^([+-])(\d{2})(?::?(\d{2})(?::?(\d{2}))?)?$/.exec(upper);
  if (numeric) {
    const [, sign, hh, mm = '0'] = numeric;
    return (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm));
  }
  if (upper in namedZones) return namedZones[upper]! * 60;
  if (/^[A-Z]{2,5}$/.test(upper) || /^(?:(?:GMT|UTC)\s*)?[+-]\d{1,2}(?::?\d{2})?$/.test(upper)) return 'unknown-zone';
  return undefined;
}

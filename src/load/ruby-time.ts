import { DateTime } from 'luxon';

/**
 * Dates as Ruby's `Time.parse` reads them, which is what Jekyll 4 does with a front-matter
 * `date:` that YAML did not already make a timestamp (`Utils.parse_date`: `Time.parse(text).localtime`,
 * with TZ set to the site's timezone). Its answers are checked against Ruby 3.1's own
 * (test/load/ruby-time.test.ts, test/load/dates.test.ts).
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
 * - a zone after a date without a time (`2023-03-19 +0800`): Ruby ignores it, or reads
 *   `+05:45` as the time;
 * - day-first or month-first numbers (`19/03/2023`, `03/19/2023`): Ruby reads only the first.
 */

/** A date read as Ruby reads it, with warnings for what is surprising; or why it is refused. */
export type RubyTime = { readonly date: DateTime; readonly warnings: readonly string[] } | { readonly problem: string; readonly hint: string };

/** The zones Ruby's `Time.zone_offset` knows by name (time.rb's ZoneOffset, without the military letters), in hours. */
const namedZones: Readonly<Record<string, number>> = { UTC: 0, Z: 0, UT: 0, GMT: 0, EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7 };

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const weekday = String.raw`(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+`;
const month = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
// (Ruby reads no am/pm glued to a following word: `8:30pmEST` is 08:30.)
const time = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:\s*([ap])\.?m\.?(?![a-z]))?`;
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
    if (read === undefined) {
      return refuse(`${JSON.stringify(input)} ends in words that are not a date or a time zone (${JSON.stringify(after)}): Jekyll would skip them silently`, 'remove them, or write a zone as +0800');
    }
    if (h === undefined) {
      // Ruby ignores `+0800` after a date without a time, but reads `+05:45` as the time 05:45.
      return refuse(`${JSON.stringify(input)} has a time zone but no time: Jekyll ignores the zone or reads it as a time`, 'write a time before the zone, e.g. 2023-03-19 00:00 +0800');
    }
    if (read === 'unknown-zone') {
      warnings.push(`the time zone ${JSON.stringify(after)} in ${JSON.stringify(input)} is one Jekyll (Ruby's Time.parse) does not know: read as the site's time (${zone}), as Jekyll reads it`);
    } else offset = read;
  }

  const fields = { year: ymd.year, month: ymd.month, day: ymd.day, hour, minute, second, millisecond };
  let date: DateTime;
  if (offset === undefined) {
    // Time.local: fields past their range carry into the next (30 February is 2 March).
    date = DateTime.fromObject(carry(fields), { zone });
  } else {
    // Time.utc after time.rb's apply_offset, which carries in its own way (a day past the
    // month's end becomes the 1st of the next month), then Time.utc's carry.
    date = DateTime.fromObject(carry(applyOffset(fields, offset * 60)), { zone: 'UTC' });
  }
  if (!date.isValid) return refuse(`${JSON.stringify(input)} is not a date gazette can read`);
  if (ymd.day > daysIn(ymd.year, ymd.month) || hour === 24 || second === 60) {
    const shown = offset === undefined ? date : date.setZone(offsetZone(offset));
    warnings.push(`${JSON.stringify(input)} rolled over to ${shown.toFormat('yyyy-MM-dd HH:mm:ss')}, as Jekyll reads it`);
  }
  return { date: date.setZone(zone), warnings };
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

function daysIn(year: number, month: number): number {
  return DateTime.utc(year, month).daysInMonth ?? 31;
}

/** Fields past their range carried into the next (a day past the month, hour 24, second 60), as Ruby's Time.local and Time.utc do. */
function carry(f: Fields): Fields {
  // (setUTCFullYear, unlike Date.UTC, keeps a year below 100 that year.)
  const d = new Date(0);
  d.setUTCFullYear(f.year, f.month - 1, f.day);
  d.setUTCHours(f.hour, f.minute, f.second, f.millisecond);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds() };
}

/** time.rb's apply_offset: local fields at an offset (seconds) to UTC fields, carrying as Ruby does. */
function applyOffset(local: Fields, offsetSeconds: number): Fields {
  let { year, month, day, hour, minute, second } = local;
  const divmod = (a: number, b: number): [number, number] => [Math.floor(a / b), ((a % b) + b) % b];
  let off = Math.abs(offsetSeconds);
  let o: number;
  if (offsetSeconds < 0) {
    [off, o] = divmod(off, 60);
    if (o !== 0) ([o, second] = divmod(second + o, 60), (off += o));
    [off, o] = divmod(off, 60);
    if (o !== 0) ([o, minute] = divmod(minute + o, 60), (off += o));
    [off, o] = divmod(off, 24);
    if (o !== 0) ([o, hour] = divmod(hour + o, 24), (off += o));
    if (off !== 0) {
      day += off;
      if (daysIn(year, month) < day) {
        month += 1;
        if (month > 12) [month, year] = [1, year + 1];
        day = 1;
      }
    }
  } else if (offsetSeconds > 0) {
    [off, o] = divmod(off, 60);
    if (o !== 0) ([o, second] = divmod(second - o, 60), (off -= o));
    [off, o] = divmod(off, 60);
    if (o !== 0) ([o, minute] = divmod(minute - o, 60), (off -= o));
    [off, o] = divmod(off, 24);
    if (o !== 0) ([o, hour] = divmod(hour - o, 24), (off -= o));
    if (off !== 0) {
      day -= off;
      if (day < 1) {
        month -= 1;
        if (month < 1) [month, year] = [12, year - 1];
        day = daysIn(year, month);
      }
    }
  }
  return { year, month, day, hour, minute, second, millisecond: local.millisecond };
}

/** A fixed-offset zone name luxon reads, for an offset in minutes. */
function offsetZone(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
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

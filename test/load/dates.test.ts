import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { isoDate, parsePostDate, readPostDate } from '../../src/load/dates.js';

const iso = (text: string, source: 'yaml-timestamp' | 'text', zone: string) => {
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

/**
 * Ruby 3.1's own answers, recorded with
 *   TZ=<zone> ruby -rtime -e 'puts Time.parse(ARGV[0]).localtime.strftime("%Y-%m-%dT%H:%M:%S.%L%:z")' '<text>'
 * (Jekyll 4.3's Utils.parse_date is `Time.parse(text).localtime` with TZ set to the site's
 * timezone). "ERROR …" is Ruby's ArgumentError: Jekyll refuses the post, and so does gazette.
 */
const rubyAnswers: readonly (readonly [string, string, string])[] = [
    ["2023/03/19 08:30", "Asia/Shanghai", "2023-03-19T08:30:00.000+08:00"],
    ["2023/3/9 8:30", "Asia/Shanghai", "2023-03-09T08:30:00.000+08:00"],
    ["2023-3-9 8:30:00", "Asia/Shanghai", "2023-03-09T08:30:00.000+08:00"],
    ["2023.03.19", "Asia/Shanghai", "2023-03-19T00:00:00.000+08:00"],
    ["2023-03-19T08:30:00+08:00", "Asia/Shanghai", "2023-03-19T08:30:00.000+08:00"],
    ["2023-03-19 08:30:15.25", "Asia/Shanghai", "2023-03-19T08:30:15.250+08:00"],
    ["2023-03-19 08:30 CST", "Asia/Shanghai", "2023-03-19T22:30:00.000+08:00"],
    ["2023/03/19 08:30 CST", "Asia/Shanghai", "2023-03-19T22:30:00.000+08:00"],
    ["2023-03-19 08:30 cst", "Asia/Shanghai", "2023-03-19T22:30:00.000+08:00"],
    ["2023-03-19 08:30 EST", "Asia/Shanghai", "2023-03-19T21:30:00.000+08:00"],
    ["2023-03-19 08:30 EDT", "Asia/Shanghai", "2023-03-19T20:30:00.000+08:00"],
    ["2023-03-19 08:30 CDT", "Asia/Shanghai", "2023-03-19T21:30:00.000+08:00"],
    ["2023-03-19 08:30 MST", "Asia/Shanghai", "2023-03-19T23:30:00.000+08:00"],
    ["2023-03-19 08:30 MDT", "Asia/Shanghai", "2023-03-19T22:30:00.000+08:00"],
    ["2023-03-19 08:30 PST", "Asia/Shanghai", "2023-03-20T00:30:00.000+08:00"],
    ["2023-03-19 08:30 PDT", "Asia/Shanghai", "2023-03-19T23:30:00.000+08:00"],
    ["2023-03-19 08:30 UTC", "Asia/Shanghai", "2023-03-19T16:30:00.000+08:00"],
    ["2023-03-19 08:30 UT", "Asia/Shanghai", "2023-03-19T16:30:00.000+08:00"],
    ["2023-03-19 08:30 GMT", "Asia/Shanghai", "2023-03-19T16:30:00.000+08:00"],
    ["2023-03-19 08:30 Z", "Asia/Shanghai", "2023-03-19T16:30:00.000+08:00"],
    ["2023-03-19 08:30Z", "Asia/Shanghai", "2023-03-19T16:30:00.000+08:00"],
    ["2023-03-19 08:30 +0800", "Asia/Shanghai", "2023-03-19T08:30:00.000+08:00"],
    ["2023-03-19 08:30 +08:00", "Asia/Shanghai", "2023-03-19T08:30:00.000+08:00"],
    ["2023-03-19 08:30 +08", "Asia/Shanghai", "2023-03-19T08:30:00.000+08:00"],
    ["2023-03-19 08:30 -0530", "Asia/Shanghai", "2023-03-19T22:00:00.000+08:00"],
    ["2023-03-19 08:30 +08:00:00", "Asia/Shanghai", "2023-03-19T08:30:00.000+08:00"],
    ["2023-03-19 08:30 JST", "Asia/Shanghai", "2023-03-19T08:30:00.000+08:00"],
    ["2023-03-19 08:30 CET", "Asia/Shanghai", "2023-03-19T08:30:00.000+08:00"],
    ["2023-03-19 08:30 GMT+8", "Asia/Shanghai", "2023-03-19T08:30:00.000+08:00"],
    ["2023-03-19 08:30 UTC+08:00", "Asia/Shanghai", "2023-03-19T08:30:00.000+08:00"],
    ["2023-03-19 08:30 +8", "Asia/Shanghai", "2023-03-19T08:30:00.000+08:00"],
    ["2023-02-30", "Asia/Shanghai", "2023-03-02T00:00:00.000+08:00"],
    ["2023-02-30 10:00", "Asia/Shanghai", "2023-03-02T10:00:00.000+08:00"],
    ["2023-02-31", "Asia/Shanghai", "2023-03-03T00:00:00.000+08:00"],
    ["2023-04-31", "Asia/Shanghai", "2023-05-01T00:00:00.000+08:00"],
    ["2024-02-30", "Asia/Shanghai", "2024-03-01T00:00:00.000+08:00"],
    ["2023-02-29 12:00 +0800", "Asia/Shanghai", "2023-03-01T12:00:00.000+08:00"],
    ["2023-12-31 24:00", "Asia/Shanghai", "2024-01-01T00:00:00.000+08:00"],
    ["2023-03-19 23:59:60", "Asia/Shanghai", "2023-03-20T00:00:00.000+08:00"],
    ["2023-02-32", "Asia/Shanghai", "ERROR argument out of range"],
    ["2023-13-01", "Asia/Shanghai", "ERROR mon out of range"],
    ["2023-03-19 25:00", "Asia/Shanghai", "ERROR hour out of range"],
    ["2023-03-19 23:60", "Asia/Shanghai", "ERROR min out of range"],
    ["19 Mar 2023", "Asia/Shanghai", "2023-03-19T00:00:00.000+08:00"],
    ["19 Mar. 2023", "Asia/Shanghai", "2023-03-19T00:00:00.000+08:00"],
    ["19 March 2023 08:30", "Asia/Shanghai", "2023-03-19T08:30:00.000+08:00"],
    ["Mar 19, 2023", "Asia/Shanghai", "2023-03-19T00:00:00.000+08:00"],
    ["Mar 19th, 2023", "Asia/Shanghai", "2023-03-19T00:00:00.000+08:00"],
    ["March 19 2023", "Asia/Shanghai", "2023-03-19T00:00:00.000+08:00"],
    ["March 19, 2023 8:30 PM", "Asia/Shanghai", "2023-03-19T20:30:00.000+08:00"],
    ["March 19 2023 8:30 PM EST", "Asia/Shanghai", "2023-03-20T09:30:00.000+08:00"],
    ["2023-03-19 12:30 am", "Asia/Shanghai", "2023-03-19T00:30:00.000+08:00"],
    ["2023-03-19 12:30 pm", "Asia/Shanghai", "2023-03-19T12:30:00.000+08:00"],
    ["2023-03-19 13:30 pm", "Asia/Shanghai", "2023-03-19T13:30:00.000+08:00"],
    ["Sun, 19 Mar 2023 08:30:00 +0800", "Asia/Shanghai", "2023-03-19T08:30:00.000+08:00"],
    ["Thu, 02 Jul 2020 10:12:13 GMT", "Asia/Shanghai", "2020-07-02T18:12:13.000+08:00"],
    ["Thursday, 02 July 2020", "Asia/Shanghai", "2020-07-02T00:00:00.000+08:00"],
    ["Sun Mar 19 08:30:00 CST 2023", "Asia/Shanghai", "2023-03-19T22:30:00.000+08:00"],
    ["Sun Mar 19 08:30:00 2023", "Asia/Shanghai", "2023-03-19T08:30:00.000+08:00"],
    ["2021-03-14 02:30", "Asia/Shanghai", "2021-03-14T02:30:00.000+08:00"],
    ["2021-11-07 01:30", "Asia/Shanghai", "2021-11-07T01:30:00.000+08:00"],
    ["2023/03/19 08:30", "America/New_York", "2023-03-19T08:30:00.000-04:00"],
    ["2023/3/9 8:30", "America/New_York", "2023-03-09T08:30:00.000-05:00"],
    ["2023-3-9 8:30:00", "America/New_York", "2023-03-09T08:30:00.000-05:00"],
    ["2023.03.19", "America/New_York", "2023-03-19T00:00:00.000-04:00"],
    ["2023-03-19T08:30:00+08:00", "America/New_York", "2023-03-18T20:30:00.000-04:00"],
    ["2023-03-19 08:30:15.25", "America/New_York", "2023-03-19T08:30:15.250-04:00"],
    ["2023-03-19 08:30 CST", "America/New_York", "2023-03-19T10:30:00.000-04:00"],
    ["2023/03/19 08:30 CST", "America/New_York", "2023-03-19T10:30:00.000-04:00"],
    ["2023-03-19 08:30 cst", "America/New_York", "2023-03-19T10:30:00.000-04:00"],
    ["2023-03-19 08:30 EST", "America/New_York", "2023-03-19T09:30:00.000-04:00"],
    ["2023-03-19 08:30 EDT", "America/New_York", "2023-03-19T08:30:00.000-04:00"],
    ["2023-03-19 08:30 CDT", "America/New_York", "2023-03-19T09:30:00.000-04:00"],
    ["2023-03-19 08:30 MST", "America/New_York", "2023-03-19T11:30:00.000-04:00"],
    ["2023-03-19 08:30 MDT", "America/New_York", "2023-03-19T10:30:00.000-04:00"],
    ["2023-03-19 08:30 PST", "America/New_York", "2023-03-19T12:30:00.000-04:00"],
    ["2023-03-19 08:30 PDT", "America/New_York", "2023-03-19T11:30:00.000-04:00"],
    ["2023-03-19 08:30 UTC", "America/New_York", "2023-03-19T04:30:00.000-04:00"],
    ["2023-03-19 08:30 UT", "America/New_York", "2023-03-19T04:30:00.000-04:00"],
    ["2023-03-19 08:30 GMT", "America/New_York", "2023-03-19T04:30:00.000-04:00"],
    ["2023-03-19 08:30 Z", "America/New_York", "2023-03-19T04:30:00.000-04:00"],
    ["2023-03-19 08:30Z", "America/New_York", "2023-03-19T04:30:00.000-04:00"],
    ["2023-03-19 08:30 +0800", "America/New_York", "2023-03-18T20:30:00.000-04:00"],
    ["2023-03-19 08:30 +08:00", "America/New_York", "2023-03-18T20:30:00.000-04:00"],
    ["2023-03-19 08:30 +08", "America/New_York", "2023-03-18T20:30:00.000-04:00"],
    ["2023-03-19 08:30 -0530", "America/New_York", "2023-03-19T10:00:00.000-04:00"],
    ["2023-03-19 08:30 +08:00:00", "America/New_York", "2023-03-18T20:30:00.000-04:00"],
    ["2023-03-19 08:30 JST", "America/New_York", "2023-03-19T08:30:00.000-04:00"],
    ["2023-03-19 08:30 CET", "America/New_York", "2023-03-19T08:30:00.000-04:00"],
    ["2023-03-19 08:30 GMT+8", "America/New_York", "2023-03-19T08:30:00.000-04:00"],
    ["2023-03-19 08:30 UTC+08:00", "America/New_York", "2023-03-19T08:30:00.000-04:00"],
    ["2023-03-19 08:30 +8", "America/New_York", "2023-03-19T08:30:00.000-04:00"],
    ["2023-02-30", "America/New_York", "2023-03-02T00:00:00.000-05:00"],
    ["2023-02-30 10:00", "America/New_York", "2023-03-02T10:00:00.000-05:00"],
    ["2023-02-31", "America/New_York", "2023-03-03T00:00:00.000-05:00"],
    ["2023-04-31", "America/New_York", "2023-05-01T00:00:00.000-04:00"],
    ["2024-02-30", "America/New_York", "2024-03-01T00:00:00.000-05:00"],
    ["2023-02-29 12:00 +0800", "America/New_York", "2023-02-28T23:00:00.000-05:00"],
    ["2023-12-31 24:00", "America/New_York", "2024-01-01T00:00:00.000-05:00"],
    ["2023-03-19 23:59:60", "America/New_York", "2023-03-20T00:00:00.000-04:00"],
    ["2023-02-32", "America/New_York", "ERROR argument out of range"],
    ["2023-13-01", "America/New_York", "ERROR mon out of range"],
    ["2023-03-19 25:00", "America/New_York", "ERROR hour out of range"],
    ["2023-03-19 23:60", "America/New_York", "ERROR min out of range"],
    ["19 Mar 2023", "America/New_York", "2023-03-19T00:00:00.000-04:00"],
    ["19 Mar. 2023", "America/New_York", "2023-03-19T00:00:00.000-04:00"],
    ["19 March 2023 08:30", "America/New_York", "2023-03-19T08:30:00.000-04:00"],
    ["Mar 19, 2023", "America/New_York", "2023-03-19T00:00:00.000-04:00"],
    ["Mar 19th, 2023", "America/New_York", "2023-03-19T00:00:00.000-04:00"],
    ["March 19 2023", "America/New_York", "2023-03-19T00:00:00.000-04:00"],
    ["March 19, 2023 8:30 PM", "America/New_York", "2023-03-19T20:30:00.000-04:00"],
    ["March 19 2023 8:30 PM EST", "America/New_York", "2023-03-19T21:30:00.000-04:00"],
    ["2023-03-19 12:30 am", "America/New_York", "2023-03-19T00:30:00.000-04:00"],
    ["2023-03-19 12:30 pm", "America/New_York", "2023-03-19T12:30:00.000-04:00"],
    ["2023-03-19 13:30 pm", "America/New_York", "2023-03-19T13:30:00.000-04:00"],
    ["Sun, 19 Mar 2023 08:30:00 +0800", "America/New_York", "2023-03-18T20:30:00.000-04:00"],
    ["Thu, 02 Jul 2020 10:12:13 GMT", "America/New_York", "2020-07-02T06:12:13.000-04:00"],
    ["Thursday, 02 July 2020", "America/New_York", "2020-07-02T00:00:00.000-04:00"],
    ["Sun Mar 19 08:30:00 CST 2023", "America/New_York", "2023-03-19T10:30:00.000-04:00"],
    ["Sun Mar 19 08:30:00 2023", "America/New_York", "2023-03-19T08:30:00.000-04:00"],
    ["2021-03-14 02:30", "America/New_York", "2021-03-14T03:30:00.000-04:00"],
    ["2021-11-07 01:30", "America/New_York", "2021-11-07T01:30:00.000-05:00"],
];

describe("readPostDate: quoted text as Ruby's Time.parse reads it", () => {
  it.each(rubyAnswers)('%s in %s is %s', (text, zone, ruby) => {
    const read = readPostDate(text, 'text', zone);
    if (ruby.startsWith('ERROR')) expect(read).toHaveProperty('problem');
    else {
      expect(read).toHaveProperty('date');
      if ('date' in read) expect(isoDate(read.date)).toBe(DateTime.fromISO(ruby, { setZone: true }).setZone(zone).toISO());
    }
  });

  it('warns where a day past the month rolls over', () => {
    const read = readPostDate('2023-02-30', 'text', 'Asia/Shanghai');
    expect('date' in read && read.warnings).toEqual(['"2023-02-30" rolled over to 2023-03-02 00:00:00, as Jekyll reads it']);
    expect(readPostDate('2023-02-28', 'text', 'UTC')).toMatchObject({ warnings: [] });
  });

  it('warns where Jekyll ignores a zone it does not know, and reads the site time as Jekyll does', () => {
    const read = readPostDate('2023-03-19 08:30 JST', 'text', 'America/New_York');
    expect('date' in read && read.warnings.join()).toMatch(/time zone "JST" .* does not know: read as the site's time \(America\/New_York\)/);
    expect(readPostDate('2023-03-19 08:30 CST', 'text', 'Asia/Shanghai')).toMatchObject({ warnings: [] });
  });

  // Ruby answers these too, but from the clock or by a guess: gazette refuses, naming why.
  it.each([
    ['Mar 19', 'no year'],
    ['08:30', 'no year'],
    ['19 March', 'no year'],
    ['23-03-19', 'two-digit year'],
    ['Mar 19, 23', 'two-digit year'],
    ['19/03/2023', 'day/month/year or month/day/year'],
    ['2023-03-19 08:30 Beijing time', 'ends in words'],
    ['2023-03-19 foo bar', 'ends in words'],
    ['2023-03-19 +0800', 'a time zone but no time'],
    ['2023-03-19 +05:45', 'a time zone but no time'],
    ['yesterday', 'not a date'],
    ['2023年3月19日', 'not a date'],
  ])('refuses %j (%s)', (text, why) => {
    const read = readPostDate(text, 'text', 'UTC');
    expect(read).toHaveProperty('problem');
    expect('problem' in read && read.problem).toContain(why);
  });

  it('keeps a YAML timestamp as Psych made it (a time without offset is UTC)', () => {
    const read = readPostDate('2018-04-25 22:52:00', 'yaml-timestamp', 'Asia/Shanghai');
    expect('date' in read && isoDate(read.date)).toBe('2018-04-26T06:52:00.000+08:00');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { expect, it } from 'vitest';
import { isoDate } from '../../src/load/dates.js';
import { parseRubyTime } from '../../src/load/ruby-time.js';
import { fixtures } from '../helpers/paths.js';

/**
 * parseRubyTime against Ruby itself: test/fixtures/ruby-time/answers.json holds Ruby 3.1's
 * Time.parse answers for every combination of dates, times and zones that its record.rb lists,
 * in two site timezones (re-record with `ruby test/fixtures/ruby-time/record.rb`).
 */
const { ruby, rows } = JSON.parse(readFileSync(join(fixtures, 'ruby-time/answers.json'), 'utf8')) as { ruby: string; rows: [string, string, string][] };

it('was recorded with Ruby 3.1, Debian Jekyll 4.3.1’s Ruby', () => {
  expect(ruby).toMatch(/^3\.1\./);
  expect(rows.length).toBeGreaterThan(2000);
});

it("gives Ruby's answer wherever it gives one, refuses where Ruby fails, and refuses otherwise only for a documented reason", () => {
  const wrong: string[] = [];
  const refusals = new Map<string, number>();
  let answered = 0;
  for (const [text, zone, answer] of rows) {
    const read = parseRubyTime(text, zone);
    if ('problem' in read) {
      if (!answer.startsWith('ERROR')) {
        const reason = /has a time zone but no time|ends in words/.exec(read.problem)?.[0] ?? read.problem;
        refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
      }
      continue;
    }
    answered++;
    const want = answer.startsWith('ERROR') ? answer : DateTime.fromISO(answer, { setZone: true }).setZone(zone).toISO();
    if (isoDate(read.date) !== want) wrong.push(`${text} (${zone}): Ruby ${want}, gazette ${isoDate(read.date)}`);
  }
  expect(wrong).toEqual([]);
  // A zone after a date alone (Ruby ignores `+0800` there but reads `+05:45` as a time), and
  // words glued to an am/pm (`7:07a.m.EST`, which Ruby half reads).
  expect([...refusals.keys()].sort()).toEqual(['ends in words', 'has a time zone but no time']);
  expect(answered).toBeGreaterThan(rows.length * 0.85);
});

it('reads hostile dates in linear time: long runs of spaces, words and numbers', () => {
  const n = 100_000;
  for (const text of [`2023-03-19${' '.repeat(n)}x`, `Mar 19${' '.repeat(n)}x`, 'a '.repeat(n), `Mar ${'1 '.repeat(n)}`, 'abc, '.repeat(n), `2023-03-19 08:30 ${'a'.repeat(n)}!`, `2023-03-19 ${'1'.repeat(n)}`, 'Mon '.repeat(n)]) {
    const start = performance.now();
    expect(parseRubyTime(text, 'UTC')).toHaveProperty('problem');
    expect(performance.now() - start, text.slice(0, 12)).toBeLessThan(1000);
  }
});

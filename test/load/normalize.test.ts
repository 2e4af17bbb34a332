import { describe, expect, it } from 'vitest';
import { parseFileName, termList, titleFromSlug } from '../../src/load/normalize.js';

describe('parseFileName', () => {
  it('reads the date and slug of a Jekyll post file name, unpadded too', () => {
    expect(parseFileName('2015-10-1-unpadded-file-name.md')).toEqual({ date: { year: '2015', month: '10', day: '1' }, slug: 'unpadded-file-name', hasDate: true });
    expect(parseFileName('2021-01-08-   新年首个工作日 刚到京？.md')).toMatchObject({ slug: '   新年首个工作日 刚到京？', hasDate: true });
  });

  it("drops the slug's trailing periods, as Jekyll does", () => {
    expect(parseFileName('2020-02-02-made-in-the-U.S..md')).toMatchObject({ slug: 'made-in-the-U.S', hasDate: true });
    expect(titleFromSlug(parseFileName('2020-02-02-made-in-the-U.S..md').slug)).toBe('Made In The U.s');
    expect(parseFileName('notes...md')).toEqual({ slug: 'notes', hasDate: false });
    // periods inside the slug stay
    expect(parseFileName('2020-04-04-wait...what.md').slug).toBe('wait...what');
  });
});

describe('termList', () => {
  it("splits at ASCII whitespace only, as Ruby's String#split: a full-width or no-break space stays in the name", () => {
    expect(termList('新闻\u3000自由 press\u00a0freedom\tline\nnext\r\fend\vx', true)).toEqual(['新闻\u3000自由', 'press\u00a0freedom', 'line', 'next', 'end', 'x']);
    expect(termList('a\u2003b', true)).toEqual(['a\u2003b']);
    // The singular keys are never split.
    expect(termList('a b', false)).toEqual(['a b']);
  });

  it('splits a tags string of 200,000 words (a spread into push() overflowed the stack)', () => {
    expect(termList('a b  a', true)).toEqual(['a', 'b']);
    const words = Array.from({ length: 200_000 }, (_, i) => `t${i}`);
    expect(termList(words.join(' '), true)).toEqual(words);
  });
});


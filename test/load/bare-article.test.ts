import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/load/dates.js';
import { readBareArticle } from '../../src/load/bare-article.js';
import { FrontMatterError } from '../../src/load/front-matter.js';
import { parseFileName } from '../../src/load/normalize.js';

const read = (text: string, file = '1_x.md') => {
  const a = readBareArticle(text, parseFileName(file), 'Asia/Shanghai');
  return { ...a, date: isoDate(a.date), body: text.slice(a.bodyOffset) };
};
const refusal = (text: string, file = '1_x.md') => {
  try {
    readBareArticle(text, parseFileName(file), 'UTC');
  } catch (error) {
    if (error instanceof FrontMatterError) return { message: error.message, line: error.line };
    throw error;
  }
  return undefined;
};

describe('readBareArticle', () => {
  it("reads duty-machine's layout: a link heading underlined with ------, then 日期：", () => {
    const text = '[标题｜副题](https://example.org/a/b/)\n------\n日期：Thu, 02 Jul 2020 18:28:24 +0000\n\n<p>正文</p>\n';
    expect(read(text)).toEqual({ title: '标题｜副题', from: 'https://example.org/a/b/', date: '2020-07-03T02:28:24.000+08:00', fromFrontMatter: true, dateLine: 3, warnings: [], bodyOffset: text.indexOf('<p>'), bodyLine: 5, body: '<p>正文</p>\n' });
  });

  it('reads CRLF files, a link title over two lines, and bold labels', () => {
    const text = '[第一行\r\n第二行](https://example.org/x)\r\n---\r\n**时间**：2021-03-04 08:00\r\n\r\nBody\r\n';
    expect(read(text)).toMatchObject({ title: '第一行 第二行', from: 'https://example.org/x', date: '2021-03-04T08:00:00.000+08:00', bodyLine: 6, body: 'Body\r\n' });
  });

  it('reads every label (發佈時間, 發布時間, 发布时间, 时间, 時間, Date, Published) with an ASCII or full-width colon', () => {
    for (const label of ['日期：', '发布时间：', '發佈時間：', '發布時間:', '时间:', '時間：', 'Date:', 'date :', 'Published:', '*Published:*']) {
      expect(read(`# T\n${label} 2020-01-02 03:04\nBody`).date, label).toBe('2020-01-02T03:04:00.000+08:00');
    }
  });

  it('leaves the text alone when the heading is not a link, or not there', () => {
    expect(read('## A *plain* heading ##\nDate: 2020-01-02\nBody')).toMatchObject({ title: 'A *plain* heading', body: 'Body' });
    expect(read('# **Bold** \\#1\nDate: 2020-01-02\nBody')).toMatchObject({ title: 'Bold #1' });
    const noHeading = read('Date: 2020-01-02\n\nJust a body.\nSecond line.');
    expect(noHeading).toMatchObject({ body: 'Just a body.\nSecond line.' });
    expect(noHeading).not.toHaveProperty('title');
    expect(noHeading).not.toHaveProperty('from');
  });

  it('never drops text: a paragraph before the date line stays, with the date line', () => {
    expect(read('# T\n\nIntro.\n\nDate: 2020-01-02\n\nBody').body).toBe('Intro.\n\nDate: 2020-01-02\n\nBody');
  });

  it("takes a dated file name's date when there is no date line, else refuses naming the line", () => {
    expect(read('# T\n\nBody', '2019-3-7-t.md')).toMatchObject({ date: '2019-03-07T00:00:00.000+08:00', fromFrontMatter: false, body: 'Body' });
    expect(refusal('# T\n\nBody')).toEqual({ message: expect.stringMatching(/^the bare article has no date/) as unknown, line: 1 });
    expect(refusal('\n\n# T\n\nBody')).toMatchObject({ line: 3 });
    expect(refusal('')).toMatchObject({ line: 1 });
    // a date line too far down is not the article's date
    expect(refusal(`# T\n${'line\n'.repeat(12)}Date: 2020-01-02\n`)).toMatchObject({ line: 1 });
  });

  it('refuses a date line it cannot read, on its line', () => {
    expect(refusal('# T\n日期：Mar 19\nBody')).toEqual({ message: 'the bare article\'s date is not a date gazette can read: "Mar 19" has no year: Jekyll would take it (and any other missing part) from the day of the build', line: 2 });
  });

  it('starts the body after the lines it read even when they fill the lines it looks at', () => {
    const text = `# T\nDate: 2020-01-02\n${'\n'.repeat(20)}Body`;
    // (13 lines are looked at: the heading, the date and 11 blank lines; 9 blank lines remain.)
    expect(read(text).body).toBe(`${'\n'.repeat(9)}Body`);
  });

  it('reads hostile first lines in linear time: long runs of spaces, hashes, brackets and marks', () => {
    const n = 100_000;
    const file = parseFileName('x.md');
    const texts = [
      `# T\nDate: a${' '.repeat(n)}b\n`,
      `# T\nDate${' '.repeat(n)}x\n`,
      `# a${' '.repeat(n)}b\nDate: 2020-01-01\n`,
      `# a ${'#'.repeat(n)}b\nDate: 2020-01-01\n`,
      `[a${'](http://x'.repeat(n)}\nDate: 2020-01-01\n`,
      `a${' '.repeat(n)}b${' \t'.repeat(n)}\n===\nDate: 2020-01-01\n`,
      `# ${'**a'.repeat(n)}\nDate: 2020-01-01\n`,
    ];
    for (const text of texts) {
      const start = performance.now();
      try {
        readBareArticle(text, file, 'UTC');
      } catch (error) {
        if (!(error instanceof FrontMatterError)) throw error;
      }
      expect(performance.now() - start, JSON.stringify(text.slice(0, 12))).toBeLessThan(1000);
    }
  });
});

import type { DateTime } from 'luxon';
import { fileNameDate } from './dates.js';
import { FrontMatterError } from './front-matter.js';
import type { FileNameParts } from './normalize.js';
import { parseRubyTime } from './ruby-time.js';

/**
 * Bare articles (`bare_articles: true`, `--bare-articles`): posts with no front matter, as
 * the duty-machine archives save them —
 *
 *     [曹教授｜谢谢俄国大使馆的特别提醒](https://chinadigitaltimes.net/chinese/2020/07/…/)
 *     ------
 *     日期：Thu, 02 Jul 2020 18:28:24 +0000
 *
 * The title is the first heading (ATX `# …` or setext, underlined with `===` or `---`); a
 * heading that is one whole link gives the title its text and `from:` its URL. The date is
 * on a labelled line near the top (`日期：`, `时间：`, `時間：`, `发布时间：`, `發佈時間：`,
 * `Date:`, `Published:`; a full-width or ASCII colon), read as Ruby's Time.parse reads it.
 * The body starts after the heading and the date line (with the blank lines around them);
 * nothing else is taken out of the text. Without a date line, a Jekyll file name's date
 * (`2020-07-02-title.md`) is used; without either, the article is refused naming the file.
 */

/** What a bare article's text gives: what front matter would otherwise. */
export interface BareArticle {
  readonly title?: string;
  /** The link of a heading that is one whole link: the original article. */
  readonly from?: string;
  readonly date: DateTime;
  /** Always true: the date is the article's own, compared with the file name's like a front-matter date. */
  readonly fromFrontMatter: boolean;
  /** The file line of the date (for warnings), when the date came from the text. */
  readonly dateLine?: number;
  readonly warnings: readonly string[];
  /** Where the body starts in the text (UTF-16 units) and on which file line (1-based). */
  readonly bodyOffset: number;
  readonly bodyLine: number;
}

/** How far from the top the title and the date are looked for (lines). */
export const bareArticleSearchLines = 12;

/**
 * A date line: its label, a colon (ASCII or full-width), the date; bold or italic marks around
 * either are allowed (taken off the date by `unmarked`). Written so that no run of spaces can
 * be split two ways (a long line must not take quadratic time), and only tried on short lines.
 */
const dateLine = /^[ \t]*(?:[*_]{1,2})?(?:日期|發佈時間|發布時間|发布时间|时间|時間|Date|Published)(?:[ \t]*[*_]{1,2})?[ \t]*[:：](.*)$/i;
/** The longest line read as a heading or a date line (a title is cut at 500 characters anyway). */
const longestLine = 2000;
const atxHeading = /^ {0,3}#{1,6}(?:[ \t]+(.*))?$/;
const setextUnderline = /^ {0,3}(?:=+|-+)[ \t]*$/;
const blank = /^[ \t]*$/;
/** A heading that is one whole link: `[text](url)` or `[text](url "title")`. */
const wholeLink = /^\[([\s\S]+)\]\(<?(https?:\/\/[^\s>)]+)>?(?:[ \t]+"[^"]*")?\)$/;

/** One line of the text: its content (without the line break) and where it starts. */
interface Line {
  readonly text: string;
  readonly offset: number;
  /** Where the next line starts. */
  readonly next: number;
}

/** Reads a bare article's title, original URL, date and body start; throws FrontMatterError with a file line. */
export function readBareArticle(text: string, fileName: FileNameParts, zone: string): BareArticle {
  const lines = firstLines(text, bareArticleSearchLines + 1);
  const used = new Set<number>();
  let title: string | undefined;
  let from: string | undefined;

  const first = lines.findIndex((l) => !blank.test(l.text));
  if (first !== -1) {
    const atx = lines[first]!.text.length <= longestLine ? atxHeading.exec(lines[first]!.text) : null;
    let headingText: string | undefined;
    if (atx) {
      headingText = withoutClosingHashes(atx[1] ?? '');
      used.add(first);
    } else {
      // A setext heading: a paragraph of a few lines, then its underline.
      for (let j = first + 1; j < lines.length && j <= first + 5 && !blank.test(lines[j]!.text); j++) {
        if (setextUnderline.test(lines[j]!.text) && !dateLine.test(lines[j - 1]!.text)) {
          headingText = lines
            .slice(first, j)
            .map((l) => l.text.trim())
            .join('\n');
          for (let k = first; k <= j; k++) used.add(k);
          break;
        }
      }
    }
    if (headingText !== undefined) {
      // (Cut first: no pattern below runs over an unbounded text.)
      if (headingText.length > longestLine) headingText = headingText.slice(0, longestLine);
      const link = wholeLink.exec(headingText.trim());
      title = inlineText(link ? link[1]! : headingText);
      if (link) from = link[2]!;
    }
  }

  let date: DateTime | undefined;
  let foundLine: number | undefined;
  let warnings: readonly string[] = [];
  for (const [i, line] of lines.entries()) {
    if (used.has(i) || i >= bareArticleSearchLines || line.text.length > longestLine) continue;
    const m = dateLine.exec(line.text);
    if (!m) continue;
    const read = parseRubyTime(unmarked(m[1]!), zone);
    if ('problem' in read) throw new FrontMatterError(`the bare article's date is not a date gazette can read: ${read.problem}`, i + 1, read.hint);
    date = read.date;
    warnings = read.warnings;
    foundLine = i + 1;
    used.add(i);
    break;
  }
  if (!date && fileName.date) {
    const { year, month, day } = fileName.date;
    date = fileNameDate(year.length === 2 ? `20${year}` : year, month, day, zone);
  }
  if (!date) {
    throw new FrontMatterError(
      `the bare article has no date: no line such as '日期：Thu, 02 Jul 2020 18:28:24 +0000' or 'Date: 2020-07-02' in its first ${bareArticleSearchLines} lines`,
      foundLine ?? (first === -1 ? 1 : first + 1),
      "add a date line under the title, name the file YYYY-MM-DD-title.md, or give it front matter with 'date:'",
    );
  }

  // The body: from the first line that is not the heading, the date line or blank.
  let start = 0;
  while (start < lines.length && (used.has(start) || blank.test(lines[start]!.text))) start++;
  const bodyOffset = start < lines.length ? lines[start]!.offset : (lines.at(-1)?.next ?? 0);
  return {
    ...(title ? { title } : {}),
    ...(from ? { from } : {}),
    date,
    fromFrontMatter: foundLine !== undefined,
    ...(foundLine !== undefined ? { dateLine: foundLine } : {}),
    warnings,
    bodyOffset,
    bodyLine: start + 1,
  };
}

/** The first `count` lines of `text` (LF or CRLF), with their offsets. */
function firstLines(text: string, count: number): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  while (lines.length < count && offset < text.length) {
    const end = text.indexOf('\n', offset);
    const stop = end === -1 ? text.length : end;
    lines.push({ text: text.slice(offset, stop).replace(/\r$/, ''), offset, next: Math.min(stop + 1, text.length) });
    offset = stop + 1;
  }
  return lines;
}

/** A date without the spaces and the bold or italic marks around it. */
function unmarked(text: string): string {
  let start = 0;
  let end = text.length;
  const mark = (c: string | undefined) => c === ' ' || c === '\t' || c === '*' || c === '_';
  while (start < end && mark(text[start])) start++;
  while (end > start && mark(text[end - 1])) end--;
  return text.slice(start, end);
}

/** An ATX heading's text without its optional closing `#`s (CommonMark: after a space, or alone). */
function withoutClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  const trimmed = text.slice(0, end);
  while (end > 0 && trimmed[end - 1] === '#') end--;
  if (end === 0) return '';
  return end < trimmed.length && (trimmed[end - 1] === ' ' || trimmed[end - 1] === '\t') ? trimmed.slice(0, end).trimEnd() : trimmed;
}

/** A heading's text as plain text: line breaks made spaces, emphasis marks and backslash escapes removed. */
function inlineText(markdown: string): string {
  return markdown
    .replace(/\s*\n\s*/g, ' ')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1')
    .trim();
}

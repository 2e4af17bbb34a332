/**
 * Length and reading time of an article, counted in one pass over its text, the way Hugo
 * counts with `hasCJKLanguage`: Chinese, Japanese and Korean have no spaces between words,
 * so each Han, Kana or Hangul character counts as a word; in other scripts a word is a run of
 * letters and digits (with inner apostrophes or hyphens: `don't`, `COVID-19`). Reading time
 * is counted by characters for CJK text and by words for spaced scripts.
 *
 * (Until #15 words were found with Intl.Segmenter, ICU's dictionary segmentation: a closer
 * count of Chinese words, but it was more than half of the workers' time in a cold build, for
 * a figure that only reaches the report and the templates.)
 */

/** Counts shown to readers and written to the report. */
export interface TextStats {
  /** Letters and digits (code points), no spaces, marks or punctuation. */
  readonly characters: number;
  /** Each Han, Kana and Hangul character, and each run of letters and digits of other scripts. */
  readonly words: number;
  /** Whole minutes, at least 1 for any text. */
  readonly readingMinutes: number;
  /**
   * True when the text is mostly Chinese, Japanese or Korean (more CJK characters than words
   * of other scripts): pages then give its length in characters, else in words.
   */
  readonly cjk: boolean;
}

/** Reading speeds: CJK characters and other words per minute (common figures for adult silent reading). */
const cjkPerMinute = 400;
const wordsPerMinute = 220;

const letters = /[\p{L}\p{N}]/gu;
const cjk = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
/** A letter or digit of a spaced script (not CJK). */
const spaced = `(?:(?![${cjk}])[\\p{L}\\p{N}])`;
/** One match per word: a CJK character (group 1), or a run of other letters and digits with inner apostrophes or hyphens. */
const words = new RegExp(`([${cjk}])|${spaced}+(?:['’-]${spaced}+)*`, 'gu');

/** Characters, words and reading minutes of a text. */
export function countText(text: string): TextStats {
  const characters = text.match(letters)?.length ?? 0;
  let cjk = 0;
  let other = 0;
  const re = new RegExp(words);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[1] !== undefined) cjk++;
    else other++;
  }
  const minutes = cjk / cjkPerMinute + other / wordsPerMinute;
  return { characters, words: cjk + other, readingMinutes: characters === 0 ? 0 : Math.max(1, Math.round(minutes)), cjk: cjk > other };
}

import { createHash } from 'node:crypto';

/**
 * What makes two post files one article: news bots save one article twice under names that
 * differ by a character (`…Zero COVID?.md` / `…Zero-COVID?.md`), with the same body but for
 * the title in it, a time stamp in a comment and the markup around the words. The fingerprint
 * is taken of the words alone: comments, tags, whitespace and the post's own title/source line
 * (`[title](from)`) removed.
 */

/** The fingerprint of a post's article: a hash of its words, and how many characters they are. */
export interface ArticleFingerprint {
  /** sha256 (hex) of the article's words. */
  readonly sha256: string;
  /** Characters hashed (UTF-16 units): a short article (a caption, a link) is too common to be told apart by its words alone. */
  readonly chars: number;
}

/** Fingerprints at least this long identify an article by themselves, whatever the posts' `from:` says. */
export const distinctiveChars = 200;

/** Lines at the top of a body where its own title/source line is looked for. */
const headLines = 10;

/** Characters left of a line that is nothing but markup around a title or a URL. */
const markupOnly = /^[\s[\]()<>#*_=~`|:!-]*$/u;

/**
 * The fingerprint of a post's body. `title` and `from` are the post's own: a line holding
 * nothing but them (and markup: `[title](from)`, `# title`) is left out, so copies whose
 * titles differ by a character still agree. Such a line is looked for in the first ten
 * lines, where the bots write it.
 */
export function articleFingerprint(body: string, title: string, from: string | undefined): ArticleFingerprint {
  const own = [from, title].filter((s): s is string => s !== undefined && s.trim() !== '');
  const text = body.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  // The title/source line is at the top: only the first lines are looked at (an article
  // of a megabyte is not split into lines for it).
  let end = -1;
  for (let line = 0; line < headLines; line++) {
    end = text.indexOf('\n', end + 1);
    if (end === -1) break;
  }
  const head = end === -1 ? text : text.slice(0, end);
  const words = (
    head
      .split(/\r\n?|\n/)
      .filter((line) => !isOwnLine(line, own))
      .join('\n') + (end === -1 ? '' : text.slice(end))
  )
    .replace(/<[^>]*>/g, '')
    .normalize('NFC')
    .replace(/\s+/g, '');
  return { sha256: createHash('sha256').update(words).digest('hex'), chars: words.length };
}

/** True for a line that holds one of the post's own strings and nothing else but markup. */
function isOwnLine(line: string, own: readonly string[]): boolean {
  let rest = line;
  for (const s of own) rest = rest.split(s).join('');
  return rest !== line && markupOnly.test(rest);
}

/**
 * True when two posts are one article saved twice: the same words, and either the same
 * original URL or enough words to be sure (distinctiveChars).
 */
export function sameArticle(a: { readonly from?: string; readonly fingerprint?: ArticleFingerprint }, b: { readonly from?: string; readonly fingerprint?: ArticleFingerprint }): boolean {
  if (!a.fingerprint || !b.fingerprint || a.fingerprint.sha256 !== b.fingerprint.sha256) return false;
  return (a.from !== undefined && a.from === b.from) || a.fingerprint.chars >= distinctiveChars;
}

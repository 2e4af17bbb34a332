import { describe, expect, it } from 'vitest';
import { articleFingerprint, distinctiveChars, sameArticle } from '../../src/load/article-fingerprint.js';

const from = 'https://news.example.org/2022/11/end-of-zero-covid';
const article = '<div class="lead"><p>The health commission eased <a href="https://x.example/q">quarantine</a> rules today.</p>\n<p>Whether the policy ends is the question.</p></div>\n';
/** A scraped post's body: a time-stamp comment, its own title linked to its source, a rule, the article. */
const body = (title: string, stamp = '1668188460000', text = article) => `<!--${stamp}-->\n[${title}](${from})\n------\n\n${text}`;

describe('articleFingerprint', () => {
  it('is the same for two saves of one article whose titles, time stamps, markup and spacing differ', () => {
    const a = articleFingerprint(body('The End of Zero COVID?'), 'The End of Zero COVID?', from);
    const b = articleFingerprint(body('The End of Zero-COVID?', '1668188460999', article.replaceAll('</p>\n<p>', '</p><p>').replace('class="lead"', 'class="lead" title="The End of Zero-COVID?"')), 'The End of Zero-COVID?', from);
    expect(a).toEqual(b);
    expect(a.chars).toBe('Thehealthcommissioneasedquarantinerulestoday.Whetherthepolicyendsisthequestion.------'.length);
  });

  it('differs when one word of the article differs', () => {
    const a = articleFingerprint(body('T'), 'T', from);
    expect(articleFingerprint(body('T', '1', article.replace('eased', 'tightened')), 'T', from).sha256).not.toBe(a.sha256);
  });

  it('keeps a line that holds the title among other words, and a paragraph that links to the source', () => {
    const title = 'Quarantine';
    const words = (text: string) => articleFingerprint(text, title, from).chars;
    expect(words(`${title} rules were eased`)).toBe('Quarantineruleswereeased'.length);
    expect(words(`<p>Read it <a href="${from}">at the source</a>.</p>`)).toBe('Readitatthesource.'.length);
    expect(words(`# ${title}\n\n[${title}](${from})\n\n> ${from}\n`)).toBe(0);
    // Only at the top, where the bots write it: further down such a line is the article's.
    expect(words(`${'\n'.repeat(10)}[${title}](${from})`)).toBe(`[${title}](${from})`.length);
  });

  it('reads Unicode forms as one (NFC) and any line ending', () => {
    expect(articleFingerprint('caf\u00e9\r\nnoir', 'x', undefined)).toEqual(articleFingerprint('cafe\u0301\nnoir', 'x', undefined));
  });
});

describe('sameArticle', () => {
  const post = (text: string, source?: string) => ({ ...(source ? { from: source } : {}), fingerprint: articleFingerprint(text, 'T', source) });
  const long = 'word '.repeat(distinctiveChars / 4);

  it('takes equal text with the same from: as one article, however short', () => {
    expect(sameArticle(post('Short.', from), post('Short.', from))).toBe(true);
    expect(sameArticle(post('Short.', from), post('Short!', from))).toBe(false);
  });

  it('takes equal text without a common from: as one article only when it is long enough to tell', () => {
    expect(sameArticle(post('Short.', from), post('Short.', `${from}-2`))).toBe(false);
    expect(sameArticle(post('Short.'), post('Short.'))).toBe(false);
    expect(sameArticle(post(long, from), post(long, `${from}”`))).toBe(true);
    expect(sameArticle(post(long), post(long))).toBe(true);
  });

  it('never takes a post without a fingerprint for a copy', () => {
    expect(sameArticle({ from }, { from })).toBe(false);
  });
});

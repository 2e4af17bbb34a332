import { fromHtml } from 'hast-util-from-html';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleText, retainedCharacters, textFidelity } from '../../src/transform/fidelity.js';

const text = (html: string) => articleText(fromHtml(html, { fragment: true }));

describe('articleText', () => {
  it('is the visible text without whitespace, leaving out scripts, styles and other non-article content', () => {
    expect(text('<p>美国 白宫\n日前证实</p><script>var a = "hidden";</script><style>p{}</style><template><p>inert</p></template><p>Two words</p>')).toBe('美国白宫日前证实Twowords');
  });
});

describe('textFidelity', () => {
  it('counts every character kept in order', () => {
    expect(textFidelity('abc', 'xxabcxx')).toEqual({ inputChars: 3, keptChars: 3 });
    expect(retainedCharacters('abcd', 'abd')).toBe(3);
    expect(textFidelity('美国白宫', '美国')).toEqual({ inputChars: 4, keptChars: 2 });
  });
});

describe('retainedCharacters on text that lost much', () => {
  /** The count as first written: a search from the last match for every character. */
  function searchEach(input: string, output: string): number {
    let matched = 0;
    let at = 0;
    for (const ch of input) {
      const found = output.indexOf(ch, at);
      if (found === -1) continue;
      matched += ch.length;
      at = found + ch.length;
    }
    return matched;
  }
  const text = fc.array(fc.constantFrom('a', 'b', '美', '国', '😀', '\ud83d', '\ude00', '\ud83e'), { maxLength: 20 }).map((parts) => parts.join(''));

  it('counts as searching from the last match for each character did', () => {
    fc.assert(fc.property(text, text, (input, output) => retainedCharacters(input, output) === searchEach(input, output)), { numRuns: 5000 });
  });

  it('counts 400,000 lost characters of 20,000 kinds at once', () => {
    const input = Array.from({ length: 400_000 }, (_, i) => String.fromCodePoint(0x4e00 + (i % 20_000))).join('');
    // 中 is one of the kinds: its 20 copies are kept, every other character is lost.
    expect(retainedCharacters(input, `${'中'.repeat(400_000)}x`)).toBe(20);
  }, 2_000);
});

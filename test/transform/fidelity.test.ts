import { fromHtml } from 'hast-util-from-html';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleText, retainedCharacters, textFidelity } from '../../src/transform/fidelity.js';

const text = (html: string) => articleText(fromHtml(html, { fragment: true }));

describe('articleText', () => {
  it('is the visible text without whitespace, leaving out scripts, styles and other non-article content', () => {
    expect(text('<p>美国 白宫\n日前证实</p><script>var a = "hidden";</script><style>p{}</style><template><p>inert</p></template><p>Two words</p>')).toBe('美国白宫日前证实Twowords');
  });

  it("leaves out the labels gazette writes for embeds, which are not the article's words", () => {
    const page = '<p>郭兰英</p><p class="embed-link"><a href="https://x.example/a.mp3">音频 Audio · a.mp3</a></p><p>See <a class="embed-link" href="https://www.youtube.com/watch?v=x">Video · YouTube</a> now</p><p class="embed-note"><em>视频 Video (no web address)</em></p>';
    expect(text(page)).toBe('郭兰英Seenow');
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
  /** Matching each character on its own from the last match: the count as first written. */
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
  /** The longest common subsequence (code units): no in-order match can count more. */
  function longestCommon(a: string, b: string): number {
    let row = new Array<number>(b.length + 1).fill(0);
    for (let i = 1; i <= a.length; i++) {
      const next = [0];
      for (let j = 1; j <= b.length; j++) next[j] = a[i - 1] === b[j - 1] ? row[j - 1]! + 1 : Math.max(row[j]!, next[j - 1]!);
      row = next;
    }
    return row[b.length]!;
  }
  const kept = fc.array(fc.constantFrom('a', 'b', '美', '国', '😀', '\ud83d', '\ude00'), { maxLength: 40 }).map((parts) => parts.join(''));
  const other = fc.array(fc.constantFrom('x', 'y', '中', '文'), { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));

  it('never counts more than the longest common subsequence', () => {
    fc.assert(fc.property(kept, kept, (input, output) => retainedCharacters(input, output) <= longestCommon(input, output)), { numRuns: 3000 });
  });

  it('a lost passage costs its own length', () => {
    fc.assert(fc.property(kept, other, kept, (a, lost, b) => retainedCharacters(a + lost + b, a + b) === a.length + b.length), { numRuns: 3000 });
  });

  it('text the output adds costs nothing', () => {
    fc.assert(fc.property(kept, other, kept, (a, added, b) => retainedCharacters(a + b, a + added + b) === a.length + b.length), { numRuns: 3000 });
  });

  it('a lost sentence does not carry the match past the rest of the article (as matching each character on its own did)', () => {
    const before = '通过这些问题，是不是说我们心理学确实有很严重的可重复性危机？';
    const lost = '的误解。在通常情况下，p0.05表明接受实验的假设。';
    const after = '另外，对于检验水平p值的误解还会产生二分思维，也就是将p当做唯一标准。我们实际关注的是效应影响有多大，这样的效应有什么作用。';
    const kept = before.length + after.length;
    expect(searchEach(before + lost + after, before + after)).toBeLessThan(kept - 30);
    // A few characters of the lost sentence may pair with nearby ones; the rest of the article is not lost with it.
    expect(retainedCharacters(before + lost + after, before + after)).toBeGreaterThanOrEqual(kept - 4);
    expect(retainedCharacters(before + lost + after, before + after)).toBeLessThanOrEqual(kept + 4);
  });

  it('counts 400,000 lost characters of 20,000 kinds at once', () => {
    const input = Array.from({ length: 400_000 }, (_, i) => String.fromCodePoint(0x4e00 + (i % 20_000))).join('');
    // 中 is one of the kinds: its 20 copies are kept, every other character is lost.
    expect(retainedCharacters(input, `${'中'.repeat(400_000)}x`)).toBe(20);
  }, 2_000);
});

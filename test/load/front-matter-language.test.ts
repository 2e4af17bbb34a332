import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frontMatterLanguage, splitFrontMatter } from '../../src/load/front-matter.js';

/** The pattern frontMatterLanguage replaces (it backtracked quadratically over a long first line). */
const oldLanguageLine = /^---[ \t]*([^\s-][^\r\n]*?)?[ \t]*\r?\n/;

describe('frontMatterLanguage', () => {
  it('names the language as the old pattern did, on any first line', () => {
    const char = fc.constantFrom('-', ' ', '\t', '\r', '\n', 'y', 'a', 'm', 'l', 'j', 's', '\u00a0', '\v');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 24 }).map((chars) => chars.join('')), (rest) => {
        const text = `---${rest}`;
        expect(frontMatterLanguage(text)).toBe(oldLanguageLine.exec(text)?.[1]);
      }),
      { numRuns: 5000 },
    );
    expect(frontMatterLanguage('--- JavaScript \nx')).toBe('JavaScript');
    expect(frontMatterLanguage('---\r\ntitle: x')).toBeUndefined();
  });

  it('reads a first line of 80,000 spaces and tabs in linear time (the pattern took seconds)', () => {
    const started = performance.now();
    expect(() => splitFrontMatter(`---a${' \t'.repeat(40_000)}x`)).toThrow(/front matter/);
    expect(frontMatterLanguage(`---a${' \t'.repeat(40_000)}x\n`)).toBe(`a${' \t'.repeat(40_000)}x`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

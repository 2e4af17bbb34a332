import { describe, expect, it } from 'vitest';
import { countText as count } from '../../src/transform/text-stats.js';

describe('countText', () => {
  it('counts each Han, Kana and Hangul character as a word, as Hugo does with hasCJKLanguage', () => {
    expect(count('美国白宫日前证实，总统拜登将于本周六与中国领导人习近平在秘鲁举行一对一会晤。')).toEqual({ characters: 36, words: 36, readingMinutes: 1, cjk: true });
    // 日本語のテキスト: 8 (kanji and kana); 한국어: 3.
    expect(count('日本語のテキスト 한국어').words).toBe(11);
  });

  it('counts a run of letters and digits of other scripts as one word, inner apostrophes and hyphens included', () => {
    expect(count('Joe Biden met Xi Jinping in Lima.')).toEqual({ characters: 26, words: 7, readingMinutes: 1, cjk: false });
    expect(count("Don't call COVID-19 a flu — 2020's Путин").words).toBe(7);
    // A run of Latin letters glued to Han characters: one word, then one per character.
    expect(count('iPhone手机').words).toBe(3);
  });

  it('mixes both in reading time', () => {
    const long = `${'习近平会晤拜登。'.repeat(500)} ${'word '.repeat(1100)}`;
    // 3,500 CJK characters at 400 a minute plus 1,100 words at 220 a minute: about 14 minutes.
    expect(count(long)).toEqual({ characters: 7900, words: 4600, readingMinutes: 14, cjk: true });
  });

  it('says whether a text is mostly CJK, by more CJK characters than other words', () => {
    // A Chinese article quoting English names: CJK.
    expect(count('拜登与习近平在秘鲁利马会晤，APEC 峰会期间 Joe Biden 表示').cjk).toBe(true);
    // An English article naming a Chinese leader in Han characters: not CJK.
    expect(count('President Xi (习近平) met Joe Biden in Lima on Saturday at the summit').cjk).toBe(false);
  });

  it('gives zero for an empty article and counts long texts whole', () => {
    expect(count('  ')).toEqual({ characters: 0, words: 0, readingMinutes: 0, cjk: false });
    const huge = '中华人民共和国大事记，'.repeat(20_000);
    expect(count(huge)).toEqual({ characters: 200_000, words: 200_000, readingMinutes: 500, cjk: true });
  });
});

import { describe, expect, it } from 'vitest';
import { createTextCounter } from '../../src/transform/text-stats.js';
const count = createTextCounter('zh-CN');
describe('createTextCounter', () => {
    it('counts Chinese words with a segmenter, not by spaces', () => {
        const stats = count('美国白宫日前证实，总统拜登将于本周六与中国领导人习近平在秘鲁举行一对一会晤。');
        expect(stats.characters).toBe(36);
        // Each word of several characters counts once: far fewer words than characters, far more than the one "word" spaces give.
        expect(stats.words).toBeGreaterThan(12);
        expect(stats.words).toBeLessThan(30);
        expect(stats.readingMinutes).toBe(1);
    });
    it('counts spaced scripts by words and mixes both in reading time', () => {
        expect(count('Joe Biden met Xi Jinping in Lima.')).toEqual({ characters: 26, words: 7, readingMinutes: 1 });
        const long = `${'习近平会晤拜登。'.repeat(500)} ${'word '.repeat(1100)}`;
        // 3,500 CJK characters at 400 a minute plus 1,100 words at 220 a minute: about 14 minutes.
        expect(count(long).readingMinutes).toBe(14);
    });
    it('gives zero for an empty article and handles long texts in linear time', () => {
        expect(count('  ')).toEqual({ characters: 0, words: 0, readingMinutes: 0 });
        const huge = '中华人民共和国大事记，'.repeat(20_000);
        expect(count(huge).characters).toBe(200_000);
    });
});
//# sourceMappingURL=text-stats.test.js.map
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import rehypeSanitize from 'rehype-sanitize';
import lazyImageSources, { isPlaceholder, largestCandidate, srcsetCandidates } from '../../../src/transform/rules/lazy-image-sources.js';
import { articleSchema } from '../../../src/transform/sanitize-schema.js';
import { rewrite, unrelated } from '../../helpers/html.js';

describe('lazy-image-sources (then sanitize, as the processor runs them)', () => {
  const lazy = (html: string) => rewrite(html, [lazyImageSources, [rehypeSanitize, articleSchema]]);
  it('moves the real URL of a lazy image into src', () => {
    expect(lazy('<img src="data:image/gif;base64,R0lGOD" data-src="https://e.org/real.jpg" alt="A">')).toBe('<img src="https://e.org/real.jpg" alt="A">');
    expect(lazy('<img data-original="https://e.org/o.jpg">')).toBe('<img src="https://e.org/o.jpg">');
  });
  it('takes the widest srcset candidate when there is no src', () => {
    expect(lazy('<img srcset="https://e.org/a-300.jpg 300w, https://e.org/a.jpg 900w, https://e.org/a-768.jpg 768w">')).toBe('<img src="https://e.org/a.jpg">');
    expect(largestCandidate('a.jpg 1x, b.jpg 2x')).toBe('b.jpg');
    expect(srcsetCandidates('data:image/png;base64,AA,BB 1x, b.jpg 2x').map((c) => c.url)).toEqual(['data:image/png;base64,AA,BB', 'b.jpg']);
  });
  it('never lets a dangerous URL from srcset or a lazy attribute into src', () => {
    expect(lazy("<img srcset=\"https://e.org/a.jpg 300w, javascript:alert('A07') 900w\" alt=\"x\">")).toBe('<img alt="x">');
    expect(lazy("<img srcset=\"https://e.org/a.jpg 1x&#44;javascript:alert('A33') 2x\">")).toBe('<img>');
    expect(lazy("<img srcset=\"https://e.org/a.jpg 1x, VBSCRIPT:msgbox('A36') 3x\">")).toBe('<img>');
    expect(lazy('<img data-src="javascript:alert(1)">')).toBe('<img>');
  });
  it('keeps a real src even when a lazy URL is also given, and replaces placeholders', () => {
    expect(lazy('<img src="https://e.org/a.jpg?resize=964%2C538&amp;ssl=1" data-lazy-src="https://e.org/a.jpg?is-pending-load=1">')).toBe(
      '<img src="https://e.org/a.jpg?resize=964%2C538&#x26;ssl=1">',
    );
    expect(lazy('<img src="https://e.org/img/lazy_placeholder.gif" data-src="https://e.org/real.jpg">')).toBe('<img src="https://e.org/real.jpg">');
    expect(isPlaceholder('https://e.org/photo.jpg')).toBe(false);
  });
  it('keeps a plain image’s src', () => {
    expect(lazy(`${unrelated}<img src="https://e.org/a.jpg" srcset="https://e.org/a-300.jpg 300w">`)).toBe(`${unrelated}<img src="https://e.org/a.jpg">`);
  });
});

describe('lazy-image-sources on long and odd URLs', () => {
  /** The tests as they were written first, as one pattern each: the answers to keep. */
  const patternPlaceholder = (src: string) => src === '' || /^data:/i.test(src) || /(placeholder|blank|spacer|lazy|loading|transparent|grey|gray|pixel|1x1)[^/]*\.(gif|png|svg|jpe?g|webp)(\?|$)/i.test(src);
  const urlPiece = fc.constantFrom('lazy', 'LAZY', 'Blank', 'grey', '1x1', 'placeholder', 'img', '.gif', '.PNG', '.jpeg', '.jpg', '.webp', '.svg', '.txt', '/', '?', '#', '.', 'x', '-', 'data:', ' ');
  const url = fc.array(urlPiece, { maxLength: 12 }).map((parts) => parts.join(''));

  it('tells placeholders as the one-pattern test did, on any URL', () => {
    fc.assert(fc.property(url, (src) => isPlaceholder(src) === patternPlaceholder(src)), { numRuns: 5000 });
    expect(isPlaceholder('https://e.org/lazy.gif?v=2')).toBe(true);
    expect(isPlaceholder('https://e.org/lazy/photo.jpg')).toBe(false);
    expect(isPlaceholder('https://e.org/x/lazy.png?u=/a/b.jpg')).toBe(true);
  });

  it('answers at once for a long src of repeated words (a single pattern backtracked: 37 s at 160 KB)', () => {
    const src = 'lazy'.repeat(80_000);
    expect(isPlaceholder(src)).toBe(patternPlaceholder(src.slice(0, 400)));
    expect(isPlaceholder(`${src}.gif`)).toBe(true);
  }, 2_000);

  it('drops the commas that end a srcset URL, however many commas it holds (a ,+$ pattern tried each of them)', () => {
    expect(srcsetCandidates('a.jpg,,, b,,c.jpg, d.jpg 2x')).toEqual([
      { url: 'a.jpg', descriptor: '' },
      { url: 'b,,c.jpg', descriptor: '' },
      { url: 'd.jpg', descriptor: '2x' },
    ]);
    expect(largestCandidate(`a${','.repeat(200_000)}b.jpg, c.jpg 2x`)).toBe('c.jpg');
  }, 2_000);
});

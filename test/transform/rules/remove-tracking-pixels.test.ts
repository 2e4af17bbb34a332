import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import removeTrackingPixels, { isTrackingPixel } from '../../../src/transform/rules/remove-tracking-pixels.js';
import { rewrite, unrelated } from '../../helpers/html.js';

describe('remove-tracking-pixels', () => {
  it('removes 1×1 beacons', () => {
    expect(rewrite('<p>End.</p><img alt="" height="1" src="https://medium.com/_/stat?event=post.clientViewed" width="1">', [removeTrackingPixels])).toBe('<p>End.</p>');
  });
  it('keeps real images, sized or not', () => {
    const html = `${unrelated}<img src="a.jpg" width="1" height="300"><img src="b.jpg">`;
    expect(rewrite(html, [removeTrackingPixels])).toBe(html);
  });
});

describe('isTrackingPixel on long values', () => {
  /** The test as one pattern with spaces on both sides of `px`: the answers to keep. */
  const pattern = (v: string | undefined) => v !== undefined && /^\s*[01](\.0*)?\s*(px)?\s*$/i.test(v);
  const size = fc.array(fc.constantFrom('0', '1', '2', '.', '0', 'px', 'PX', ' ', '\t', '\u00a0', 'x'), { maxLength: 8 }).map((parts) => parts.join(''));

  it('tells pixels as the one-pattern test did', () => {
    fc.assert(fc.property(size, size, (w, h) => isTrackingPixel(w, h) === (pattern(w) && pattern(h))), { numRuns: 5000 });
  });

  it('answers at once for a width of 100,000 spaces (the pattern took seconds)', () => {
    expect(isTrackingPixel(`1${' '.repeat(100_000)}x`, '1')).toBe(false);
    expect(isTrackingPixel(`1${' '.repeat(100_000)}px `, '1')).toBe(true);
  }, 2_000);
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imageKey } from '../../../src/transform/rules/images.js';
import unwrapImageLinks from '../../../src/transform/rules/unwrap-image-links.js';
import { rewrite, unrelated } from '../../helpers/html.js';

describe('unwrap-image-links', () => {
  it('unwraps an anchor that only re-links its own image', () => {
    expect(rewrite('<a href="https://e.org/big.jpg"><img src="https://e.org/big-300x200.jpg"></a>', [unwrapImageLinks])).toBe('<img src="https://e.org/big-300x200.jpg">');
    expect(imageKey('https://e.org/p.html/a.jpg/@@images/123.jpeg')).toBe(imageKey('http://e.org/p.html/a.jpg'));
    // Behind an image proxy the query names the picture.
    expect(imageKey('https://images.weserv.nl/?url=a.com/1.jpg')).not.toBe(imageKey('https://images.weserv.nl/?url=a.com/2.jpg'));
    expect(imageKey('https://i1.wp.com/x/0-187.png?resize=964%2C538&ssl=1')).toBe(imageKey('https://i1.wp.com/x/0-187.png?w=964&ssl=1'));
  });
  it('keeps an image link that leads elsewhere', () => {
    const html = `${unrelated}<a href="https://e.org/gallery.html"><img src="https://e.org/a.jpg"></a>`;
    expect(rewrite(html, [unwrapImageLinks])).toBe(html);
  });
});

describe('imageKey on odd paths', () => {
  /** The Plone cut as one pattern: the answers to keep. */
  const patternCut = (path: string) => path.replace(/\/@@images\/.*$/, '');
  const piece = fc.constantFrom('/@@images/', '/a', '.jpg', 'x', '\n', '\r', '\u2028', '/', '@@images');
  const path = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(''));

  it('cuts Plone image scales as the one-pattern cut did', () => {
    fc.assert(fc.property(path, (p) => imageKey(p) === imageKey(patternCut(p))), { numRuns: 3000 });
    expect(imageKey('/a.jpg/@@images/x\n/b.jpg/@@images/y')).toBe('/a.jpg/@@images/x\n/b.jpg');
  });

  it('reads a src of 40,000 `/@@images/` before a line break at once (the pattern took seconds)', () => {
    expect(imageKey(`${'/@@images/'.repeat(40_000)}\nx`)).toBe(`${'/@@images/'.repeat(40_000)}\nx`);
  }, 2_000);
});


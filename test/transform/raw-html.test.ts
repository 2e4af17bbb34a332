import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { escapeStrayLessThan } from '../../src/transform/raw-html.js';

/** The text a browser (parse5) reads from an HTML fragment. */
const textOf = (html: string) => toString(fromHtml(html, { fragment: true }));

describe('escapeStrayLessThan', () => {
  it.each([
    ['(0<p<1)的误解。在通常情况下，p<0.05表明接受', '(0&lt;p&lt;1)的误解。在通常情况下，p&lt;0.05表明接受'],
    ['URL = <https://plato.stanford.edu/archives/win2020/entries/turing-test/>.', 'URL = &lt;https://plato.stanford.edu/archives/win2020/entries/turing-test/>.'],
    ['a < b', 'a &lt; b'],
    ['a<b', 'a&lt;b'],
    ['x <y', 'x &lt;y'],
    ['<<<', '&lt;&lt;&lt;'],
    ['mail <someone@example.org>', 'mail &lt;someone@example.org>'],
    ['1 </ 2 and </3>', '1 &lt;/ 2 and &lt;/3>'],
    ['<!-- never closed', '&lt;!-- never closed'],
    ['<! 3', '&lt;! 3'],
    ['<? 3 >', '&lt;? 3 >'],
    ['a <b and c', 'a &lt;b and c'],
    ['<a href="x" title="never closed>text', '&lt;a href="x" title="never closed>text'],
    ['<a href=x<y>', '&lt;a href=x<y>'],
  ])('writes the stray < of %j as &lt;', (html, escaped) => {
    expect(escapeStrayLessThan(html)).toBe(escaped);
  });

  it.each([
    '<p>plain</p>',
    '<br>',
    '<br/>',
    '<br />',
    '<img src="a.jpg" alt="a > b">',
    "<img src='a.jpg' alt='x'>",
    '<img src=a.jpg alt=x>',
    '<img\n  src="a.jpg"\n  alt="x"\n>',
    '<a href="x"title="y">z</a>',
    '<img src="x" alt ; referrerpolicy="no-referrer">',
    '<o:p></o:p>',
    '<input disabled/>',
    '</p >',
    '<!---->',
    '<!-->',
    '<!-- a < b -->',
    '<!DOCTYPE html>',
    '<![CDATA[x]]>',
    '<?xml:namespace prefix = o ns="urn:schemas-microsoft-com:office:office" />',
    '<script>if (a<b && c<d) x();</script>',
    '<STYLE>a<b{}</Style >',
    '<textarea>1 < 2 <b>not a tag</b></textarea>',
    '<title>a<b</title>',
    '<custom-element data-x="1">y</custom-element>',
  ])('keeps %j as written', (html) => {
    expect(escapeStrayLessThan(html)).toBe(html);
  });

  it('shows a raw-text element that is never closed as text, and reads on after it', () => {
    expect(escapeStrayLessThan('<p>Use <textarea> for input.</p><p>More</p>')).toBe('<p>Use &lt;textarea> for input.</p><p>More</p>');
    expect(escapeStrayLessThan('<script>var a = 1;<p>Text</p>')).toBe('&lt;script>var a = 1;<p>Text</p>');
    expect(textOf(escapeStrayLessThan('<p>The <style> tag</p><p>Rest of the post</p>'))).toBe('The <style> tagRest of the post');
  });

  it('always shows <plaintext> as text (no tag closes it)', () => {
    expect(escapeStrayLessThan('<plaintext>a</plaintext>b')).toBe('&lt;plaintext>a</plaintext>b');
  });

  it('leaves the content of a closed raw-text element alone, even when it holds something like an opening tag', () => {
    expect(escapeStrayLessThan('<script>"<textarea>"</script><p>a<b</p>')).toBe('<script>"<textarea>"</script><p>a&lt;b</p>');
  });

  it('keeps the two lost passages of issue #14 as text a parser reads', () => {
    const teahouse = '<p>检验水平p值 [1-3] (0<p<1)的误解。在通常情况下，p<0.05表明接受实验的假设。如果p<0.05，则表明</p><figure class="image"><img src="x.jpeg"></figure>';
    expect(textOf(teahouse)).toBe('检验水平p值 [1-3] (0'); // what the bug was
    expect(textOf(escapeStrayLessThan(teahouse))).toBe('检验水平p值 [1-3] (0<p<1)的误解。在通常情况下，p<0.05表明接受实验的假设。如果p<0.05，则表明');
    const oped2 = '<p>Oppy, Graham, "The Turing Test", URL = <https://plato.stanford.edu/archives/win2020/entries/turing-test/>.</p><p>Next</p>';
    expect(textOf(escapeStrayLessThan(oped2))).toBe('Oppy, Graham, "The Turing Test", URL = <https://plato.stanford.edu/archives/win2020/entries/turing-test/>.Next');
  });

  it('is idempotent', () => {
    const once = escapeStrayLessThan('a<b <p x=1>c</p> <!-- d --> <<e');
    expect(escapeStrayLessThan(once)).toBe(once);
  });

  it('property: text with < that begins no tag reads back as the same text', () => {
    // Text of characters that cannot form a tag after `<`: digits, spaces, CJK, punctuation.
    const piece = fc.constantFrom('<', '<<', ' < ', '0<p<1', 'p<0.05', '<https://x.org/a/>', '<1', '< b', '<a@b.c>', '<中', '(', ')', '。', ' text', '中文', ' ', '>', '&amp;', '</ 3', '<!', '<?'); // no piece starts with an ASCII letter
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const html = `<p>${text}</p><p>after</p>`;
        expect(textOf(escapeStrayLessThan(html))).toBe(textOf(`<p>${text.replace(/</g, '&lt;')}</p><p>after</p>`));
      }),
    );
  });

  it('property: HTML without stray < is unchanged', () => {
    const tag = fc.constantFrom('<p>', '</p>', '<b>', '</b>', '<br/>', '<img src="a<b" alt=x>', '<a href=\'y\'>', '</a>', '<!-- c<d -->', '<script>a<b</script>', 'text', '中文', ' ', '>');
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 30 }), (pieces) => {
        const html = pieces.join('');
        expect(escapeStrayLessThan(html)).toBe(html);
      }),
    );
  });

  it('property: escaping is idempotent, and every < it leaves begins a tag, comment or declaration', () => {
    const char = fc.constantFrom(...'<>"\'!?/-=abps 1\n中'.split(''), '<!--', '-->', '<script>', '</script>', '<textarea>');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (chars) => {
        const once = escapeStrayLessThan(chars.join(''));
        expect(escapeStrayLessThan(once)).toBe(once);
        // Outside comments and raw-text elements, a < left is followed by a letter, `/`, `!` or `?`.
        const outside = once.replace(/<!--[\s\S]*?-->|<(script|textarea)>[\s\S]*?<\/\1>/g, '');
        expect(outside).not.toMatch(/<(?![A-Za-z/!?])/);
      }),
      { numRuns: 2000 },
    );
  });

  it('stays linear on runs of < and of tags left open', () => {
    const time = (html: string) => {
      const start = performance.now();
      escapeStrayLessThan(html);
      return performance.now() - start;
    };
    for (const unit of ['<', '<a ', '<a b="', '<!--', '<script>', '</a ', '<a b=c ', '<?x ', '<!x ']) {
      const small = time(unit.repeat(20_000));
      const large = time(unit.repeat(200_000));
      expect(large, unit).toBeLessThan(Math.max(small * 40, 1000));
    }
  });
});

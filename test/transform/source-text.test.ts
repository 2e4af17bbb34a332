import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { createArticleProcessor } from '../../src/transform/article-processor.js';
import { articleText, textFidelity } from '../../src/transform/fidelity.js';
import { createMarkdownReader } from '../../src/transform/markdown.js';
import { comparableText, htmlText, sourceText } from '../../src/transform/source-text.js';

const readMarkdown = createMarkdownReader();
const markdownText = (markdown: string) => sourceText(readMarkdown(markdown).tokens);
const transform = createArticleProcessor({ origin: '', excerptLength: 60, archivedUrl: () => undefined, isSourceSite: () => false });
const retention = (body: string, format: 'markdown' | 'html' = 'html') => {
  const { fidelity } = transform({ format, body, url: '/x/' });
  return fidelity.keptChars / fidelity.inputChars;
};

describe('htmlText', () => {
  it('drops tags, comments and the content of non-article elements, and decodes entities', () => {
    expect(htmlText('<p class="a">One &amp; <b>two</b></p><!-- note --><script>var x = "<p>";</script><style>p{}</style><svg><text>icon</text></svg><p>three&nbsp;four</p>')).toBe('One & twothree\u00a0four');
  });

  it('keeps a < that begins no tag, as the page shows it', () => {
    expect(htmlText('<p>(0<p<1)的误解。p<0.05表明</p>')).toBe('(0<p<1)的误解。p<0.05表明');
    expect(htmlText('<p>URL = <https://plato.stanford.edu/entries/turing-test/>.</p>')).toBe('URL = <https://plato.stanford.edu/entries/turing-test/>.');
  });

  it('counts the text after a non-article element left open (a browser hides the rest of the article in it)', () => {
    expect(htmlText('<p>a</p><svg><p>rest</p>')).toBe('arest');
    expect(htmlText('<p>a</p><svg><p>icon</p></SVG><p>rest</p>')).toBe('arest');
  });
});

describe('sourceText of markdown', () => {
  it('is the text markdown-it reads, without link destinations, image alt text or footnote numbers, with code as written', () => {
    const text = markdownText('# Title\n\n1. one [link](https://example.org/x "title") ![alt text](a.png)\n2. two `&copy; <b>`\n\n```js\nif (a < b) {}\n```\n\nSee[^note].\n\n[^note]: The note.\n');
    expect(comparableText(text)).toBe(comparableText('Title one link two &copy; <b> if (a < b) {} See. The note.'));
  });

  it('reads the raw HTML of an HTML block as raw-html.ts does', () => {
    expect(comparableText(markdownText('<div><p>检验水平p值 (0<p<1)的误解。</p></div>\n\nAfter'))).toBe('检验水平p值0p1的误解。after');
  });
});

describe('the fidelity measure against the source', () => {
  it('is 1 for the two passages of issue #14, now kept', () => {
    expect(retention('<p>检验水平p值 [1-3] (0<p<1)的误解。在通常情况下，p<0.05表明接受实验的假设。</p><p>另外，对于检验水平p值的误解还会产生二分思维。</p>')).toBe(1);
    expect(retention('<p>Oppy, "The Turing Test", URL = <https://plato.stanford.edu/archives/win2020/entries/turing-test/>.</p><p>Rachel Treisman.</p>', 'markdown')).toBe(1);
  });

  it('falls below 1 when the parse loses a passage that the source holds (measured as the parse before the fix read it)', () => {
    const html = '<p>通过这些问题，是不是说我们心理学确实有很严重的可重复性危机？检验水平p值 [1-3] (0<p<1)的误解。在通常情况下，p<0.05表明接受实验的假设。</p><p>另外，对于检验水平p值的误解还会产生二分思维，也就是将p当做唯一标准。</p>';
    const source = comparableText(sourceText(html));
    const parsedAsBefore = comparableText(articleText(fromHtml(html, { fragment: true })));
    const { inputChars, keptChars } = textFidelity(source, parsedAsBefore);
    const lost = comparableText('<1)的误解。在通常情况下，p<0.05表明接受实验的假设。').length;
    // The paragraph ends at "(0" in the parse: about that much is lost, not the rest of the article.
    expect(keptChars).toBeLessThan(inputChars);
    expect(inputChars - keptChars).toBeGreaterThanOrEqual(lost - 2);
    expect(inputChars - keptChars).toBeLessThanOrEqual(lost + 2);
  });

  it('flags a post whose source holds text the page cannot show (a <template> left open takes the rest)', () => {
    expect(retention('<p>开头的一段文字。</p><template><p>后面的文章都在这里，读者看不到。</p>')).toBeLessThan(0.5);
  });
});

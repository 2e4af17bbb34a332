import { describe, expect, it } from 'vitest';
import { findClosingTag } from '../../src/transform/kramdown-html-block.js';
import { createMarkdownRenderer } from '../../src/transform/markdown.js';

const render = createMarkdownRenderer();

describe('markdown', () => {
  it('turns the news-mirror link line underlined with ------ into the heading its author meant', () => {
    expect(render('<!--NaN-->\n[标题](https://e.org/a.html)\n------\n\n<div>\n<p>正文</p>\n</div>\n')).toBe(
      '<!--NaN-->\n<h2><a href="https://e.org/a.html">标题</a></h2>\n<div>\n<p>正文</p>\n</div>\n',
    );
  });

  it('keeps a block-level element raw up to its closing tag, blank lines and indentation included (kramdown)', () => {
    const source = '<div>\n<p>one</p>\n\n    <p>indented, not code</p>\n\n# not a heading\n</div>\n\nafter *em*\n';
    expect(render(source)).toBe('<div>\n<p>one</p>\n\n    <p>indented, not code</p>\n\n# not a heading\n</div>\n<p>after <em>em</em></p>\n');
  });

  it('counts nested elements of the same name to find the right closing tag', () => {
    const src = '<div><div>inner</div><!-- </div> --> tail</div> rest';
    expect(findClosingTag(src, 0, src.length, 'div')).toBe(src.indexOf(' rest'));
    expect(findClosingTag('<div><div></div>', 0, 16, 'div')).toBe(-1);
  });

  it('falls back to CommonMark when a block is never closed, and keeps indented code as code', () => {
    expect(render('<div>\nopen\n\n*md*\n')).toBe('<div>\nopen\n<p><em>md</em></p>\n');
    expect(render('Text\n\n    <script>alert(1)</script>\n')).toBe('<p>Text</p>\n<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>\n');
  });

  it('shows an unclosed inline <style> as text instead of letting it swallow the post', () => {
    expect(render('### The <style> tag\n\nNext paragraph.\n')).toBe('<h3>The &lt;style&gt; tag</h3>\n<p>Next paragraph.</p>\n');
    expect(render('Inline <script>x()</script> stays for the sanitizer.\n')).toBe('<p>Inline <script>x()</script> stays for the sanitizer.</p>\n');
  });

  it('reads GFM tables, strikethrough credits, footnotes and definition lists', () => {
    expect(render('~~[原文](https://e.org)~~\n')).toBe('<p><s><a href="https://e.org">原文</a></s></p>\n');
    expect(render('| a |\n|---|\n| b |\n')).toContain('<table>');
    expect(render('Term\n:   Definition\n')).toContain('<dl>');
    expect(render('Note[^1]\n\n[^1]: The note.\n')).toContain('footnote');
  });
});

describe('markdown on long repetitive bodies', () => {
  it('reads blocks that are never closed as it reads one (each used to be scanned to the end of the post)', () => {
    expect(render('<p>\n\n'.repeat(16_000))).toBe('<p>\n'.repeat(16_000));
    expect(render('<div>\n\n'.repeat(8_000))).toBe('<div>\n'.repeat(8_000));
    expect(render('<div\n\n'.repeat(8_000))).toBe('<div\n'.repeat(8_000));
    expect(render(`<div>\n${'<!--\n\n'.repeat(3)}`)).toBe('<div>\n<!--\n<!--\n\n<!--\n\n');
    expect(render(`<div>\n${'<!--\n\n'.repeat(30_000)}`)).toBe(`<div>\n<!--\n${'<!--\n\n'.repeat(29_999)}`);
  }, 5_000);

  it('shows each unclosed raw-text tag of a long paragraph as text, as it shows one', () => {
    expect(render('a <style> b </style> c <STYLE> d <textarea> e')).toBe('<p>a <style> b </style> c &lt;STYLE&gt; d &lt;textarea&gt; e</p>\n');
    expect(render('x <style> '.repeat(20_000).trim())).toBe(`<p>${'x &lt;style&gt; '.repeat(20_000).trim()}</p>\n`);
  }, 5_000);
});


import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArticleProcessor } from '../../src/transform/article-processor.js';
import { createMarkdownRenderer } from '../../src/transform/markdown.js';
import { root } from '../helpers/paths.js';
import { visibleText } from '../helpers/text.js';

const seedText = readFileSync(join(root, 'posts/2024-11-14-biden-xi-meeting-rfa.md'), 'utf8');
const seedBody = seedText.slice(seedText.indexOf('\n---\n', 4) + 5);
const from = 'https://www.rfa.org/mandarin/yataibaodao/junshiwaijiao/jw-xi-jinping-to-meet-biden-11142024140853.html';

const transform = createArticleProcessor({ origin: 'https://archive.example.org', excerptLength: 60, archivedUrl: () => undefined, isSourceSite: () => false });
const seed = transform({ format: 'markdown', body: seedBody, url: '/2024/11/15/jw-xi-jinping-to-meet-biden-11142024140853/', from });

describe('the seed article', () => {
  it('keeps every word of the article, in order', () => {
    const input = visibleText(createMarkdownRenderer()(seedBody));
    expect(input.length).toBeGreaterThan(2000);
    expect(visibleText(seed.html)).toBe(input);
  });

  it('shows the lead image with its caption as a figure, and the inline figure with its caption', () => {
    expect(seed.html).toContain(
      '<figure><img src="https://www.rfa.org/mandarin/yataibaodao/junshiwaijiao/jw-xi-jinping-to-meet-biden-11142024140853.html/@@images/d752a34f-640b-4f4f-b440-83d186a2f795.jpeg"',
    );
    expect(seed.html).toContain('<figcaption>2023年11月15日，美国总统拜登与中国领导人习近平在加州费罗丽庄园举行双边会谈。</figcaption>');
    expect(seed.html).toMatch(/<figure><img alt="美国总统拜登与中国领导人习近平（法新社）" height="960" src="[^"]+4f4ad4a4[^"]+" title="000_32ND38E.jpg" width="1280" loading="lazy" decoding="async"><figcaption>美国总统拜登与中国领导人习近平（法新社）<\/figcaption><\/figure>/);
    expect(seed.leadImage).toEqual({
      src: 'https://www.rfa.org/mandarin/yataibaodao/junshiwaijiao/jw-xi-jinping-to-meet-biden-11142024140853.html/@@images/d752a34f-640b-4f4f-b440-83d186a2f795.jpeg',
      alt: '拜登"再会"习近平　美中关系困扰何在？',
      caption: '2023年11月15日，美国总统拜登与中国领导人习近平在加州费罗丽庄园举行双边会谈。',
    });
  });

  it('drops the cruft: comments, zoom widgets, styled spans, empty paragraphs, classes', () => {
    expect(seed.html).not.toMatch(/<!--|icon-zoom|style=|<span|<p><\/p>|<small><\/small>|class=|data-fancybox/);
    expect(seed.html).toContain('美联社资料图片');
    expect(seed.html).toContain('<p>责编：何平 　网编：洪伟</p>');
  });

  it('marks every image lazy and every outgoing link noopener noreferrer', () => {
    expect(seed.html.match(/<img /g)).toHaveLength(2);
    expect(seed.html.match(/loading="lazy" decoding="async"/g)).toHaveLength(2);
    const links = seed.html.match(/<a [^>]*>/g) ?? [];
    expect(links.length).toBe(3);
    for (const a of links) expect(a).toContain('rel="noopener noreferrer"');
  });

  it('summarises the first real paragraph as the excerpt, cut to length', () => {
    expect(seed.excerpt).toMatch(/^美国白宫日前证实，总统拜登将于本周六/);
    expect([...seed.excerpt].length).toBeLessThanOrEqual(61);
    expect(seed.excerpt.endsWith('…')).toBe(true);
  });
});

describe('createArticleProcessor', () => {
  it('reads .html posts as HTML, without markdown', () => {
    const out = transform({ format: 'html', body: '<p>*not emphasis*</p>\n\n    <p>not code</p>', url: '/x/' });
    expect(out.html).toBe('<p>*not emphasis*</p>\n\n    <p>not code</p>');
  });

  it('points links to archived originals at the archived copy', () => {
    const t = createArticleProcessor({
      origin: '',
      excerptLength: 100,
     
      archivedUrl: (href) => (href === 'https://rfa.org/a.html' ? '/2024/11/15/a/' : undefined),
      isSourceSite: (href) => href.startsWith('https://rfa.org/'),
    });
    const article = t({ format: 'markdown', body: '[a](https://rfa.org/a.html) [b](https://rfa.org/gone.html) [c](https://example.org/)', url: '/2025/01/01/b/' });
    expect(article.html).toBe(
      '<p><a href="../../../../2024/11/15/a/">a</a> <a href="https://rfa.org/gone.html" rel="noopener noreferrer">b</a> <a href="https://example.org/" rel="noopener noreferrer">c</a></p>\n',
    );
    expect(article.links).toEqual({ archived: 1, dangling: ['https://rfa.org/gone.html'] });
  });
});

describe('the lead image', () => {
  it('is never an image whose URL runs past 2,000 characters (every list page and feed repeats it): the next one is', () => {
    const long = `https://e.org/${'a'.repeat(3000)}.jpg`;
    const article = transform({ format: 'html', body: `<p><img src="${long}" alt="long"></p><p><img src="https://e.org/b.jpg" alt="b"></p><p>Text.</p>`, url: '/x/' });
    expect(article.leadImage).toEqual({ src: 'https://e.org/b.jpg', alt: 'b' });
    // The image itself stays in the article.
    expect(article.html).toContain(long);
  });
});

import { describe, expect, it } from 'vitest';
import absoluteUrls from '../../../src/transform/rules/absolute-urls.js';
import archiveLinks from '../../../src/transform/rules/archive-links.js';
import dropClasses from '../../../src/transform/rules/drop-classes.js';
import externalLinks, { isExternal } from '../../../src/transform/rules/external-links.js';
import fragmentLinks from '../../../src/transform/rules/fragment-links.js';
import imageLoading from '../../../src/transform/rules/image-loading.js';
import dedupeIds from '../../../src/transform/rules/dedupe-ids.js';
import dedupeImages from '../../../src/transform/rules/dedupe-images.js';
import lazyImageSources, { isPlaceholder, largestCandidate, srcsetCandidates } from '../../../src/transform/rules/lazy-image-sources.js';
import repairNesting from '../../../src/transform/rules/repair-nesting.js';
import imageCaptions from '../../../src/transform/rules/image-captions.js';
import { imageKey } from '../../../src/transform/rules/images.js';
import removeEmpty from '../../../src/transform/rules/remove-empty.js';
import removeTrackingPixels from '../../../src/transform/rules/remove-tracking-pixels.js';
import removeZoomWidgets, { isZoomIcon } from '../../../src/transform/rules/remove-zoom-widgets.js';
import unwrapImageLinks from '../../../src/transform/rules/unwrap-image-links.js';
import unwrapPresentational from '../../../src/transform/rules/unwrap-presentational.js';
import rehypeSanitize from 'rehype-sanitize';
import { articleSchema } from '../../../src/transform/sanitize-schema.js';
import { rewrite } from '../../helpers/html.js';

/** HTML no rule should touch: it is in every rule's fixtures. */
const unrelated = '<h2>Title</h2><p>Plain <em>text</em> and <a href="#x">a link</a>.</p><ul><li>item</li></ul>';

describe('image-captions', () => {
  it('ties an image and its caption span into a figure', () => {
    expect(rewrite('<div><img src="a.jpg" alt="A">   <span class="lead_image_caption">Caption</span> <p>Text</p></div>', [imageCaptions])).toBe(
      '<div><figure><img src="a.jpg" alt="A"><figcaption>Caption</figcaption></figure> <p>Text</p></div>',
    );
  });
  it('ties an image and a following small, or a div holding only a small, into a figure', () => {
    expect(rewrite('<img src="a.jpg" width="100%"><div><small>1月6日晚美国国会大楼前的执法人员 （美联社）</small></div><p>Text</p>', [imageCaptions])).toBe(
      '<figure><img src="a.jpg" width="100%"><figcaption>1月6日晚美国国会大楼前的执法人员 （美联社）</figcaption></figure><p>Text</p>',
    );
  });
  it('turns a WordPress caption box into a figure', () => {
    expect(
      rewrite('<div id="attachment_648735" class="wp-caption aligncenter"><img src="a.jpg" alt=""><p id="caption-attachment-648735" class="wp-caption-text">图片来源：新华网</p></div>', [imageCaptions]),
    ).toBe('<figure><img src="a.jpg" alt=""><figcaption>图片来源：新华网</figcaption></figure>');
  });
  it('leaves images without a caption span alone', () => {
    const html = `${unrelated}<p><img src="a.jpg"> <span>not a caption</span></p>`;
    expect(rewrite(html, [imageCaptions])).toBe(html);
  });
});

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

describe('dedupe-images', () => {
  it('shows an image and its noscript copy once, keeping the last and the alt text', () => {
    expect(rewrite('<p><img src="https://e.org/a.jpg" alt="A"> <img src="https://e.org/a.jpg"></p>', [dedupeImages])).toBe('<p><img src="https://e.org/a.jpg" alt="A"></p>');
  });
  it('drops a low-resolution preview before the full image', () => {
    expect(rewrite('<img src="https://cdn-images-1.medium.com/freeze/max/60/1*x.jpeg?q=20"><img src="https://cdn-images-1.medium.com/max/800/1*x.jpeg">', [dedupeImages])).toBe(
      '<img src="https://cdn-images-1.medium.com/max/800/1*x.jpeg">',
    );
  });
  it('keeps different images and the same image in different places', () => {
    const html = `${unrelated}<img src="a.jpg"><img src="b.jpg"><p>text</p><img src="a.jpg">`;
    expect(rewrite(html, [dedupeImages])).toBe(html);
  });
});

describe('repair-nesting', () => {
  it('turns a paragraph holding blocks into a div, so the page parses the same again', () => {
    const html = '<p><object data="a.pdf"><p><a href="a.pdf">PDF</a></p></object></p>';
    expect(rewrite(html, [[rehypeSanitize, articleSchema], repairNesting])).toBe('<div><p><a href="a.pdf">PDF</a></p></div>');
  });
  it('unwraps a link in a link and a heading in a heading, keeping their text', () => {
    const html = '<a href="https://e.org/a"><object data="x"><a href="https://e.org/b">inner</a></object></a><h2><object data="x"><h3>sub</h3></object></h2>';
    expect(rewrite(html, [[rehypeSanitize, articleSchema], repairNesting])).toBe('<a href="https://e.org/a">inner</a><h2>sub</h2>');
  });
  it('leaves paragraphs of phrasing content alone', () => {
    expect(rewrite(unrelated, [repairNesting])).toBe(unrelated);
  });
});

describe('dedupe-ids', () => {
  it('keeps the first of repeated ids', () => {
    expect(rewrite('<div id="zoom">a</div><div id="zoom">b</div><p id="other">c</p>', [dedupeIds])).toBe('<div id="zoom">a</div><div>b</div><p id="other">c</p>');
  });
  it('leaves unique ids alone', () => {
    expect(rewrite(unrelated, [dedupeIds])).toBe(unrelated);
  });
});

describe('remove-zoom-widgets', () => {
  it('removes zoom icons and the anchors they leave empty, keeping the credit', () => {
    expect(
      rewrite(
        '<div id="zoomattribute"> <a href="https://e.org/a.jpg" title="t"> <img src="https://e.org/++plone++rfa-resources/img/icon-zoom.png"> </a> <span>Photo: AP</span></div>',
        [removeZoomWidgets],
      ),
    ).toBe('<div id="zoomattribute">  <span>Photo: AP</span></div>');
  });
  it('recognises icon file names', () => {
    expect(isZoomIcon('https://e.org/img/icon-zoom.png?x=1')).toBe(true);
    expect(isZoomIcon('https://e.org/img/zoom-in-photo-of-city.jpg')).toBe(true);
    expect(isZoomIcon('https://e.org/img/city.jpg')).toBe(false);
  });
  it('leaves unrelated HTML alone', () => {
    expect(rewrite(unrelated, [removeZoomWidgets])).toBe(unrelated);
  });
});

describe('remove-tracking-pixels', () => {
  it('removes 1×1 beacons', () => {
    expect(rewrite('<p>End.</p><img alt="" height="1" src="https://medium.com/_/stat?event=post.clientViewed" width="1">', [removeTrackingPixels])).toBe('<p>End.</p>');
  });
  it('keeps real images, sized or not', () => {
    const html = `${unrelated}<img src="a.jpg" width="1" height="300"><img src="b.jpg">`;
    expect(rewrite(html, [removeTrackingPixels])).toBe(html);
  });
});

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

describe('unwrap-presentational', () => {
  it('unwraps spans that only carried style or class', () => {
    expect(rewrite('<p><span>白宫</span><span class="css-1x">周三</span>证实</p>', [unwrapPresentational])).toBe('<p>白宫周三证实</p>');
  });
  it('keeps spans that mean something', () => {
    const html = `${unrelated}<p><span lang="en">Joe Biden</span> <span id="note">n</span></p>`;
    expect(rewrite(html, [unwrapPresentational])).toBe(html);
  });
});

describe('remove-empty', () => {
  it('removes empty paragraphs, small print and spans, inner first', () => {
    expect(rewrite('<p></p><p>&nbsp; </p><p><span> </span><br></p><small></small><div><p>　</p></div><p>kept</p>', [removeEmpty])).toBe('<p>kept</p>');
  });
  it('leaves the space an empty inline element held, so words stay apart', () => {
    expect(rewrite('<p>started with<strong> </strong>empathy and <em></em>care</p><section></section>', [removeEmpty])).toBe('<p>started with empathy and care</p>');
  });
  it('keeps elements with an image or text', () => {
    const html = `${unrelated}<p><img src="a.jpg"></p><div><br></div>`;
    expect(rewrite(html, [removeEmpty])).toBe(`${unrelated}<p><img src="a.jpg"></p>`);
  });
});

describe('image-loading', () => {
  it('makes images lazy and async, keeping their size', () => {
    expect(rewrite('<img src="a.jpg" width="620" height="358">', [imageLoading])).toBe('<img src="a.jpg" width="620" height="358" loading="lazy" decoding="async">');
  });
  it('leaves unrelated HTML alone', () => {
    expect(rewrite(unrelated, [imageLoading])).toBe(unrelated);
  });
});

describe('absolute-urls', () => {
  const post = { url: '/2024/01/01/x/', from: 'https://news.example.org/world/story.html' };
  it('resolves site-relative and protocol-relative URLs against the original article', () => {
    expect(rewrite('<a href="/file/74">f</a><img src="//img.example.com/a.jpg"><a href="other.html">o</a>', [absoluteUrls], { post })).toBe(
      '<a href="https://news.example.org/file/74">f</a><img src="https://img.example.com/a.jpg"><a href="https://news.example.org/world/other.html">o</a>',
    );
  });
  it('leaves fragments, absolute URLs and posts without an original alone', () => {
    expect(rewrite(unrelated, [absoluteUrls], { post })).toBe(unrelated);
    expect(rewrite('<a href="/file/74">f</a>', [absoluteUrls], { post: { url: '/x/' } })).toBe('<a href="/file/74">f</a>');
  });
});

describe('archive-links', () => {
  const archived = new Map([['https://rfa.org/a.html', '/2024/11/15/a/']]);
  const options = { archivedUrl: (href: string) => archived.get(href), isSourceSite: (href: string) => href.startsWith('https://rfa.org/') };
  it('points links to archived originals at the archived copies, relatively', () => {
    expect(rewrite('<a href="https://rfa.org/a.html">a</a>', [[archiveLinks, options]], { post: { url: '/2025/02/18/b/' } })).toBe('<a href="../../../../2024/11/15/a/">a</a>');
  });
  it('leaves other links alone', () => {
    expect(rewrite(unrelated, [[archiveLinks, options]], { post: { url: '/x/' } })).toBe(unrelated);
  });
});

describe('external-links', () => {
  it('adds rel="noopener noreferrer" to links that leave the site', () => {
    expect(rewrite('<a href="https://rfa.org/x">x</a><a href="https://archive.example.org/y">y</a>', [[externalLinks, { origin: 'https://archive.example.org' }]])).toBe(
      '<a href="https://rfa.org/x" rel="noopener noreferrer">x</a><a href="https://archive.example.org/y">y</a>',
    );
    expect(isExternal('../../a/', 'https://e.org')).toBe(false);
  });
  it('leaves relative links alone', () => {
    expect(rewrite(unrelated, [[externalLinks, { origin: '' }]])).toBe(unrelated);
  });
});

describe('fragment-links', () => {
  it('re-points fragment links at ids that sanitizing prefixed', () => {
    expect(rewrite('<a href="#fn1">1</a><p id="user-content-fn1">note</p>', [fragmentLinks])).toBe('<a href="#user-content-fn1">1</a><p id="user-content-fn1">note</p>');
  });
  it('leaves links to missing ids alone', () => {
    expect(rewrite(unrelated, [fragmentLinks])).toBe(unrelated);
  });
});

describe('drop-classes', () => {
  it('removes every class', () => {
    expect(rewrite('<p class="MsoNormal"><span class="css-7yf5z7-GridComponent">x</span></p>', [dropClasses])).toBe('<p><span>x</span></p>');
  });
  it('leaves unrelated HTML alone', () => {
    expect(rewrite(unrelated, [dropClasses])).toBe(unrelated);
  });
});

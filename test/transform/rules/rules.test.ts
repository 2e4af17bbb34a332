import { describe, expect, it } from 'vitest';
import absoluteUrls from '../../../src/transform/rules/absolute-urls.js';
import archiveLinks from '../../../src/transform/rules/archive-links.js';
import dropClasses from '../../../src/transform/rules/drop-classes.js';
import externalLinks, { isExternal } from '../../../src/transform/rules/external-links.js';
import fragmentLinks from '../../../src/transform/rules/fragment-links.js';
import imageLoading from '../../../src/transform/rules/image-loading.js';
import leadImageCaption from '../../../src/transform/rules/lead-image-caption.js';
import removeEmpty from '../../../src/transform/rules/remove-empty.js';
import removeTrackingPixels from '../../../src/transform/rules/remove-tracking-pixels.js';
import removeZoomWidgets, { isZoomIcon } from '../../../src/transform/rules/remove-zoom-widgets.js';
import unwrapImageLinks, { imageKey } from '../../../src/transform/rules/unwrap-image-links.js';
import unwrapPresentational from '../../../src/transform/rules/unwrap-presentational.js';
import { rewrite } from '../../helpers/html.js';

/** HTML no rule should touch: it is in every rule's fixtures. */
const unrelated = '<h2>Title</h2><p>Plain <em>text</em> and <a href="#x">a link</a>.</p><ul><li>item</li></ul>';

describe('lead-image-caption', () => {
  it('ties an image and its caption span into a figure', () => {
    expect(rewrite('<div><img src="a.jpg" alt="A">   <span class="lead_image_caption">Caption</span> <p>Text</p></div>', [leadImageCaption])).toBe(
      '<div><figure><img src="a.jpg" alt="A"><figcaption>Caption</figcaption></figure> <p>Text</p></div>',
    );
  });
  it('leaves images without a caption span alone', () => {
    const html = `${unrelated}<p><img src="a.jpg"> <span>not a caption</span></p>`;
    expect(rewrite(html, [leadImageCaption])).toBe(html);
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
  const options = { archivedUrl: (href: string) => archived.get(href) };
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

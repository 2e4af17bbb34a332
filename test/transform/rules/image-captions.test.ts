import { describe, expect, it } from 'vitest';
import type { Element, ElementContent, Root } from 'hast';
import imageCaptions, { figureImages } from '../../../src/transform/rules/image-captions.js';
import { rewrite, unrelated } from '../../helpers/html.js';

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

describe('image-captions in a long list', () => {
  it('makes each captioned image of a list a figure, as it makes one', () => {
    const one = '<img src="a.jpg"><small>c</small> <p>x</p>';
    const figure = rewrite(one, [imageCaptions]);
    expect(rewrite(one.repeat(3), [imageCaptions])).toBe(figure.repeat(3));
  });

  it('pairs 80,000 images with their captions at once (splicing each figure in took seconds)', () => {
    const el = (tagName: string, children: ElementContent[]): Element => ({ type: 'element', tagName, properties: {}, children });
    const tree: Root = { type: 'root', children: Array.from({ length: 80_000 }, () => [el('img', []), el('small', [{ type: 'text', value: 'c' }])]).flat() };
    figureImages(tree);
    expect(tree.children).toHaveLength(80_000);
    expect(tree.children.every((c) => c.type === 'element' && c.tagName === 'figure')).toBe(true);
  }, 2_000);
});

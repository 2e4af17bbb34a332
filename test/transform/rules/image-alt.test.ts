import { describe, expect, it } from 'vitest';
import rehypeSanitize from 'rehype-sanitize';
import imageAlt from '../../../src/transform/rules/image-alt.js';
import { articleSchema } from '../../../src/transform/sanitize-schema.js';
import { rewrite, unrelated } from '../../helpers/html.js';

describe('image-alt', () => {
  it('gives an image without alt text alt="" and keeps the rest', () => {
    expect(rewrite('<p><img src="https://e.org/a.jpg" width="700"></p>', [imageAlt])).toBe('<p><img src="https://e.org/a.jpg" width="700" alt=""></p>');
  });
  it('keeps the outlet’s alt text, and a title that names the image', () => {
    const html = '<img src="a.jpg" alt="习近平与拜登握手"><img src="b.jpg" title="Map of the floods">';
    expect(rewrite(html, [imageAlt])).toBe(html);
  });
  it('drops aria-describedby from an image with empty alt (WordPress points it at the caption)', () => {
    const html = '<figure><img aria-describedby="caption-attachment-1" src="a.jpg" alt=""><figcaption>Caption</figcaption></figure>';
    expect(rewrite(html, [[rehypeSanitize, articleSchema], imageAlt])).toBe('<figure><img src="a.jpg" alt=""><figcaption>Caption</figcaption></figure>');
  });
  it('leaves unrelated HTML alone', () => {
    expect(rewrite(unrelated, [imageAlt])).toBe(unrelated);
  });
});

import { describe, expect, it } from 'vitest';
import dropClasses from '../../../src/transform/rules/drop-classes.js';
import { rewrite, unrelated } from '../../helpers/html.js';

describe('drop-classes', () => {
  it('removes every class', () => {
    expect(rewrite('<p class="MsoNormal"><span class="css-7yf5z7-GridComponent">x</span></p>', [dropClasses])).toBe('<p><span>x</span></p>');
  });
  it('keeps only the embeds rule’s own classes, for the theme', () => {
    expect(rewrite('<p class="embed-link MsoNormal"><a class="x">v</a></p><em class="embed-note">n</em>', [dropClasses])).toBe('<p class="embed-link"><a>v</a></p><em class="embed-note">n</em>');
  });
  it('leaves unrelated HTML alone', () => {
    expect(rewrite(unrelated, [dropClasses])).toBe(unrelated);
  });
});

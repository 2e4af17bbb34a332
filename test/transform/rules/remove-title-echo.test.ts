import { describe, expect, it } from 'vitest';
import type { VFile } from 'vfile';
import removeTitleEcho, { titleKey } from '../../../src/transform/rules/remove-title-echo.js';
import { rewrite, unrelated } from '../../helpers/html.js';

const post = (title: string, from?: string) => ({ post: { url: '/2024/11/14/x/', title, from } });
const seedTitle = '拜登"再会"习近平 美中关系困扰何在？';

describe('remove-title-echo', () => {
  it("drops the RSS mirror's link heading that repeats the title (the seed's first lines)", () => {
    const html = `<h2><a href="https://www.rfa.org/mandarin/x.html">${seedTitle}</a></h2>\n<div><img src="https://e.org/a.jpg" alt="拜登&quot;再会&quot;习近平　美中关系困扰何在？"><p>美国白宫日前证实。</p></div>`;
    expect(rewrite(html, [removeTitleEcho], post(seedTitle, 'https://www.rfa.org/mandarin/x.html'))).toBe('\n<div><img src="https://e.org/a.jpg" alt="拜登&#x22;再会&#x22;习近平　美中关系困扰何在？"><p>美国白宫日前证实。</p></div>');
  });

  it("drops the outlet's own headline too, first thing in the article's wrapper, and records what went", () => {
    const title = '有用無用你懂不懂？ — — 莊子哲學中的啟發';
    const html = `<h2><a href="https://medium.com/x">${title}</a></h2><div><h3>${title}</h3><figure><img src="https://e.org/a.png"></figure><p>「讀哲學有何用？」</p></div>`;
    const data: VFile['data'] = post(title, 'https://medium.com/x#top');
    expect(rewrite(html, [removeTitleEcho], data)).toBe('<div><figure><img src="https://e.org/a.png"></figure><p>「讀哲學有何用？」</p></div>');
    expect(data.removed).toEqual([title, title]);
  });

  it('compares without case, whitespace, punctuation or full-width forms', () => {
    expect(titleKey('拜登&quot;再会&quot;习近平　美中关系困扰何在？'.replaceAll('&quot;', '"'))).toBe(titleKey(seedTitle));
    expect(titleKey('Ｃｏｕｒｔ  upholds BAN: “smoking” products')).toBe(titleKey('court upholds ban smoking products'));
    expect(rewrite('<p><strong><a href="https://e.org/">Court upholds ban</a></strong></p><p>Body.</p>', [removeTitleEcho], post('court upholds ban!', 'https://e.org'))).toBe('<p>Body.</p>');
  });

  it("keeps a line that links anywhere but the original, so no link is lost: a post that is only a link named as the post", () => {
    // yoichiro/blog2's いい米: the whole post is a link to a blog of that name, and the post has no `from:`.
    const only = '<p><a href="http://d.hatena.ne.jp/yone098/">いい米</a></p>';
    expect(rewrite(only, [removeTitleEcho], post('いい米'))).toBe(only);
    expect(rewrite(only, [removeTitleEcho], post('いい米', 'https://elsewhere.example/'))).toBe(only);
    // A heading that links nowhere says nothing the page's h1 does not: it goes, from whatever post.
    expect(rewrite('<h1>いい米</h1><p>本文</p>', [removeTitleEcho], post('いい米'))).toBe('<p>本文</p>');
    // The original's link, written relative to it or with a fragment, is the original.
    expect(rewrite('<h2><a href="./story.html#top">Story</a></h2><p>Body.</p>', [removeTitleEcho], post('Story', 'https://e.org/news/story.html'))).toBe('<p>Body.</p>');
  });

  it('keeps the article from its first other block on: a later echo, a plain paragraph saying the title, a lead image', () => {
    const title = 'Floods in the north';
    const later = '<p>Rain fell.</p><h2>Floods in the north</h2>';
    expect(rewrite(later, [removeTitleEcho], post(title))).toBe(later);
    const plain = '<p>Floods in the north</p><p>Rain fell.</p>';
    expect(rewrite(plain, [removeTitleEcho], post(title))).toBe(plain);
    const image = '<div><img src="https://e.org/a.jpg"><h1>Floods in the north</h1></div>';
    expect(rewrite(image, [removeTitleEcho], post(title))).toBe(image);
    // A heading that only starts like the title is the article's.
    const longer = '<h2>Floods in the north: a timeline</h2><p>Rain fell.</p>';
    expect(rewrite(longer, [removeTitleEcho], post(title))).toBe(longer);
    // A line with text beside its link is not a link line.
    const mixed = '<p>Read: <a href="https://e.org/">Floods in the north</a></p>';
    expect(rewrite(mixed, [removeTitleEcho], post(title))).toBe(mixed);
  });

  it('leaves an article alone when the post has no title, and unrelated HTML alone', () => {
    expect(rewrite('<h2>Title</h2><p>x</p>', [removeTitleEcho], post(''))).toBe('<h2>Title</h2><p>x</p>');
    expect(rewrite(unrelated, [removeTitleEcho], post('Something else'))).toBe(unrelated);
    expect(rewrite(unrelated, [removeTitleEcho])).toBe(unrelated);
  });
});

import rehypeSanitize from 'rehype-sanitize';
import { describe, expect, it } from 'vitest';
import { embedTarget, webUrl } from '../../../src/transform/rules/embed-providers.js';
import embeds from '../../../src/transform/rules/embeds.js';
import { createArticleProcessor } from '../../../src/transform/article-processor.js';
import { articleSchema } from '../../../src/transform/sanitize-schema.js';
import { rewrite, unrelated } from '../../helpers/html.js';

const target = (src: string) => embedTarget(webUrl(src)!);
const run = (html: string, from?: string) => rewrite(html, [embeds], { post: { url: '/x/', ...(from ? { from } : {}) } });
/** The rule, then the sanitizer, as the article pipeline runs them. */
const safe = (html: string, from?: string) => rewrite(html, [embeds, [rehypeSanitize, articleSchema]], { post: { url: '/x/', ...(from ? { from } : {}) } });

describe('embedTarget: what an embed showed', () => {
  it('turns players into the provider’s own pages', () => {
    expect(target('https://www.youtube.com/embed/YqpQshwmlyc')).toEqual({ provider: 'YouTube', kind: 'video', url: 'https://www.youtube.com/watch?v=YqpQshwmlyc' });
    expect(target('//www.youtube-nocookie.com/embed/Zg0Xeu-aTlA?start=42&rel=0').url).toBe('https://www.youtube.com/watch?v=Zg0Xeu-aTlA&t=42s');
    expect(target('https://www.youtube.com/embed/videoseries?list=PL123abc').url).toBe('https://www.youtube.com/playlist?list=PL123abc');
    expect(target('https://player.vimeo.com/video/76979871?h=8272103f6e')).toEqual({ provider: 'Vimeo', kind: 'video', url: 'https://vimeo.com/76979871' });
    expect(target('https://platform.twitter.com/embed/Tweet.html?id=1351234567890123456')).toEqual({ provider: 'Twitter', kind: 'post', url: 'https://twitter.com/i/status/1351234567890123456' });
    expect(target('https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fvoa%2Fvideos%2F123%2F&show_text=0').url).toBe('https://www.facebook.com/voa/videos/123/');
    expect(target('https://www.dailymotion.com/embed/video/x7tgad0').url).toBe('https://www.dailymotion.com/video/x7tgad0');
    expect(target('//player.bilibili.com/player.html?bvid=BV1xx411c7mD&page=1').url).toBe('https://www.bilibili.com/video/BV1xx411c7mD');
    expect(target('https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293&auto_play=true')).toEqual({ provider: 'SoundCloud', kind: 'audio', url: 'https://api.soundcloud.com/tracks/293' });
    expect(target('https://open.spotify.com/embed/episode/7makk4oTQel546B0PZlDM5').url).toBe('https://open.spotify.com/episode/7makk4oTQel546B0PZlDM5');
    expect(target('//embed.acast.com/theeconomistbabbage/babbage-viruses').url).toBe('https://shows.acast.com/theeconomistbabbage/babbage-viruses');
  });

  it('names providers whose frame is its own page, and unknown hosts by name', () => {
    expect(target('https://www.google.com/maps/embed?pb=!1m18')).toEqual({ provider: 'Google Maps', kind: 'map', url: 'https://www.google.com/maps/embed?pb=!1m18' });
    expect(target('https://www.google.com/search?q=x').provider).toBe('www.google.com');
    expect(target('https://www.dw.com/zh/player/av-56012345')).toEqual({ provider: 'www.dw.com', kind: 'embed', url: 'https://www.dw.com/zh/player/av-56012345' });
    // A look-alike host is not the provider.
    expect(target('https://notyoutube.com/embed/YqpQshwmlyc').provider).toBe('notyoutube.com');
    // A player URL without an id links to itself.
    expect(target('https://www.youtube.com/embed/').url).toBe('https://www.youtube.com/embed/');
  });

  it('reads only web addresses', () => {
    expect(webUrl('javascript:alert(1)')).toBeUndefined();
    expect(webUrl(' data:text/html,x')).toBeUndefined();
    expect(webUrl('about:blank')).toBeUndefined();
    expect(webUrl('player/1')).toBeUndefined();
    expect(webUrl('player/1', 'https://www.dw.com/zh/a')?.href).toBe('https://www.dw.com/zh/player/1');
    // A facebook href parameter that is not a web address is not followed.
    expect(target('https://www.facebook.com/plugins/video.php?href=javascript:alert(1)').url).toBe('https://www.facebook.com/plugins/video.php?href=javascript:alert(1)');
  });
});

describe('embeds', () => {
  it('leaves unrelated HTML alone', () => {
    expect(run(unrelated)).toBe(unrelated);
  });

  it('turns a frame into a link to what it showed, titled, in a paragraph or inline', () => {
    expect(run('<iframe src="https://www.youtube.com/embed/YqpQshwmlyc" title="Hong Kong" width="560" allowfullscreen></iframe>')).toBe(
      '<p class="embed-link"><a href="https://www.youtube.com/watch?v=YqpQshwmlyc">视频 Video · YouTube: Hong Kong</a></p>',
    );
    expect(run('<p>Watch: <iframe src="//www.dw.com/embed/1"></iframe></p>')).toBe('<p>Watch: <a href="https://www.dw.com/embed/1" class="embed-link">嵌入内容 Embed · www.dw.com</a></p>');
  });

  it('leaves a note, and no link, for an embed without a web address', () => {
    expect(run('<iframe srcdoc="<script>alert(1)</script>"></iframe><div><embed src="data:image/svg+xml,x"></div>')).toBe(
      '<p class="embed-note"><em>嵌入内容 Embed（已移除 removed: no web address）</em></p><div><p class="embed-note"><em>嵌入内容 Embed（已移除 removed: no web address）</em></p></div>',
    );
    expect(run('<p><iframe src="javascript:alert(1)"></iframe></p>')).toBe('<p><em class="embed-note">嵌入内容 Embed（已移除 removed: no web address）</em></p>');
  });

  it('makes one link of an object and its twin embed, and keeps its fallback text', () => {
    expect(run('<object data="https://e.org/m.swf"><param name="movie" value="https://e.org/m.swf"><embed src="https://e.org/m.swf">旧版播放器</object>')).toBe(
      '<p class="embed-link"><a href="https://e.org/m.swf">嵌入内容 Embed · e.org</a></p>旧版播放器',
    );
    expect(run('<object><param name="movie" value="https://www.youtube.com/v/YqpQshwmlyc"></object>')).toBe(
      '<p class="embed-link"><a href="https://www.youtube.com/watch?v=YqpQshwmlyc">视频 Video · YouTube</a></p>',
    );
  });

  it('keeps a player with controls, preload none, its sources, tracks and poster, and links its file', () => {
    const out = run(
      '<video src="https://e.org/v/a%20clip.mp4" poster="https://e.org/p.jpg" width="640" height="360" autoplay muted loop onplay="x()" style="width:100%">' +
        '<track src="https://e.org/a.vtt" kind="subtitles" srclang="zh" label="中文" default onload="x()">No video</video>',
    );
    expect(out).toBe(
      '<video src="https://e.org/v/a%20clip.mp4" controls preload="none" poster="https://e.org/p.jpg" width="640" height="360">' +
        '<track src="https://e.org/a.vtt" kind="subtitles" srclang="zh" label="中文">No video</video>' +
        '<p class="embed-link"><a href="https://e.org/v/a%20clip.mp4">视频 Video · a clip.mp4</a></p>',
    );
    expect(run('<audio controls><source src="https://e.org/a.ogg" type="audio/ogg"><source src="data:audio/ogg;base64,AA"></audio>')).toBe(
      '<audio controls preload="none"><source src="https://e.org/a.ogg" type="audio/ogg"></audio><p class="embed-link"><a href="https://e.org/a.ogg">音频 Audio · a.ogg</a></p>',
    );
  });

  it('resolves relative sources against the original, and drops posters and tracks that are not web addresses', () => {
    expect(run('<video src="/media/a.mp4" poster="javascript:alert(1)"><track src="data:text/vtt,x"></video>', 'https://www.voachinese.com/a/1.html')).toBe(
      '<video src="https://www.voachinese.com/media/a.mp4" controls preload="none"></video><p class="embed-link"><a href="https://www.voachinese.com/media/a.mp4">视频 Video · a.mp4</a></p>',
    );
  });

  it('points a player with nothing playable at the original article, or leaves a note', () => {
    expect(run('<video data-vod-id="1" poster="https://e.org/p.jpg" controls></video>', 'https://www.cna.com.tw/news/1.aspx')).toBe(
      '<p class="embed-link"><a href="https://www.cna.com.tw/news/1.aspx">视频 Video · 见原文 see the original</a></p>',
    );
    expect(run('<audio src="javascript:alert(1)">fallback</audio>')).toBe('<p class="embed-note"><em>音频 Audio（已移除 removed: no web address）</em></p>fallback');
  });

  it('removes the input’s own embed-link and embed-note classes, so only the rule sets them', () => {
    expect(run('<p class="embed-link lead">x</p><em class="embed-note">y</em>')).toBe('<p class="lead">x</p><em>y</em>');
  });

  it('counts what it found and what each became', () => {
    const transform = createArticleProcessor({ origin: '', excerptLength: 100, archivedUrl: () => undefined, isSourceSite: () => false });
    const article = transform({
      format: 'html',
      url: '/x/',
      body: '<p>Text</p><iframe src="https://player.vimeo.com/video/1"></iframe><iframe srcdoc="x"></iframe><video src="https://e.org/a.mp4"></video><audio src="https://e.org/a.mp3"></audio>',
    });
    expect(article.embeds).toEqual({ found: 4, players: 2, links: 1, notes: 1 });
    expect(transform({ format: 'html', url: '/x/', body: '<p>none</p>' }).embeds).toEqual({ found: 0, players: 0, links: 0, notes: 0 });
    // The classes survive for the theme; an outlet's do not.
    expect(article.html).toContain('<p class="embed-link"><a href="https://vimeo.com/1" rel="noopener noreferrer">视频 Video · Vimeo</a></p>');
  });
});

describe('embeds, then the sanitizer', () => {
  it('keeps players as the rule made them: sanitizing changes nothing', () => {
    const html = '<video src="https://e.org/a.mp4" poster="https://e.org/p.jpg"><source src="https://e.org/a.webm" type="video/webm"><track src="https://e.org/a.vtt" kind="captions"></video>';
    expect(safe(html)).toBe(run(html));
  });

  it('is the wall even for players the rule did not make: no autoplay, handlers, javascript: or stray sources', () => {
    const sanitize = (html: string) => rewrite(html, [[rehypeSanitize, articleSchema]]);
    expect(sanitize('<video src="javascript:alert(1)" poster="data:image/png,x" autoplay muted loop preload="auto" onplay="x()" controls></video>')).toBe('<video controls></video>');
    expect(sanitize('<audio preload="none"><source src="https://e.org/a.mp3" onerror="x()"><track src="javascript:x" default></audio>')).toBe('<audio preload="none"><source src="https://e.org/a.mp3"><track></audio>');
    // A picture's source, outside any player, does not stay behind.
    expect(sanitize('<picture><source srcset="https://e.org/a.webp" type="image/webp"><img src="https://e.org/a.jpg" alt="A"></picture>')).toBe('<img src="https://e.org/a.jpg" alt="A">');
  });
});

describe('embeds in the article pipeline', () => {
  it('keeps the inline link’s class, which the sanitizer limits on links', () => {
    const transform = createArticleProcessor({ origin: '', excerptLength: 100, archivedUrl: () => undefined, isSourceSite: () => false });
    const { html } = transform({ format: 'html', url: '/x/', body: '<p>See <iframe src="https://www.youtube.com/embed/dLmCPweJRYg?feature=oembed" title="T"></iframe></p><p><a class="lead" href="https://e.org/">x</a></p>' });
    expect(html).toBe(
      '<p>See <a href="https://www.youtube.com/watch?v=dLmCPweJRYg" class="embed-link" rel="noopener noreferrer">视频 Video · YouTube: T</a></p><p><a href="https://e.org/" rel="noopener noreferrer">x</a></p>',
    );
  });
});

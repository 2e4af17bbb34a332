import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport, ReportPost } from '../../src/report.js';
import { createMarkdownRenderer } from '../../src/transform/markdown.js';
import { articleOf, cleanlinessProblems, fidelityProblems } from '../helpers/fidelity-checks.js';
import { fixtures, root } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * Embedded media, through the real CLI: test/fixtures/embeds holds posts shaped like the
 * news archives' (a YouTube player in a paragraph and in a WordPress embed block, Vimeo,
 * a tweet, a map; a broadcaster's video file with autoplay and its relative player frame;
 * a radio's audio clips with a caption; a script-driven player with nothing playable; a
 * podcast, a document viewer, a Flash object with its twin embed, a srcdoc frame). Each
 * embed must leave its player or a link to what it showed, be counted in the report, and
 * pass the fidelity check.
 */

const posts = join(fixtures, 'embeds');
const work = mkdtempSync(join(tmpdir(), 'gazette-embeds-'));
const out = join(work, 'site');
let report: BuildReport;
let code: number;

beforeAll(async () => {
  ({ code } = await runCli(['build', '--posts', posts, '--out', out, '--no-cache', '-q', '--report', join(work, 'report.json')]));
  report = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')) as BuildReport;
}, 60_000);

const post = (name: string): ReportPost => report.posts.find((p) => p.source.endsWith(name))!;
const article = (name: string) => fromHtml(articleOf(readFileSync(join(root, post(name).output), 'utf8')), { fragment: true });
const links = (name: string) => selectAll('a', article(name)).map((a) => [String(a.properties.href), toString(a)]);

describe('embedded media', () => {
  it('builds every post, and counts each embed per post and in total', () => {
    expect(code).toBe(0);
    expect(report.errors).toEqual([]);
    expect(report.posts).toHaveLength(5);
    expect(post('video-reports-online.md').embeds).toEqual({ found: 5, players: 0, links: 5, notes: 0 });
    expect(post('broadcaster-video-report.md').embeds).toEqual({ found: 2, players: 1, links: 1, notes: 0 });
    expect(post('radio-commentary.md').embeds).toEqual({ found: 2, players: 2, links: 0, notes: 0 });
    expect(post('script-driven-player.md').embeds).toEqual({ found: 1, players: 0, links: 1, notes: 0 });
    expect(post('podcasts-and-documents.md').embeds).toEqual({ found: 4, players: 0, links: 3, notes: 1 });
    expect(report.embeds).toEqual({ found: 14, players: 3, links: 10, notes: 1 });
  });

  it('links each frame to what it showed, with the provider’s name and the frame’s title', () => {
    expect(links('video-reports-online.md')).toEqual([
      ['https://www.youtube.com/watch?v=YqpQshwmlyc', '视频 Video · YouTube: 街头采访：新年愿望'],
      ['https://www.youtube.com/watch?v=Zg0Xeu-aTlA&t=95s', '视频 Video · YouTube'],
      ['https://vimeo.com/76979871', '视频 Video · Vimeo: 冬天的城市'],
      ['https://twitter.com/i/status/1351234567890123456', '帖子 Post · Twitter'],
      ['https://www.google.com/maps/embed?pb=!1m18!1m12', '地图 Map · Google Maps'],
    ]);
    // A relative frame is resolved against the original article and named by its host.
    expect(links('broadcaster-video-report.md')).toContainEqual(['https://www.broadcaster.example/zh/player/av-56012345', '嵌入内容 Embed · www.broadcaster.example']);
    expect(links('podcasts-and-documents.md')).toEqual([
      ['https://shows.acast.com/sciencepodcast/viruses-and-origins', '音频 Audio · Acast'],
      ['https://embed.documentcloud.org/documents/20401234-court-filing/?embed=1', '文档 Document · DocumentCloud: 法庭文件'],
      ['https://flash.example.net/cartoon.swf', '嵌入内容 Embed · flash.example.net'],
    ]);
    const podcasts = article('podcasts-and-documents.md');
    // The object's fallback text stays; the srcdoc frame leaves a note, not a link.
    expect(toString(podcasts)).toContain('需要 Flash 播放器才能观看这部短片。');
    expect(toString(select('.embed-note', podcasts)!)).toBe('嵌入内容 Embed（已移除 removed: no web address）');
  });

  it('keeps video and audio as players that load nothing until asked, with a link to the file', () => {
    const video = select('video', article('broadcaster-video-report.md'))!;
    expect(video.properties).toEqual({ src: 'https://media.broadcaster.example/video/2021/winter_berlin_sd.mp4', controls: true, preload: 'none' });
    expect(links('broadcaster-video-report.md')).toContainEqual(['https://media.broadcaster.example/video/2021/winter_berlin_sd.mp4', '视频 Video · winter_berlin_sd.mp4']);
    const radio = article('radio-commentary.md');
    const players = selectAll('audio', radio);
    expect(players.map((p) => p.properties)).toEqual([
      { src: 'https://av.radio.example.com/clips/2021/01/12/sea-law.mp3', controls: true, preload: 'none' },
      { controls: true, preload: 'none' },
    ]);
    expect(selectAll('source', players[1]!).map((s: Element) => s.properties)).toEqual([
      { src: 'https://av.radio.example.com/clips/2021/01/12/sea-law-en.ogg', type: 'audio/ogg' },
      { src: 'https://radio.example.com/clips/2021/01/12/sea-law-en.mp3', type: 'audio/mpeg' },
    ]);
    // The caption under the clip is still there.
    expect(toString(radio)).toContain('海上执法新规为邻国敲响警钟');
  });

  it('points a player with nothing playable at the original article', () => {
    expect(links('script-driven-player.md')).toEqual([['https://www.agency.example/news/202101140001.aspx', '视频 Video · 见原文 see the original']]);
    expect(select('video', article('script-driven-player.md'))).toBeUndefined();
  });

  it('passes the fidelity check: nothing lost, clean and stable', () => {
    const render = createMarkdownRenderer();
    for (const p of report.posts) {
      const source = readFileSync(join(root, p.source), 'utf8');
      const body = source.slice(source.indexOf('\n---\n', 4) + 5);
      const from = /^from: (.*)$/m.exec(source)?.[1];
      const html = articleOf(readFileSync(join(root, p.output), 'utf8'));
      expect([...fidelityProblems(render(body), html, from), ...cleanlinessProblems(html)], p.source).toEqual([]);
      expect(p.textRetention).toBe(1);
    }
  });
});

import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSiteConfig, type SiteConfig } from '../../src/config.js';
import { loadPost } from '../../src/load/load-post.js';
import { fixtures } from '../helpers/paths.js';

const config: SiteConfig = { ...defaultSiteConfig, timezone: 'Asia/Shanghai' };
const now = Date.parse('2026-01-01T00:00:00Z');

function load(name: string, bytes?: Buffer, layouts: string[] = []) {
  const path = join(fixtures, 'load', name);
  const file = { source: `load/${name}`, path, format: 'markdown' as const, folderCategories: [] };
  return loadPost(file, bytes ?? readFileSync(path), { config, layoutExists: (l) => layouts.includes(l), now });
}

describe('loadPost', () => {
  it('reads the seed post as Jekyll would, in the site timezone', () => {
    const path = join(fixtures, '../../posts/2024-11-14-biden-xi-meeting-rfa.md');
    const { post, diagnostics } = loadPost({ source: 'posts/seed.md', path, format: 'markdown', folderCategories: [] }, readFileSync(path), { config, layoutExists: () => false, now });
    expect(diagnostics).toEqual([]);
    expect(post).toMatchObject({
      title: '拜登"再会"习近平 美中关系困扰何在？',
      date: '2024-11-15T07:37:40.066+08:00',
      url: '/2024/11/15/jw-xi-jinping-to-meet-biden-11142024140853/',
      outputPath: '2024/11/15/jw-xi-jinping-to-meet-biden-11142024140853/index.html',
      tags: ['自由亚洲电台'],
      categories: ['自由亚洲电台'],
      author: '自由亚洲电台',
      from: 'https://www.rfa.org/mandarin/yataibaodao/junshiwaijiao/jw-xi-jinping-to-meet-biden-11142024140853.html',
      layout: 'post',
      bodyLine: 11,
    });
    expect(post?.data).toEqual({ comments: true });
  });

  it('normalises every shape of tags, categories, author and entity-encoded titles', () => {
    const { post, diagnostics } = load('2020-01-02-term-shapes.md');
    expect(post).toMatchObject({
      title: 'R&D spending "rises"',
      tags: ['香港', '新闻自由'],
      categories: ['自由 亚洲'],
      author: 'Jane Doe',
      date: '2020-01-02T10:00:00.000+08:00',
      slug: 'rd-spending-rises',
    });
    // Template syntax in a value is data, never evaluated.
    expect(post?.data.song).toBe('Never evaluated {{ 7*7 }}');
    // A layout that is a path is refused with a warning on its line.
    expect(post?.layout).toBe('post');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', line: 10, message: expect.stringContaining('not a template name') })]);
  });

  it('uses a layout only when its template exists', () => {
    const bytes = Buffer.from('---\ntitle: x\ndate: 2020-01-01\nlayout: wide\n---\nbody\n');
    expect(load('x.md', bytes, ['wide']).post?.layout).toBe('wide');
    expect(load('x.md', bytes, []).post?.layout).toBe('post');
  });

  it('takes title and date from a Jekyll file name when there is no front matter', () => {
    const { post } = load('2019-2-6-unpadded title here.md');
    expect(post).toMatchObject({ title: 'Unpadded title here', date: '2019-02-06T00:00:00.000+08:00', bodyLine: 1, tags: [], categories: [] });
  });

  it('skips published: false and says why', () => {
    expect(load('2020-01-03-unpublished.md')).toEqual({ skipped: { source: 'load/2020-01-03-unpublished.md', reason: 'published: false' }, diagnostics: [] });
  });

  it('reports a post without any date on line 1', () => {
    expect(load('no-date.md').diagnostics).toEqual([expect.objectContaining({ severity: 'error', line: 1, message: 'the post has no date' })]);
  });

  it('reports an unreadable date on the line of the date key', () => {
    expect(load('2021-05-06-bad-date.md').diagnostics).toEqual([expect.objectContaining({ severity: 'error', line: 3, message: expect.stringContaining('someday soon') })]);
  });

  it('reports invalid YAML with its file line', () => {
    const [d] = load('bad-yaml.md').diagnostics;
    expect(d).toMatchObject({ severity: 'error', message: expect.stringMatching(/^invalid YAML/) });
    expect(d?.line).toBeGreaterThanOrEqual(2);
    expect(d?.line).toBeLessThanOrEqual(5);
  });

  it('refuses JavaScript front matter without running it', () => {
    const { post, diagnostics } = load('js-front-matter.md');
    expect(post).toBeUndefined();
    expect(diagnostics[0]?.message).toMatch(/front matter in 'js' is refused/);
    expect((globalThis as Record<string, unknown>).gazettePwned).toBeUndefined();
  });

  it('warns when the front-matter date is far from the file name’s', () => {
    const { post, diagnostics } = load('2018-01-01-far-from-name-date.md');
    expect(post?.url).toBe('/2018/03/01/far-from-name-date/');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', line: 3 })]);
  });

  it('leaves out posts dated after the build started, unless the site builds the future', () => {
    const bytes = Buffer.from('---\ntitle: Tomorrow\ndate: 2026-01-02\n---\nbody\n');
    expect(load('t.md', bytes)).toEqual({ skipped: { source: 'load/t.md', reason: 'future date' }, diagnostics: [] });
    const path = join(fixtures, 'load', 't.md');
    const future = loadPost({ source: 'load/t.md', path, format: 'markdown', folderCategories: [] }, bytes, { config: { ...config, future: true }, layoutExists: () => false, now });
    expect(future.post?.title).toBe('Tomorrow');
  });

  it('reads CRLF files, a BOM and blank lines between keys', () => {
    const bytes = Buffer.from('\ufeff---\r\n\r\ntitle: 我的票圈\r\n\r\ndate: 2018-04-14\r\n\r\n---\r\n\r\nBody\r\n');
    const { post, diagnostics } = load('2018-04-14-crlf.md', bytes);
    expect(diagnostics).toEqual([]);
    expect(post).toMatchObject({ title: '我的票圈', date: '2018-04-14T00:00:00.000+08:00', bodyLine: 8 });
  });

  it('refuses custom YAML tags and reports files that are not UTF-8 text', () => {
    expect(load('t.md', Buffer.from('---\ntitle: !ruby/object:Gem::Installer {}\n---\n')).diagnostics[0]?.message).toMatch(/custom YAML tag refused/);
    expect(load('t.md', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a])).diagnostics[0]?.message).toMatch(/not valid UTF-8/);
  });
});

describe('what a loaded post keeps in memory', () => {
  it('holds its metadata without holding on to its body (the build keeps every post for its whole run)', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const body = '<p>' + '新闻记录。'.repeat(20_000) + '</p>\n'; // 200 KB as UTF-16 in memory
    const kept: unknown[] = [];
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 200; i++) {
      const text = `---\ntitle: 第${i}篇\ndate: 2024-01-02 08:00:00\nauthor: 记者\nfrom: https://www.rfa.org/mandarin/a-${i}.html\ntags: [香港, 新闻]\nsource_name: rfa\n---\n${body}${i}`;
      const { post, diagnostics } = loadPost({ source: `posts/${i}.md`, path: `/x/${i}.md`, format: 'markdown', folderCategories: [] }, Buffer.from(text), { config, layoutExists: () => false, now });
      expect(diagnostics).toEqual([]);
      expect(post?.from).toBe(`https://www.rfa.org/mandarin/a-${i}.html`);
      kept.push(post);
    }
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // 200 bodies are 40 MB; 200 posts' metadata is well under 2 MB.
    expect(grown).toBeLessThan(2 * 2 ** 20);
    expect(kept).toHaveLength(200);
  });
});

describe('front-matter limits', () => {
  const post = (frontMatter: string) => load('2024-01-01-limits.md', Buffer.from(`---\n${frontMatter}\ndate: 2024-01-01 08:00:00\n---\nBody.\n`));

  it('cuts a title and an author over their limits, keeps the post, and says so on their lines', () => {
    const { post: p, diagnostics } = post(`title: ${'长'.repeat(100_000)}\nauthor: ${'x'.repeat(300)}`);
    expect(p?.title).toBe('长'.repeat(500));
    expect(p?.author).toBe('x'.repeat(200));
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', line: 2, message: 'the title has 100,000 characters: cut to its first 500 (the limit)' }),
      expect.objectContaining({ severity: 'warning', line: 3, message: "the author's name has 300 characters: cut to its first 200 (the limit)" }),
    ]);
    // A warning never repeats the value it is about.
    expect(diagnostics.every((d) => d.message.length < 300)).toBe(true);
  });

  it('keeps the first 50 tags and 10 categories, cuts names to 100 characters, and names what was left out', () => {
    const tags = Array.from({ length: 2000 }, (_, i) => `t${i}`);
    const categories = Array.from({ length: 1500 }, (_, i) => `${'类'.repeat(120)}${i}`);
    const { post: p, diagnostics } = post(`title: many\ntags: [${tags.join(', ')}]\ncategories: [${categories.join(', ')}]`);
    expect(p?.tags).toEqual(tags.slice(0, 50));
    // Names made equal by the cut are kept once.
    expect(p?.categories).toEqual(['类'.repeat(100)]);
    const messages = diagnostics.map((d) => `${d.line}: ${d.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^4: it has 1,500 categories: the first 10 are kept \(the limit\), 1,490 left out \("类{40}…", /),
      '3: it has 2,000 tags: the first 50 are kept (the limit), 1,950 left out ("t50", "t51", "t52", …)',
    ]);
    expect(messages[0]).toMatch(/10 of its categories are longer than 100 characters and cut to that/);
  });

  it('counts characters, not UTF-16 units: 500 emoji are a title within the limit', () => {
    const { post: p, diagnostics } = post(`title: ${'📰'.repeat(500)}`);
    expect(p?.title).toBe('📰'.repeat(500));
    expect(diagnostics).toEqual([]);
    expect(post(`title: ${'📰'.repeat(501)}`).post?.title).toBe('📰'.repeat(500));
  });
});

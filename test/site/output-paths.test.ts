import { describe, expect, it } from 'vitest';
import { checkPostPaths, openPlan, type SitePlan } from '../../src/site/output-paths.js';
import type { Post } from '../../src/types.js';

function post(source: string, outputPath: string): Post {
  const url = `/${outputPath.replace(/index\.html$/, '')}`;
  return {
    source, path: `/x/${source}`, format: 'markdown', encoding: 'utf-8', hash: '', bodyOffset: 0, bodyLine: 1, title: source,
    date: '2024-01-01T00:00:00Z', time: 0, slug: source, url, outputPath, tags: [], categories: [], layout: 'post', data: {},
  };
}

const plan: SitePlan = {
  ...openPlan,
  reservedFiles: new Set(['404.html', 'search/index.html', 'sitemap.xml']),
  publicFiles: new Set(['assets/gazette.css', 'about.html']),
  reservedFolders: ['search/data/'],
  describe: (path) => ({ '404.html': 'the 404 page', 'search/index.html': 'the search page', 'sitemap.xml': 'the sitemap' })[path] ?? path,
};

const check = (posts: Post[], with_: SitePlan = plan) => {
  const { posts: kept, diagnostics } = checkPostPaths(posts, with_);
  return { kept: kept.map((p) => p.source), problems: diagnostics.map((d) => `${d.severity} ${d.source}: ${d.message}`) };
};

describe('checkPostPaths', () => {
  it('keeps posts whose paths are apart, and says nothing', () => {
    expect(check([post('a', 'a/index.html'), post('b', 'a/b/index.html'), post('c', 'a.html')])).toEqual({ kept: ['a', 'b', 'c'], problems: [] });
  });

  it('refuses the post whose path goes through another post’s file, in either order, and builds the other', () => {
    for (const order of [0, 1]) {
      const posts = [post('victim', 'victim/index.html'), post('attacker', 'victim/index.html/index.html')];
      const { kept, problems } = check(order ? posts.reverse() : posts);
      expect(kept).toEqual(['victim']);
      expect(problems).toEqual(['error attacker: its URL /victim/index.html/ would make a folder of victim/index.html, the page of victim; the post is not built']);
    }
    expect(check([post('page', 'report.html'), post('inside', 'report.html/figure/index.html')]).kept).toEqual(['page']);
  });

  it('refuses a folder named like the pages and feeds the site writes in folders, even where nothing is there yet', () => {
    expect(check([post('x', 'tags/x/index.html/index.html')]).problems).toEqual([expect.stringContaining('would make a folder named index.html, where the page or feed of /tags/x/ goes')]);
    expect(check([post('f', 'tags/x/feed.json/page.html')]).kept).toEqual([]);
  });

  it("refuses posts on or through the site's own files and in its own folders; a public file at a post's path is the public file's loss", () => {
    const { kept, problems } = check([
      post('search', 'search/index.html'),
      post('notfound', '404.html'),
      post('sitemap', 'sitemap.xml/index.html'),
      post('data', 'search/data/t/index.html'),
      post('css', 'assets/gazette.css/index.html'),
      post('about', 'about.html'),
    ]);
    expect(kept).toEqual(['about']);
    expect(problems).toEqual([
      "error search: its URL /search/ is the search page's; the post is not built",
      "error notfound: its URL /404.html is the 404 page's; the post is not built",
      'error sitemap: its URL /sitemap.xml/ would make a folder of sitemap.xml, the sitemap; the post is not built',
      'error data: its URL /search/data/t/ is inside search/data/, which the site fills itself; the post is not built',
      'error css: its URL /assets/gazette.css/ would make a folder of assets/gazette.css, a file of the public folder; the post is not built',
    ]);
  });

  it('refuses a path longer than the output folder can hold', () => {
    const { kept, problems } = check([post('long', `${'a'.repeat(200)}/index.html`), post('short', 'b/index.html')], { ...plan, maxPathBytes: 100 });
    expect(kept).toEqual(['short']);
    expect(problems).toEqual(['error long: its output path is 211 bytes long: the output folder can hold paths of up to 100 bytes']);
  });

  it('takes a folder that differs from another post’s file by case alone as that file where the file system ignores case', () => {
    expect(check([post('file', 'A.html'), post('through', 'a.html/index.html')], { ...plan, caseInsensitive: true }).kept).toEqual(['file']);
    expect(check([post('file', 'A.html'), post('through', 'a.html/index.html')]).kept).toEqual(['file', 'through']);
  });
});

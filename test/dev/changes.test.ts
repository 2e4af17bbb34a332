import { describe, expect, it } from 'vitest';
import { collectChanges, isBodyEdit, planUpdate, type FileEvent, type ProjectPaths } from '../../src/dev/changes.js';
import type { Post } from '../../src/types.js';

const paths: ProjectPaths = {
  postsDir: '/p/posts',
  templatesDir: '/p/templates',
  publicDir: '/p/public',
  configFile: '/p/gazette.config.yml',
  outDir: '/p/posts/_site',
  cacheDir: '/p/.cache/gazette',
};
const plan = (...events: FileEvent[]) => planUpdate(collectChanges(events, paths));
const ev = (kind: FileEvent['kind'], path: string): FileEvent => ({ kind, path });

describe('collectChanges and planUpdate', () => {
  it('take an edited post as a posts update, an editor’s atomic save (unlink, add) included', () => {
    expect(plan(ev('change', '/p/posts/a.md'))).toEqual({ kind: 'posts', files: ['/p/posts/a.md'] });
    expect(plan(ev('unlink', '/p/posts/a.md'), ev('add', '/p/posts/a.md'))).toEqual({ kind: 'posts', files: ['/p/posts/a.md'] });
  });

  it('rebuild when posts appear or disappear: added, deleted, renamed, a folder of them', () => {
    expect(plan(ev('add', '/p/posts/b.md')).kind).toBe('build');
    expect(plan(ev('unlink', '/p/posts/b.md')).kind).toBe('build');
    expect(plan(ev('unlink', '/p/posts/b.md'), ev('add', '/p/posts/c.md')).kind).toBe('build');
    expect(plan(ev('unlinkDir', '/p/posts/2019')).kind).toBe('build');
  });

  it('ignore what comes and goes within a burst, the output, the cache, hidden files and other files', () => {
    expect(plan(ev('add', '/p/posts/tmp.md'), ev('unlink', '/p/posts/tmp.md'))).toEqual({ kind: 'nothing' });
    expect(plan(ev('change', '/p/posts/_site/index.html'), ev('add', '/p/.cache/gazette/state/x.json'))).toEqual({ kind: 'nothing' });
    expect(plan(ev('change', '/p/posts/.a.md.swp'), ev('change', '/p/posts/.git/index'), ev('change', '/p/posts/notes.txt'))).toEqual({ kind: 'nothing' });
  });

  it("take the files of Jekyll's markdown_ext as posts: its default list, or the config's", () => {
    expect(plan(ev('change', '/p/posts/a.mkd'), ev('change', '/p/posts/b.MKDN'), ev('change', '/p/posts/c.mkdown'))).toEqual({ kind: 'posts', files: ['/p/posts/a.mkd', '/p/posts/b.MKDN', '/p/posts/c.mkdown'] });
    expect(plan(ev('change', '/p/posts/a.mdown'))).toEqual({ kind: 'nothing' });
    const own = { ...paths, markdownExt: ['mdown', 'txt'] };
    expect(planUpdate(collectChanges([ev('change', '/p/posts/a.mdown'), ev('change', '/p/posts/b.txt'), ev('change', '/p/posts/c.md')], own))).toEqual({ kind: 'posts', files: ['/p/posts/a.mdown', '/p/posts/b.txt'] });
    expect(planUpdate(collectChanges([ev('change', '/p/posts/c.html')], own))).toEqual({ kind: 'posts', files: ['/p/posts/c.html'] });
  });

  it('reconfigure on a config change, rebuild on a template change, copy on a public file change', () => {
    expect(plan(ev('change', '/p/gazette.config.yml'), ev('change', '/p/posts/a.md')).kind).toBe('config');
    expect(plan(ev('change', '/p/templates/partials/post-list.njk')).kind).toBe('build');
    expect(plan(ev('change', '/p/public/assets/site.css'), ev('add', '/p/public/logo.png'))).toEqual({ kind: 'public', files: ['/p/public/assets/site.css', '/p/public/logo.png'] });
    expect(plan(ev('unlinkDir', '/p/public/assets')).kind).toBe('build');
  });

  it('rebuild when a symbolic link takes the place of a post or of a folder of posts (whose files get no events), and let the quick update see a public one', () => {
    expect(plan(ev('link', '/p/posts/2019')).kind).toBe('build');
    expect(plan(ev('link', '/p/posts/a.md')).kind).toBe('build');
    expect(plan(ev('unlink', '/p/posts/a.md'), ev('link', '/p/posts/a.md')).kind).toBe('build');
    expect(plan(ev('link', '/p/posts/.hidden')).kind).toBe('nothing');
    expect(plan(ev('link', '/p/public/site.css'))).toEqual({ kind: 'public', files: ['/p/public/site.css'] });
  });

  it('rebuild when several kinds of input change at once (a git checkout)', () => {
    expect(plan(ev('change', '/p/posts/a.md'), ev('change', '/p/public/x.css')).kind).toBe('build');
  });
});

describe('isBodyEdit', () => {
  const post: Post = {
    source: 'posts/a.md', path: '/p/posts/a.md', format: 'markdown', encoding: 'utf-8', hash: 'h1', bodyOffset: 40, bodyLine: 5,
    title: '标题', date: '2024-03-01T10:00:00.000+08:00', time: 1709258400000, slug: 'a', url: '/2024/03/01/a/', outputPath: '2024/03/01/a/index.html',
    tags: ['贸易'], categories: [], from: 'https://www.rfa.org/a.html', layout: 'post', data: {},
  };
  it('is true when only the body (bytes, where it starts) changed', () => {
    expect(isBodyEdit(post, { ...post, hash: 'h2', bodyOffset: 41, bodyLine: 6 })).toBe(true);
  });
  it('is false when anything a list, a neighbour or a link depends on changed', () => {
    for (const change of [{ title: '新' }, { tags: ['人权'] }, { time: 1 }, { url: '/x/' }, { from: 'https://x.org/' }, { data: { extra: 1 } }, { layout: 'page' }]) {
      expect(isBodyEdit(post, { ...post, hash: 'h2', ...change })).toBe(false);
    }
  });
});

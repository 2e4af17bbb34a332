import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report.js';
import { runCli } from '../helpers/run-cli.js';

/** A folder with these files (path → text), made in the temp folder. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-jekyll-site-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const post = (title: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n\nThe article ${title} in full.\n`;

/** A Jekyll news archive as the bots keep them: a config Jekyll's way, posts in _posts and a category folder's _posts, the repository's own files beside them. */
const jekyllRepo = {
  '_config.yml': [
    '# Site settings', // line 1
    'name: 觀點測試', // 2
    'description: 高頻版',
    'paginate: 5',
    'paginate_path: /page:num/', // 5
    'plugins:', // 6
    '  - jekyll-feed',
    '  - jekyll-paginate',
    'kramdown:', // 9
    '  input: GFM',
    'exclude:', // 11
    '  - README*.md',
    '  - Gemfile',
    '  - _posts/2021-03-04-excluded-by-config.md',
    'theme: minima', // 15
    'footer-text: Powered by bots',
    '',
  ].join('\n'),
  '_posts/2021-03-02-first-article.md': post('First article'),
  '_posts/2021-03-03-second-article.md': post('Second article', 'categories: [World]\n'),
  '_posts/2021-03-04-excluded-by-config.md': post('Excluded by config'),
  '_posts/2021-03-05-backup.md~': post('An editor backup'),
  'news/_posts/2021-03-06-in-a-category-folder.md': post('In a category folder'),
  '_layouts/post.html': '<html>{{ content }}</html>\n',
  '_includes/head.html': '<head></head>\n',
  'README.md': '# The archive\n\nScraped every hour.\n',
  'README.en.md': '# The archive (English)\n',
  LICENSE: 'MIT License\n',
  'index.md': '---\nlayout: home\n---\n',
  'about.md': '---\ntitle: About\n---\nAbout us.\n',
  '404.md': '---\npermalink: /404.html\n---\nNot found.\n',
  Gemfile: "source 'https://rubygems.org'\ngem 'jekyll'\n",
};

const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });

describe('gazette build with no flags in a Jekyll repository', () => {
  it('reads its _posts folders and _config.yml as Jekyll does, says so on one line, and keeps the cache out of git', async () => {
    const dir = folder(jekyllRepo);
    git(dir, 'init', '-q');
    const { code, stdout, stderr } = await runCli(['build', '--report', 'report.json'], dir);
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('gazette: Jekyll site: posts from _posts/, news/_posts/, config _config.yml');

    // Jekyll's default permalink style `date`: /:categories/:year/:month/:day/:title.html
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as BuildReport;
    expect(report.posts.map((p) => p.url).sort()).toEqual(['/2021/03/02/first-article.html', '/news/2021/03/06/in-a-category-folder.html', '/world/2021/03/03/second-article.html']);
    expect(existsSync(join(dir, '_site/news/2021/03/06/in-a-category-folder.html'))).toBe(true);
    // Excluded, a backup, the repository's own files: not posts, not errors.
    expect(report.posts.map((p) => p.source).join(' ')).not.toMatch(/excluded|backup|README|LICENSE|index|about|404|Gemfile/);
    expect(existsSync(join(dir, '_site/2021/03/04/excluded-by-config.html'))).toBe(false);
    expect(report.errors).toEqual([]);

    // name: is the title when there is no title:
    expect(readFileSync(join(dir, '_site/index.html'), 'utf8')).toContain('<title>觀點測試');

    // One warning, at its line, for each Jekyll setting gazette does not use; none for the site's own keys.
    const unused = stderr.split('\n').filter((line) => line.includes('is a Jekyll setting gazette does not use'));
    expect(unused.map((line) => line.split(': warning:')[0])).toEqual(['_config.yml:5', '_config.yml:6', '_config.yml:9', '_config.yml:15']);
    expect(unused[1]).toContain("'plugins'");
    expect(stderr).not.toContain('footer-text');
    expect(report.warnings.filter((w) => w.source === '_config.yml')).toHaveLength(4);

    // The cache keeps itself out of the archive's history.
    expect(existsSync(join(dir, '.cache/gazette'))).toBe(true);
    git(dir, 'add', '-A');
    const staged = git(dir, 'diff', '--cached', '--name-only').split('\n').filter(Boolean);
    expect(staged).toContain('_posts/2021-03-02-first-article.md');
    expect(staged.filter((path) => path.startsWith('.cache/'))).toEqual([]);

    // --quiet leaves the line out.
    const quiet = await runCli(['build', '-q'], dir);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toContain('Jekyll site');
  });

  it("uses Jekyll's date style without a config, and a permalink the config names", async () => {
    const bare = folder({ '_posts/2022-01-02-no-config.md': post('No config') });
    const first = await runCli(['build', '--report', 'r.json'], bare);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("gazette: Jekyll site: posts from _posts/, no config (Jekyll's defaults)");
    expect((JSON.parse(readFileSync(join(bare, 'r.json'), 'utf8')) as BuildReport).posts.map((p) => p.url)).toEqual(['/2022/01/02/no-config.html']);

    const named = folder({ '_config.yml': 'title: Named\npermalink: /:year-:month-:day/:title/\n', '_posts/2022-01-02-with-config.md': post('With config') });
    expect((await runCli(['build', '--report', 'r.json'], named)).code).toBe(0);
    const report = JSON.parse(readFileSync(join(named, 'r.json'), 'utf8')) as BuildReport;
    expect(report.posts.map((p) => p.url)).toEqual(['/2022-01-02/with-config/']);
    expect(report.warnings).toEqual([]);
  });

  it('reads a Jekyll site named by --posts the same way, its _config.yml included', async () => {
    const dir = folder({ 'site/_config.yml': 'name: Named by flag\n', 'site/_posts/2022-01-02-by-flag.md': post('By flag') });
    const { code, stdout } = await runCli(['build', '--posts', 'site', '--out', 'out', '--report', 'r.json'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('gazette: Jekyll site: posts from site/_posts/, config site/_config.yml');
    expect((JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as BuildReport).posts.map((p) => p.url)).toEqual(['/2022/01/02/by-flag.html']);
    expect(readFileSync(join(dir, 'out/index.html'), 'utf8')).toContain('<title>Named by flag');
  });

  it("keeps gazette's own layout when there is a posts/ folder", async () => {
    const dir = folder({ 'posts/2022-01-02-own-layout.md': post('Own layout'), '_posts/2022-01-03-ignored.md': post('Ignored') });
    const result = await runCli(['build', '--report', 'r.json'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('Jekyll site');
    expect((JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as BuildReport).posts.map((p) => p.url)).toEqual(['/2022/01/02/own-layout/']);
  });
});

describe('nothing to build', () => {
  it('exits 2 with a clear message in a folder with no posts/, no _posts and no dated file', async () => {
    const dir = folder({ 'README.md': '# Notes\n', LICENSE: 'MIT\n', 'index.md': '---\ntitle: Home\n---\n', 'about.html': '<p>About</p>\n' });
    const { code, stderr, stdout } = await runCli(['build'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('gazette: no posts to build here: there is no posts/ folder, no Jekyll _posts folder and no file with a date in its name');
    // The duty-machine archives' articles/ have no dates in their names: the message points at the option that reads them.
    expect(stderr).toContain('add --bare-articles for articles without front matter');
    expect(stdout).toBe('');
    expect(existsSync(join(dir, '_site'))).toBe(false);
  });

  it('names the folder of dated files, and exits 2', async () => {
    const dir = folder({ 'README.md': '# Notes\n', 'articles/2020-07-02-an-article.md': post('An article') });
    const { code, stderr } = await runCli(['build'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('files with dated names are in articles (pass --posts with their folder)');
  });

  it('exits 2 for an empty posts/ folder', async () => {
    const dir = folder({ 'posts/.gitkeep': '', 'posts/images/logo.png': 'png' });
    const { code, stderr } = await runCli(['build'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('gazette: no posts to build: the posts folder posts holds no .md, .markdown or .html file');
  });
});

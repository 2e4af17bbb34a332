import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { DevSession } from '../../src/dev/session.js';
import { buildOptions, cacheDir, codeId } from '../../src/options.js';
import { root } from '../helpers/paths.js';
import { differences } from '../helpers/site-files.js';

/**
 * `gazette dev` and posts that share a URL: whether a post is a copy of another depends on
 * its body, so a body edit to one of them is not a quick update (which keeps every URL and
 * list as they are) but a rebuild, and the output is a clean build's.
 */
const post = (title: string, body: string) =>
  `---\ntitle: "${title}"\ndate: 2024-03-01 10:00:00 +0800\nfrom: https://news.example.org/a\npermalink: /2024/shared/\n---\n<p>${body}</p>\n<p>A second paragraph, outside the excerpt.</p>\n`;

describe('gazette dev with posts that share a URL', () => {
  it.each([{ cache: true }, { cache: false }])('rebuilds on a body edit that makes copies different articles, and back (cache: $cache)', async ({ cache }) => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-dev-shared-'));
    mkdirSync(join(dir, 'posts'));
    cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
    writeFileSync(join(dir, 'gazette.config.yml'), 'title: Test\nurl: https://archive.example.org\n');
    const a = join(dir, 'posts', 'copy-a.md');
    const b = join(dir, 'posts', 'copy-b.md');
    writeFileSync(a, post('Copy A', 'The same article.'));
    writeFileSync(b, post('Copy B', 'The same article.'));
    const configure = () => buildOptions(dir, { posts: 'posts', out: '_site', threads: '0', cache }, codeId(), 'test secret');
    const session = new DevSession(configure, { ...configure(), configFile: join(dir, 'gazette.config.yml'), cacheDir: cacheDir(dir) });
    const matchesCleanBuild = async () => {
      const clean = join(dir, 'clean');
      rmSync(clean, { recursive: true, force: true });
      await buildSite({ ...configure(), outDir: clean, cache: undefined }, undefined);
      expect(differences(join(dir, '_site'), clean)).toEqual([]);
    };
    const first = await session.start();
    expect(first.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^duplicate of posts\/copy-b\.md/)]);
    expect(readFileSync(join(dir, '_site/2024/shared/index.html'), 'utf8')).toContain('Copy B');

    for (const [file, body, pages] of [
      [b, 'An edited article.', ['Copy A', 'Copy B']],
      [b, 'The same article.', ['Copy B']],
      [a, 'Another edit.', ['Copy A', 'Copy B']],
    ] as const) {
      writeFileSync(file, readFileSync(file, 'utf8').replace(/<p>[^<]*<\/p>/, `<p>${body}</p>`));
      const update = await session.update([{ kind: 'change', path: file }]);
      expect(update.quick).toBe(false);
      expect(update.built).toBe(true);
      await matchesCleanBuild();
      const titles = [join(dir, '_site/2024/shared/index.html'), join(dir, '_site/2024/shared-2/index.html')].flatMap((page) => {
        try {
          return [/<h1 class="post-title">([^<]*)</.exec(readFileSync(page, 'utf8'))![1]];
        } catch {
          return [];
        }
      });
      expect(titles).toEqual(pages);
    }
    await session.close();
  }, 120_000);
});

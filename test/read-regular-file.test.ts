import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defaultSiteConfig } from '../src/config.js';
import { loadPosts } from '../src/load/load-posts.js';
import { readBody } from '../src/transform/read-body.js';
import { OutputWriter } from '../src/write/output-writer.js';

/**
 * The build reads each post and public file after listing its folder (which skips symbolic
 * links); a file swapped for a link in between (a `git pull` during a long build) must not be
 * read through the link either: its target is never loaded, transformed or copied.
 */

/** Text of a file elsewhere on the machine: it must reach no result. */
const secret = 'SECRET-OUTSIDE-THE-ARCHIVE-51c9';

/** What runs between the posts folder's listing and the reads (the swap). */
const afterListing = vi.hoisted(() => ({ run: () => {} }));
vi.mock('../src/load/find-posts.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/load/find-posts.js')>();
  return {
    ...actual,
    findPosts: async (...args: Parameters<typeof actual.findPosts>) => {
      const found = await actual.findPosts(...args);
      afterListing.run();
      return found;
    },
  };
});

const post = (body: string) => `---\ntitle: A note\ndate: 2024-01-01 12:00:00 +0800\n---\n${body}\n`;

function folders(): { posts: string; outside: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-swap-'));
  mkdirSync(join(dir, 'posts'));
  mkdirSync(join(dir, 'outside'));
  return { dir, posts: join(dir, 'posts'), outside: join(dir, 'outside') };
}

/** Replaces `path` by a link to `target` in one rename, as `ln -sf target x.tmp && mv -f x.tmp path` does. */
function swapForLink(path: string, target: string): void {
  symlinkSync(target, `${path}.tmp-link`);
  renameSync(`${path}.tmp-link`, path);
}

const context = { config: defaultSiteConfig, layoutExists: () => true, now: Date.now() };

describe('a file swapped for a symbolic link after its folder was listed', () => {
  it('is not loaded as a post: the build warns about the link, as the listing would have', async () => {
    const { dir, posts, outside } = folders();
    writeFileSync(join(posts, '2024-01-01-note.md'), post('An ordinary note.'));
    writeFileSync(join(outside, 'secret.md'), post(secret));
    afterListing.run = () => swapForLink(join(posts, '2024-01-01-note.md'), join(outside, 'secret.md'));
    try {
      const archive = await loadPosts(posts, join(dir, '_site'), dir, context);
      expect(archive.posts).toEqual([]);
      expect(JSON.stringify(archive)).not.toContain(secret);
      expect(archive.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', source: 'posts/2024-01-01-note.md', message: 'symbolic link not followed' })]);
    } finally {
      afterListing.run = () => {};
    }
  });

  it('is not read at transform time, even when its target holds the very same bytes', async () => {
    const { dir, posts, outside } = folders();
    const text = post('An ordinary note.');
    writeFileSync(join(posts, '2024-01-01-note.md'), text);
    const [loaded] = (await loadPosts(posts, join(dir, '_site'), dir, context)).posts;
    writeFileSync(join(outside, 'copy.md'), text);
    swapForLink(join(posts, '2024-01-01-note.md'), join(outside, 'copy.md'));
    await expect(readBody(loaded!)).rejects.toThrow(/the file changed during the build: it is a symbolic link now/);
  });

  it('is not copied as a public file, and the output folder gets nothing in its place', async () => {
    const { dir, outside } = folders();
    mkdirSync(join(dir, 'public'));
    writeFileSync(join(dir, 'public/style.css'), 'body { color: black; }');
    writeFileSync(join(outside, 'secret.css'), `/* ${secret} */`);
    swapForLink(join(dir, 'public/style.css'), join(outside, 'secret.css'));
    const writer = await OutputWriter.open(join(dir, '_site'));
    const copied = await writer.copyPublicFile(join(dir, 'public/style.css'), 'style.css');
    writer.write('index.html', '<!doctype html><title>home</title>', 'page');
    await writer.commit();
    expect(existsSync(join(dir, '_site/style.css'))).toBe(false);
    expect(readFileSync(join(dir, '_site/index.html'), 'utf8')).not.toContain(secret);
    expect(copied).toBe(false);
  });
});

import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDev, type DevProcess } from '../helpers/dev.js';
import { root } from '../helpers/paths.js';
import { listFiles } from '../helpers/site-files.js';

/**
 * `gazette dev` against a hostile checkout. A `git pull` may swap a post, a folder of posts or
 * a public file for a symbolic link to a file elsewhere on the machine: nothing of that file
 * may reach the output folder (which the user deploys), and the dev output names the link,
 * as `gazette build` does.
 */

/** Text of the files elsewhere on the machine: it must appear in no file of the site. */
const secret = 'SECRET-OUTSIDE-THE-ARCHIVE-7f3a';

const note = 'posts/2021-11-05-hk-court-online-media-ruling.md';

function project(): { dir: string; outside: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-dev-hostile-'));
  cpSync(join(root, 'posts'), join(dir, 'posts'), { recursive: true });
  cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
  mkdirSync(join(dir, 'public'));
  writeFileSync(join(dir, 'public/style.css'), 'body { color: black; }\n');
  writeFileSync(join(dir, 'gazette.config.yml'), 'title: Dev hostile\ntimezone: Asia/Shanghai\n');
  const outside = mkdtempSync(join(tmpdir(), 'gazette-dev-outside-'));
  return { dir, outside };
}

/** A post's text with its body replaced by the secret: front matter as it was, so only the body "changed". */
function secretVersionOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  const end = text.indexOf('\n---', 4) + 4;
  return `${text.slice(0, end)}\n<p>${secret}: the password is hunter2.</p>\n`;
}

/** Replaces `path` by a link to `target` in one rename, as `ln -sf target x.tmp && mv -f x.tmp path` (or a git checkout) does. */
function swapForLink(path: string, target: string): void {
  const temporary = `${path}.tmp-link`;
  symlinkSync(target, temporary);
  renameSync(temporary, path);
}

/** The site files (regular files; links are never deployed as content) that contain the secret. */
function leaks(dir: string): string[] {
  const out = join(dir, '_site');
  return listFiles(out).filter((file) => readFileSync(join(out, file), 'utf8').includes(secret));
}

/** Waits for the update that follows a change, then until the output has been quiet for a while (a change may make two bursts). */
async function settle(dev: DevProcess, from: number): Promise<string> {
  await dev.waitFor(/(updated \(\w+\)|rebuilt) in \d+ ms/, from);
  for (let length = -1; length !== dev.output().length; ) {
    length = dev.output().length;
    await new Promise((resolve) => setTimeout(resolve, 600));
  }
  return dev.output().slice(from);
}

describe('gazette dev on a checkout that swaps files for symbolic links', () => {
  it('never publishes the target of a post swapped for a link (ln -sf … && mv -f), and names the link', async () => {
    const { dir, outside } = project();
    writeFileSync(join(outside, 'secret.md'), secretVersionOf(join(dir, note)));
    const dev = await startDev(dir);
    try {
      const from = dev.output().length;
      swapForLink(join(dir, note), join(outside, 'secret.md'));
      const printed = await settle(dev, from);
      expect(leaks(dir)).toEqual([]);
      expect(printed).toContain(`${note}: warning: symbolic link not followed`);
      // The post is gone from the site, as a build leaves it out.
      expect(listFiles(join(dir, '_site')).some((file) => file.startsWith('2021/11/05/'))).toBe(false);
    } finally {
      await dev.stop();
    }
  }, 60_000);

  it('never publishes a post read through a folder of posts swapped for a link to a folder elsewhere', async () => {
    const { dir, outside } = project();
    const name = '2024-02-01-local-report.md';
    mkdirSync(join(dir, 'posts/local'));
    writeFileSync(join(dir, 'posts/local', name), '---\ntitle: Local report\ndate: 2024-02-01 10:00:00 +0800\n---\n<p>An ordinary report.</p>\n');
    // Elsewhere: a folder with a file of the same name, whose front matter is the post's.
    mkdirSync(join(outside, 'private'));
    writeFileSync(join(outside, 'private', name), secretVersionOf(join(dir, 'posts/local', name)));
    const dev = await startDev(dir);
    try {
      const from = dev.output().length;
      renameSync(join(dir, 'posts/local'), join(outside, 'moved-away'));
      symlinkSync(join(outside, 'private'), join(dir, 'posts/local'));
      // Later, the file elsewhere is edited by its owner.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      writeFileSync(join(outside, 'private', name), `${readFileSync(join(outside, 'private', name), 'utf8')}<p>${secret}, edited.</p>\n`);
      const printed = await settle(dev, from);
      expect(leaks(dir)).toEqual([]);
      expect(printed).toContain('posts/local: warning: symbolic link not followed');
    } finally {
      await dev.stop();
    }
  }, 60_000);

  it('never copies the target of a public file swapped for a link, and removes the file it replaced', async () => {
    const { dir, outside } = project();
    writeFileSync(join(outside, 'secret.css'), `/* ${secret} */\n`);
    // The public folder itself is a link (kept elsewhere: the user's choice, followed as the build follows it).
    renameSync(join(dir, 'public'), join(outside, 'public-kept-here'));
    symlinkSync(join(outside, 'public-kept-here'), join(dir, 'public'));
    const dev = await startDev(dir);
    try {
      expect(listFiles(join(dir, '_site'))).toContain('style.css');
      const from = dev.output().length;
      swapForLink(join(dir, 'public/style.css'), join(outside, 'secret.css'));
      const printed = await settle(dev, from);
      expect(leaks(dir)).toEqual([]);
      expect(printed).toContain('public/style.css: warning: symbolic link not followed');
      // As a build leaves it: no style.css (the build copies no link).
      expect(listFiles(join(dir, '_site'))).not.toContain('style.css');
    } finally {
      await dev.stop();
    }
  }, 60_000);
});

import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevProcess } from '../helpers/dev.js';
import { root } from '../helpers/paths.js';
import { listFiles } from '../helpers/site-files.js';

/**
 * `gazette dev` against a hostile checkout and a hostile web page. A `git pull` may swap a
 * post, a folder of posts or a public file for a symbolic link to a file elsewhere on the
 * machine: nothing of that file may reach the output folder (which the user deploys), and
 * the dev output names the link, as `gazette build` does. A web page on another site whose
 * DNS name is rebound to 127.0.0.1 must not read the dev server (pages, the event stream
 * with its paths and error messages), and no request makes the server redirect off the site.
 */

/** Text of the files elsewhere on the machine: it must appear in no file of the site. */
const secret = 'SECRET-OUTSIDE-THE-ARCHIVE-7f3a';

const note = 'posts/2021-11-05-hk-court-online-media-ruling.md';

function project(): { dir: string; outside: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-dev-hostile-'));
  cpSync(join(root, 'posts'), join(dir, 'posts'), { recursive: true });
  cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
  mkdirSync(join(dir, 'public/evil.example'), { recursive: true });
  writeFileSync(join(dir, 'public/style.css'), 'body { color: black; }\n');
  // A folder named like a host, as an archive of a site's pages may hold.
  writeFileSync(join(dir, 'public/evil.example/index.html'), '<!doctype html><title>kept page</title>\n');
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

/** A raw HTTP GET (node:http, so the Host header and the path are sent as given, not cleaned). */
function get(url: string, path: string, host?: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers: host === undefined ? {} : { host } }, (response) => {
      // The event stream never ends: its status and first bytes are enough.
      const stream = response.headers['content-type'] === 'text/event-stream';
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
        if (stream) req.destroy();
      });
      const done = () => resolve({ status: response.statusCode!, headers: response.headers, body });
      response.on('end', done);
      response.on('close', done);
    });
    req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
    req.end();
  });
}

describe('the gazette dev server and other sites', () => {
  let dev: DevProcess;
  let dir: string;
  let outside: string;

  beforeAll(async () => {
    ({ dir, outside } = project());
    dev = await startDev(dir);
    // A broken post: the event stream now carries a path and an error message.
    writeFileSync(join(dir, note), readFileSync(join(dir, note), 'utf8').replace(/^title: .*$/m, 'title: [unclosed'));
    await dev.waitFor(/invalid YAML/);
  }, 60_000);

  afterAll(async () => {
    await dev?.stop();
  });

  it('serves loopback names, IP addresses and its --host, and answers any other name (a rebound DNS name) with 403, on every path', async () => {
    const port = new URL(dev.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'LocalHost', `news.localhost:${port}`, `[::1]:${port}`, '192.168.1.20:4000']) {
      expect([host, (await get(dev.url, '/', host)).status]).toEqual([host, 200]);
    }
    expect((await get(dev.url, '/__gazette/events', `localhost:${port}`)).body).toContain('invalid YAML');
    for (const host of ['evil.example', 'evil.example:80', `127.0.0.1.evil.example:${port}`, 'localhost.evil.example', 'localhost.']) {
      for (const path of ['/', '/404.html', '/__gazette/client.js', '/__gazette/events']) {
        const response = await get(dev.url, path, host);
        expect([host, path, response.status]).toEqual([host, path, 403]);
        expect(response.body).not.toContain('invalid YAML');
        expect(response.body).not.toContain('hk-court');
        expect(response.body).toContain('--host');
      }
    }
  });

  it('never redirects off the site, whatever the path (a folder named like a host)', async () => {
    const origin = new URL(dev.url).origin;
    expect((await get(dev.url, '/evil.example/')).body).toContain('kept page');
    const paths = ['/evil.example', '//evil.example', '///evil.example', '/\\evil.example', '/\\/evil.example', '/%2F%2Fevil.example', '/%5Cevil.example', '/%2F%5Cevil.example', '/./evil.example', '/x/../evil.example', '//evil.example?next=1'];
    for (const path of paths) {
      const response = await get(dev.url, path);
      expect([path, response.status]).toEqual([path, 301]);
      const location = response.headers.location!;
      // One slash, then a part of this site's path: never `//host` or `/\host`, which browsers take as another site.
      expect([path, location]).toEqual([path, expect.stringMatching(/^\/evil\.example\/(\?next=1)?$/)]);
      expect(new URL(location, origin).origin).toBe(origin);
    }
  });

  it('serves no symbolic link found in the output folder', async () => {
    writeFileSync(join(outside, 'secret.txt'), secret);
    mkdirSync(join(outside, 'folder'));
    writeFileSync(join(outside, 'folder/index.html'), secret);
    symlinkSync(join(outside, 'secret.txt'), join(dir, '_site/leak.txt'));
    symlinkSync(join(outside, 'folder'), join(dir, '_site/leak'));
    symlinkSync(join(outside, 'secret.txt'), join(dir, '_site/story.html'));
    // (`/story` is `story.html`, as for an extensionless permalink: a link there is not served either.)
    for (const path of ['/leak.txt', '/leak/', '/leak/index.html', '/leak', '/story', '/story.html']) {
      const response = await get(dev.url, path);
      expect([path, response.status]).toEqual([path, 404]);
      expect(response.body).not.toContain(secret);
    }
  });
});

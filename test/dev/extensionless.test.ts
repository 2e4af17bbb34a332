import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/dev/server.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * Extensionless permalinks (`/:year/:month/:day/:title`, no extension, no trailing slash):
 * the page is written as `title.html` and linked as `…/title`, which GitHub Pages serves, and
 * so does the dev server: the file of that name, else that name with `.html`, else a folder
 * of that name is redirected to its trailing slash.
 */
describe('the dev server and extensionless URLs', () => {
  let server: DevServer;
  let site: string;
  const get = (path: string) => fetch(new URL(path, server.url), { redirect: 'manual' });

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-extensionless-'));
    mkdirSync(join(dir, 'posts'));
    writeFileSync(join(dir, 'posts', '2021-01-20-Navalny video.md'), '---\ntitle: Navalny video\n---\nThe video report.\n');
    writeFileSync(join(dir, 'posts', '2021-01-20-notes.md'), '---\ntitle: Notes\npermalink: /2021/01/20/notes/\n---\nA folder page.\n');
    writeFileSync(join(dir, 'gazette.config.yml'), 'title: Extensionless\npermalink: /:year/:month/:day/:title\n');
    const built = await runCli(['build', '-q'], dir);
    expect(built.code, built.stderr).toBe(0);
    site = join(dir, '_site');
    server = await startDevServer({ outDir: site, basePath: () => '/', host: '127.0.0.1', port: 0, problems: () => [] });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('serves /x from x.html, and x.html as itself', async () => {
    for (const path of ['/2021/01/20/Navalny-video', '/2021/01/20/Navalny-video.html']) {
      const response = await get(path);
      expect([path, response.status, response.headers.get('content-type')]).toEqual([path, 200, 'text/html; charset=utf-8']);
      expect(await response.text()).toContain('The video report.');
    }
  });

  it('links the page without its extension', async () => {
    expect(await (await get('/')).text()).toContain('href="2021/01/20/Navalny-video"');
  });

  it('redirects a folder named without its slash, and answers 404 for a file named with one', async () => {
    const folder = await get('/2021/01/20/notes');
    expect([folder.status, folder.headers.get('location')]).toEqual([301, '/2021/01/20/notes/']);
    expect((await get('/2021/01/20/Navalny-video/')).status).toBe(404);
    expect((await get('/2021/01/20/nothing')).status).toBe(404);
  });

  it('prefers the file of the name itself, then the name with .html, to a folder of that name', async () => {
    mkdirSync(join(site, '2021/01/20/Navalny-video'));
    writeFileSync(join(site, '2021/01/20/Navalny-video/index.html'), 'the folder');
    expect(await (await get('/2021/01/20/Navalny-video')).text()).toContain('The video report.');
    writeFileSync(join(site, 'feed'), 'a file without extension');
    writeFileSync(join(site, 'feed.html'), 'not this one');
    expect(await (await get('/feed')).text()).toBe('a file without extension');
  });
});

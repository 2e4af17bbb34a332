import { existsSync, readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
// The content types a static host sends: the dev server's table.
import { contentType } from '../../src/dev/server.js';
/**
 * Browser tests: Debian's Chromium driven by playwright-core (no browser download), and a
 * small static server for a built site.
 */
/** Where the tests look for Chromium; CHROMIUM_PATH overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Whether the browser tests run: always in CI (which installs Chromium, so a missing one
 * fails loudly); elsewhere only where Chromium is installed, so that `npm test` passes on
 * a fresh machine (a note says the browser tests were skipped and how to run them).
 */
export const runBrowserTests = process.env.CI === 'true' || existsSync(chromiumPath);
if (!runBrowserTests) {
    console.warn(`browser tests skipped: no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
}
/** Starts headless Chromium, or fails saying how to install it. */
export async function launchChromium() {
    if (!existsSync(chromiumPath)) {
        throw new Error(`Chromium is not installed at ${chromiumPath}, and the browser tests need it. ` +
            'Install it with `apt-get install -y chromium` (CI installs it), or set CHROMIUM_PATH to a Chromium or Chrome binary.');
    }
    return chromium.launch({
        executablePath: chromiumPath,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
}
/**
 * Serves `dir` on 127.0.0.1 at a random port as a plain static host does: `/a/` is
 * `a/index.html`, `/a` redirects to `/a/` when `a` is a folder, paths are percent-decoded,
 * nothing outside the folder is served. Adds no headers of its own that would change what
 * a page may do (no CSP header: the page's meta tag is what is tested).
 */
export async function serveFolder(dir) {
    const rootDir = resolve(dir);
    const notFound = [];
    const server = createServer((req, res) => {
        void (async () => {
            const url = new URL(req.url ?? '/', 'http://127.0.0.1');
            let path;
            try {
                path = decodeURIComponent(url.pathname);
            }
            catch {
                res.writeHead(400).end();
                return;
            }
            let file = resolve(rootDir, `.${path}`);
            if (path.includes('\0') || (file !== rootDir && !file.startsWith(rootDir + sep))) {
                res.writeHead(403).end();
                return;
            }
            let info = await stat(file).catch(() => undefined);
            if (info?.isDirectory()) {
                if (!url.pathname.endsWith('/')) {
                    res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
                    return;
                }
                file = join(file, 'index.html');
                info = await stat(file).catch(() => undefined);
            }
            if (!info?.isFile()) {
                notFound.push(path);
                res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
                return;
            }
            const body = await readFile(file);
            res.writeHead(200, { 'content-type': contentType(file), 'content-length': body.length, 'cache-control': 'no-store' });
            res.end(req.method === 'HEAD' ? undefined : body);
        })().catch(() => {
            if (!res.headersSent)
                res.writeHead(500);
            res.end();
        });
    });
    await new Promise((done, fail) => {
        server.once('error', fail);
        server.listen(0, '127.0.0.1', () => done());
    });
    const { port } = server.address();
    return {
        origin: `http://127.0.0.1:${port}`,
        notFound,
        close: () => new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
        }),
    };
}
/** Every HTML page under `dir` as the URL path a static host serves it at (`a/index.html` → `/a/`), percent-encoded, sorted. */
export function htmlPages(dir) {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && /\.html?$/i.test(e.name))
        .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep))
        .map((segments) => `/${segments.map(encodeURIComponent).join('/')}`.replace(/(^|\/)index\.html$/, '$1'))
        .sort();
}
//# sourceMappingURL=browser.js.map
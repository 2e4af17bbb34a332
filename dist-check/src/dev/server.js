import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { devClientScript } from './client.js';
/**
 * The dev server: serves the output folder under the site's base path, and tells open pages
 * to reload (or to show the build's errors) with server-sent events. The reload script is
 * added to HTML as it is served, never written into the built files; it is a same-origin
 * script, which the pages' Content-Security-Policy (`script-src 'self'`) allows.
 */
/** Where the dev server's own endpoints live (outside any site path gazette makes). */
export const devPrefix = '/__gazette/';
const types = {
    '.html': 'text/html; charset=utf-8',
    '.htm': 'text/html; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.xml': 'application/xml; charset=utf-8',
    '.txt': 'text/plain; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.jpeg': 'image/jpeg',
    '.gif': 'image/gif',
    '.webp': 'image/webp',
    '.avif': 'image/avif',
    '.ico': 'image/x-icon',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
};
/** The content type a static host would send for `file`. */
export function contentType(file) {
    return types[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
/** The script tag the server adds to every HTML page it serves. */
const scriptTag = `<script src="${devPrefix}client.js"></script>`;
/** Adds the dev client to a page: before `</body>`, or at the end. */
export function injectClient(html) {
    const at = html.lastIndexOf('</body>');
    return at === -1 ? html + scriptTag : html.slice(0, at) + scriptTag + html.slice(at);
}
/**
 * The file of the output folder a request path names, or undefined when it is outside the
 * base path or would leave the output folder. Folders serve their `index.html`.
 */
export function fileFor(outDir, basePath, requestPath) {
    let path;
    try {
        path = decodeURIComponent(requestPath.split('?')[0]);
    }
    catch {
        return undefined;
    }
    const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
    if (!(path + '/').startsWith(base))
        return undefined;
    const inside = normalize(path.slice(base.length)).replace(/^(\.\.(\/|\\|$))+/, '');
    const file = join(outDir, inside);
    if (file !== outDir && !file.startsWith(outDir + sep))
        return undefined;
    return path.endsWith('/') || inside === '.' || inside === '' ? join(file, 'index.html') : file;
}
export async function startDevServer(options) {
    const clients = new Set();
    const send = (event, data) => {
        for (const client of clients)
            client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    const serveFile = async (request, response) => {
        const base = options.basePath();
        let file = fileFor(options.outDir, base, request.url ?? '/');
        if (file !== undefined && (await stat(file).catch(() => undefined))?.isDirectory()) {
            // A folder without the trailing slash: relative links need it.
            response.writeHead(301, { location: `${request.url}/` }).end();
            return;
        }
        let status = 200;
        let body = file === undefined ? undefined : await readFile(file).catch(() => undefined);
        if (file === undefined || body === undefined) {
            status = 404;
            file = join(options.outDir, '404.html');
            body = await readFile(file).catch(() => Buffer.from('<!doctype html><title>Not found</title><h1>Not found</h1>'));
        }
        const type = contentType(file);
        const contents = type.startsWith('text/html') ? injectClient(body.toString('utf8')) : body;
        response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(contents);
    };
    const server = createServer((request, response) => {
        const path = (request.url ?? '/').split('?')[0];
        const base = options.basePath();
        if (path === `${devPrefix}client.js`) {
            response.writeHead(200, { 'content-type': contentType('client.js'), 'cache-control': 'no-store' }).end(devClientScript);
        }
        else if (path === `${devPrefix}events`) {
            response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
            response.write(`event: problems\ndata: ${JSON.stringify(options.problems())}\n\n`);
            clients.add(response);
            request.on('close', () => clients.delete(response));
        }
        else if (path === '/' && base !== '/') {
            response.writeHead(302, { location: base }).end();
        }
        else {
            serveFile(request, response).catch(() => response.writeHead(500).end());
        }
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => resolve());
    });
    const { port } = server.address();
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    return {
        url: `http://${host}:${port}${options.basePath()}`,
        reload: () => send('reload', {}),
        showProblems: (problems) => send('problems', problems),
        async close() {
            for (const client of clients)
                client.end();
            const closed = new Promise((resolve) => server.close(() => resolve()));
            server.closeAllConnections(); // keep-alive connections would hold the server open
            await closed;
        },
    };
}
//# sourceMappingURL=server.js.map
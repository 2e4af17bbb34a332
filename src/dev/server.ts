import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { lstat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { linkOnPath, readRegularFile } from '../read-regular-file.js';
import type { Problem } from './session.js';
import { devClientScript } from './client.js';
import { isServedHost, refusedHostText } from './served-hosts.js';

/**
 * The dev server: serves the output folder under the site's base path, and tells open pages
 * to reload (or to show the build's errors) with server-sent events. The reload script is
 * added to HTML as it is served, never written into the built files; it is a same-origin
 * script, which the pages' Content-Security-Policy (`script-src 'self'`) allows.
 */

/** Where the dev server's own endpoints live (outside any site path gazette makes). */
export const devPrefix = '/__gazette/';

const types: Record<string, string> = {
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
export function contentType(file: string): string {
  return types[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface DevServer {
  /** The address pages are served at, e.g. `http://127.0.0.1:4000/archive/`. */
  readonly url: string;
  /** Tells open pages to reload. */
  reload(): void;
  /** Shows the errors in open pages (an empty list removes the overlay). */
  showProblems(problems: readonly Problem[]): void;
  close(): Promise<void>;
}

/** The script tag the server adds to every HTML page it serves. */
const scriptTag = `<script src="${devPrefix}client.js"></script>`;

/** Adds the dev client to a page: before `</body>`, or at the end. */
export function injectClient(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + scriptTag : html.slice(0, at) + scriptTag + html.slice(at);
}

/** What a request path names inside the site: its cleaned parts below the base path, and its query. */
export interface SiteTarget {
  /** The path's parts below the base path, decoded, without `.`, `..` or empty parts. */
  readonly parts: readonly string[];
  /** True when the path ends with a slash (or is the base path itself): it names a folder. */
  readonly folder: boolean;
  /** `?…`, or ''. */
  readonly query: string;
}

/**
 * The site path a request names, or undefined when it is outside the base path or cannot be
 * decoded. `..` goes up no further than the base path, as a browser resolves it; a backslash
 * separates parts as a slash does (browsers treat `/\` as `//`; Windows as a folder).
 */
export function siteTarget(basePath: string, requestPath: string): SiteTarget | undefined {
  const at = requestPath.indexOf('?');
  let path: string;
  try {
    path = decodeURIComponent(at === -1 ? requestPath : requestPath.slice(0, at));
  } catch {
    return undefined;
  }
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  if (!(path + '/').startsWith(base) || path.includes('\0')) return undefined;
  const parts: string[] = [];
  for (const part of path.slice(base.length).split(/[\\/]/)) {
    if (part === '..') parts.pop();
    else if (part !== '' && part !== '.') parts.push(part);
  }
  return { parts, folder: parts.length === 0 || /[\\/]$/.test(path), query: at === -1 ? '' : requestPath.slice(at) };
}

/**
 * The path of a folder of the site, for a redirect: made from its parts alone, each one
 * percent-encoded, so it always starts with one slash and stays on this site (never
 * `//other.example/` or `/\other.example/`, which browsers take as another host).
 */
export function folderLocation(basePath: string, parts: readonly string[]): string {
  const all = [...basePath.split('/').filter((part) => part !== ''), ...parts];
  return all.length === 0 ? '/' : `/${all.map(encodeURIComponent).join('/')}/`;
}

/**
 * What the output folder holds at a site path, as GitHub Pages answers it: the regular file to
 * serve (a folder's `index.html` for a path ending in `/`; for a path without, the file of
 * that name, else the file with `.html` added, which an extensionless permalink such as
 * `/:year/:month/:day/:title` is written to), 'folder' for a folder named without its
 * trailing slash (redirected), or undefined. Only what gazette writes there is served:
 * nothing through a symbolic link in the output folder.
 */
async function lookUp(outDir: string, target: SiteTarget): Promise<string | 'folder' | undefined> {
  const path = join(outDir, ...target.parts);
  const info = linkOnPath(outDir, path) === undefined ? await lstat(path).catch(() => undefined) : undefined;
  if (target.folder) {
    const index = join(path, 'index.html');
    return info?.isDirectory() && linkOnPath(outDir, index) === undefined && (await lstat(index).catch(() => undefined))?.isFile() ? index : undefined;
  }
  if (info?.isFile()) return path;
  const html = `${path}.html`;
  if (linkOnPath(outDir, html) === undefined && (await lstat(html).catch(() => undefined))?.isFile()) return html;
  return info?.isDirectory() ? 'folder' : undefined;
}

/** A file of the output folder, read without following a link; undefined when it cannot be. */
async function readServed(file: string): Promise<Buffer | undefined> {
  return (await readRegularFile(file).catch(() => undefined))?.bytes;
}

export async function startDevServer(options: { outDir: string; basePath: () => string; host: string; port: number; problems: () => readonly Problem[] }): Promise<DevServer> {
  const clients = new Set<ServerResponse>();
  const send = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const serveFile = async (request: IncomingMessage, response: ServerResponse) => {
    const base = options.basePath();
    const target = siteTarget(base, request.url ?? '/');
    const found = target && (await lookUp(options.outDir, target));
    if (target && found === 'folder') {
      // A folder without the trailing slash: relative links need it.
      response.writeHead(301, { location: folderLocation(base, target.parts) + target.query }).end();
      return;
    }
    let status = 200;
    let file = found;
    let body = file && (await readServed(file));
    if (file === undefined || body === undefined) {
      status = 404;
      file = join(options.outDir, '404.html');
      body = (await readServed(file)) ?? Buffer.from('<!doctype html><title>Not found</title><h1>Not found</h1>');
    }
    const type = contentType(file);
    const contents = type.startsWith('text/html') ? injectClient(body.toString('utf8')) : body;
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(contents);
  };

  const server: Server = createServer((request, response) => {
    if (!isServedHost(request.headers.host, options.host)) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(refusedHostText(options.host));
      return;
    }
    const path = (request.url ?? '/').split('?')[0]!;
    const base = options.basePath();
    if (path === `${devPrefix}client.js`) {
      response.writeHead(200, { 'content-type': contentType('client.js'), 'cache-control': 'no-store' }).end(devClientScript);
    } else if (path === `${devPrefix}events`) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(`event: problems\ndata: ${JSON.stringify(options.problems())}\n\n`);
      clients.add(response);
      request.on('close', () => clients.delete(response));
    } else if (path === '/' && base !== '/') {
      response.writeHead(302, { location: folderLocation(base, []) }).end();
    } else {
      serveFile(request, response).catch(() => response.writeHead(500).end());
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}${options.basePath()}`,
    reload: () => send('reload', {}),
    showProblems: (problems) => send('problems', problems),
    async close() {
      for (const client of clients) client.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // keep-alive connections would hold the server open
      await closed;
    },
  };
}

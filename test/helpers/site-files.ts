import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

/** Every file under `dir`, as paths relative to it with '/' separators, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** The internal links and asset references of an HTML page: href/src values that are not absolute URLs or fragments. */
export function internalReferences(html: string): string[] {
  const refs: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const value = m[1]!.replace(/&amp;/g, '&');
    if (value === '' || value.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) continue;
    refs.push(value);
  }
  return refs;
}

export function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

/** Texts of the elements a CSS selector picks in an HTML page, whitespace collapsed. */
export function texts(html: string, selector: string): string[] {
  return selectAll(selector, fromHtml(html)).map((node) => toString(node).replace(/\s+/g, ' ').trim());
}

/** The files that differ between two folders: present in one only, or with other bytes. Empty when identical. */
export function differences(a: string, b: string): string[] {
  const inA = listFiles(a);
  const inB = new Set(listFiles(b));
  const differing = inA.filter((f) => !inB.has(f) || !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  const onlyB = [...inB].filter((f) => !inA.includes(f));
  return [...differing, ...onlyB].sort();
}

/**
 * The internal references of every HTML page under `site` that name no file of it, as
 * `page → reference`. A relative reference resolves from its page, a folder to its
 * index.html; one from the domain root (the 404 page's) must start with `basePath` + '/'.
 */
export function brokenReferences(site: string, basePath = ''): string[] {
  const files = new Set(listFiles(site));
  const broken: string[] = [];
  for (const file of [...files].filter((f) => f.endsWith('.html'))) {
    for (const ref of internalReferences(read(site, file))) {
      const path = decodeURIComponent(ref.split(/[?#]/)[0]!);
      if (path.startsWith('/') && !path.startsWith(`${basePath}/`)) {
        broken.push(`${file} → ${ref}`);
        continue;
      }
      let target = path.startsWith('/') ? posix.normalize(path.slice(basePath.length + 1)) : posix.normalize(posix.join(posix.dirname(file), path));
      if (path === '' || path.endsWith('/')) target = posix.join(target, 'index.html');
      if (!files.has(target)) broken.push(`${file} → ${ref}`);
    }
  }
  return broken;
}

import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
/** Every file under `dir`, as paths relative to it with '/' separators, sorted. */
export function listFiles(dir) {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
        .sort();
}
/** The internal links and asset references of an HTML page: href/src values that are not absolute URLs or fragments. */
export function internalReferences(html) {
    const refs = [];
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const value = m[1].replace(/&amp;/g, '&');
        if (value === '' || value.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//'))
            continue;
        refs.push(value);
    }
    return refs;
}
export function read(dir, path) {
    return readFileSync(join(dir, path), 'utf8');
}
/** Texts of the elements a CSS selector picks in an HTML page, whitespace collapsed. */
export function texts(html, selector) {
    return selectAll(selector, fromHtml(html)).map((node) => toString(node).replace(/\s+/g, ' ').trim());
}
/** The files that differ between two folders: present in one only, or with other bytes. Empty when identical. */
export function differences(a, b) {
    const inA = listFiles(a);
    const inB = new Set(listFiles(b));
    const differing = inA.filter((f) => !inB.has(f) || !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
    const onlyB = [...inB].filter((f) => !inA.includes(f));
    return [...differing, ...onlyB].sort();
}
//# sourceMappingURL=site-files.js.map
import { describe, expect, it } from 'vitest';
import { defaultSiteConfig } from '../../src/config.js';
import { splitFrontMatter } from '../../src/load/front-matter.js';
import { join } from 'node:path';
import { loadPost } from '../../src/load/load-post.js';
import { createRenderer } from '../../src/render/environment.js';
import { root } from '../helpers/paths.js';
/**
 * Known traps in gazette's own dependencies (SECURITY.md), one test each: the way
 * gazette uses them must not fall in.
 */
const load = (text, layouts = []) => loadPost({ source: 'posts/2024-01-01-trap.md', path: '/nowhere', format: 'markdown', folderCategories: [] }, Buffer.from(text), {
    config: defaultSiteConfig,
    layoutExists: (name) => layouts.includes(name),
    now: Date.parse('2030-01-01'),
});
const flag = globalThis;
describe("gray-matter's engines", () => {
    it.each(['---js', '---javascript', '--- JavaScript ', '---coffee', '---CoffeeScript', '---constructor', '---toString', '---json'])('refuses %j front matter without evaluating it', (open) => {
        const { post, diagnostics } = load(`${open}\n{ title: (globalThis.gazetteTrap = 'ran', 'x') }\n---\nBody.\n`);
        expect(post).toBeUndefined();
        expect(diagnostics[0]).toMatchObject({ severity: 'error', line: 1, message: expect.stringMatching(/is refused: gazette reads YAML front matter only/) });
        expect(flag.gazetteTrap).toBeUndefined();
    });
    it('never shares parsed data between calls (gray-matter caches it when given no options)', () => {
        const text = '---\ntitle: Original\ntags: [a]\n---\nBody\n';
        const first = splitFrontMatter(text).yaml.data;
        first.title = 'changed';
        first.tags.push('b');
        expect(splitFrontMatter(text).yaml.data).toEqual({ title: 'Original', tags: ['a'] });
    });
});
describe("js-yaml's traps, avoided by the yaml package", () => {
    it('refuses an alias bomb instead of expanding it', () => {
        const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
        for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']])
            lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
        const { post, diagnostics } = load(`---\ntitle: bomb\n${lines.join('\n')}\n---\nbody\n`);
        expect(post).toBeUndefined();
        expect(diagnostics[0]?.message).toMatch(/alias/i);
    });
    it('reports an impossible date instead of rolling it over (2024-13-45 is not 2025-02-14)', () => {
        const { post, diagnostics } = load('---\ntitle: t\ndate: 2024-13-45\n---\nbody\n');
        expect(post).toBeUndefined();
        expect(diagnostics[0]).toMatchObject({ line: 3, message: expect.stringContaining('2024-13-45') });
    });
    it('keeps a __proto__ key as data: it cannot smuggle a permalink', () => {
        const { post } = load('---\ntitle: t\ndate: 2024-01-01\n__proto__:\n  permalink: /evil/\n  layout: wide\n---\nbody\n', ['wide']);
        expect(post?.url).toBe('/2024/01/01/trap/');
        expect(post?.layout).toBe('post');
        expect({}.permalink).toBeUndefined();
    });
});
describe("Nunjucks' loader is no sandbox", () => {
    const renderer = createRenderer(join(root, 'templates'), defaultSiteConfig, root);
    it.each(['../../etc/passwd', '/etc/passwd', 'post.njk', 'base', 'home', 'tag', 'partials/post-list', '..', 'a/b', 'missing'])('a layout %j never names anything but a post template in templates/', (layout) => {
        const { post } = loadPost({ source: 'posts/2024-01-01-trap.md', path: '/nowhere', format: 'markdown', folderCategories: [] }, Buffer.from(`---\ntitle: t\ndate: 2024-01-01\nlayout: ${JSON.stringify(layout)}\n---\nbody\n`), {
            config: defaultSiteConfig,
            layoutExists: renderer.hasPostLayout,
            now: Date.parse('2030-01-01'),
        });
        expect(post?.layout).toBe('post');
    });
});
//# sourceMappingURL=dependency-traps.test.js.map
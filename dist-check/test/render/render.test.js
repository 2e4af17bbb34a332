import { appendFileSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSiteConfig } from '../../src/config.js';
import { createRenderer, markSafe, TemplateError } from '../../src/render/environment.js';
import { paginate } from '../../src/render/paginate.js';
import { originalLinks } from '../../src/render/views.js';
import { fixtures, root } from '../helpers/paths.js';
import { texts } from '../helpers/site-files.js';
const site = { ...defaultSiteConfig, title: 'Archive', timezone: 'Asia/Shanghai', lang: 'zh-CN' };
const post = {
    title: '<script>alert(1)</script> {{ 7*7 }} {% raw %}',
    url: '/2024/11/15/x/',
    date: '2024-11-15T07:37:40.066+08:00',
    tags: [{ name: '香港', url: '/tags/香港/' }],
    categories: [],
    excerpt: '',
    data: {},
};
describe('createRenderer', () => {
    const renderer = createRenderer(join(root, 'templates'), site, root);
    it('escapes every value from a post and never evaluates template syntax in it', () => {
        const html = renderer.render('post', { page: { kind: 'post', title: post.title, url: post.url }, post: { ...post, content: markSafe('<p>body</p>') } });
        expect(html).not.toContain('<script>alert(1)</script>');
        expect(texts(html, 'h1')).toEqual(['<script>alert(1)</script> {{ 7*7 }} {% raw %}']);
        expect(html).toContain('<p>body</p>');
    });
    it('shows dates in the site timezone and language, and links relatively', () => {
        const html = renderer.render('post', { page: { kind: 'post', title: 't', url: post.url }, post: { ...post, content: markSafe('') } });
        expect(texts(html, 'time')).toEqual(['2024年11月15日']);
        expect(html).toContain('href="../../../../tags/香港/"');
        expect(html).toContain('href="../../../../assets/gazette.css"');
    });
    it('reports a runtime error with the template file and line', () => {
        const broken = createRenderer(join(fixtures, 'runtime-error-templates'), site, root);
        let error;
        try {
            broken.render('post', { page: { kind: 'post', title: 't', url: '/x/' }, post });
        }
        catch (e) {
            error = e;
        }
        expect(error).toBeInstanceOf(TemplateError);
        expect(error).toMatchObject({ file: 'test/fixtures/runtime-error-templates/post.njk', line: 4, message: expect.stringMatching(/^Unable to call `post\["data"\]/) });
    });
});
describe('templateKey', () => {
    const copy = () => {
        const dir = mkdtempSync(join(tmpdir(), 'gazette-templates-'));
        cpSync(join(root, 'templates'), dir, { recursive: true });
        return dir;
    };
    const keys = (dir) => {
        const renderer = createRenderer(dir, defaultSiteConfig, root);
        return Object.fromEntries(['post', 'home', 'tag', 'tags'].map((name) => [name, renderer.templateKey(name)]));
    };
    it('changes for the pages whose template, or a template it extends or includes, changed', () => {
        const dir = copy();
        const before = keys(dir);
        appendFileSync(join(dir, 'partials/post-list.njk'), '\n');
        const afterPartial = keys(dir);
        // home and tag list posts with the partial; post and tags do not use it.
        expect(afterPartial.home).not.toBe(before.home);
        expect(afterPartial.tag).not.toBe(before.tag);
        expect(afterPartial.post).toBe(before.post);
        expect(afterPartial.tags).toBe(before.tags);
        appendFileSync(join(dir, 'base.njk'), '\n');
        const afterBase = keys(dir);
        for (const name of ['post', 'home', 'tag', 'tags'])
            expect(afterBase[name]).not.toBe(afterPartial[name]);
    });
    it('counts every template when one is named by an expression', () => {
        const dir = copy();
        writeFileSync(join(dir, 'tags.njk'), '{% set which = "partials/term-index.njk" %}{% include which %}');
        const before = keys(dir);
        appendFileSync(join(dir, 'partials/pagination.njk'), '\n');
        expect(keys(dir).tags).not.toBe(before.tags);
    });
});
describe('paginate', () => {
    it('splits a list into pages with links between them', () => {
        const pages = paginate([1, 2, 3, 4, 5], 2, '/tags/x/');
        expect(pages.map((p) => [p.url, p.items, p.previous, p.next])).toEqual([
            ['/tags/x/', [1, 2], undefined, '/tags/x/page/2/'],
            ['/tags/x/page/2/', [3, 4], '/tags/x/', '/tags/x/page/3/'],
            ['/tags/x/page/3/', [5], '/tags/x/page/2/', undefined],
        ]);
        expect(pages[0]).toMatchObject({ page: 1, pages: 3, total: 5, first: '/tags/x/', last: '/tags/x/page/3/' });
    });
    it('gives an empty list one page', () => {
        expect(paginate([], 10, '/')).toEqual([expect.objectContaining({ url: '/', items: [], pages: 1 })]);
    });
});
describe('originalLinks', () => {
    it('links the original and its Wayback Machine copy of the post’s day', () => {
        expect(originalLinks('https://www.rfa.org/a.html', '2024-11-15T07:37:40.066+08:00')).toEqual({
            url: 'https://www.rfa.org/a.html',
            wayback: 'https://web.archive.org/web/20241115/https://www.rfa.org/a.html',
        });
    });
    it('never links a from: that is not an http(s) URL', () => {
        expect(originalLinks('javascript:alert(1)', '2024-11-15')).toBeUndefined();
        expect(originalLinks(' JaVaScRiPt:alert(1)', '2024-11-15')).toBeUndefined();
        expect(originalLinks(undefined, '2024-11-15')).toBeUndefined();
    });
});
//# sourceMappingURL=render.test.js.map
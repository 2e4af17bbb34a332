import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPosts } from '../../src/load/find-posts.js';
import { fixtures } from '../helpers/paths.js';
describe('findPosts', () => {
    it('reads only _posts folders of a Jekyll site, with the folders above as categories', async () => {
        const { files } = await findPosts(join(fixtures, 'jekyll-site'), fixtures);
        expect(files.map((f) => [f.source, f.folderCategories])).toEqual([
            ['jekyll-site/_posts/2022-01-01-top.md', []],
            ['jekyll-site/news/rfa/_posts/2022-01-02-nested.md', ['news', 'rfa']],
        ]);
    });
    it('reads every .md, .markdown and .html file of a plain folder, sorted', async () => {
        const { files } = await findPosts(join(fixtures, 'load'), fixtures);
        expect(files.length).toBeGreaterThan(5);
        expect(files.map((f) => f.source)).toEqual([...files.map((f) => f.source)].sort());
        expect(files.every((f) => f.format === 'markdown')).toBe(true);
    });
});
//# sourceMappingURL=find-posts.test.js.map
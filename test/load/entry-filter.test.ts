import { describe, expect, it } from 'vitest';
import { fnmatch, jekyllEntryFilter } from '../../src/load/entry-filter.js';

describe('fnmatch (Ruby File.fnmatch, no flags)', () => {
  it('lets * and ** cross folders, ? match one character, sets and escapes work, braces are literal', () => {
    expect(fnmatch('*.html', '_posts/x.html')).toBe(true);
    expect(fnmatch('**/x.md', 'a/b/x.md')).toBe(true);
    expect(fnmatch('_posts/2020-01-1?-q.md', '_posts/2020-01-14-q.md')).toBe(true);
    expect(fnmatch('_posts/2020-01-1?-q.md', '_posts/2020-01-4-q.md')).toBe(false);
    expect(fnmatch('[!a]*.md', 'b.md')).toBe(true);
    expect(fnmatch('[a-c].md', 'd.md')).toBe(false);
    expect(fnmatch('\\*.md', '*.md')).toBe(true);
    expect(fnmatch('\\*.md', 'x.md')).toBe(false);
    expect(fnmatch('{a,b}.md', 'a.md')).toBe(false);
    expect(fnmatch('README*.md', 'readme.md')).toBe(false);
  });
});

/**
 * Each answer here is what Jekyll 4.3.1 published for a site with these files and this
 * `exclude:`/`include:` (checked with Debian's jekyll while writing entry-filter.ts).
 */
describe("Jekyll's entry filter", () => {
  const reads = jekyllEntryFilter({
    exclude: ['_posts/2020-01-02', '_posts/2020-01-03', '*.html', 'skip', '_posts/2020-01-1?-q.md'],
    include: ['2020-01-03-brought-back.md'],
  });
  const cases: [string, boolean][] = [
    ['_posts/2020-01-01-kept.md', true],
    ['_posts/2020-01-02-prefix-excluded.md', false], // an exclude is also a prefix of the path
    ['_posts/2020-01-03-brought-back.md', true], // include wins over exclude (matched by name)
    ['_posts/2020-01-04-glob.html', false], // * crosses folders
    ['news/_posts/2020-01-05-cat.md', true],
    ['skip/_posts/2020-01-06-skipped-folder.md', false],
    ['_posts/_sub/2020-01-07-under.md', false], // special: the path from _posts begins with _
    ['_posts/sub/_x/2020-01-08-deep-under.md', true], // neither that path nor the name begins with _
    ['_posts/#2020-01-09-hash.md', false],
    ['_posts/2020-01-10-backup.md~', false],
    ['_drafts/_posts/2020-01-11-underfolder.md', false], // Jekyll never walks into _ folders
    ['vendor/bundle/_posts/2020-01-12-vendor.md', false], // a default exclude
    ['a/b/_posts/2020-01-13-deep.md', true],
    ['_posts/2020-01-14-q.md', false],
    ['_posts/2021-01-15-brace{x}.md', true],
    ['news/_posts/2020-01-16-tilde~x.md', true],
    ['~t/_posts/2020-01-17-tilde-folder.md', false],
    ['keep.d/_posts/2020-01-18-dots.md', true],
  ];
  it.each(cases)('%s → %s', (path, expected) => {
    expect(reads(path)).toBe(expected);
  });

  it('excludes a folder named with a trailing slash, and nothing else by default', () => {
    const plain = jekyllEntryFilter({ exclude: ['news/'], include: [] });
    expect(plain('news/_posts/2020-01-01-x.md')).toBe(false);
    expect(plain('newsletter/_posts/2020-01-01-x.md')).toBe(true);
    expect(plain('_posts/2020-01-01-x.md')).toBe(true);
    expect(jekyllEntryFilter({ exclude: [], include: [] })('node_modules/_posts/2020-01-01-x.md')).toBe(false);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSiteConfig, loadConfig, validateConfig } from '../src/config.js';
import { FatalError } from '../src/errors.js';
import { fixtures } from './helpers/paths.js';

const file = (name: string) => join(fixtures, 'config', name);

describe('loadConfig', () => {
  it('gives the defaults without a file', () => {
    expect(loadConfig(undefined)).toEqual(defaultSiteConfig);
  });

  it('reads a Jekyll _config.yml for the keys both know and keeps the others', () => {
    const config = loadConfig(file('_config.yml'));
    expect(config).toMatchObject({ title: 'My Jekyll Archive', url: 'https://example.github.io', baseurl: '/archive', timezone: 'Asia/Taipei', permalink: 'pretty', paginate: 5 });
    expect(config.extra).toEqual({ plugins: ['jekyll-paginate'], markdown: 'kramdown' });
  });

  it("takes a Jekyll theme's locale: as the language when there is no lang:", () => {
    expect(validateConfig('_config.yml', { locale: 'en_US' }).lang).toBe('en-US');
    expect(validateConfig('_config.yml', { locale: 'zh-TW', lang: 'ja' }).lang).toBe('ja');
    // locale: stays for templates as site.locale, as Jekyll themes use it.
    expect(validateConfig('_config.yml', { locale: 'zh_TW' }).extra).toEqual({ locale: 'zh_TW' });
    expect(() => validateConfig('_config.yml', { locale: 'not a locale!' })).toThrow("_config.yml: key 'locale' must be a language tag such as en_US or zh-TW");
  });

  it('reads JSON', () => {
    expect(loadConfig(file('site.json'))).toMatchObject({ title: 'JSON site', paginate: 3 });
  });

  it('names every wrong key and what is wrong with it', () => {
    let error: unknown;
    try {
      loadConfig(file('bad.yml'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FatalError);
    const message = (error as Error).message;
    expect(message).toContain("key 'title' must be text");
    expect(message).toContain("key 'url' must be the site's origin");
    expect(message).toContain("key 'timezone' must be an IANA time zone");
    expect(message).toContain("key 'paginate' must be a whole number");
    expect(message).toContain("unknown placeholder ':oops'");
  });

  it('reads the feed settings as jekyll-feed names them, and names a wrong one', () => {
    expect(validateConfig('x.yml', { feed: { excerpt_only: true, posts_limit: 5, term_feeds_full: true } }).feed).toEqual({ excerptOnly: true, postsLimit: 5, termFeedsFull: true });
    expect(validateConfig('x.yml', {}).feed).toEqual({ excerptOnly: false, postsLimit: 20, termFeedsFull: false });
    // jekyll-feed's own keys that gazette does not use do not stop a Jekyll config.
    expect(validateConfig('x.yml', { feed: { path: '/atom.xml', categories: ['news'], posts_limit: 7 } }).feed).toEqual({ excerptOnly: false, postsLimit: 7, termFeedsFull: false });
    expect(() => validateConfig('x.yml', { feed: { excerpt_only: 'yes', posts_limit: 0, term_feeds_full: 'no' } })).toThrow(/key 'feed\.excerpt_only' must be true or false[\s\S]*key 'feed\.posts_limit' must be a whole number[\s\S]*key 'feed\.term_feeds_full' must be true or false, got "no"/);
    expect(() => validateConfig('x.yml', { feed: 'atom' })).toThrow(/key 'feed' must be a mapping/);
  });

  it("reads Jekyll's markdown_ext (a comma-separated string, or a list) and bare_articles, and names a wrong one", () => {
    expect(validateConfig('x.yml', {}).markdownExt).toEqual(['markdown', 'mkdown', 'mkdn', 'mkd', 'md']);
    expect(validateConfig('x.yml', { markdown_ext: 'md, .MDOWN,txt' }).markdownExt).toEqual(['md', 'mdown', 'txt']);
    expect(validateConfig('x.yml', { markdown_ext: ['md', 'mkd'] }).markdownExt).toEqual(['md', 'mkd']);
    expect(() => validateConfig('x.yml', { markdown_ext: 'md,html' })).toThrow(/key 'markdown_ext' must be extensions separated by commas/);
    expect(() => validateConfig('x.yml', { markdown_ext: '' })).toThrow(/key 'markdown_ext'/);
    expect(() => validateConfig('x.yml', { markdown_ext: 'md/x' })).toThrow(/key 'markdown_ext'/);
    expect(validateConfig('x.yml', { markdown_ext: 'md' }).extra).toEqual({});
    expect(validateConfig('x.yml', { bare_articles: true }).bareArticles).toBe(true);
    expect(loadConfig(undefined, { bareArticles: true }).bareArticles).toBe(true);
    expect(() => validateConfig('x.yml', { bare_articles: 'yes' })).toThrow(/key 'bare_articles' must be true or false, got "yes"/);
  });

  it('lets flags override the file', () => {
    const config = loadConfig(file('_config.yml'), { timezone: 'UTC', permalink: '/:slug/', baseUrl: 'https://mirror.example.net/news/' });
    expect(config).toMatchObject({ timezone: 'UTC', permalink: '/:slug/', url: 'https://mirror.example.net', baseurl: '/news' });
  });

  it('fails clearly on a missing file', () => {
    expect(() => loadConfig(file('missing.yml'))).toThrow(/missing\.yml: cannot read the config file/);
  });
});

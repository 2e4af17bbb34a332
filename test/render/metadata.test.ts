import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSiteConfig } from '../../src/config.js';
import { jsonForScript } from '../../src/render/environment.js';
import { newsArticle, postLanguage, type PostView } from '../../src/render/views.js';

const post: PostView = {
  title: '拜登"再会"习近平 </script><script>alert(1)</script>',
  url: '/2024/11/15/x/',
  date: '2024-11-15T07:37:40.066+08:00',
  author: '自由亚洲电台',
  from: 'https://www.rfa.org/x.html',
  original: { url: 'https://www.rfa.org/x.html', wayback: 'https://web.archive.org/web/20241115/https://www.rfa.org/x.html' },
  tags: [{ name: '美中关系', url: '/tags/a/' }],
  categories: [{ name: '自由亚洲电台', url: '/categories/rfa/' }],
  excerpt: '美国白宫日前证实……',
  leadImage: { src: 'https://www.rfa.org/lead.jpg', alt: 'lead' },
  archive: { year: '/2024/', month: '/2024/11/' },
  data: { last_modified_at: '2024-11-20T10:00:00+08:00' },
};

describe('jsonForScript', () => {
  it('gives JSON that reads back as the same value and holds nothing that could end a script element', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = jsonForScript(value);
        expect(json).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
    expect(jsonForScript({ t: '</script><!--' })).toBe('{"t":"\\u003c/script\\u003e\\u003c!--"}');
  });
});

describe('newsArticle', () => {
  it('describes the post as a schema.org NewsArticle based on the original', () => {
    const site = { ...defaultSiteConfig, url: 'https://archive.example.org', baseurl: '/mirror', title: '存档' };
    expect(newsArticle(post, site)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: post.title,
      url: 'https://archive.example.org/mirror/2024/11/15/x/',
      mainEntityOfPage: 'https://archive.example.org/mirror/2024/11/15/x/',
      datePublished: '2024-11-15T07:37:40.066+08:00',
      dateModified: '2024-11-20T10:00:00+08:00',
      // The author is the source (a category): an organization.
      author: { '@type': 'Organization', name: '自由亚洲电台' },
      description: '美国白宫日前证实……',
      image: ['https://www.rfa.org/lead.jpg'],
      keywords: ['美中关系'],
      isBasedOn: 'https://www.rfa.org/x.html',
      inLanguage: 'zh-CN',
      publisher: { '@type': 'Organization', name: '存档' },
    });
  });

  it('leaves out what it cannot state: the URL without the site URL, a person as such, a bad language tag', () => {
    const article = newsArticle({ ...post, author: '丁小', data: { lang: 'not a language!' } }, defaultSiteConfig);
    expect(article).not.toHaveProperty('url');
    expect(article).toMatchObject({ author: { '@type': 'Person', name: '丁小' }, dateModified: post.date, inLanguage: 'zh-CN' });
    expect(postLanguage({ lang: 'EN-gb' })).toBe('en-GB');
    expect(postLanguage({ lang: 3 })).toBeUndefined();
  });
});

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkPermalink, placePost, placeUrl } from '../../src/load/permalink.js';

const parts = {
  date: DateTime.fromISO('2024-11-15T07:37:40.066+08:00', { setZone: true }),
  slug: 'jw-xi-jinping',
  title: 'Biden-Xi',
  categories: ['自由亚洲电台', 'News'],
};

describe('placePost', () => {
  it('expands the default pattern into a folder URL with index.html', () => {
    expect(placePost('/:year/:month/:day/:slug/', parts)).toEqual({ url: '/2024/11/15/jw-xi-jinping/', outputPath: '2024/11/15/jw-xi-jinping/index.html' });
  });

  it('expands Jekyll styles, with categories lower-cased and percent-encoded in the URL', () => {
    expect(placePost('date', parts)).toEqual({
      url: '/%E8%87%AA%E7%94%B1%E4%BA%9A%E6%B4%B2%E7%94%B5%E5%8F%B0/news/2024/11/15/Biden-Xi.html',
      outputPath: '自由亚洲电台/news/2024/11/15/Biden-Xi.html',
    });
    expect(placePost('/:short_year/:i_month/:i_day/:title', parts)).toEqual({ url: '/24/11/15/Biden-Xi', outputPath: '24/11/15/Biden-Xi.html' });
  });

  it('refuses URLs that would leave the output folder', () => {
    expect(placeUrl('/../../etc/passwd')).toHaveProperty('problem');
    expect(placeUrl('/%2e%2e/x/')).toHaveProperty('problem');
    expect(placeUrl('/a\\b/')).toHaveProperty('problem');
    expect(placeUrl('/a\u0000b/')).toHaveProperty('problem');
  });
});

describe('checkPermalink', () => {
  it('accepts styles and known placeholders and names an unknown one', () => {
    expect(checkPermalink('pretty')).toBeUndefined();
    expect(checkPermalink('/:year/:slug/')).toBeUndefined();
    expect(checkPermalink('/:year/:nope/')).toMatch(/unknown placeholder ':nope'/);
  });
});

import { describe, expect, it } from 'vitest';
import { folderLocation, siteTarget } from '../../src/dev/server.js';
import { isServedHost } from '../../src/dev/served-hosts.js';

describe('isServedHost', () => {
  it('serves loopback names, IP literals and the --host name it was started with, whatever the port', () => {
    for (const host of ['localhost', 'localhost:4000', 'LOCALHOST:4000', 'news.localhost:4000', '127.0.0.1:4000', '10.0.0.7', '[::1]:4000', '[fe80::1]', 'archive.lan:4000']) {
      expect([host, isServedHost(host, 'archive.lan')]).toEqual([host, true]);
    }
  });

  it('refuses every other name: one a DNS answer can point here', () => {
    for (const host of [undefined, '', 'evil.example', 'evil.example:4000', 'localhost.evil.example', '127.0.0.1.nip.io', 'localhost.', '[evil.example]', '[::1', 'archive.lan.evil.example', 'archive.lan@evil.example', '127.1', 'localhost:80:80']) {
      expect([host, isServedHost(host, 'archive.lan')]).toEqual([host, false]);
    }
  });
});

describe('siteTarget and folderLocation', () => {
  it('make redirects that stay on the site from any request path', () => {
    for (const path of ['//evil.example', '/\\evil.example', '/%2F%2Fevil.example', '/%5C%5Cevil.example', '/..//evil.example', '/archive/../../evil.example']) {
      const target = siteTarget('/', path)!;
      expect([path, folderLocation('/', target.parts)]).toEqual([path, '/evil.example/']);
    }
  });

  it('keep the base path, encode each part, and keep the query', () => {
    const target = siteTarget('/档案/', '/%E6%A1%A3%E6%A1%88/2024/a%3Fb%23c?q=1')!;
    expect(target).toEqual({ parts: ['2024', 'a?b#c'], folder: false, query: '?q=1' });
    expect(folderLocation('/档案/', target.parts) + target.query).toBe('/%E6%A1%A3%E6%A1%88/2024/a%3Fb%23c/?q=1');
    expect(siteTarget('/archive/', '/elsewhere/')).toBeUndefined();
    expect(siteTarget('/', '/%E0%A4%A')).toBeUndefined();
  });
});

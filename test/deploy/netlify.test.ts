import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseUrlProblems, checkout, runStep } from '../helpers/deploy.js';
import { root } from '../helpers/paths.js';
import { brokenReferences } from '../helpers/site-files.js';

/**
 * examples/netlify.toml, run: its build command in a fresh copy of the repository with the
 * environment Netlify gives a build (`URL`, the site's main address, and the file's own
 * variables); then the folder it publishes is checked.
 */
interface NetlifyConfig {
  readonly build: { readonly command: string; readonly publish: string; readonly environment: Record<string, string> };
}

const config = parse(readFileSync(join(root, 'examples/netlify.toml'), 'utf8')) as unknown as NetlifyConfig;
const url = 'https://gazette-example.netlify.app';

describe('the Netlify settings (examples/netlify.toml)', () => {
  let dir: string;

  beforeAll(async () => {
    dir = checkout();
    const result = await runStep(config.build.command, dir, { ...config.build.environment, URL: url });
    expect(result.code, result.stderr).toBe(0);
  });

  it('builds with the project’s own command on Node 20, given the site’s address', () => {
    expect(config.build.command).toBe('npm run build -- --base-url "$URL"');
    expect(config.build.environment).toEqual({ NODE_VERSION: '20' });
  });

  it('publishes _site with every absolute URL under the site’s address and every internal link resolving inside it', () => {
    const site = join(dir, config.build.publish);
    expect(config.build.publish).toBe('_site');
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain(`<link rel="canonical" href="${url}/">`);
    expect(baseUrlProblems(site, url)).toEqual([]);
    expect(brokenReferences(site)).toEqual([]);
  });
});

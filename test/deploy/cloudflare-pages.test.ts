import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseUrlProblems, checkout, runStep } from '../helpers/deploy.js';
import { root } from '../helpers/paths.js';
import { brokenReferences } from '../helpers/site-files.js';

/**
 * The Cloudflare Pages settings as docs/deploy.md's "Cloudflare Pages" recipe gives them (they
 * live in Cloudflare's dashboard, not in a file), run: the build command in a fresh copy of the
 * repository whose config names the Pages domain, as docs/deploy.md says to set it.
 */
const deployDoc = readFileSync(join(root, 'docs', 'deploy.md'), 'utf8');
const section = /^### Cloudflare Pages\n([\s\S]*?)(?=^#{2,3} )/m.exec(deployDoc)?.[1] ?? '';
/** A row of the section's settings table: `| Build command | `npm run build` |`. */
const setting = (name: string) => new RegExp(`^\\| ${name} \\| \`([^\`]*)\``, 'm').exec(section)?.[1];
const url = 'https://gazette-example.pages.dev';

describe('the Cloudflare Pages settings (docs/deploy.md)', () => {
  let dir: string;

  beforeAll(async () => {
    dir = checkout();
    const config = join(dir, 'gazette.config.yml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^url: .*$/m, `url: ${url}`));
    const result = await runStep(setting('Build command')!, dir, { NODE_VERSION: setting('`NODE_VERSION`')! });
    expect(result.code, result.stderr).toBe(0);
  });

  it('builds with the project’s own command on Node 20', () => {
    expect(setting('Build command')).toBe('npm run build');
    expect(setting('Build output directory')).toBe('_site');
    expect(setting('`NODE_VERSION`')).toBe('20');
  });

  it('publishes the output directory with every absolute URL under the configured url and every internal link resolving inside it', () => {
    const site = join(dir, setting('Build output directory')!);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain(`<link rel="canonical" href="${url}/">`);
    expect(baseUrlProblems(site, url)).toEqual([]);
    expect(brokenReferences(site)).toEqual([]);
  });
});

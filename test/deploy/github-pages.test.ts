import { cpSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { baseUrlProblems, checkout, runStep } from '../helpers/deploy.js';
import { root } from '../helpers/paths.js';
import type { CliResult } from '../helpers/run-cli.js';
import { brokenReferences, differences, listFiles } from '../helpers/site-files.js';

/**
 * examples/github-pages.yml, run: its `run:` steps in order, in a fresh copy of the
 * repository, with `${{ steps.pages.outputs.base_url }}` as actions/configure-pages gives
 * it for a project page; then the folder its upload step publishes is checked.
 */
interface Step {
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}
interface Workflow {
  readonly jobs: Record<string, { readonly needs?: string; readonly steps: Step[] }>;
}

const workflow = parse(readFileSync(join(root, 'examples/github-pages.yml'), 'utf8')) as Workflow;
const steps = workflow.jobs.build!.steps;
const baseUrl = 'https://example.github.io/gazette-site';
const action = (name: string) => steps.find((s) => s.uses?.startsWith(`${name}@`));

/** A fresh runner: a checkout, and a home folder of its own (`~`; XDG_CACHE_HOME unset, as on GitHub's runners). */
interface Runner {
  readonly dir: string;
  readonly home: string;
}

function runner(): Runner {
  return { dir: checkout(), home: mkdtempSync(join(tmpdir(), 'gazette-runner-home-')) };
}

/** Runs the build job's `run:` steps on a runner, each expression replaced by what GitHub gives it. */
async function runJob({ dir, home }: Runner): Promise<CliResult[]> {
  const results: CliResult[] = [];
  for (const step of steps.filter((s) => s.run !== undefined)) {
    const command = step.run!.replaceAll('${{ steps.pages.outputs.base_url }}', baseUrl);
    expect(command, 'an expression the test does not know').not.toContain('${{');
    const result = await runStep(command, dir, { HOME: home, XDG_CACHE_HOME: '' });
    expect(result.code, `${command}\n${result.stderr}`).toBe(0);
    results.push(result);
  }
  return results;
}

describe('the GitHub Pages workflow (examples/github-pages.yml)', () => {
  let first: Runner;
  let dir: string;
  let site: string;

  beforeAll(async () => {
    first = runner();
    dir = first.dir;
    await runJob(first);
    site = join(dir, String(action('actions/upload-pages-artifact')!.with!.path));
  });

  it('installs with the lock file and builds with the project’s own command, given the base URL of the Pages site', () => {
    expect(steps.filter((s) => s.run !== undefined).map((s) => s.run)).toEqual(['npm ci', 'npm run build -- --base-url "${{ steps.pages.outputs.base_url }}"']);
    expect(steps.find((s) => s.id === 'pages')?.uses).toMatch(/^actions\/configure-pages@/);
    expect(action('actions/setup-node')!.with).toEqual({ 'node-version': 20, cache: 'npm' });
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node).toBe('>=20.19');
    expect(workflow.jobs.deploy!.needs).toBe('build');
    expect(workflow.jobs.deploy!.steps.map((s) => s.uses)).toEqual([expect.stringMatching(/^actions\/deploy-pages@/)]);
  });

  it('publishes _site with every absolute URL under the base URL and every internal link resolving inside it', () => {
    expect(site).toBe(join(dir, '_site'));
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain(`<link rel="canonical" href="${baseUrl}/">`);
    expect(baseUrlProblems(site, baseUrl)).toEqual([]);
    expect(brokenReferences(site, '/gazette-site')).toEqual([]);
  });

  it('builds the same site on a fresh runner with the cache restored, using every cached article (the cache’s key is restored with it)', async () => {
    // The cache and the key its files are sealed with (outside the checkout: a repository cannot ship it).
    const paths = String(action('actions/cache')!.with!.path).trim().split('\n');
    expect(paths).toEqual(['.cache/gazette', '~/.cache/gazette/key']);
    const next = runner();
    const place = (r: Runner, path: string) => (path.startsWith('~/') ? join(r.home, path.slice(2)) : join(r.dir, path));
    for (const path of paths) cpSync(place(first, path), place(next, path), { recursive: true });
    const articles = join(next.dir, '.cache/gazette/articles');
    const stamps = () => listFiles(articles).map((f) => `${f} ${statSync(join(articles, f)).ino} ${statSync(join(articles, f)).mtimeMs}`);
    const restored = stamps();
    expect(restored.length).toBeGreaterThan(0);
    await runJob(next);
    expect(differences(site, join(next.dir, '_site'))).toEqual([]);
    // No article was transformed again: an entry read as a miss would have been written anew.
    expect(stamps()).toEqual(restored);
  });
});

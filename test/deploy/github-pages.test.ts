import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { baseUrlProblems, checkout, runStep } from '../helpers/deploy.js';
import { root } from '../helpers/paths.js';
import type { CliResult } from '../helpers/run-cli.js';
import { brokenReferences, differences } from '../helpers/site-files.js';

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

/** Runs the build job's `run:` steps in `dir`, each expression replaced by what GitHub gives it. */
async function runJob(dir: string): Promise<CliResult[]> {
  const results: CliResult[] = [];
  for (const step of steps.filter((s) => s.run !== undefined)) {
    const command = step.run!.replaceAll('${{ steps.pages.outputs.base_url }}', baseUrl);
    expect(command, 'an expression the test does not know').not.toContain('${{');
    const result = await runStep(command, dir);
    expect(result.code, `${command}\n${result.stderr}`).toBe(0);
    results.push(result);
  }
  return results;
}

describe('the GitHub Pages workflow (examples/github-pages.yml)', () => {
  let dir: string;
  let site: string;

  beforeAll(async () => {
    dir = checkout();
    await runJob(dir);
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

  it('builds the same site from a fresh checkout with the cached .cache/gazette restored', async () => {
    expect(action('actions/cache')!.with!.path).toBe('.cache/gazette');
    const next = checkout();
    cpSync(join(dir, '.cache/gazette'), join(next, '.cache/gazette'), { recursive: true });
    await runJob(next);
    expect(differences(site, join(next, '_site'))).toEqual([]);
  });
});

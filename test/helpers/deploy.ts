import { execFile } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './paths.js';
import type { CliResult } from './run-cli.js';
import { listFiles, read } from './site-files.js';

/**
 * Running the deploy recipes of examples/ as a host runs them, on a copy of this
 * repository, without the network: `npm` is a stand-in that runs package.json's scripts.
 */

/**
 * A fresh copy of the repository as a host checks it out: the sample posts, config,
 * templates, public folder and package files copied; node_modules and the compiled dist/
 * linked (node follows the link to the real files, so imports resolve as in the repository).
 */
export function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-deploy-'));
  for (const entry of ['posts', 'templates', 'public', 'gazette.config.yml', 'package.json', 'package-lock.json']) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  symlinkSync(join(root, 'dist'), join(dir, 'dist'));
  return dir;
}

/**
 * npm for the recipes: `npm ci` checks that there is a lock file (node_modules is linked);
 * `npm run NAME [-- ARGS]` runs package.json's script with sh and the arguments appended,
 * as npm does; `compile` does nothing, as the tests run on the dist/ compiled before them.
 */
const npmStandIn = `#!/usr/bin/env bash
set -euo pipefail
case "\${1:-}" in
  ci) [ -f package-lock.json ] || { echo "npm ci: no package-lock.json" >&2; exit 1; } ;;
  run)
    name=$2; shift 2
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do shift; done
    [ $# -gt 0 ] && shift
    [ "$name" = compile ] && { [ -f dist/cli.js ]; exit; }
    script=$(node -e 'const s = JSON.parse(require("fs").readFileSync("package.json", "utf8")).scripts[process.argv[1]]; if (!s) process.exit(1); process.stdout.write(s)' "$name")
    exec sh -c "$script \\"\\$@\\"" npm "$@" ;;
  *) echo "npm stand-in: unsupported: $*" >&2; exit 1 ;;
esac
`;

/** Runs a shell command as a CI step runs it (`bash -eo pipefail`), with the npm stand-in first on PATH. */
export function runStep(command: string, cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  const bin = join(cwd, '.test-bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'npm'), npmStandIn);
  chmodSync(join(bin, 'npm'), 0o755);
  return new Promise((resolve) => {
    execFile('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], { cwd, env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/**
 * Absolute URLs of the site in its pages, feeds and sitemap that are not under `baseUrl`
 * (e.g. `https://example.github.io/repo`), and pages whose canonical link is not their own
 * URL under it. Empty when every absolute URL carries the base path.
 */
export function baseUrlProblems(site: string, baseUrl: string): string[] {
  const { origin, pathname } = new URL(baseUrl);
  const base = pathname.replace(/\/$/, '');
  const problems: string[] = [];
  for (const file of listFiles(site).filter((f) => /\.(html|xml|json|txt)$/.test(f))) {
    const text = read(site, file);
    for (const m of text.matchAll(new RegExp(`${origin.replace(/[.]/g, '\\.')}[^"'<>\\s]*`, 'g'))) {
      if (!m[0].startsWith(`${origin}${base}/`)) problems.push(`${file}: ${m[0]}`);
    }
    if (!file.endsWith('.html')) continue;
    const canonical = /<link rel="canonical" href="([^"]*)"/.exec(text)?.[1];
    const own = `${origin}${base}/${file.replace(/(^|\/)index\.html$/, '$1')}`;
    if (canonical === undefined || decodeURI(canonical) !== own) problems.push(`${file}: canonical ${canonical}, expected ${own}`);
  }
  return problems;
}

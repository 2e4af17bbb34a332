#!/usr/bin/env node
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { build } from './build.js';
import type { BuildReport } from './report.js';
import { loadConfig } from './config.js';
import { FatalError, formatDiagnostic } from './errors.js';
import { createProgressBar } from './progress.js';

/**
 * `gazette`: argv → config → build(). The only reader of process.argv, process.env and
 * the working directory. Exit codes: 0 every post built; 1 the site was built but some
 * posts failed; 2 nothing could be built.
 */

/** gazette's own theme, used when the project has no `templates/` (or `public/`) of its own. */
const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

interface BuildFlags {
  posts: string;
  out: string;
  templates?: string;
  public?: string;
  config?: string;
  baseUrl?: string;
  timezone?: string;
  permalink?: string;
  report?: string;
  future?: boolean;
  threads?: string;
  cache: boolean;
  quiet?: boolean;
}

/** The folder given by a flag, else `name` in the working directory if it exists, else gazette's own. */
function folder(cwd: string, flag: string | undefined, name: string): string {
  if (flag !== undefined) return resolve(cwd, flag);
  const local = resolve(cwd, name);
  return existsSync(local) ? local : join(packageRoot, name);
}

/** The config file as messages should name it: the flag's, else `gazette.config.yml` (or `.yaml`, `.json`) if present. */
function configFile(cwd: string, flag: string | undefined): string | undefined {
  if (flag !== undefined) return flag;
  return ['gazette.config.yml', 'gazette.config.yaml', 'gazette.config.json'].find((name) => existsSync(resolve(cwd, name)));
}

/**
 * An id of gazette's code, part of the cache's key: its version and a hash of its compiled
 * files, so a changed rule never serves articles made by the old one.
 */
function codeId(): string {
  const dist = join(packageRoot, 'dist');
  const hash = createHash('sha256');
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).sort();
  for (const file of files) hash.update(file).update(readFileSync(join(dist, file)));
  const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return `${version}+${hash.digest('hex').slice(0, 16)}`;
}

/** `--threads N`: a whole number from 0 (transform in the main thread) up. */
function threadCount(flag: string | undefined): number | undefined {
  if (flag === undefined) return undefined;
  const n = Number(flag);
  if (!Number.isInteger(n) || n < 0) throw new FatalError(`--threads must be a whole number (0 transforms in the main thread), got ${JSON.stringify(flag)}`);
  return n;
}

async function runBuild(flags: BuildFlags): Promise<number> {
  const cwd = process.cwd();
  const config = loadConfig(configFile(cwd, flags.config), { timezone: flags.timezone, permalink: flags.permalink, baseUrl: flags.baseUrl, future: flags.future });
  const publicDir = folder(cwd, flags.public, 'public');
  if (flags.public !== undefined && !existsSync(publicDir)) throw new FatalError(`public folder not found: ${flags.public}`);
  const report = await build({
    cwd,
    postsDir: resolve(cwd, flags.posts),
    outDir: resolve(cwd, flags.out),
    templatesDir: folder(cwd, flags.templates, 'templates'),
    publicDir: existsSync(publicDir) ? publicDir : undefined,
    config,
    now: Date.now(),
    threads: threadCount(flags.threads),
    cache: flags.cache ? { dir: resolve(cwd, '.cache/gazette'), codeId: codeId() } : undefined,
    // A progress bar on a terminal only: not when stderr is a file or a pipe, in CI, or with --quiet.
    progress: process.stderr.isTTY && !process.env.CI && !flags.quiet ? createProgressBar(process.stderr) : undefined,
  });
  if (flags.report) await writeFile(resolve(cwd, flags.report), `${JSON.stringify(report, null, 2)}\n`);
  printReport(report, flags.quiet === true);
  return report.errors.length > 0 ? 1 : 0;
}

function printReport(report: BuildReport, quiet: boolean): void {
  for (const w of quiet ? [] : report.warnings) console.error(formatDiagnostic({ severity: 'warning', ...w }));
  for (const e of report.errors) console.error(formatDiagnostic({ severity: 'error', ...e }));
  const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  console.log(
    `gazette: ${s(report.posts.length, 'post')}, ${s(report.pages, 'page')}, ${s(report.errors.length, 'error')}, ${s(report.warnings.length, 'warning')}, ${s(report.skipped.length, 'skipped post')}, ${s(report.crossLinks, 'cross-link')}, ${s(report.dangling, 'dangling link')} in ${(report.durationMs / 1000).toFixed(2)} s`,
  );
}

function program(): Command {
  const cli = new Command('gazette')
    .description('Builds a static website from an archive of news articles kept as Jekyll-style posts.')
    .version('0.1.0')
    .showHelpAfterError()
    .addHelpText(
      'after',
      `
Exit codes: 0 every post was built; 1 the site was built but some posts failed
(each printed as path:line: message); 2 nothing could be built (bad config, missing folder).`,
    );
  cli
    .command('build')
    .description('build the site into the output folder')
    .option('--posts <dir>', 'folder of posts (.md, .markdown, .html), read recursively; a Jekyll site with _posts folders works too', 'posts')
    .option('--out <dir>', 'output folder; only changed files are written, when the build finishes, and stale ones removed', '_site')
    .option('--templates <dir>', "Nunjucks templates (default: ./templates, else gazette's own theme)")
    .option('--public <dir>', "static files copied verbatim (default: ./public, else gazette's own)")
    .option('--config <file>', 'config file, .yml/.yaml/.json (default: ./gazette.config.yml if present); a Jekyll _config.yml works')
    .option('--base-url <url>', "the site's full URL, e.g. https://example.org/archive (overrides url and baseurl)")
    .option('--timezone <zone>', 'IANA time zone for dates and URLs, e.g. Asia/Shanghai (overrides timezone)')
    .option('--permalink <pattern>', 'post URL pattern or Jekyll style (overrides permalink), e.g. /:year/:month/:day/:slug/')
    .option('--future', 'also build posts dated after now (Jekyll leaves them out; so does gazette by default)')
    .option('--threads <n>', 'worker threads that transform posts (default: one per core for archives of a few hundred posts or more; 0 or 1: none)')
    .option('--no-cache', 'do not read or write the cache (.cache/gazette/, safe to delete): parse, transform and render everything')
    .option('--report <file>', 'write a JSON build report (posts, skipped, errors, warnings, pages, durationMs)')
    .addOption(new Option('-q, --quiet', 'print errors and the summary only'))
    .action(async (flags: BuildFlags) => {
      process.exitCode = await runBuild(flags);
    });
  return cli;
}

try {
  await program().parseAsync(process.argv);
} catch (error) {
  if (error instanceof FatalError) {
    console.error(`gazette: ${error.message}`);
  } else {
    console.error('gazette: internal error (a bug in gazette; please report it)');
    console.error(error);
  }
  process.exitCode = 2;
}

#!/usr/bin/env node
import { writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { build } from './build.js';
import type { BuildReport } from './report.js';
import { FatalError, formatDiagnostic } from './errors.js';
import { machineSecret } from './cache/machine-secret.js';
import { buildOptions, codeId, projectPaths, secretFile, type BuildFlags } from './options.js';
import { createProgressBar } from './progress.js';
import { createProgressLog, defaultProgressInterval } from './progress-log.js';
import { checkPostsFolder, layoutLine, sourceLayout } from './load/jekyll-site.js';
import type { DevUpdate } from './dev/session.js';

/**
 * `gazette`: argv → config → build(). The only reader of process.argv, process.env and
 * the working directory. Exit codes: 0 every post built; 1 the site was built but some
 * posts failed; 2 nothing could be built (or nothing to build).
 */

interface BuildCommandFlags extends BuildFlags {
  report?: string;
  quiet?: boolean;
}

async function runBuild(flags: BuildCommandFlags): Promise<number> {
  const cwd = process.cwd();
  const options = buildOptions(cwd, flags, codeId(), cacheSecret(flags));
  checkPostsFolder(options.layout, cwd);
  const line = layoutLine(options.layout);
  if (line && !flags.quiet) console.log(line);
  // A progress bar on a terminal; in CI or when stderr is a file or a pipe, a line every ~10 s
  // (a long build in a CI log says it is alive); neither with --quiet.
  const log = flags.quiet || (process.stderr.isTTY && !process.env.CI) ? undefined : createProgressLog(process.stderr, progressInterval());
  let report: BuildReport;
  try {
    report = await build({ ...options, progress: log ?? (flags.quiet ? undefined : createProgressBar(process.stderr)) });
  } finally {
    log?.close();
  }
  if (flags.report) await writeFile(resolve(cwd, flags.report), `${JSON.stringify(report, null, 2)}\n`);
  printReport(report, flags.quiet === true);
  return report.errors.length > 0 ? 1 : 0;
}

/** GAZETTE_PROGRESS_INTERVAL: milliseconds between progress lines in logs (for tests; default 10 s). */
function progressInterval(): number {
  const value = Number(process.env.GAZETTE_PROGRESS_INTERVAL);
  return Number.isFinite(value) && value >= 10 ? value : defaultProgressInterval;
}

/**
 * This user's secret that cache files are sealed with (see cache/seal.ts), unless the cache is
 * off. When it can be neither read nor made (a home that is not writable), the build runs
 * without the cache, as with --no-cache, and says so.
 */
function cacheSecret(flags: BuildFlags): string | undefined {
  if (!flags.cache) return undefined;
  const file = secretFile(process.env.XDG_CACHE_HOME, homedir());
  try {
    return machineSecret(file);
  } catch (error) {
    console.error(`gazette: warning: building without the cache: cannot read or make its key ${file} (${(error as Error).message}); set XDG_CACHE_HOME to a writable folder, or pass --no-cache`);
    return undefined;
  }
}

interface DevFlags extends BuildFlags {
  port: string;
  host: string;
}

/** `gazette dev`: build, serve, watch, update, reload; runs until interrupted. */
async function runDev(flags: DevFlags): Promise<void> {
  const cwd = process.cwd();
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new FatalError(`--port must be a port number, got ${JSON.stringify(flags.port)}`);
  const code = codeId();
  const secret = cacheSecret(flags);
  let basePath = '/';
  const configure = () => {
    const options = buildOptions(cwd, flags, code, secret);
    basePath = `${options.config.baseurl}/`;
    return options;
  };
  const paths = projectPaths(cwd, flags);
  const line = layoutLine(sourceLayout(cwd, flags.posts, flags.config));
  if (line) console.log(line);
  const { DevSession } = await import('./dev/session.js');
  const { startDevServer } = await import('./dev/server.js');
  const { watchProject } = await import('./dev/watcher.js');
  const session = new DevSession(configure, paths);
  printUpdate(await session.start(), 'built');
  const server = await startDevServer({ outDir: paths.outDir, basePath: () => basePath, host: flags.host, port, problems: () => session.problems });
  const watcher = watchProject(paths, async (events) => {
    const update = await session.update(events);
    if (update.plan === 'nothing') return;
    printUpdate(update, update.quick ? `updated (${update.plan})` : 'rebuilt');
    const changed = (update.work?.filesWritten ?? 0) + (update.work?.filesRemoved ?? 0) > 0;
    // With errors, pages keep the last good build under the overlay; a good update reloads them.
    if (update.problems.length === 0 && changed) server.reload();
    else server.showProblems(update.problems);
  });
  await watcher.ready;
  console.log(`gazette dev: serving ${paths.outDir} at ${server.url} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await watcher.close();
  await server.close();
  await session.close();
}

function printUpdate(update: DevUpdate, what: string): void {
  for (const warning of update.warnings) console.error(formatDiagnostic({ severity: 'warning', ...warning }));
  for (const problem of update.problems) {
    console.error(problem.source ? formatDiagnostic({ severity: 'error', ...problem }) : `gazette: ${problem.message}`);
  }
  const work = update.work;
  const did = work ? `: ${work.postsParsed} posts read, ${work.articlesTransformed} transformed, ${work.pagesRendered} pages rendered, ${work.filesWritten} files written, ${work.filesRemoved} removed` : ': nothing built';
  console.log(`gazette dev: ${what} in ${update.ms.toFixed(0)} ms${did}${update.problems.length ? `; ${update.problems.length} errors` : ''}`);
}

function printReport(report: BuildReport, quiet: boolean): void {
  for (const w of quiet ? [] : report.warnings) console.error(formatDiagnostic({ severity: 'warning', ...w }));
  for (const e of report.errors) console.error(formatDiagnostic({ severity: 'error', ...e }));
  const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  console.log(
    `gazette: ${s(report.posts.length, 'post')}, ${s(report.pages, 'page')}, ${s(report.errors.length, 'error')}, ${s(report.warnings.length, 'warning')}, ${s(report.skipped.length, 'skipped post')}, ${s(report.crossLinks, 'cross-link')}, ${s(report.dangling, 'dangling link')} in ${(report.durationMs / 1000).toFixed(2)} s`,
  );
}

/** The flags `build` and `dev` share: where the inputs and the output are, and how to read them. */
function withInputFlags(command: Command): Command {
  return command
    .option('--posts <dir>', "folder of posts (Markdown: markdown_ext's .md, .markdown, .mkd, .mkdn, .mkdown; .html), read recursively (default: ./posts, else the Jekyll site here: its _posts folders)")
    .option('--out <dir>', 'output folder; only changed files are written, when the build finishes, and stale ones removed', '_site')
    .option('--templates <dir>', "Nunjucks templates (default: ./templates, else gazette's own theme)")
    .option('--public <dir>', "static files copied verbatim (default: ./public, else gazette's own)")
    .option('--config <file>', 'config file, .yml/.yaml/.json (default: ./gazette.config.yml if present, else _config.yml in a Jekyll site)')
    .option('--base-url <url>', "the site's full URL, e.g. https://example.org/archive (overrides url and baseurl)")
    .option('--timezone <zone>', 'IANA time zone for dates and URLs, e.g. Asia/Shanghai (overrides timezone)')
    .option('--permalink <pattern>', 'post URL pattern or Jekyll style (overrides permalink), e.g. /:year/:month/:day/:slug/')
    .option('--future', 'also build posts dated after now (Jekyll leaves them out; so does gazette by default)')
    .option('--bare-articles', "read posts without front matter as bare articles: title from the first heading, date from a line such as '日期：…' or 'Date: …' near the top (overrides bare_articles)")
    .option('--threads <n>', 'worker threads that transform posts (default: one per core for archives of a few hundred posts or more; 0 or 1: none)')
    .option('--no-cache', 'do not read or write the cache (.cache/gazette/, safe to delete) or its key (~/.cache/gazette/key): parse, transform and render everything');
}

function program(): Command {
  const cli = new Command('gazette')
    .description('Builds a static website from an archive of news articles kept as Jekyll-style posts.')
    .version('0.1.0')
    .showHelpAfterError()
    .addHelpText(
      'after',
      `
Exit codes: 0 every post was built (warnings never change it); 1 the site was built
but some posts failed (each printed as path:line: message); 2 nothing could be built
(bad config, missing folder, no posts: no posts/ folder, no Jekyll _posts folder).`,
    );
  withInputFlags(cli.command('build').description('build the site into the output folder'))
    .option('--report <file>', 'write a JSON build report (posts, skipped, errors, warnings, pages, work, durationMs)')
    .addOption(new Option('-q, --quiet', 'print errors and the summary only'))
    .action(async (flags: BuildCommandFlags) => {
      process.exitCode = await runBuild(flags);
    });
  withInputFlags(cli.command('dev').description('build, serve the site on localhost, and update it and reload open pages on every change'))
    .option('--port <n>', 'port to serve on (0: any free port)', '4000')
    .option('--host <address>', 'address to serve on (0.0.0.0: every interface)', '127.0.0.1')
    .action(async (flags: DevFlags) => {
      await runDev(flags);
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

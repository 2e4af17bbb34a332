import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from './build.js';
import { loadConfig } from './config.js';
import { FatalError } from './errors.js';
import type { ProjectPaths } from './dev/changes.js';
import { unusedSettingWarnings } from './load/jekyll-config.js';
import { sourceLayout, type SourceLayout } from './load/jekyll-site.js';

/**
 * From the command line's flags to a build's options: which folders, which config, which
 * cache. Shared by `gazette build` and `gazette dev`; reads the file system, never argv.
 */

/** gazette's own theme, used when the project has no `templates/` (or `public/`) of its own. */
const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The flags `gazette build` and `gazette dev` share (commander's names). */
export interface BuildFlags {
  /** Undefined: `posts/`, else the Jekyll site in the working folder (see load/jekyll-site.ts). */
  posts?: string | undefined;
  out: string;
  templates?: string;
  public?: string;
  config?: string;
  baseUrl?: string;
  timezone?: string;
  permalink?: string;
  future?: boolean;
  bareArticles?: boolean;
  threads?: string;
  cache: boolean;
}

/** The folder given by a flag, else `name` in the working directory if it exists, else gazette's own. */
function folder(cwd: string, flag: string | undefined, name: string): string {
  if (flag !== undefined) return resolve(cwd, flag);
  const local = resolve(cwd, name);
  return existsSync(local) ? local : join(packageRoot, name);
}

/**
 * An id of gazette's code, part of the cache's key: its version and a hash of its compiled
 * files, so a changed rule never serves articles made by the old one.
 */
export function codeId(): string {
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

/** The cache folder of a project. */
export function cacheDir(cwd: string): string {
  return resolve(cwd, '.cache/gazette');
}

/**
 * Where this user's secret for sealing the cache is kept: `$XDG_CACHE_HOME/gazette/key`, else
 * `~/.cache/gazette/key`. Outside every project, so an archive's own `.cache/` cannot bring it.
 * (A relative or empty XDG_CACHE_HOME is ignored, as the XDG spec says.)
 */
export function secretFile(xdgCacheHome: string | undefined, home: string): string {
  return join(xdgCacheHome && isAbsolute(xdgCacheHome) ? xdgCacheHome : join(home, '.cache'), 'gazette', 'key');
}

/**
 * Reads the config (throws FatalError when it is bad) and resolves every folder. `code` is
 * codeId() and `secret` machineSecret() (each computed once); the cache is used when the flags
 * ask for it and there is a secret to seal it with. `layout` says where posts and config were
 * found (a Jekyll site, when there is no posts/ folder and no --posts).
 */
export function buildOptions(cwd: string, flags: BuildFlags, code: string, secret: string | undefined): BuildOptions & { readonly layout: SourceLayout } {
  const layout = sourceLayout(cwd, flags.posts, flags.config);
  const config = loadConfig(layout.configFile, { timezone: flags.timezone, permalink: flags.permalink, baseUrl: flags.baseUrl, future: flags.future, defaultPermalink: layout.defaultPermalink, bareArticles: flags.bareArticles }, cwd);
  const publicDir = folder(cwd, flags.public, 'public');
  if (flags.public !== undefined && !existsSync(publicDir)) throw new FatalError(`public folder not found: ${flags.public}`);
  return {
    cwd,
    layout,
    postsDir: layout.postsDir,
    outDir: resolve(cwd, flags.out),
    templatesDir: folder(cwd, flags.templates, 'templates'),
    publicDir: existsSync(publicDir) ? publicDir : undefined,
    config,
    now: Date.now(),
    threads: threadCount(flags.threads),
    cache: flags.cache && secret !== undefined ? { dir: cacheDir(cwd), secret, codeId: code } : undefined,
    configWarnings: layout.configFile === undefined ? [] : unusedSettingWarnings(layout.configFile, cwd),
  };
}

/** What `gazette dev` watches and must not watch, from the flags alone (the config may be broken). */
export function projectPaths(cwd: string, flags: BuildFlags): ProjectPaths {
  const publicDir = folder(cwd, flags.public, 'public');
  const layout = sourceLayout(cwd, flags.posts, flags.config);
  const config = layout.configFile;
  let markdownExt: readonly string[] | undefined;
  try {
    markdownExt = loadConfig(config, {}, cwd).markdownExt;
  } catch {
    // A broken config: the build reports it; Jekyll's default extensions are watched meanwhile.
  }
  return {
    postsDir: layout.postsDir,
    templatesDir: folder(cwd, flags.templates, 'templates'),
    publicDir: existsSync(publicDir) ? publicDir : undefined,
    configFile: config === undefined ? undefined : resolve(cwd, config),
    outDir: resolve(cwd, flags.out),
    cacheDir: cacheDir(cwd),
    ...(markdownExt ? { markdownExt } : {}),
  };
}

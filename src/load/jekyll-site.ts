import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { FatalError } from '../errors.js';

/**
 * Where a project's posts and config are when the command line does not say: gazette's own
 * layout (`posts/`, `gazette.config.yml`), else a Jekyll site (`_posts` folders, `_config.yml`).
 */

/** The project's layout as found. */
export interface SourceLayout {
  /** `gazette`: a `posts/` folder (or --posts); `jekyll`: a Jekyll site read from the working folder. */
  readonly kind: 'gazette' | 'jekyll';
  /** Absolute path of the folder posts are read from. */
  readonly postsDir: string;
  /** The config file as messages name it, or undefined for none. */
  readonly configFile: string | undefined;
  /** The permalink style used when the config names none: Jekyll's `date` in a Jekyll site. */
  readonly defaultPermalink: string | undefined;
  /** For a Jekyll site, its `_posts` folders found at its root and one level down (from the working folder, with a trailing slash). */
  readonly postsFolders: readonly string[];
}

/** gazette's own config file names, in the order they are looked for. */
const gazetteConfigs = ['gazette.config.yml', 'gazette.config.yaml', 'gazette.config.json'];
/** Jekyll's config file names (Jekyll reads `_config.yml`, else `_config.yaml`, …). */
const jekyllConfigs = ['_config.yml', '_config.yaml'];

/** Extensions a post file may have (Jekyll's markdown_ext defaults, HTML, gazette's bare articles). */
const postExtensions = new Set(['.md', '.markdown', '.mkd', '.mkdn', '.mkdown', '.mdown', '.mdwn', '.text', '.html', '.htm']);

/** A file name with a post's date in front, as Jekyll requires in `_posts`. */
const datedName = /^\d{2,4}-\d{1,2}-\d{1,2}-/;

/**
 * Decides the layout. Without `--posts`: `posts/` if it exists, with gazette.config.*;
 * else the working folder as a Jekyll site when it has a `_posts` folder at its root or in a
 * folder one level down (Jekyll's category folders, `news/_posts`), with its `_config.yml`
 * unless there is a gazette.config.*. `--posts` naming a Jekyll site reads it the same way;
 * any other folder it names is read as gazette's layout. `--config` always wins. Jekyll's
 * default permalink style applies in a Jekyll site and with a `_config.yml`. Throws
 * FatalError (exit 2) when, without --posts, there is nothing that could be a post.
 */
export function sourceLayout(cwd: string, postsFlag: string | undefined, configFlag: string | undefined): SourceLayout {
  const gazetteConfig = configFlag ?? gazetteConfigs.find((name) => existsSync(resolve(cwd, name)));
  // A Jekyll config, even one named by --config, means Jekyll's default permalink.
  const jekyllDefault = (config: string | undefined) => (config !== undefined && /^_config\.ya?ml$/i.test(basename(config)) ? 'date' : undefined);
  if (postsFlag === undefined && isFolder(resolve(cwd, 'posts'))) {
    return { kind: 'gazette', postsDir: resolve(cwd, 'posts'), configFile: gazetteConfig, defaultPermalink: jekyllDefault(gazetteConfig), postsFolders: [] };
  }
  // --posts naming a Jekyll site (`--posts .`, `--posts ../archive`) reads it as one too, its _config.yml included.
  const site = resolve(cwd, postsFlag ?? '.');
  const postsFolders = jekyllPostsFolders(site).map((folder) => `${join(relative(cwd, site), folder).split(sep).join('/')}/`);
  if (postsFolders.length > 0) {
    const local = jekyllConfigs.find((name) => existsSync(join(site, name)));
    const configFile = gazetteConfig ?? (local === undefined ? undefined : relative(cwd, join(site, local)));
    return { kind: 'jekyll', postsDir: site, configFile, defaultPermalink: 'date', postsFolders };
  }
  if (postsFlag !== undefined) {
    return { kind: 'gazette', postsDir: site, configFile: gazetteConfig, defaultPermalink: jekyllDefault(gazetteConfig), postsFolders: [] };
  }
  const dated = datedFiles(cwd);
  if (dated.length > 0) {
    throw new FatalError(`no posts to build here: there is no posts/ folder and no Jekyll _posts folder; files with dated names are in ${dated.join(', ')} (pass --posts with their folder)`);
  }
  throw new FatalError('no posts to build here: there is no posts/ folder, no Jekyll _posts folder and no file with a date in its name (run gazette in a Jekyll site or a folder with posts/, or pass --posts <folder>; add --bare-articles for articles without front matter, dated on a line of their own)');
}

/** `_posts` at the root of `cwd` and in its folders (hidden and `_` folders aside, as Jekyll skips them). */
function jekyllPostsFolders(cwd: string): string[] {
  const found = isFolder(join(cwd, '_posts')) ? ['_posts'] : [];
  for (const entry of entriesOf(cwd)) {
    if (!entry.isDirectory() || /^[._#~]/.test(entry.name) || entry.name === 'node_modules' || entry.name === 'vendor') continue;
    if (isFolder(join(cwd, entry.name, '_posts'))) found.push(`${entry.name}/_posts`);
  }
  return found;
}

/** Up to a few post files with a date in their name anywhere below `cwd` (hidden and `_` folders aside), relative. */
function datedFiles(cwd: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const entry of entriesOf(dir)) {
      if (found.length >= 3 || /^[._#~]/.test(entry.name) || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < 4) walk(path, depth + 1);
      else if (entry.isFile() && datedName.test(entry.name) && postExtensions.has(extname(entry.name).toLowerCase())) found.push(relative(cwd, dir) || '.');
    }
  };
  walk(cwd, 0);
  return [...new Set(found)];
}

/**
 * Throws FatalError (exit 2) when the posts folder holds no file that could be a post: a build
 * would make an empty site. (Hidden files and folders do not count.)
 */
export function checkPostsFolder(layout: SourceLayout, cwd: string): void {
  if (layout.kind !== 'gazette' || !isFolder(layout.postsDir)) return; // a missing folder is reported by the build
  const any = (dir: string): boolean =>
    entriesOf(dir).some((entry) => !entry.name.startsWith('.') && ((entry.isFile() && postExtensions.has(extname(entry.name).toLowerCase())) || (entry.isDirectory() && any(join(dir, entry.name)))));
  if (!any(layout.postsDir)) {
    throw new FatalError(`no posts to build: the posts folder ${relative(cwd, layout.postsDir) || '.'} holds no .md, .markdown or .html file`);
  }
}

/** The line saying what gazette read, for a Jekyll site; undefined otherwise. */
export function layoutLine(layout: SourceLayout): string | undefined {
  if (layout.kind !== 'jekyll') return undefined;
  const folders = layout.postsFolders.length <= 3 ? layout.postsFolders.join(', ') : `${layout.postsFolders.slice(0, 2).join(', ')} and ${layout.postsFolders.length - 2} other _posts folders`;
  const config = layout.configFile ? `config ${layout.configFile}` : "no config (Jekyll's defaults)";
  return `gazette: Jekyll site: posts from ${folders}, ${config}`;
}

function entriesOf(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

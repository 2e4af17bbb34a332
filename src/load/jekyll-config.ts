import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SiteConfig } from '../config.js';
import { diagnostic } from '../errors.js';
import type { Diagnostic } from '../types.js';
import type { EntryLists } from './entry-filter.js';
import { parseYaml } from './yaml.js';

/**
 * The parts of a Jekyll `_config.yml` gazette reads beyond SiteConfig's keys: `exclude:` and
 * `include:`, and the Jekyll settings it does not use, each worth a warning rather than silence.
 */

const markdownHint = 'gazette reads Markdown with markdown-it: CommonMark with tables, not kramdown';
const pluginHint = 'Jekyll plugins are not run: gazette makes its feeds, sitemap, list pages and pagination itself';

/** Jekyll's own settings and its common plugins' that gazette ignores, with what to know instead. */
const unused: Readonly<Record<string, string>> = {
  plugins: pluginHint,
  gems: pluginHint,
  whitelist: pluginHint,
  plugins_dir: pluginHint,
  paginate_path: "gazette's list pages are at /page/2/, /page/3/, …; paginate: is read",
  pagination: "gazette's list pages are at /page/2/, /page/3/, …; paginate: is read",
  autopages: pluginHint,
  'jekyll-archives': 'gazette makes tag, category and date pages itself',
  jekyll_archives: 'gazette makes tag, category and date pages itself',
  theme: "gazette renders with ./templates, else its own theme; Jekyll themes and layouts are not used",
  remote_theme: "gazette renders with ./templates, else its own theme; Jekyll themes and layouts are not used",
  layouts_dir: "gazette renders with ./templates (Nunjucks), not Jekyll's layouts",
  includes_dir: "gazette renders with ./templates (Nunjucks), not Jekyll's includes",
  data_dir: '_data files are not read',
  markdown: markdownHint,
  kramdown: markdownHint,
  redcarpet: markdownHint,
  rdiscount: markdownHint,
  commonmark: markdownHint,
  highlighter: 'code blocks are not highlighted',
  sass: 'no Sass: the files of ./public are copied as they are',
  collections: 'only posts are built',
  collections_dir: 'only posts are built',
  defaults: 'front-matter defaults are not applied: each post is read as its file says',
  excerpt_separator: "an excerpt is the article's first paragraph",
  show_drafts: '_drafts are not built',
  unpublished: 'posts with published: false are left out',
  limit_posts: 'every post is built',
  lsi: 'related posts are not computed',
  encoding: "gazette detects each file's encoding (UTF-8, GB18030 or Big5)",
  keep_files: 'the output folder holds what the build writes (stale files are removed)',
  destination: 'the output folder is --out (default _site)',
  source: 'the posts are read from the working folder (or --posts)',
  strict_front_matter: 'a post with bad front matter is reported and left out; the rest is built',
  liquid: 'Liquid in posts is shown as written',
  incremental: 'gazette always rebuilds only what changed (see "Rebuilds")',
  relative_permalinks: 'per-post permalinks are read from the site root',
};

/** Keys of Jekyll's `serve` command: they are about Jekyll's own server, and `gazette dev` has flags of its own. */
const serveKeys = new Set(['port', 'host', 'livereload', 'livereload_port', 'livereload_ignore', 'livereload_min_delay', 'livereload_max_delay', 'detach', 'webrick', 'show_dir_listing', 'open_url', 'baseurl_serve', 'ssl_cert', 'ssl_key']);

/**
 * One warning for each Jekyll setting in the config file that gazette does not use, at its
 * line. `file` is named as given and read relative to `cwd`; a file that cannot be read or
 * parsed gives none (loadConfig reports it).
 */
export function unusedSettingWarnings(file: string, cwd: string): Diagnostic[] {
  let lineOf: (key: string) => number | undefined;
  let data: unknown;
  try {
    const parsed = parseYaml(readFileSync(resolve(cwd, file), 'utf8'));
    ({ data, lineOf } = parsed);
  } catch {
    return [];
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const warnings: Diagnostic[] = [];
  for (const [key, value] of Object.entries(data)) {
    // `destination: _site` is gazette's default output folder too.
    if (key === 'destination' && typeof value === 'string' && /^(\.\/)?_site\/?$/.test(value)) continue;
    const hint = Object.hasOwn(unused, key) ? unused[key] : serveKeys.has(key) ? 'gazette dev takes --port and --host' : undefined;
    if (hint === undefined) continue;
    warnings.push(diagnostic('warning', file, `'${key}' is a Jekyll setting gazette does not use`, { line: lineOf(key), hint }));
  }
  for (const key of ['exclude', 'include'] as const) {
    const value = (data as Record<string, unknown>)[key];
    if (value !== undefined && value !== null && !Array.isArray(value)) {
      warnings.push(diagnostic('warning', file, `'${key}' should be a list of paths or patterns (Jekyll refuses anything else); read as one`, { line: lineOf(key) }));
    }
  }
  return warnings;
}

/** `exclude:` and `include:` of the config (a lone string read as a list of one; other values ignored). */
export function entryLists(config: SiteConfig): EntryLists {
  const list = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String);
  return { exclude: list(config.extra.exclude), include: list(config.extra.include) };
}

/**
 * Which files of a Jekyll site Jekyll reads, as its EntryFilter decides (Jekyll 4.3,
 * lib/jekyll/entry_filter.rb): `exclude:` and `include:` patterns, and names Jekyll treats
 * as special (a leading `.`, `_`, `#` or `~`) or as backups (a trailing `~`).
 */

/** The `exclude:` and `include:` lists of a Jekyll config. */
export interface EntryLists {
  readonly exclude: readonly string[];
  readonly include: readonly string[];
}

/** What Jekyll adds to every site's `exclude:` (Configuration::DEFAULT_EXCLUDES). */
export const defaultExcludes: readonly string[] = ['.sass-cache', '.jekyll-cache', 'gemfiles', 'Gemfile', 'Gemfile.lock', 'node_modules', 'vendor/bundle/', 'vendor/cache/', 'vendor/gems/', 'vendor/ruby/'];

/** Jekyll's default `include:`. */
export const defaultIncludes: readonly string[] = ['.htaccess'];

/**
 * A test for paths relative to the site's root ('/'-separated): true when Jekyll would read the
 * file. Outside `_posts`, Jekyll filters each folder's entries by name as it walks down; inside
 * a `_posts` folder it lists every file below it and filters each by its path from `_posts`.
 */
export function jekyllEntryFilter(lists: EntryLists): (path: string) => boolean {
  const include = lists.include.map(normalize);
  const exclude = [...lists.exclude, ...defaultExcludes].map(normalize).filter((p) => !include.includes(p));
  // Jekyll joins pattern and entry to the site's folder before comparing; comparing them without it is the same.
  const matches = (patterns: readonly string[], path: string, isDirectory: boolean) =>
    patterns.some((pattern) => fnmatch(pattern, path) || path.startsWith(pattern) || (isDirectory && pattern === `${path}/`));
  const kept = (entry: string, fromRoot: string, isDirectory: boolean): boolean => {
    if (entry.endsWith('.')) return false;
    const name = entry.slice(entry.lastIndexOf('/') + 1);
    // (Jekyll matches `include:` against the entry as listed and its name, `exclude:` against its path from the root.)
    const included = matches(include, entry, isDirectory) || matches(include, name, isDirectory);
    if (!included && matches(exclude, fromRoot, isDirectory)) return false;
    if (included) return true;
    return !(special(entry) || special(name) || entry.endsWith('~'));
  };
  return (path) => {
    const parts = path.split('/');
    const postsAt = parts.lastIndexOf('_posts');
    const walked = postsAt === -1 ? parts.length : postsAt;
    for (let i = 0; i < walked; i++) {
      if (!kept(parts[i]!, parts.slice(0, i + 1).join('/'), i < parts.length - 1)) return false;
    }
    // A `_posts` folder is read by name (it is never an entry of the walk), then each file under it.
    return postsAt === -1 || kept(parts.slice(postsAt + 1).join('/'), path, false);
  };
}

const special = (entry: string) => /^[._#~]/.test(entry);

/** A pattern as Jekyll joins it to the site's folder: leading slashes do not matter. */
const normalize = (pattern: string) => pattern.replace(/^\/+/, '');

/**
 * Ruby's `File.fnmatch(pattern, path)` with no flags: `*` (and `**`) match any run of
 * characters, `/` included; `?` any one; `[a-z]`, `[!x]`, `[^x]` a set; `\` escapes; braces
 * are literal; case matters.
 */
export function fnmatch(pattern: string, path: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') source += '[\\s\\S]*';
    else if (c === '?') source += '[\\s\\S]';
    else if (c === '\\' && i + 1 < pattern.length) source += escape(pattern[++i]!);
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end === -1) source += '\\[';
      else {
        let set = pattern.slice(i + 1, end);
        const negated = set.startsWith('!') || set.startsWith('^');
        if (negated) set = set.slice(1);
        source += `[${negated ? '^' : ''}${set.replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
        i = end;
      }
    } else source += escape(c);
  }
  return new RegExp(`^${source}$`, 'u').test(path);
}

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

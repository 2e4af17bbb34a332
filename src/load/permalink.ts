import type { DateTime } from 'luxon';
import { slugify } from './slug.js';

/**
 * Post URLs from Jekyll-style permalink patterns. Placeholders are Jekyll's
 * (https://jekyllrb.com/docs/permalinks/), plus gazette's `:slug` rule (see slug.ts).
 */

/** Jekyll's built-in permalink styles. */
const styles: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** What a post contributes to its URL. */
export interface PermalinkParts {
  readonly date: DateTime;
  /** gazette's slug (slug.ts `postSlug`). */
  readonly slug: string;
  /** Jekyll's `:title`: the front-matter slug or file-name slug, slugified in pretty mode. */
  readonly title: string;
  readonly categories: readonly string[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const placeholders: Record<string, (p: PermalinkParts) => string> = {
  year: (p) => String(p.date.year),
  month: (p) => pad(p.date.month),
  day: (p) => pad(p.date.day),
  i_month: (p) => String(p.date.month),
  i_day: (p) => String(p.date.day),
  short_year: (p) => pad(p.date.year % 100),
  hour: (p) => pad(p.date.hour),
  minute: (p) => pad(p.date.minute),
  second: (p) => pad(p.date.second),
  y_day: (p) => pad(p.date.ordinal, 3),
  // ISO 8601 week, its year (differs from :year in the first and last days of a year) and day (1 = Monday)
  week: (p) => pad(p.date.weekNumber),
  w_year: (p) => String(p.date.weekYear),
  w_day: (p) => String(p.date.weekday),
  short_day: (p) => p.date.setLocale('en').toFormat('ccc'),
  long_day: (p) => p.date.setLocale('en').toFormat('cccc'),
  short_month: (p) => p.date.setLocale('en').toFormat('LLL'),
  long_month: (p) => p.date.setLocale('en').toFormat('LLLL'),
  title: (p) => p.title,
  slug: (p) => p.slug,
  // Jekyll lower-cases categories and drops repeats for the URL
  categories: (p) => [...new Set(p.categories.map((c) => c.toLowerCase()))].join('/'),
  // Jekyll 4.1+: each category slugified (default mode), repeats dropped
  slugified_categories: (p) => [...new Set(p.categories.map((c) => slugify(c)))].join('/'),
  // Jekyll's collection name: posts are always in `posts`
  collection: () => 'posts',
  output_ext: () => '.html',
};

// Longest names first, so `:short_year` is not read as `:short` + `_year`.
const placeholderPattern = new RegExp(
  `:(${Object.keys(placeholders)
    .sort((a, b) => b.length - a.length)
    .join('|')})`,
  'g',
);

/** Resolves a style name to its pattern; patterns pass through. */
export function permalinkPattern(permalink: string): string {
  // Own keys only: `toString` is not a style, whatever Object.prototype says.
  return Object.hasOwn(styles, permalink) ? styles[permalink]! : permalink;
}

/** Says what is wrong with a permalink setting, or undefined when it is usable. */
export function checkPermalink(permalink: string): string | undefined {
  const pattern = permalinkPattern(permalink);
  if (pattern.trim() === '') return 'must not be empty';
  const unknown = pattern.replace(placeholderPattern, '').match(/:[a-z_]+/);
  if (unknown) return `has an unknown placeholder '${unknown[0]}' (known: ${Object.keys(placeholders).map((k) => `:${k}`).join(' ')})`;
  return undefined;
}

/** Where a post goes: its URL (percent-encoded) and its output file (decoded, relative). */
export interface Placement {
  readonly url: string;
  readonly outputPath: string;
  /** Names of the URL that were changed to be portable (`con` → `con_`), for a warning. */
  readonly rewritten?: readonly { readonly from: string; readonly to: string; readonly why: string }[];
}

/**
 * Expands a permalink and checks the result stays inside the output folder. Returns a
 * problem description instead when it would not (`..`, NUL, backslashes, control characters).
 */
export function placePost(permalink: string, parts: PermalinkParts): Placement | { problem: string } {
  const expanded = permalinkPattern(permalink).replace(placeholderPattern, (_, name: string) => placeholders[name]!(parts));
  return placeUrl(jekyllSanitize(expanded));
}

/**
 * Jekyll's `URL#sanitize_url`, which every post URL goes through: each `..` becomes `/`,
 * each `./` goes, repeated slashes become one. So `:title` `wait...what` gives
 * `/wait/.what.html` and a slug `Acme Inc.` with `pretty` gives `/Acme-Inc`: the URLs a
 * Jekyll site has, kept. (It also means no `..` segment is left to refuse.)
 */
export function jekyllSanitize(path: string): string {
  return `/${path}`.replaceAll('..', '/').replaceAll('./', '').replace(/\/{2,}/g, '/');
}

/** The longest file or folder name, in UTF-8 bytes, that Linux, macOS and Windows file systems all hold. */
export const maxNameBytes = 255;

/**
 * Turns a site path into a safe URL and output file, as Jekyll does (`/x/` → `x/index.html`,
 * `/x` → `x.html`), with names every file system can hold (portableName). A problem instead
 * when the path would leave the output folder or holds a name no file system can hold.
 */
export function placeUrl(path: string): Placement | { problem: string } {
  const segments: string[] = [];
  const rewritten: { from: string; to: string; why: string }[] = [];
  for (const raw of path.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      segment = raw;
    }
    if (segment === '' || segment === '.') continue;
    if (segment === '..') return { problem: `'..' in the URL ${JSON.stringify(path)} would leave the output folder` };
    // eslint-disable-next-line no-control-regex
    if (/[\\/\u0000-\u001f\u007f]/.test(segment)) return { problem: `the URL ${JSON.stringify(path)} contains an encoded slash, a backslash or a control character` };
    // A lone surrogate (from a YAML escape such as "\uD800") is no character: no file name or URL can hold it.
    if (/\p{Cs}/u.test(segment)) return { problem: `the URL ${JSON.stringify(path)} contains half of a UTF-16 surrogate pair, which is not text` };
    const portable = portableName(segment);
    if (portable.why) rewritten.push({ from: segment, to: portable.name, why: portable.why });
    segments.push(portable.name);
  }
  const directory = path.endsWith('/') || segments.length === 0;
  const last = segments.at(-1) ?? '';
  const outputPath = directory ? [...segments, 'index.html'].join('/') : /\.x?html?$/i.test(last) ? segments.join('/') : `${segments.join('/')}.html`;
  const long = outputPath.split('/').find((name) => Buffer.byteLength(name) > maxNameBytes);
  if (long !== undefined) return { problem: `the URL ${JSON.stringify(path.length > 120 ? `${path.slice(0, 120)}…` : path)} has a name of ${Buffer.byteLength(long)} bytes: file systems hold names of up to ${maxNameBytes}` };
  const url = '/' + segments.map(encodeSegment).join('/') + (directory && segments.length > 0 ? '/' : '');
  return { url, outputPath, ...(rewritten.length > 0 ? { rewritten } : {}) };
}

/** Characters Windows refuses in a file name (`:` would even name an NTFS alternate data stream). */
const windowsForbidden = /[<>:"|?*]/g;

/**
 * Names Windows reserves for devices (`con`, `com1`, `com¹`, `conin$`, …): a file so named,
 * with or without an extension, and with spaces before the extension, opens the device.
 */
const deviceName = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/**
 * A name as every file system can hold it, so the site can be copied, checked out and served
 * anywhere: in Unicode NFC (macOS would take NFC and NFD forms for one name), without the
 * characters Windows refuses (`<>:"|?*` become `_`), not ending in a dot or a space (Windows
 * drops them: `a.` would be `a`), and not a device name (`con` → `con_`, `nul.html` →
 * `nul_.html`). `why` says what was changed beyond NFC, when anything was.
 */
export function portableName(segment: string): { name: string; why?: string } {
  const nfc = segment.normalize('NFC');
  let name = nfc.replace(windowsForbidden, '_');
  const reasons: string[] = [];
  if (name !== nfc) reasons.push('Windows refuses < > : " | ? * in names');
  if (/[. ]$/.test(name)) {
    name += '_';
    reasons.push('Windows drops a trailing dot or space');
  }
  const dot = name.indexOf('.');
  const stem = (dot === -1 ? name : name.slice(0, dot)).replace(/ +$/, '');
  if (deviceName.test(stem)) {
    name = `${stem}_${name.slice(stem.length)}`;
    reasons.push(`Windows reserves the name ${stem.toLowerCase()} for a device`);
  }
  return reasons.length > 0 ? { name, why: reasons.join('; ') } : { name };
}

/** Percent-encodes what a URL path segment cannot hold, keeping the punctuation Jekyll's pretty slugs keep. */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%(2[46BC]|3[BD]|40)/g, (m) => decodeURIComponent(m));
}

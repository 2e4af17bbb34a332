import { slugify } from './slug.js';
/**
 * Post URLs from Jekyll-style permalink patterns. Placeholders are Jekyll's
 * (https://jekyllrb.com/docs/permalinks/), plus gazette's `:slug` rule (see slug.ts).
 */
/** Jekyll's built-in permalink styles. */
const styles = {
    date: '/:categories/:year/:month/:day/:title:output_ext',
    pretty: '/:categories/:year/:month/:day/:title/',
    ordinal: '/:categories/:year/:y_day/:title:output_ext',
    weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
    none: '/:categories/:title:output_ext',
};
const pad = (n, width = 2) => String(n).padStart(width, '0');
const placeholders = {
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
const placeholderPattern = new RegExp(`:(${Object.keys(placeholders)
    .sort((a, b) => b.length - a.length)
    .join('|')})`, 'g');
/** Resolves a style name to its pattern; patterns pass through. */
export function permalinkPattern(permalink) {
    // Own keys only: `toString` is not a style, whatever Object.prototype says.
    return Object.hasOwn(styles, permalink) ? styles[permalink] : permalink;
}
/** Says what is wrong with a permalink setting, or undefined when it is usable. */
export function checkPermalink(permalink) {
    const pattern = permalinkPattern(permalink);
    if (pattern.trim() === '')
        return 'must not be empty';
    const unknown = pattern.replace(placeholderPattern, '').match(/:[a-z_]+/);
    if (unknown)
        return `has an unknown placeholder '${unknown[0]}' (known: ${Object.keys(placeholders).map((k) => `:${k}`).join(' ')})`;
    return undefined;
}
/**
 * Expands a permalink and checks the result stays inside the output folder. Returns a
 * problem description instead when it would not (`..`, NUL, backslashes, control characters).
 */
export function placePost(permalink, parts) {
    const expanded = permalinkPattern(permalink).replace(placeholderPattern, (_, name) => placeholders[name](parts));
    return placeUrl(jekyllSanitize(expanded));
}
/**
 * Jekyll's `URL#sanitize_url`, which every post URL goes through: each `..` becomes `/`,
 * each `./` goes, repeated slashes become one. So `:title` `wait...what` gives
 * `/wait/.what.html` and a slug `Acme Inc.` with `pretty` gives `/Acme-Inc`: the URLs a
 * Jekyll site has, kept. (It also means no `..` segment is left to refuse.)
 */
export function jekyllSanitize(path) {
    return `/${path}`.replaceAll('..', '/').replaceAll('./', '').replace(/\/{2,}/g, '/');
}
/** Turns a site path into a safe URL and output file, as Jekyll does (`/x/` → `x/index.html`, `/x` → `x.html`). */
export function placeUrl(path) {
    const segments = [];
    for (const raw of path.split('/')) {
        let segment;
        try {
            segment = decodeURIComponent(raw);
        }
        catch {
            segment = raw;
        }
        if (segment === '' || segment === '.')
            continue;
        if (segment === '..')
            return { problem: `'..' in the URL ${JSON.stringify(path)} would leave the output folder` };
        // eslint-disable-next-line no-control-regex
        if (/[\\/\u0000-\u001f\u007f]/.test(segment))
            return { problem: `the URL ${JSON.stringify(path)} contains an encoded slash, a backslash or a control character` };
        segments.push(neutraliseDeviceName(segment));
    }
    const directory = path.endsWith('/') || segments.length === 0;
    const last = segments.at(-1) ?? '';
    const outputPath = directory ? [...segments, 'index.html'].join('/') : /\.x?html?$/i.test(last) ? segments.join('/') : `${segments.join('/')}.html`;
    const url = '/' + segments.map(encodeSegment).join('/') + (directory && segments.length > 0 ? '/' : '');
    return { url, outputPath };
}
/** Names Windows reserves for devices, with or without an extension: a file or folder so named cannot be created or copied there. */
const deviceName = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
/** `con` → `con_`, `nul.html` → `nul_.html`: the site can then be copied to any file system. */
export function neutraliseDeviceName(segment) {
    const m = deviceName.exec(segment);
    return m ? `${m[1]}_${m[2] ?? ''}` : segment;
}
/** Percent-encodes what a URL path segment cannot hold, keeping the punctuation Jekyll's pretty slugs keep. */
export function encodeSegment(segment) {
    return encodeURIComponent(segment).replace(/%(2[46BC]|3[BD]|40)/g, (m) => decodeURIComponent(m));
}
//# sourceMappingURL=permalink.js.map
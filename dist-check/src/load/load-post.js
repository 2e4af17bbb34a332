import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { diagnostic } from '../errors.js';
import { isoDate } from './dates.js';
import { decodePost } from './decode.js';
import { FrontMatterError, splitFrontMatter } from './front-matter.js';
import { authorOf, categoriesOf, interpretedKeys, parseFileName, postDate, tagsOf, textOf, titleFromSlug } from './normalize.js';
import { placePost } from './permalink.js';
import { postSlug, slugify } from './slug.js';
/** A valid layout name: a plain template name, never a path. */
const layoutName = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
/** Reads one post file's bytes into a Post: front matter, Jekyll semantics, URL. Never throws. */
export function loadPost(file, bytes, { config, layoutExists, now }) {
    const { source } = file;
    const fail = (message, line, hint) => ({ diagnostics: [diagnostic('error', source, message, { line, hint })] });
    const decoded = decodePost(bytes);
    if ('problem' in decoded)
        return fail(decoded.problem, undefined, 'save it as UTF-8');
    const { text, encoding } = decoded;
    if (text.includes('\u0000'))
        return fail('the file contains NUL bytes: it looks like a binary file, not a post');
    try {
        const split = splitFrontMatter(text);
        const data = (split.yaml?.data ?? {});
        if (typeof data !== 'object' || data === null || Array.isArray(data)) {
            return fail('the front matter must be a mapping of keys to values', 2);
        }
        const fm = data;
        const lineOf = (key) => split.yaml?.lineOf(key);
        const diagnostics = [];
        if (encoding !== 'utf-8')
            diagnostics.push(diagnostic('warning', source, `read as ${encoding.toUpperCase()}, not UTF-8`, { hint: 'convert it to UTF-8 to be sure' }));
        if (fm.published === false)
            return { skipped: { source, reason: 'published: false' }, diagnostics };
        const name = parseFileName(basename(source));
        const { date, fromFrontMatter } = postDate(split.yaml, name, config.timezone);
        if (!config.future && date.toMillis() > now)
            return { skipped: { source, reason: 'future date' }, diagnostics };
        const disagreement = fromFrontMatter ? dateDisagreement(date, name, config.timezone) : undefined;
        if (disagreement)
            diagnostics.push(diagnostic('warning', source, disagreement, { line: lineOf('date') }));
        const title = textOf(fm.title) || titleFromSlug(name.slug) || '(untitled)';
        const from = textOf(fm.from);
        const categories = categoriesOf(fm, file.folderCategories);
        const frontMatterSlug = textOf(fm.slug);
        const slug = postSlug({ frontMatterSlug, from, fileNameSlug: name.slug, title: textOf(fm.title), source });
        const jekyllTitle = slugify(frontMatterSlug ?? name.slug, 'pretty', true) || slug;
        const permalink = textOf(fm.permalink) || config.permalink;
        const placed = placePost(permalink, { date, slug, title: jekyllTitle, categories });
        if ('problem' in placed)
            return fail(`bad permalink: ${placed.problem}`, lineOf('permalink'));
        const layout = chooseLayout(textOf(fm.layout), layoutExists);
        if (layout.warning)
            diagnostics.push(diagnostic('warning', source, layout.warning, { line: lineOf('layout') }));
        const author = authorOf(fm.author);
        const post = {
            source,
            path: file.path,
            format: file.format,
            encoding,
            hash: createHash('sha256').update(bytes).digest('hex'),
            bodyOffset: split.bodyOffset,
            bodyLine: split.bodyLine,
            title,
            date: isoDate(date),
            time: date.toMillis(),
            slug,
            url: placed.url,
            outputPath: placed.outputPath,
            tags: tagsOf(fm),
            categories,
            ...(author ? { author } : {}),
            ...(from ? { from } : {}),
            layout: layout.name,
            data: templateData(fm),
        };
        return { post, diagnostics };
    }
    catch (error) {
        if (error instanceof FrontMatterError)
            return fail(error.message, error.line, error.hint);
        throw error;
    }
}
/** Says how the front-matter date and the file name's date disagree, when they are more than a day apart. */
function dateDisagreement(date, name, zone) {
    if (!name.date)
        return undefined;
    const nameDay = postDate(undefined, name, zone).date;
    if (Math.abs(date.startOf('day').diff(nameDay, 'days').days) <= 1)
        return undefined;
    return `the front-matter date ${date.toISODate()} and the file name's date ${nameDay.toISODate()} differ by more than a day; the front-matter date is used`;
}
/**
 * The template for a post: its `layout:` when that is a plain name with a template (a
 * Jekyll archive's `layout: archive` without one falls back quietly), else `post`.
 */
function chooseLayout(layout, layoutExists) {
    if (!layout || layout === 'post')
        return { name: 'post' };
    if (!layoutName.test(layout))
        return { name: 'post', warning: `layout ${JSON.stringify(layout)} is not a template name; using 'post'` };
    return { name: layoutExists(layout) ? layout : 'post' };
}
/** The keys gazette does not interpret, as JSON-safe values (dates become ISO strings). */
function templateData(fm) {
    const plain = (v) => {
        if (v instanceof Date)
            return Number.isNaN(v.getTime()) ? null : v.toISOString();
        if (Array.isArray(v))
            return v.map(plain);
        if (v && typeof v === 'object')
            return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
        return v;
    };
    return Object.fromEntries(Object.entries(fm)
        .filter(([k]) => !interpretedKeys.has(k))
        .map(([k, v]) => [k, plain(v)]));
}
//# sourceMappingURL=load-post.js.map
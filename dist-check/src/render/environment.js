import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import nunjucks from 'nunjucks';
import { FatalError } from '../errors.js';
import { relativeUrl } from '../site/relative-url.js';
/**
 * The Nunjucks environment: gazette's only nunjucks user. Autoescape is on, so every
 * value a template prints is escaped; the one exception is the sanitized article body,
 * which the render stage hands over already marked safe (`markSafe`), so templates never
 * need `| safe` and nothing from a post can be marked safe by a template mistake.
 */
/** The list-page templates; a post's `layout:` cannot name one of them. */
export const pageTemplates = ['base', 'home', 'tags', 'tag', 'categories', 'category'];
/** A template problem with its file and line, when Nunjucks tells them. */
export class TemplateError extends Error {
    file;
    line;
    name = 'TemplateError';
    constructor(message, file, line, options) {
        super(message, options);
        this.file = file;
        this.line = line;
    }
}
/** Marks sanitized article HTML as safe to print unescaped. */
export function markSafe(html) {
    return new nunjucks.runtime.SafeString(html);
}
/**
 * Creates the environment and compiles the templates every build needs, so a syntax
 * error stops the build at once (exit code 2) instead of failing every page.
 */
export function createRenderer(templatesDir, site, cwd) {
    if (!existsSync(templatesDir))
        throw new FatalError(`templates folder not found: ${relative(cwd, templatesDir) || '.'}`);
    const loader = new nunjucks.FileSystemLoader(templatesDir, { noCache: false, watch: false });
    const env = new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
    const formatters = new Map();
    const formatter = (style) => {
        let f = formatters.get(style);
        if (!f) {
            const options = style === 'month' ? { year: 'numeric', month: 'long' } : style === 'datetime' ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: style };
            f = new Intl.DateTimeFormat(site.lang, { ...options, timeZone: site.timezone });
            formatters.set(style, f);
        }
        return f;
    };
    // `{{ post.url | url }}`: a link relative to the page being rendered.
    env.addFilter('url', function (target) {
        return relativeUrl(this.ctx.page?.url ?? '/', String(target));
    });
    // `{{ page.url | absolute_url }}`: the full URL, for canonical links and metadata.
    env.addFilter('absolute_url', (path) => `${site.url}${site.baseurl}${String(path)}`);
    // `{{ post.date | date('long') }}`: a date in the site's language and timezone.
    env.addFilter('date', (iso, style = 'long') => {
        const time = Date.parse(String(iso));
        return Number.isNaN(time) ? '' : formatter(String(style)).format(time);
    });
    env.addGlobal('site', { ...site.extra, title: site.title, description: site.description, lang: site.lang, url: site.url, baseurl: site.baseurl, timezone: site.timezone });
    const has = (name) => existsSync(join(templatesDir, `${name}.njk`));
    for (const name of ['post', ...pageTemplates]) {
        if (!has(name))
            throw new FatalError(`template not found: ${relative(cwd, join(templatesDir, `${name}.njk`))}`);
        try {
            env.getTemplate(`${name}.njk`, true);
        }
        catch (error) {
            const e = templateError(error, templatesDir, cwd);
            throw new FatalError(`${e.file ?? name}${e.line ? `:${e.line}` : ''}: ${e.message}`, { cause: error });
        }
    }
    const templateFiles = readdirSync(templatesDir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => relative(templatesDir, join(e.parentPath, e.name)))
        .sort();
    const keys = new Map();
    return {
        has,
        templateNames: templateFiles,
        templateKey(name) {
            let key = keys.get(name);
            if (key === undefined) {
                key = templateKey(templatesDir, `${name}.njk`, templateFiles);
                keys.set(name, key);
            }
            return key;
        },
        hasPostLayout: (name) => /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name) && !pageTemplates.includes(name) && has(name),
        render(name, context) {
            try {
                return env.render(`${name}.njk`, context);
            }
            catch (error) {
                throw templateError(error, templatesDir, cwd);
            }
        },
    };
}
/**
 * Reads file and line out of a Nunjucks error. Nunjucks nests a message per template
 * frame ("(…/post.njk) [Line 3, Column 5]\n  …"); the innermost names the real place.
 * Its parse errors count lines from 1 but its runtime errors (innermost message
 * "Error: …") from 0, so those are shifted by one.
 */
function templateError(error, templatesDir, cwd) {
    const text = error instanceof Error ? error.message : String(error);
    const places = [...text.matchAll(/\(([^()\n]+\.njk)\)(?: \[Line (\d+), Column \d+\])?/g)];
    const innermost = places.at(-1);
    const detail = text.slice((innermost?.index ?? 0) + (innermost?.[0].length ?? 0)).replace(/^[\s\S]*\n\s*/, '').trim() || text.trim();
    const runtime = /^\w*Error: /.test(detail);
    const file = innermost?.[1];
    const line = innermost?.[2] !== undefined ? Number(innermost[2]) + (runtime ? 1 : 0) : undefined;
    const message = detail.replace(/^(Template render error: )+/, '').replace(/^Error: /, '');
    const shown = file ? relative(cwd, file.startsWith('/') ? file : join(templatesDir, file)) : undefined;
    return new TemplateError(message || 'template error', shown, line, { cause: error });
}
/**
 * The hash of a template and the templates it uses, found in its syntax tree (`extends`,
 * `include`, `import`, `from`). A template named by an expression rather than a literal
 * could be any of them, so then every template counts; so it does when one cannot be parsed.
 */
function templateKey(templatesDir, entry, all) {
    const used = new Set();
    const pending = [entry];
    let everything = false;
    while (pending.length > 0 && !everything) {
        const name = pending.pop();
        if (used.has(name))
            continue;
        used.add(name);
        let source;
        try {
            source = readFileSync(join(templatesDir, name), 'utf8');
        }
        catch {
            continue; // a missing template: rendering will say so
        }
        try {
            walk(parser.parse(source, [], {}), (node) => {
                if (!['Extends', 'Include', 'Import', 'FromImport'].includes(node.typename))
                    return;
                const target = node.template;
                if (target?.typename !== 'Literal' || typeof target.value !== 'string')
                    everything = true;
                else
                    pending.push(target.value.startsWith('.') ? join(name, '..', target.value) : target.value);
            });
        }
        catch {
            everything = true;
        }
    }
    const hash = createHash('sha256');
    for (const name of everything ? all : [...used].sort()) {
        hash.update(name).update('\0');
        try {
            hash.update(readFileSync(join(templatesDir, name)));
        }
        catch {
            hash.update('(missing)');
        }
        hash.update('\0');
    }
    return hash.digest('hex');
}
/** Nunjucks' parser: public (nunjucks.parser) but not in its type definitions. */
const { parser } = nunjucks;
function walk(node, visit) {
    if (!node || typeof node !== 'object')
        return;
    const n = node;
    visit(n);
    for (const field of n.fields ?? []) {
        const value = n[field];
        if (Array.isArray(value))
            for (const child of value)
                walk(child, visit);
        else
            walk(value, visit);
    }
    for (const child of n.children ?? [])
        walk(child, visit);
}
//# sourceMappingURL=environment.js.map
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseYaml } from './load/yaml.js';
import { FatalError } from './errors.js';
import { checkPermalink } from './load/permalink.js';
import { isValidTimeZone } from './load/dates.js';
/** Values used for keys the config file leaves out. */
export const defaultSiteConfig = {
    title: 'News archive',
    description: '',
    lang: 'zh-CN',
    url: '',
    baseurl: '',
    timezone: 'UTC',
    permalink: '/:year/:month/:day/:slug/',
    paginate: 20,
    excerptLength: 140,
    future: false,
    extra: {},
};
const known = new Set(['title', 'description', 'lang', 'url', 'baseurl', 'timezone', 'permalink', 'paginate', 'excerpt_length', 'future']);
/**
 * Reads and validates a config file (`.yml`, `.yaml` or `.json`); `undefined` gives the
 * defaults. `file` is named in messages as given and read relative to `cwd`.
 */
export function loadConfig(file, overrides = {}, cwd = '.') {
    const raw = file === undefined ? {} : readConfigFile(file, resolve(cwd, file));
    const name = file ?? '(defaults)';
    const { url: flagUrl, baseurl: flagBase } = overrides.baseUrl !== undefined ? splitBaseUrl(name, overrides.baseUrl) : {};
    const merged = {
        ...raw,
        ...(overrides.timezone !== undefined ? { timezone: overrides.timezone } : {}),
        ...(overrides.permalink !== undefined ? { permalink: overrides.permalink } : {}),
        ...(flagUrl !== undefined ? { url: flagUrl, baseurl: flagBase } : {}),
        ...(overrides.future ? { future: true } : {}),
    };
    return validateConfig(name, merged);
}
function readConfigFile(file, path) {
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (cause) {
        throw new FatalError(`${file}: cannot read the config file (${cause.message})`, { cause });
    }
    const ext = extname(file).toLowerCase();
    let data;
    try {
        if (ext === '.json')
            data = JSON.parse(text);
        else if (ext === '.yml' || ext === '.yaml')
            data = parseYaml(text).data;
        else
            throw new Error(`unknown config format '${ext}': use .yml, .yaml or .json`);
    }
    catch (cause) {
        const line = cause.line;
        throw new FatalError(`${file}${line ? `:${line}` : ''}: ${cause.message}`, { cause });
    }
    if (data === null || data === undefined)
        return {};
    if (typeof data !== 'object' || Array.isArray(data)) {
        throw new FatalError(`${file}: the config must be a mapping of keys to values`);
    }
    return data;
}
/** Checks each known key and says which key is wrong and why. */
export function validateConfig(file, raw) {
    const problems = [];
    const bad = (key, what, value) => problems.push(`${file}: key '${key}' ${what}, got ${JSON.stringify(value)}`);
    const text = (key, fallback) => {
        const v = raw[key];
        if (v === undefined || v === null)
            return fallback;
        if (typeof v === 'string' || typeof v === 'number')
            return String(v).trim();
        bad(key, 'must be text', v);
        return fallback;
    };
    const title = text('title', defaultSiteConfig.title);
    const description = text('description', '');
    const url = text('url', '').replace(/\/+$/, '');
    if (url !== '' && !/^https?:\/\/[^/\s]+$/.test(url)) {
        bad('url', "must be the site's origin such as https://example.org (put a sub-path in 'baseurl')", raw.url);
    }
    const baseurl = text('baseurl', '').replace(/\/+$/, '');
    if (baseurl !== '' && !/^\/[^\s?#\\]*$/.test(baseurl))
        bad('baseurl', "must be a path starting with '/'", raw.baseurl);
    const timezone = text('timezone', defaultSiteConfig.timezone);
    if (!isValidTimeZone(timezone))
        bad('timezone', 'must be an IANA time zone name such as Asia/Shanghai', raw.timezone);
    const lang = text('lang', defaultSiteConfig.lang);
    try {
        Intl.getCanonicalLocales(lang);
    }
    catch {
        bad('lang', 'must be a language tag such as zh-CN or en', raw.lang);
    }
    const permalink = text('permalink', defaultSiteConfig.permalink);
    const permalinkProblem = checkPermalink(permalink);
    if (permalinkProblem)
        bad('permalink', permalinkProblem, raw.permalink);
    const paginate = positiveInteger('paginate', defaultSiteConfig.paginate);
    const excerptLength = positiveInteger('excerpt_length', defaultSiteConfig.excerptLength);
    const future = raw.future ?? false;
    if (typeof future !== 'boolean')
        bad('future', 'must be true or false', raw.future);
    function positiveInteger(key, fallback) {
        const v = raw[key];
        if (v === undefined || v === null)
            return fallback;
        if (typeof v === 'number' && Number.isInteger(v) && v > 0)
            return v;
        bad(key, 'must be a whole number greater than 0', v);
        return fallback;
    }
    if (problems.length > 0)
        throw new FatalError(problems.join('\n'));
    const extra = Object.fromEntries(Object.entries(raw).filter(([k]) => !known.has(k)));
    return {
        title,
        description,
        lang: Intl.getCanonicalLocales(lang)[0] ?? lang,
        url,
        baseurl,
        timezone,
        permalink,
        paginate,
        excerptLength,
        future: future === true,
        extra,
    };
}
function splitBaseUrl(file, value) {
    let parsed;
    try {
        parsed = new URL(value);
    }
    catch {
        throw new FatalError(`${file}: --base-url must be an absolute URL such as https://example.org/archive, got ${JSON.stringify(value)}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new FatalError(`--base-url must be an http(s) URL, got ${JSON.stringify(value)}`);
    }
    return { url: parsed.origin, baseurl: parsed.pathname.replace(/\/+$/, '') };
}
//# sourceMappingURL=config.js.map
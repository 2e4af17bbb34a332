import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseYaml } from './load/yaml.js';
import { FatalError } from './errors.js';
import { checkPermalink } from './load/permalink.js';
import { isValidTimeZone } from './load/dates.js';
import { readMessageOverrides, type MessageOverrides } from './i18n/messages.js';

/**
 * The site's settings, named as Jekyll names them where Jekyll has them, so that a
 * Jekyll `_config.yml` works for the keys both know. Unknown keys are kept in `extra`.
 */
export interface SiteConfig {
  /** Site name, shown in every page's header and `<title>`. */
  readonly title: string;
  /** One-line description for the home page. */
  readonly description: string;
  /** Language of the site (BCP 47), for `<html lang>` and date formatting. */
  readonly lang: string;
  /** The site's origin, e.g. `https://example.org` (no trailing slash), or '' when unknown. */
  readonly url: string;
  /** The sub-path the site is served under, e.g. `/archive`, or ''. */
  readonly baseurl: string;
  /** IANA time zone in which dates are shown and URL dates are taken. */
  readonly timezone: string;
  /** URL pattern for posts: a Jekyll style name or a pattern with placeholders. */
  readonly permalink: string;
  /** Posts per list page (home, tag and category pages). */
  readonly paginate: number;
  /** Length of excerpts in characters. */
  readonly excerptLength: number;
  /** Build posts dated after the build's start, as Jekyll's `future: true` does. */
  readonly future: boolean;
  /** The Atom and JSON feeds (`feed:` as jekyll-feed names its keys). */
  readonly feed: FeedSettings;
  /** `markdown_ext`: the extensions (without dot, lower case) of posts read as Markdown, as Jekyll's key lists them. */
  readonly markdownExt: readonly string[];
  /** `bare_articles`: read posts without front matter as bare articles (title and date from the text; load/bare-article.ts). */
  readonly bareArticles: boolean;
  /** `messages`: the site's own labels per language, over the theme's (i18n/messages.ts). */
  readonly messages: MessageOverrides;
  /** Every other key of the config file, for templates as `site.<key>`. */
  readonly extra: Readonly<Record<string, unknown>>;
}

export interface FeedSettings {
  /** `excerpt_only`: entries carry the excerpt alone, not the whole article. */
  readonly excerptOnly: boolean;
  /** `posts_limit`: the newest posts each feed holds. */
  readonly postsLimit: number;
  /** `term_feeds_full`: tag and category feeds carry whole articles too, not only excerpts (unless `excerptOnly`). */
  readonly termFeedsFull: boolean;
}

/** Values used for keys the config file leaves out. */
export const defaultSiteConfig: SiteConfig = {
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
  feed: { excerptOnly: false, postsLimit: 20, termFeedsFull: false },
  markdownExt: ['markdown', 'mkdown', 'mkdn', 'mkd', 'md'],
  bareArticles: false,
  messages: {},
  extra: {},
};

/** The command-line flags that override the config file. */
export interface ConfigOverrides {
  readonly timezone?: string | undefined;
  readonly permalink?: string | undefined;
  /** A full URL: its origin becomes `url`, its path `baseurl`. */
  readonly baseUrl?: string | undefined;
  /** `--future`: build future-dated posts. */
  readonly future?: boolean | undefined;
  /** The permalink when neither the config nor a flag names one (Jekyll's `date` in a Jekyll site). */
  readonly defaultPermalink?: string | undefined;
  /** `--bare-articles`: read posts without front matter as bare articles. */
  readonly bareArticles?: boolean | undefined;
}

const known = new Set(['title', 'description', 'lang', 'url', 'baseurl', 'timezone', 'permalink', 'paginate', 'excerpt_length', 'future', 'feed', 'markdown_ext', 'bare_articles', 'messages']);

/**
 * Reads and validates a config file (`.yml`, `.yaml` or `.json`); `undefined` gives the
 * defaults. `file` is named in messages as given and read relative to `cwd`.
 */
export function loadConfig(file: string | undefined, overrides: ConfigOverrides = {}, cwd = '.'): SiteConfig {
  const raw = file === undefined ? {} : readConfigFile(file, resolve(cwd, file));
  const name = file ?? '(defaults)';
  const { url: flagUrl, baseurl: flagBase } = overrides.baseUrl !== undefined ? splitBaseUrl(name, overrides.baseUrl) : {};
  const merged: Record<string, unknown> = {
    ...(overrides.defaultPermalink !== undefined ? { permalink: overrides.defaultPermalink } : {}),
    ...raw,
    ...(overrides.timezone !== undefined ? { timezone: overrides.timezone } : {}),
    ...(overrides.permalink !== undefined ? { permalink: overrides.permalink } : {}),
    ...(flagUrl !== undefined ? { url: flagUrl, baseurl: flagBase } : {}),
    ...(overrides.future ? { future: true } : {}),
    ...(overrides.bareArticles ? { bare_articles: true } : {}),
  };
  return validateConfig(name, merged);
}

function readConfigFile(file: string, path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new FatalError(`${file}: cannot read the config file (${(cause as Error).message})`, { cause });
  }
  const ext = extname(file).toLowerCase();
  let data: unknown;
  try {
    if (ext === '.json') data = JSON.parse(text);
    else if (ext === '.yml' || ext === '.yaml') data = parseYaml(text).data;
    else throw new Error(`unknown config format '${ext}': use .yml, .yaml or .json`);
  } catch (cause) {
    const line = (cause as { line?: number }).line;
    throw new FatalError(`${file}${line ? `:${line}` : ''}: ${(cause as Error).message}`, { cause });
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FatalError(`${file}: the config must be a mapping of keys to values`);
  }
  return data as Record<string, unknown>;
}

/** Checks each known key and says which key is wrong and why. */
export function validateConfig(file: string, raw: Record<string, unknown>): SiteConfig {
  const problems: string[] = [];
  const bad = (key: string, what: string, value: unknown) =>
    problems.push(`${file}: key '${key}' ${what}, got ${JSON.stringify(value)}`);
  const text = (key: string, fallback: string): string => {
    const v = raw[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'string' || typeof v === 'number') return String(v).trim();
    bad(key, 'must be text', v);
    return fallback;
  };

  // Jekyll itself has no title key; many themes (every NodeBE4 archive's) name the site `name:`.
  const title = text('title', text('name', defaultSiteConfig.title));
  const description = text('description', '');
  const url = text('url', '').replace(/\/+$/, '');
  if (url !== '' && !/^https?:\/\/[^/\s]+$/.test(url)) {
    bad('url', "must be the site's origin such as https://example.org (put a sub-path in 'baseurl')", raw.url);
  }
  const baseurl = text('baseurl', '').replace(/\/+$/, '');
  if (baseurl !== '' && !/^\/[^\s?#\\]*$/.test(baseurl)) bad('baseurl', "must be a path starting with '/'", raw.baseurl);

  const timezone = text('timezone', defaultSiteConfig.timezone);
  if (!isValidTimeZone(timezone)) bad('timezone', 'must be an IANA time zone name such as Asia/Shanghai', raw.timezone);

  // Jekyll themes of the minimal-mistakes and jekyll-seo-tag kind name the language `locale:`
  // (`en_US`, POSIX style): without a `lang:`, a migrating site keeps its language.
  const fromLocale = raw.lang === undefined || raw.lang === null;
  const lang = fromLocale ? text('locale', defaultSiteConfig.lang).replace(/_/g, '-') : text('lang', defaultSiteConfig.lang);
  try {
    Intl.getCanonicalLocales(lang);
  } catch {
    if (fromLocale) bad('locale', 'must be a language tag such as en_US or zh-TW (it is the language when there is no lang:)', raw.locale);
    else bad('lang', 'must be a language tag such as zh-CN or en', raw.lang);
  }

  const permalink = text('permalink', defaultSiteConfig.permalink);
  const permalinkProblem = checkPermalink(permalink);
  if (permalinkProblem) bad('permalink', permalinkProblem, raw.permalink);

  const paginate = positiveInteger('paginate', defaultSiteConfig.paginate);
  const excerptLength = positiveInteger('excerpt_length', defaultSiteConfig.excerptLength);
  const future = raw.future ?? false;
  if (typeof future !== 'boolean') bad('future', 'must be true or false', raw.future);
  const feed = feedSettings(raw.feed);
  function feedSettings(value: unknown): FeedSettings {
    const fallback = defaultSiteConfig.feed;
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'object' || Array.isArray(value)) {
      bad('feed', 'must be a mapping (excerpt_only, posts_limit, term_feeds_full)', value);
      return fallback;
    }
    // jekyll-feed's other keys (path, categories, tags, …) are left alone: a Jekyll config still works.
    const { excerpt_only: excerptOnly = fallback.excerptOnly, posts_limit: postsLimit = fallback.postsLimit, term_feeds_full: termFeedsFull = fallback.termFeedsFull } = value as Record<string, unknown>;
    if (typeof excerptOnly !== 'boolean') bad('feed.excerpt_only', 'must be true or false', excerptOnly);
    if (typeof postsLimit !== 'number' || !Number.isInteger(postsLimit) || postsLimit < 1) bad('feed.posts_limit', 'must be a whole number greater than 0', postsLimit);
    if (typeof termFeedsFull !== 'boolean') bad('feed.term_feeds_full', 'must be true or false', termFeedsFull);
    return { excerptOnly: excerptOnly === true, postsLimit: typeof postsLimit === 'number' && Number.isInteger(postsLimit) && postsLimit > 0 ? postsLimit : fallback.postsLimit, termFeedsFull: termFeedsFull === true };
  }
  function positiveInteger(key: string, fallback: number): number {
    const v = raw[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
    bad(key, 'must be a whole number greater than 0', v);
    return fallback;
  }

  const markdownExt = extensionList(raw.markdown_ext);
  function extensionList(value: unknown): readonly string[] {
    if (value === undefined || value === null) return defaultSiteConfig.markdownExt;
    // Jekyll's form is one string, `markdown,mkdown,mkdn,mkd,md`; a YAML list is taken too.
    const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
    const names = items?.map((v) => v.trim().replace(/^\./, '').toLowerCase()).filter(Boolean);
    if (!names || names.length === 0 || names.some((n) => !/^[a-z0-9_-]+$/.test(n) || n === 'html')) {
      bad('markdown_ext', 'must be extensions separated by commas, such as markdown,mkdown,mkdn,mkd,md', value);
      return defaultSiteConfig.markdownExt;
    }
    return [...new Set(names)];
  }
  const bareArticles = raw.bare_articles ?? false;
  if (typeof bareArticles !== 'boolean') bad('bare_articles', 'must be true or false', raw.bare_articles);

  const messages = readMessageOverrides(raw.messages, bad);

  if (problems.length > 0) throw new FatalError(problems.join('\n'));
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
    feed,
    markdownExt,
    bareArticles: bareArticles === true,
    messages,
    extra,
  };
}

function splitBaseUrl(file: string, value: string): { url: string; baseurl: string } {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new FatalError(`${file}: --base-url must be an absolute URL such as https://example.org/archive, got ${JSON.stringify(value)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FatalError(`--base-url must be an http(s) URL, got ${JSON.stringify(value)}`);
  }
  return { url: parsed.origin, baseurl: parsed.pathname.replace(/\/+$/, '') };
}

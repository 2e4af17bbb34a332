import { messageFormatter, type Message, type MessageParams } from '../search/browser/messages.js';
import { en } from './tables/en.js';
import { ja } from './tables/ja.js';
import { zhHans } from './tables/zh-hans.js';
import { zhHant } from './tables/zh-hant.js';

/**
 * The theme's labels in the page's language. gazette ships a table per language it knows
 * (tables/); a page in any other language is labelled in English. A site's config can
 * override any label, or add its own, per language (`messages:`, see config.ts), without
 * copying the templates.
 */

/** The tables gazette ships, by the language they are written in. */
export const shippedTables = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant, ja } as const satisfies Record<string, Readonly<Record<string, Message>>>;

export type TableName = keyof typeof shippedTables;

/** A site's own messages: language tag (canonical, as `Intl.getCanonicalLocales` gives it) → key → message. */
export type MessageOverrides = Readonly<Record<string, Readonly<Record<string, Message>>>>;

/** The labels of one language. */
export interface Translator {
  /** The language the pages are labelled for (the page's `lang`). */
  readonly lang: string;
  /** The label `key` with its placeholders filled in; throws when no table has it (a misspelt key in a template). */
  t(key: string, params?: MessageParams): string;
  /** The message itself, unformatted (for the search page's script, which formats it in the browser); undefined when no table has it. */
  message(key: string): Message | undefined;
  /** A number written for the language (`1,402`). */
  number(value: number): string;
}

/**
 * The shipped table a language is read in: Chinese by its script (zh-TW and zh-HK are
 * Traditional, zh-CN and plain zh Simplified, as `Intl.Locale#maximize` has it), Japanese,
 * English; undefined for any other language.
 */
export function tableFor(lang: string): TableName | undefined {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(lang).maximize();
  } catch {
    return undefined;
  }
  if (locale.language === 'zh') return locale.script === 'Hant' ? 'zh-Hant' : 'zh-Hans';
  if (locale.language === 'ja' || locale.language === 'en') return locale.language;
  return undefined;
}

/**
 * Translators by language, each made once. A language's messages are, from the least
 * specific to the most: English, then the shipped table it is read in and the site's
 * overrides for that table's name, its language (`pt`) and its exact tag (`pt-BR`).
 */
export function createMessages(overrides: MessageOverrides = {}): (lang: string) => Translator {
  const made = new Map<string, Translator>();
  return (lang) => {
    let translator = made.get(lang);
    if (!translator) {
      translator = translatorFor(lang, overrides);
      made.set(lang, translator);
    }
    return translator;
  };
}

function translatorFor(lang: string, overrides: MessageOverrides): Translator {
  const base = tableFor(lang) ?? 'en';
  const table: Record<string, Message> = { ...en, ...shippedTables[base] };
  for (const tag of new Set([base, lang.split('-')[0]!, lang])) Object.assign(table, overrides[tag]);
  const format = messageFormatter(lang);
  const numbers = new Intl.NumberFormat(lang);
  return {
    lang,
    number: (value) => numbers.format(value),
    message: (key) => (Object.hasOwn(table, key) ? table[key] : undefined),
    t(key, params) {
      if (!Object.hasOwn(table, key)) throw new Error(`no message '${key}' for language ${lang} (add it under 'messages:' in the config)`);
      return format(table[key]!, params);
    },
  };
}

const pluralCategories = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/**
 * The `messages:` of a config: a mapping of language tags to the site's messages, each
 * given by its dotted key (`nav.categories: Outlets`) or in nested mappings (`nav:` then
 * `categories: Outlets`); a counted message as a mapping of plural categories with `other`
 * (`one: "{count} story"`, `other: "{count} stories"`). Each problem is told to `bad` with
 * the key it is under.
 */
export function readMessageOverrides(value: unknown, bad: (key: string, what: string, value: unknown) => void): MessageOverrides {
  if (value === undefined || value === null) return {};
  if (!isMapping(value)) {
    bad('messages', 'must be a mapping of language tags (en, zh-TW, …) to messages', value);
    return {};
  }
  const overrides: Record<string, Record<string, Message>> = {};
  for (const [tag, messages] of Object.entries(value)) {
    let lang: string | undefined;
    try {
      lang = Intl.getCanonicalLocales(tag)[0];
    } catch {
      // reported below
    }
    if (!lang) {
      bad(`messages.${tag}`, 'must be under a language tag such as en or zh-TW', tag);
      continue;
    }
    if (!isMapping(messages)) {
      bad(`messages.${tag}`, 'must be a mapping of message keys to texts', messages);
      continue;
    }
    const table = (overrides[lang] ??= {});
    const visit = (prefix: string, entries: Record<string, unknown>) => {
      for (const [name, message] of Object.entries(entries)) {
        const key = prefix ? `${prefix}.${name}` : name;
        if (typeof message === 'string' || typeof message === 'number') table[key] = String(message);
        else if (isMapping(message) && Object.keys(message).every((k) => pluralCategories.has(k))) {
          if (typeof message['other'] !== 'string' || Object.values(message).some((form) => typeof form !== 'string')) bad(`messages.${tag}.${key}`, "must give each plural form as text, 'other' among them", message);
          else table[key] = message as unknown as Message;
        } else if (isMapping(message)) visit(key, message);
        else bad(`messages.${tag}.${key}`, 'must be text', message);
      }
    };
    visit('', messages);
  }
  return overrides;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

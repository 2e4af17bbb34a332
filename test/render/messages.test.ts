import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config.js';
import { parseTemplate, walkTemplate, type TemplateNode as Node } from '../../src/render/environment.js';
import { createMessages, shippedTables, tableFor } from '../../src/i18n/messages.js';
import type { Message } from '../../src/search/browser/messages.js';
import { root } from '../helpers/paths.js';

/**
 * The theme's labels: every label a template prints comes from the message tables, every
 * shipped table has every label with the same placeholders, and a page's language picks
 * its table (tested on whole built pages in test/browser/languages.test.ts).
 */

const templatesDir = join(root, 'templates');
const templates = readdirSync(templatesDir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.njk'))
  .map((e) => join(e.parentPath, e.name));

/** The keys an argument names: a literal, both branches of `… if … else …`, each item of a list. */
function keyLiterals(node: Node | undefined): string[] {
  if (!node) return [];
  if (node.typename === 'Literal') return typeof node.value === 'string' ? [node.value] : [];
  if (node.typename === 'InlineIf') return [...keyLiterals(node['body'] as Node), ...keyLiterals(node['else_'] as Node)];
  if (node.typename === 'Array') return (node.children ?? []).flatMap(keyLiterals);
  return [`(a key the template computes: ${node.typename})`];
}

/** The message keys a template asks for: `t('key', …)` and `messages(['key', …])`. */
function keysOf(source: string): string[] {
  const keys: string[] = [];
  walkTemplate(parseTemplate(source), (n) => {
    if (n.typename !== 'FunCall') return;
    const name = (n['name'] as Node | undefined)?.value;
    const args = (n['args'] as Node | undefined)?.children ?? [];
    if (name === 't' || name === 'messages') keys.push(...keyLiterals(args[0]));
  });
  return keys;
}

/** The text a template writes itself: its text outside tags, and its label attributes; not its comments, tags or `{{ … }}`. */
function ownText(source: string): string[] {
  const html = source
    .replace(/\{#[\s\S]*?#\}/g, '')
    .replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, '\u0001')
    .replace(/<!--[\s\S]*?-->/g, '');
  const texts = [...html.matchAll(/\s(?:aria-label|title|alt|placeholder)="([^"]*)"/g)].map((m) => m[1]!);
  texts.push(...html.replace(/<[^>]*>/g, ' ').split(/\s+/));
  return texts.filter((text) => /\p{L}/u.test(text));
}

const placeholders = (message: Message) =>
  [...new Set((typeof message === 'string' ? [message] : Object.values(message)).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

describe('the theme’s labels', () => {
  it('asks only for labels every shipped table has', () => {
    const missing: string[] = [];
    let asked = 0;
    for (const file of templates) {
      for (const key of keysOf(readFileSync(file, 'utf8'))) {
        asked++;
        for (const [lang, table] of Object.entries(shippedTables)) if (!Object.hasOwn(table, key)) missing.push(`${file.slice(root.length + 1)}: '${key}' is not in the ${lang} table`);
      }
    }
    expect(missing).toEqual([]);
    expect(asked).toBeGreaterThan(40);
    // The check sees a key in a literal, in both branches of an inline if, in a list, and a key it cannot know.
    expect(keysOf("{{ t('a' if page.kind == 'tag' else 'b') }}{{ messages(['c', 'd']) }}{{ t(name) }}")).toEqual(['a', 'b', 'c', 'd', '(a key the template computes: Symbol)']);
  });

  it('prints no words of its own: every label goes through t()', () => {
    const own = templates.flatMap((file) => ownText(readFileSync(file, 'utf8')).map((text) => `${file.slice(root.length + 1)}: ${text}`));
    expect(own).toEqual([]);
    // The check sees a word written in a template, as text or as a label attribute.
    expect(ownText('<nav aria-label="Pages"><a href="x">{{ t("nav.home") }}</a> 首页</nav>')).toEqual(['Pages', '首页']);
  });

  it('ships every label in every table, with the placeholders the English one has', () => {
    const problems: string[] = [];
    for (const [lang, table] of Object.entries(shippedTables)) {
      for (const [key, message] of Object.entries(shippedTables.en)) {
        const own = (table as Record<string, Message>)[key];
        if (own === undefined) problems.push(`${lang}: no '${key}'`);
        else if (placeholders(own).join() !== placeholders(message).join()) problems.push(`${lang}: '${key}' has {${placeholders(own).join('}, {')}}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses each table only for its language and writes the Chinese tables in their own characters', () => {
    expect(shippedTables['zh-Hant']['nav.search']).toBe('搜尋');
    expect(shippedTables['zh-Hans']['nav.search']).toBe('搜索');
    // No label of the traditional table is the simplified one's text converted character by character, and the reverse: words differ (搜尋/搜索, 網站導覽/网站导航).
    const differing = Object.keys(shippedTables.en).filter((key) => JSON.stringify((shippedTables['zh-Hant'] as Record<string, Message>)[key]) !== JSON.stringify((shippedTables['zh-Hans'] as Record<string, Message>)[key]));
    expect(differing.length).toBeGreaterThan(30);
  });
});

describe('the page’s language', () => {
  it('picks the shipped table by language and script, English for any other language', () => {
    expect(tableFor('zh-CN')).toBe('zh-Hans');
    expect(tableFor('zh')).toBe('zh-Hans');
    expect(tableFor('zh-TW')).toBe('zh-Hant');
    expect(tableFor('zh-HK')).toBe('zh-Hant');
    expect(tableFor('zh-Hant')).toBe('zh-Hant');
    expect(tableFor('ja-JP')).toBe('ja');
    expect(tableFor('en-GB')).toBe('en');
    expect(tableFor('pt-BR')).toBeUndefined();
    expect(createMessages()('pt-BR').t('nav.home')).toBe('Home');
    expect(createMessages()('zh-TW').t('nav.tags')).toBe('標籤');
  });

  it('chooses plural forms with Intl.PluralRules and writes numbers for the language', () => {
    const messages = createMessages();
    expect(messages('en').t('list.count', { count: 1 })).toBe('1 article');
    expect(messages('en').t('list.count', { count: 1402 })).toBe('1,402 articles');
    expect(messages('zh-CN').t('post.length.characters', { count: 7827 })).toBe('7,827 字');
    expect(messages('ja').t('search.found', { count: 3 })).toBe('3 件見つかりました');
    expect(messages('de').number(1402)).toBe('1.402');
    // A language with more forms than English: Russian's "few" and "many", from the site's own messages.
    const russian = createMessages({ ru: { 'list.count': { one: '{count} статья', few: '{count} статьи', many: '{count} статей', other: '{count} статьи' } } })('ru');
    expect([1, 3, 5, 21].map((count) => russian.t('list.count', { count }))).toEqual(['1 статья', '3 статьи', '5 статей', '21 статья']);
  });

  it('takes the site’s messages over the shipped ones, the most specific language last', () => {
    const messages = createMessages({ en: { 'nav.categories': 'Outlets' }, 'zh-Hant': { 'nav.categories': '媒體' }, 'zh-HK': { 'nav.categories': '傳媒' }, pt: { 'nav.home': 'Início', 'site.motto': 'Arquivo' } });
    expect(messages('en-US').t('nav.categories')).toBe('Outlets');
    expect(messages('zh-TW').t('nav.categories')).toBe('媒體');
    expect(messages('zh-HK').t('nav.categories')).toBe('傳媒');
    expect(messages('zh-CN').t('nav.categories')).toBe('来源');
    // A language gazette ships no table for: the site's own, then English (with the site's English).
    expect(messages('pt-BR').t('nav.home')).toBe('Início');
    expect(messages('pt-BR').t('nav.categories')).toBe('Outlets');
    // A message a site adds for its own templates.
    expect(messages('pt').t('site.motto')).toBe('Arquivo');
    expect(() => messages('en').t('site.motto')).toThrow("no message 'site.motto' for language en");
  });
});

describe('messages in the config', () => {
  it('reads dotted keys, nested mappings and plural forms under language tags', () => {
    const config = validateConfig('gazette.config.yml', {
      messages: { EN: { nav: { categories: 'Outlets' }, 'list.count': { one: '{count} story', other: '{count} stories' } }, 'zh-tw': { 'nav.home': '首頁' } },
    });
    expect(config.messages).toEqual({ en: { 'nav.categories': 'Outlets', 'list.count': { one: '{count} story', other: '{count} stories' } }, 'zh-TW': { 'nav.home': '首頁' } });
  });

  it('names each bad entry and says why', () => {
    expect(() => validateConfig('gazette.config.yml', { messages: ['nav.home'] })).toThrow("gazette.config.yml: key 'messages' must be a mapping of language tags");
    expect(() => validateConfig('gazette.config.yml', { messages: { 'not a tag!': { 'nav.home': 'x' } } })).toThrow("key 'messages.not a tag!' must be under a language tag");
    expect(() => validateConfig('gazette.config.yml', { messages: { en: { 'nav.home': ['x'] } } })).toThrow("key 'messages.en.nav.home' must be text");
    expect(() => validateConfig('gazette.config.yml', { messages: { en: { 'list.count': { one: '{count} story' } } } })).toThrow("key 'messages.en.list.count' must give each plural form as text, 'other' among them");
  });
});

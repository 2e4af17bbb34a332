import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element as HastElement, Nodes, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/load/front-matter.js';
import { createArticleProcessor } from '../../src/transform/article-processor.js';
import { createMarkdownRenderer } from '../../src/transform/markdown.js';
import lazyImageSources from '../../src/transform/rules/lazy-image-sources.js';
import unprefixIds from '../../src/transform/rules/unprefix-ids.js';
import { articleSchema } from '../../src/transform/sanitize-schema.js';
import { fixtures } from '../helpers/paths.js';

/**
 * Sanitized output is a fixed point: over the XSS corpus (test/fixtures/xss, see
 * test/browser/xss.test.ts), sanitizing gazette's article HTML again changes nothing, and
 * the sanitize step alone is idempotent and leaves no javascript:/vbscript:/data: URL in
 * any URL attribute, srcset candidates included.
 */
const corpus = join(fixtures, 'xss');
const postFiles = readdirSync(corpus).filter((f) => /\.(md|markdown|html)$/.test(f)).sort();

interface Difference {
  readonly path: string;
  readonly what: string;
}

/** Differences between two trees (an element's attributes, its children), walking both in step. */
function differences(a: Nodes, b: Nodes, path = ''): Difference[] {
  if (a.type !== b.type) return [{ path, what: `${a.type} became ${b.type}` }];
  if (a.type === 'text' || a.type === 'comment') {
    return a.value === (b as typeof a).value ? [] : [{ path, what: `${a.type} ${JSON.stringify(a.value.slice(0, 60))} became ${JSON.stringify((b as typeof a).value.slice(0, 60))}` }];
  }
  const out: Difference[] = [];
  let here = path;
  if (a.type === 'element') {
    const e = b as HastElement;
    here = `${path}/${a.tagName}`;
    if (a.tagName !== e.tagName) return [{ path: here, what: `<${a.tagName}> became <${e.tagName}>` }];
    for (const key of new Set([...Object.keys(a.properties), ...Object.keys(e.properties)])) {
      const before = a.properties[key];
      const after = e.properties[key];
      if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path: here, what: `${key}: ${JSON.stringify(before)} → ${JSON.stringify(after)}` });
    }
  }
  if ('children' in a) {
    const ca = a.children;
    const cb = (b as Root | HastElement).children;
    if (ca.length !== cb.length) {
      out.push({ path: here, what: `${ca.length} children became ${cb.length}` });
    } else {
      ca.forEach((child, i) => out.push(...differences(child, cb[i]!, here)));
    }
  }
  return out;
}

/** URL values of a hast element property (srcset: each candidate's URL). */
function urlValues(key: string, value: unknown): string[] {
  const values = Array.isArray(value) ? value.map(String) : [String(value)];
  return key === 'srcSet' ? values.flatMap((v) => v.split(',')).map((c) => c.trim().split(/\s+/)[0] ?? '') : values;
}

const urlProperties = new Set(['href', 'src', 'srcSet', 'cite', 'longDesc', 'action', 'formAction', 'poster', 'background', 'data', 'xLinkHref', 'ping']);

/** Elements of a tree carrying a javascript:, vbscript:, data: (or similar) URL in a URL attribute. */
function dangerousUrls(tree: Nodes, path = ''): string[] {
  const out: string[] = [];
  if (tree.type === 'element') {
    path = `${path}/${tree.tagName}`;
    for (const [key, value] of Object.entries(tree.properties)) {
      if (!urlProperties.has(key) && !/^data[A-Z]/.test(key)) continue;
      for (const url of urlValues(key, value)) {
        if (/^(javascript|vbscript|data|livescript|mocha):/i.test(url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, ''))) out.push(`${path} ${key}=${JSON.stringify(url)}`);
      }
    }
  }
  if ('children' in tree) for (const child of tree.children) out.push(...dangerousUrls(child, path));
  return out;
}

describe('sanitized output is a fixed point', () => {
  const parse = (html: string) => unified().use(rehypeParse, { fragment: true }).parse(html);
  // gazette's sanitize step, exactly as the article processor runs it.
  const sanitizer = unified().use(rehypeParse, { fragment: true }).use(lazyImageSources).use(unprefixIds).use(rehypeSanitize, articleSchema).use(rehypeStringify);
  const sanitize = (html: string) => String(sanitizer.processSync(html));
  const renderMarkdown = createMarkdownRenderer();
  const transform = createArticleProcessor({ origin: '', excerptLength: 140, archivedUrl: () => undefined, isSourceSite: () => false });
  const posts = postFiles.map((file) => {
    const { yaml, body } = splitFrontMatter(readFileSync(join(corpus, file), 'utf8'));
    const from = (yaml?.data as { from?: unknown } | undefined)?.from;
    const format = file.endsWith('.html') ? ('html' as const) : ('markdown' as const);
    return { file, format, body, from: typeof from === 'string' ? from : undefined };
  });

  it('gazette’s article HTML: sanitizing it again changes nothing', () => {
    const changed: string[] = [];
    for (const post of posts) {
      const html = transform({ format: post.format, body: post.body, url: '/x/', from: post.from }).html;
      const again = sanitize(html);
      if (again === html) continue;
      const diffs = differences(parse(html), parse(again));
      if (diffs.length === 0) changed.push(`${post.file}: the HTML text changed though its tree did not: ${JSON.stringify(html.slice(0, 120))}`);
      for (const d of diffs) changed.push(`${post.file} ${d.path}: ${d.what}`);
    }
    expect(changed, 'a second sanitize changed gazette’s article HTML').toEqual([]);
  });

  it('the sanitize step alone is idempotent and leaves no dangerous URL', () => {
    const changed: string[] = [];
    const dangerous: string[] = [];
    for (const post of posts) {
      const once = sanitize(post.format === 'markdown' ? renderMarkdown(post.body) : post.body);
      const twice = sanitize(once);
      if (twice !== once) changed.push(...differences(parse(once), parse(twice)).map((d) => `${post.file} ${d.path}: ${d.what}`));
      dangerous.push(...dangerousUrls(parse(once)).map((d) => `${post.file} ${d}`));
    }
    expect(changed, 'sanitizing sanitized HTML changed it').toEqual([]);
    expect(dangerous, 'a URL attribute kept a javascript:/vbscript:/data: URL through the sanitize step').toEqual([]);
  });
});

import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { createArticleProcessor } from '../../src/transform/article-processor.js';
import lazyImageSources from '../../src/transform/rules/lazy-image-sources.js';
import unprefixIds from '../../src/transform/rules/unprefix-ids.js';
import { articleSchema } from '../../src/transform/sanitize-schema.js';

/** Pieces hostile HTML is made of: elements, attributes and URLs that run code, in many spellings. */
const tag = fc.constantFrom('script', 'SCRIPT', 'img', 'a', 'svg', 'math', 'iframe', 'object', 'embed', 'style', 'div', 'p', 'span', 'form', 'input', 'button', 'noscript', 'template', 'textarea', 'title', 'base', 'meta', 'link', 'video', 'source', 'details', 'table', 'td', 'figure');
const url = fc.constantFrom('javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', '&#106;avascript:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>', ' javascript:alert(1)', 'https://e.org/a.jpg', '/rel', '#frag', 'x.jpg 1x, javascript:alert(1) 2x');
const attribute = fc.tuple(
  fc.constantFrom('onerror', 'onload', 'onclick', 'ONMOUSEOVER', 'href', 'src', 'srcset', 'data-src', 'action', 'formaction', 'xlink:href', 'style', 'id', 'name', 'poster', 'background', 'srcdoc', 'http-equiv', 'content'),
  fc.oneof(url, fc.constantFrom('alert(1)', 'expression(alert(1))', 'refresh', '0;url=javascript:alert(1)', 'location', '<script>alert(1)</script>')),
);
const element: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string(),
    fc.tuple(tag, fc.array(attribute, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 3 }), fc.boolean()).map(
      ([name, attrs, children, close]) => `<${name}${attrs.map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`).join('')}>${children.join('')}${close ? `</${name}>` : ''}`,
    ),
  ),
})).node;

const allowedSchemes = new Set([...(articleSchema.protocols?.href ?? []), ...(articleSchema.protocols?.src ?? [])]);

function problems(html: string): string[] {
  const found: string[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === 'element') {
      const el = node as Element;
      if (['script', 'iframe', 'object', 'embed', 'style', 'base', 'meta', 'link', 'form', 'svg', 'math', 'template'].includes(el.tagName)) found.push(`<${el.tagName}>`);
      for (const [k, v] of Object.entries(el.properties)) {
        if (/^on/i.test(k) || k === 'style' || k === 'srcDoc' || k === 'srcSet') found.push(`${k} on <${el.tagName}>`);
        if (['href', 'src', 'action', 'formAction', 'poster', 'cite'].includes(k)) {
          const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(String(v).replace(/[\u0000-\u001f]/g, ''))?.[1]?.toLowerCase();
          if (scheme && !allowedSchemes.has(scheme)) found.push(`${k}=${String(v)}`);
        }
      }
    }
    if ('children' in node) node.children.forEach(walk);
  };
  walk(fromHtml(html, { fragment: true }));
  return found;
}

describe('the HTML pipeline (property)', () => {
  const transform = createArticleProcessor({ origin: '', excerptLength: 80, archivedUrl: () => undefined, isSourceSite: () => false });
  const sanitizer = unified().use(rehypeParse, { fragment: true }).use(lazyImageSources).use(unprefixIds).use(rehypeSanitize, articleSchema).use(rehypeStringify);

  it('never outputs executable content, and sanitizing its output again changes nothing', () => {
    fc.assert(
      fc.property(fc.array(element, { minLength: 1, maxLength: 6 }), fc.boolean(), (parts, markdown) => {
        const html = transform({ format: markdown ? 'markdown' : 'html', body: parts.join('\n'), url: '/x/' }).html;
        expect(problems(html)).toEqual([]);
        expect(String(sanitizer.processSync(html))).toBe(html);
      }),
      { numRuns: 1500 },
    );
  });
});

import type { Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { defaultTreeAdapter, parseFragment, type DefaultTreeAdapterMap, type TreeAdapter } from 'parse5';
import type { Plugin } from 'unified';

/**
 * The article's HTML parsed into one hast tree: what rehype-parse does (parse5, then
 * hast-util-from-parse5, with scripting off), with a budget on the elements parse5 makes.
 *
 * HTML reopens every formatting element left open (`<b>`, `<i>`, `<font>` …, up to three alike
 * but any number with different attributes) in each following paragraph, so 800 distinct
 * unclosed `<b>` tags and 800 paragraphs — 14 KB — make 640,000 elements, seconds of work
 * and a 7 MB page; a few hundred kilobytes would exhaust the memory (issue #13). Each element
 * written in the HTML costs at least three characters (`<b>`), so no real article comes near
 * `10,000 + length / 2` elements; past it the parse stops with HtmlTooLargeError. rehype-parse
 * cannot be given a tree adapter, hence this parser; the tests still parse with rehype-parse.
 */

/** Thrown when the HTML would make more elements than its budget. */
export class HtmlTooLargeError extends Error {
  override readonly name = 'HtmlTooLargeError';
  constructor(readonly budget: number) {
    super(`the article's HTML makes more than ${budget.toLocaleString('en')} elements: it leaves formatting tags such as <b> or <font> open, and HTML reopens every one of them in each following paragraph`);
  }
}

/** How many elements parsing `html` may make. */
export function elementBudget(html: string): number {
  return 10_000 + Math.ceil(html.length / 2);
}

/** Parses an HTML fragment to hast, throwing HtmlTooLargeError past `budget` elements. */
export function parseHtmlFragment(html: string, budget = elementBudget(html)): Root {
  let made = 0;
  const adapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    createElement(tagName, namespaceURI, attrs) {
      if (++made > budget) throw new HtmlTooLargeError(budget);
      return defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
    },
  };
  return fromParse5(parseFragment(html, { treeAdapter: adapter, scriptingEnabled: false })) as Root;
}

/** unified parser plugin: an HTML fragment to hast, within the element budget. */
const parseHtml: Plugin<[], string, Root> = function () {
  this.parser = (document) => parseHtmlFragment(document);
};
export default parseHtml;

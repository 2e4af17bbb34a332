import { decodeHTML } from 'entities';
import { SaxesParser } from 'saxes';
import { expect } from 'vitest';

const atomNs = 'http://www.w3.org/2005/Atom';

/** An element of a parsed XML document: its name, namespace, attributes, text and children. */
export interface XmlElement {
  readonly name: string;
  readonly uri: string;
  readonly attributes: Record<string, string>;
  text: string;
  readonly children: XmlElement[];
}

/**
 * Parses an XML document with saxes, a conformant non-validating parser: throws on anything
 * that is not well-formed XML 1.0 (stray `&`, unclosed tags, characters XML forbids).
 */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const element: XmlElement = { name: tag.local, uri: tag.uri, attributes, text: '', children: [] };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    if (stack.length > 0) stack.at(-1)!.text += text;
  });
  parser.on('cdata', (text) => {
    if (stack.length > 0) stack.at(-1)!.text += text;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

/** The children of `element` named `name`. */
export const childrenNamed = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);

/**
 * `text` without the characters XML 1.0 cannot carry even escaped (its Char production):
 * C0 controls other than tab, line feed and carriage return, lone surrogates, U+FFFE, U+FFFF.
 */
export function xmlChars(text: string): string {
  return [...text]
    .filter((ch) => {
      const c = ch.codePointAt(0)!;
      return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
    })
    .join('');
}

/** What a reader shows of an Atom text construct: type="html" is unescaped once more, text is shown as it is. */
export const shownText = (element: XmlElement) => (element.attributes.type === 'html' ? decodeHTML(element.text) : element.text);

/** An Atom feed's parts, after checking (with vitest's expect) the elements RFC 4287 requires. */
export function readAtom(xml: string) {
  const feed = parseXml(xml);
  expect(feed).toMatchObject({ name: 'feed', uri: atomNs });
  const one = (parent: XmlElement, name: string) => {
    const found = childrenNamed(parent, name);
    expect(found, `<${name}> in <${parent.name}>`).toHaveLength(1);
    return found[0]!;
  };
  const authors = (parent: XmlElement) => childrenNamed(parent, 'author').map((a) => one(a, 'name').text);
  for (const name of ['id', 'title', 'updated']) one(feed, name);
  expect(childrenNamed(feed, 'author').length).toBeGreaterThan(0);
  const entries = childrenNamed(feed, 'entry').map((e) => {
    for (const name of ['id', 'title', 'updated']) one(e, name);
    expect(Number.isNaN(Date.parse(one(e, 'updated').text))).toBe(false);
    const categories = childrenNamed(e, 'category').map((c) => ({ term: c.attributes.term, label: c.attributes.label }));
    return { id: one(e, 'id').text, title: shownText(one(e, 'title')), link: childrenNamed(e, 'link')[0]?.attributes.href, authors: authors(e), categories, summary: childrenNamed(e, 'summary')[0], content: childrenNamed(e, 'content')[0] };
  });
  const links = Object.fromEntries(childrenNamed(feed, 'link').map((l) => [l.attributes.rel ?? 'alternate', l.attributes.href]));
  const subtitle = childrenNamed(feed, 'subtitle')[0];
  return { id: one(feed, 'id').text, title: shownText(one(feed, 'title')), subtitle: subtitle && shownText(subtitle), authors: authors(feed), updated: one(feed, 'updated').text, links, entries };
}

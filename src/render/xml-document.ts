/**
 * A small XML 1.0 writer for the feeds: a plain tree of elements in, a document out. Every
 * text and attribute value goes through one escape for its place, so no field can reach the
 * XML raw. (The libraries tried each get a place wrong: feed + xml-js leave `<` raw in
 * attributes, turn a literal `&amp;` into `&` and end a CDATA section at a second `]]>`;
 * xmlbuilder2 leaves `&name;` and `&#N;` unescaped — see SECURITY.md.)
 */

/** An element: its name, its attributes (written in the order given) and either text or child elements. */
export interface XmlElement {
  /** A name from gazette's code, never from data (names are written as they are). */
  readonly name: string;
  /** Attribute names (gazette's, like element names) and values (any text: escaped). */
  readonly attributes?: Readonly<Record<string, string>>;
  /** Character data (any text: escaped); an element has text or children. */
  readonly text?: string;
  readonly children?: readonly XmlElement[];
}

/**
 * What XML 1.0 cannot carry even as a character reference (its Char production): C0
 * controls but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF. Dropped from every value.
 */
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// `>` is escaped too so that no value can hold `]]>`. A raw CR would reach the reader as LF,
// and a raw tab, LF or CR in an attribute as a space (XML's end-of-line and attribute-value
// normalisation): as references they are kept.
const textRefs: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
const attributeRefs: Readonly<Record<string, string>> = { ...textRefs, '"': '&quot;', '\t': '&#x9;', '\n': '&#xA;' };

/** `value` as XML character data. */
function escapeXmlText(value: string): string {
  return value.replace(notXml, '').replace(/[&<>\r]/g, (c) => textRefs[c]!);
}

/** `value` as the inside of a double-quoted XML attribute. */
function escapeXmlAttribute(value: string): string {
  return value.replace(notXml, '').replace(/[&<>"\t\n\r]/g, (c) => attributeRefs[c]!);
}

/** The document: an XML declaration, then `root`, each child element on its own line, indented. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, '')}\n`;
}

function element({ name, attributes = {}, text, children = [] }: XmlElement, indent: string): string {
  const open = name + Object.entries(attributes).map(([key, value]) => ` ${key}="${escapeXmlAttribute(value)}"`).join('');
  if (text !== undefined) return `${indent}<${open}>${escapeXmlText(text)}</${name}>`;
  if (children.length === 0) return `${indent}<${open}/>`;
  return `${indent}<${open}>\n${children.map((child) => element(child, `${indent}  `)).join('\n')}\n${indent}</${name}>`;
}

import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

/**
 * YAML as Jekyll reads it. Jekyll parses front matter with Ruby's Psych, a YAML 1.1
 * parser: `yes`/`no` are booleans (so `draft: yes` is a draft), `10:30` is a number.
 * The `yaml` package's 1.1 schema reads the same way. This module is gazette's only
 * YAML reader; it never constructs objects from tags (custom tags are refused) and caps
 * alias expansion, so a post cannot run code or blow up memory through its front matter.
 */

/** A YAML problem at a line of the parsed text (1-based). */
export class YamlError extends Error {
  override readonly name = 'YamlError';
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
  }
}

/** A top-level scalar as written: needed where the same value means different things quoted or not. */
export interface RawScalar {
  readonly value: unknown;
  /** The text of the scalar as written, without quotes. */
  readonly source: string;
  /** True for a plain (unquoted) scalar. */
  readonly plain: boolean;
}

export interface ParsedYaml {
  /** The document as plain JavaScript (YAML timestamps become Date objects). */
  readonly data: unknown;
  /** Line of a top-level key in the parsed text (1-based). */
  lineOf(key: string): number | undefined;
  /** A top-level scalar as written, or undefined when the key is missing or not a scalar. */
  scalar(key: string): RawScalar | undefined;
}

/** Alias expansions allowed in one document: enough for real front matter, too few for a "billion laughs". */
const maxAliasCount = 50;

/** Parses one YAML document; throws YamlError with the line of the first problem. */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, {
    version: '1.1',
    lineCounter,
    uniqueKeys: false, // Psych lets a later key win; so do we
    prettyErrors: false,
  });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const first = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (first) {
    const message =
      first.code === 'TAG_RESOLVE_FAILED'
        ? `custom YAML tag refused: ${first.message.split(' at line')[0]?.replace('Unresolved tag: ', '')}`
        : `invalid YAML: ${first.message.split(' at line')[0]}`;
    throw new YamlError(message, lineAt(first.pos[0]));
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount });
  } catch (cause) {
    throw new YamlError(`invalid YAML: ${(cause as Error).message}`, 1);
  }
  const pairOf = (key: string) => (isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && String(p.key.value) === key) : undefined);
  return {
    data,
    lineOf(key) {
      const pair = pairOf(key);
      const range = isScalar(pair?.key) ? pair.key.range : undefined;
      return range ? lineAt(range[0]) : undefined;
    },
    scalar(key) {
      const value = pairOf(key)?.value;
      if (!isScalar(value)) return undefined;
      const source = typeof value.source === 'string' ? value.source : String(value.value);
      return { value: value.value, source, plain: value.type === 'PLAIN' };
    },
  };
}

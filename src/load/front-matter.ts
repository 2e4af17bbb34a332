import matter from 'gray-matter';
import { parseYaml, YamlError, type ParsedYaml } from './yaml.js';

/**
 * Splits a post into front matter and body. gazette's only gray-matter user.
 *
 * gray-matter is always given an options object (without one it caches parsed data and
 * shares it between calls) whose engines replace all of its own: YAML goes to our parser,
 * and every other language (`---js`, `---coffee`, `---json`, …) is refused, because
 * gray-matter's JavaScript engine evaluates the front matter as code.
 */

/** A post's text split in two, with what is needed to point at file lines. */
export interface SplitPost {
  /** The parsed front matter; `undefined` when the file has none. */
  readonly yaml: ParsedYaml | undefined;
  readonly body: string;
  /** Where the body starts in the text (UTF-16 units). */
  readonly bodyOffset: number;
  /** File line on which the body starts (1-based). */
  readonly bodyLine: number;
}

/** A front-matter problem at a file line. */
export class FrontMatterError extends Error {
  override readonly name = 'FrontMatterError';
  constructor(
    message: string,
    readonly line: number,
    readonly hint?: string,
  ) {
    super(message);
  }
}

function refuse(language: string) {
  return () => {
    throw new FrontMatterError(`front matter in '${language}' is refused: gazette reads YAML front matter only and never runs code from a post`, 1, 'write the front matter as YAML between --- lines');
  };
}

/**
 * The language named after the opening `---` (`---js`, `--- JavaScript `), if any. gray-matter
 * would look it up among its engines by name on a plain object, so `---constructor` finds
 * Object's constructor; gazette refuses every name but YAML's before gray-matter sees it.
 */
export function frontMatterLanguage(text: string): string | undefined {
  // By hand, not by pattern: `---a` and a long run of spaces and tabs made the pattern
  // `^---[ \t]*([^\s-][^\r\n]*?)?[ \t]*\r?\n` backtrack quadratically (issue #13).
  if (!text.startsWith('---')) return undefined;
  const end = text.indexOf('\n');
  if (end === -1) return undefined;
  const isBlank = (at: number) => text[at] === ' ' || text[at] === '\t';
  let first = 3;
  let last = text[end - 1] === '\r' ? end - 1 : end;
  if (text.slice(first, last).includes('\r')) return undefined;
  while (first < last && isBlank(first)) first++;
  while (last > first && isBlank(last - 1)) last--;
  if (first === last || /[\s-]/.test(text[first]!)) return undefined;
  return text.slice(first, last);
}

/** Splits `text` (a BOM already removed); throws FrontMatterError with a file line. */
export function splitFrontMatter(text: string): SplitPost {
  const language = frontMatterLanguage(text);
  if (language !== undefined && !/^ya?ml$/i.test(language)) refuse(language)();
  let yaml: ParsedYaml | undefined;
  const parse = (block: string) => {
    try {
      // gray-matter cuts the block before the closing `\n---`, leaving a lone CR from a
      // CRLF file at its end; with CRs made LF the lines stay the same lines.
      yaml = parseYaml(detached(block.replace(/\r\n?/g, '\n')));
    } catch (error) {
      if (error instanceof YamlError) {
        // The block starts on the `---` line, so its line n is file line n.
        throw new FrontMatterError(error.message, error.line ?? 1);
      }
      throw error;
    }
    return yaml.data as object;
  };
  let file: { content: string; data: unknown };
  try {
    file = matter(text, {
      language: 'yaml',
      delimiters: ['---', closingDelimiter(text)],
      engines: {
        yaml: parse,
        javascript: refuse('javascript'),
        js: refuse('js'),
        coffee: refuse('coffee'),
        coffeescript: refuse('coffeescript'),
        cson: refuse('cson'),
        json: refuse('json'),
        toml: refuse('toml'),
      },
    });
  } catch (error) {
    if (error instanceof FrontMatterError) throw error;
    // gray-matter's own complaint, e.g. an unregistered language after `---`
    throw new FrontMatterError(`cannot read the front matter: ${(error as Error).message}`, 1, 'write the front matter as YAML between --- lines');
  }
  const hasFrontMatter = yaml !== undefined || file.content.length !== text.length;
  const bodyOffset = hasFrontMatter ? text.length - file.content.length : 0;
  return { yaml, body: file.content, bodyOffset, bodyLine: countLines(text, bodyOffset) };
}

/**
 * The line that closes the front matter: `---`, or YAML's document end `...`, which Jekyll
 * accepts too (its front-matter pattern ends at the first line that is `---` or `...`).
 * gray-matter knows one closing delimiter, so it is told which of the two comes first.
 */
export function closingDelimiter(text: string): '---' | '...' {
  if (!text.startsWith('---')) return '---';
  const closer = /\n(---|\.\.\.)[ \t]*\r?(?:\n|$)/.exec(text);
  return closer?.[1] === '...' ? '...' : '---';
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 makes a
 * substring a view of its whole string, and the yaml parser cuts values from its input: a
 * `from:` URL cut from the post's text would keep the whole post (the article) in memory for
 * as long as the build keeps the URL — 80 MB at 10,000 posts. Cut from a copy of the front
 * matter alone, values keep only that.
 */
function detached(text: string): string {
  return structuredClone(text);
}

/** 1-based line number of `offset` in `text`. */
function countLines(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

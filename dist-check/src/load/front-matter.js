import matter from 'gray-matter';
import { parseYaml, YamlError } from './yaml.js';
/** A front-matter problem at a file line. */
export class FrontMatterError extends Error {
    line;
    hint;
    name = 'FrontMatterError';
    constructor(message, line, hint) {
        super(message);
        this.line = line;
        this.hint = hint;
    }
}
function refuse(language) {
    return () => {
        throw new FrontMatterError(`front matter in '${language}' is refused: gazette reads YAML front matter only and never runs code from a post`, 1, 'write the front matter as YAML between --- lines');
    };
}
/**
 * The language named after the opening `---` (`---js`, `--- JavaScript `), if any. gray-matter
 * would look it up among its engines by name on a plain object, so `---constructor` finds
 * Object's constructor; gazette refuses every name but YAML's before gray-matter sees it.
 */
const languageLine = /^---[ \t]*([^\s-][^\r\n]*?)?[ \t]*\r?\n/;
/** Splits `text` (a BOM already removed); throws FrontMatterError with a file line. */
export function splitFrontMatter(text) {
    const language = languageLine.exec(text)?.[1];
    if (language !== undefined && !/^ya?ml$/i.test(language))
        refuse(language)();
    let yaml;
    const parse = (block) => {
        try {
            // gray-matter cuts the block before the closing `\n---`, leaving a lone CR from a
            // CRLF file at its end; with CRs made LF the lines stay the same lines.
            yaml = parseYaml(detached(block.replace(/\r\n?/g, '\n')));
        }
        catch (error) {
            if (error instanceof YamlError) {
                // The block starts on the `---` line, so its line n is file line n.
                throw new FrontMatterError(error.message, error.line ?? 1);
            }
            throw error;
        }
        return yaml.data;
    };
    let file;
    try {
        file = matter(text, {
            language: 'yaml',
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
    }
    catch (error) {
        if (error instanceof FrontMatterError)
            throw error;
        // gray-matter's own complaint, e.g. an unregistered language after `---`
        throw new FrontMatterError(`cannot read the front matter: ${error.message}`, 1, 'write the front matter as YAML between --- lines');
    }
    const hasFrontMatter = yaml !== undefined || file.content.length !== text.length;
    const bodyOffset = hasFrontMatter ? text.length - file.content.length : 0;
    return { yaml, body: file.content, bodyOffset, bodyLine: countLines(text, bodyOffset) };
}
/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 makes a
 * substring a view of its whole string, and the yaml parser cuts values from its input: a
 * `from:` URL cut from the post's text would keep the whole post (the article) in memory for
 * as long as the build keeps the URL — 80 MB at 10,000 posts. Cut from a copy of the front
 * matter alone, values keep only that.
 */
function detached(text) {
    return structuredClone(text);
}
/** 1-based line number of `offset` in `text`. */
function countLines(text, offset) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}
//# sourceMappingURL=front-matter.js.map
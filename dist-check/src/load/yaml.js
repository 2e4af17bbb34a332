import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
/**
 * YAML as Jekyll reads it. Jekyll parses front matter with Ruby's Psych, a YAML 1.1
 * parser: `yes`/`no` are booleans (so `draft: yes` is a draft), `10:30` is a number.
 * The `yaml` package's 1.1 schema reads the same way. This module is gazette's only
 * YAML reader; it never constructs objects from tags (custom tags are refused) and caps
 * alias expansion, so a post cannot run code or blow up memory through its front matter.
 */
/** A YAML problem at a line of the parsed text (1-based). */
export class YamlError extends Error {
    line;
    name = 'YamlError';
    constructor(message, line) {
        super(message);
        this.line = line;
    }
}
/** Alias expansions allowed in one document: enough for real front matter, too few for a "billion laughs". */
const maxAliasCount = 50;
/** Parses one YAML document; throws YamlError with the line of the first problem. */
export function parseYaml(text) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, {
        version: '1.1',
        lineCounter,
        uniqueKeys: false, // Psych lets a later key win; so do we
        prettyErrors: false,
    });
    const lineAt = (offset) => lineCounter.linePos(offset).line;
    const first = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
    if (first) {
        const message = first.code === 'TAG_RESOLVE_FAILED'
            ? `custom YAML tag refused: ${first.message.split(' at line')[0]?.replace('Unresolved tag: ', '')}`
            : `invalid YAML: ${first.message.split(' at line')[0]}`;
        throw new YamlError(message, lineAt(first.pos[0]));
    }
    let data;
    try {
        data = doc.toJS({ maxAliasCount });
    }
    catch (cause) {
        throw new YamlError(`invalid YAML: ${cause.message}`, 1);
    }
    const pairOf = (key) => (isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && String(p.key.value) === key) : undefined);
    return {
        data,
        lineOf(key) {
            const pair = pairOf(key);
            const range = isScalar(pair?.key) ? pair.key.range : undefined;
            return range ? lineAt(range[0]) : undefined;
        },
        scalar(key) {
            const value = pairOf(key)?.value;
            if (!isScalar(value))
                return undefined;
            const source = typeof value.source === 'string' ? value.source : String(value.value);
            return { value: value.value, source, plain: value.type === 'PLAIN' };
        },
    };
}
//# sourceMappingURL=yaml.js.map
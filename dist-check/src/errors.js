/**
 * An error tied to an input file: the message names the file and, where known, the line;
 * the hint says what to do; the cause keeps the library error that led here.
 */
export class GazetteError extends Error {
    name = 'GazetteError';
    file;
    line;
    hint;
    constructor(file, message, options = {}) {
        super(message, { cause: options.cause });
        this.file = file;
        this.line = options.line;
        this.hint = options.hint;
    }
    /** This error as a diagnostic of the given severity. */
    toDiagnostic(severity = 'error') {
        return diagnostic(severity, this.file, this.message, { line: this.line, hint: this.hint });
    }
}
/**
 * An error that stops the whole build before any page is written: a bad config file,
 * a missing folder. The CLI exits with code 2.
 */
export class FatalError extends Error {
    name = 'FatalError';
}
/** Builds a diagnostic, leaving out the fields that are not known. */
export function diagnostic(severity, source, message, where = {}) {
    return {
        severity,
        source,
        ...(where.line !== undefined ? { line: where.line } : {}),
        message,
        ...(where.hint !== undefined ? { hint: where.hint } : {}),
    };
}
/** `path:line: message` — the form editors and terminals turn into links. */
export function formatDiagnostic(d) {
    const where = d.line !== undefined ? `${d.source}:${d.line}` : d.source;
    const label = d.severity === 'warning' ? 'warning: ' : '';
    return `${where}: ${label}${d.message}${d.hint ? ` (${d.hint})` : ''}`;
}
/** Turns anything thrown into a diagnostic for `source`, keeping GazetteError's line and hint. */
export function toDiagnostic(source, error) {
    if (error instanceof GazetteError)
        return error.toDiagnostic();
    const message = error instanceof Error ? error.message : String(error);
    return diagnostic('error', source, `internal error: ${message}`, {
        hint: 'this is a bug in gazette; please report it with the file',
    });
}
//# sourceMappingURL=errors.js.map
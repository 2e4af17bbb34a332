import { relative, sep } from 'node:path';
/** The report of a build: paths relative to the working directory, problems in the order found. */
export function makeReport(outcome) {
    const outRel = relative(outcome.cwd, outcome.outDir) || '.';
    const problem = (d) => ({
        source: d.source,
        ...(d.line !== undefined ? { line: d.line } : {}),
        message: d.hint ? `${d.message} (${d.hint})` : d.message,
    });
    const posts = outcome.built.map((p) => {
        const summary = outcome.summaries.get(p.source);
        return {
            source: p.source,
            url: p.url,
            output: [outRel, ...p.outputPath.split('/')].join(sep),
            title: p.title,
            date: p.date,
            tags: p.tags,
            categories: p.categories,
            textRetention: retention(summary?.fidelity),
            characters: summary?.stats.characters ?? 0,
            words: summary?.stats.words ?? 0,
            readingMinutes: summary?.stats.readingMinutes ?? 0,
            ...(summary?.leadImage ? { leadImage: summary.leadImage } : {}),
            ...(summary?.credit ? { credit: summary.credit } : {}),
            crossLinks: summary?.links.archived ?? 0,
            dangling: summary?.links.dangling ?? [],
        };
    });
    return {
        posts,
        skipped: outcome.skipped,
        errors: outcome.diagnostics.filter((d) => d.severity === 'error').map(problem),
        warnings: outcome.diagnostics.filter((d) => d.severity === 'warning').map(problem),
        crossLinks: posts.reduce((n, p) => n + p.crossLinks, 0),
        dangling: posts.reduce((n, p) => n + p.dangling.length, 0),
        pages: outcome.pages,
        work: outcome.work,
        durationMs: outcome.durationMs,
    };
}
/** Kept characters over input characters, to four decimals; 1 for an article without text. */
export function retention(fidelity) {
    if (!fidelity || fidelity.inputChars === 0)
        return 1;
    return Math.floor((fidelity.keptChars / fidelity.inputChars) * 10_000) / 10_000;
}
//# sourceMappingURL=report.js.map
import { relative, sep } from 'node:path';
import type { ArticleSummary, Diagnostic, EmbedCounts, Post, Skipped } from './types.js';

/** One built post in the report. */
export interface ReportPost {
  readonly source: string;
  readonly url: string;
  readonly output: string;
  readonly title: string;
  readonly date: string;
  readonly tags: readonly string[];
  readonly categories: readonly string[];
  /** Share of the input's visible text found in the page in order, or removed on purpose (1 = nothing lost). */
  readonly textRetention: number;
  /** Characters removed on purpose (the title's echoes at the top of the article); only when there were any. */
  readonly textRemoved?: number;
  readonly characters: number;
  readonly words: number;
  readonly readingMinutes: number;
  readonly leadImage?: ArticleSummary['leadImage'];
  readonly credit?: string;
  /** Links in the article that now point at archived copies. */
  readonly crossLinks: number;
  /** Links to the archive's news sites that are not in the archive. */
  readonly dangling: readonly string[];
  /** Embedded media and what became of them; only for a post that had any. */
  readonly embeds?: EmbedCounts;
}

/** A located problem in the report; the hint, if any, is part of the message. */
export interface ReportProblem {
  readonly source: string;
  readonly line?: number;
  readonly message: string;
}

/** The build report: a contract that tools and deploy scripts rely on (docs/output.md, "Build report"). */
export interface BuildReport {
  readonly posts: readonly ReportPost[];
  readonly skipped: readonly Skipped[];
  readonly errors: readonly ReportProblem[];
  readonly warnings: readonly ReportProblem[];
  /** Totals over all posts: links rewritten to archived copies, and dangling links. */
  readonly crossLinks: number;
  readonly dangling: number;
  /** Totals over all posts: embedded media found, kept as players, replaced by links, left as notes. */
  readonly embeds: EmbedCounts;
  readonly pages: number;
  /** What this build had to do; the rest it took from the previous build (see "Rebuilds and the cache" in docs/cli.md). */
  readonly work: BuildWork;
  readonly durationMs: number;
}

export interface BuildWork {
  /** Post files read and parsed (a file unchanged since the previous build is not). */
  readonly postsParsed: number;
  /** Articles transformed (the others came from the cache). */
  readonly articlesTransformed: number;
  /** Pages rendered (a page whose inputs are unchanged is not). */
  readonly pagesRendered: number;
  /** Files written into the output folder, and files removed from it. */
  readonly filesWritten: number;
  readonly filesRemoved: number;
}

/** What a finished build knows, for its report. */
export interface BuildOutcome {
  readonly cwd: string;
  readonly outDir: string;
  readonly built: readonly Post[];
  readonly summaries: ReadonlyMap<string, ArticleSummary>;
  readonly skipped: readonly Skipped[];
  readonly diagnostics: readonly Diagnostic[];
  readonly pages: number;
  readonly work: BuildWork;
  readonly durationMs: number;
}

/** The report of a build: paths relative to the working directory, problems in the order found. */
export function makeReport(outcome: BuildOutcome): BuildReport {
  const outRel = relative(outcome.cwd, outcome.outDir) || '.';
  const problem = (d: Diagnostic): ReportProblem => ({
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
        ...(summary?.fidelity.removedChars ? { textRemoved: summary.fidelity.removedChars } : {}),
        characters: summary?.stats.characters ?? 0,
        words: summary?.stats.words ?? 0,
        readingMinutes: summary?.stats.readingMinutes ?? 0,
        ...(summary?.leadImage ? { leadImage: summary.leadImage } : {}),
        ...(summary?.credit ? { credit: summary.credit } : {}),
        crossLinks: summary?.links.archived ?? 0,
        dangling: summary?.links.dangling ?? [],
        ...(summary?.embeds && summary.embeds.found > 0 ? { embeds: summary.embeds } : {}),
      };
    });
  return {
    posts,
    skipped: outcome.skipped,
    errors: outcome.diagnostics.filter((d) => d.severity === 'error').map(problem),
    warnings: outcome.diagnostics.filter((d) => d.severity === 'warning').map(problem),
    crossLinks: posts.reduce((n, p) => n + p.crossLinks, 0),
    dangling: posts.reduce((n, p) => n + p.dangling.length, 0),
    embeds: totalEmbeds(posts),
    pages: outcome.pages,
    work: outcome.work,
    durationMs: outcome.durationMs,
  };
}

/** Kept characters (and those removed on purpose) over input characters, to four decimals; 1 for an article without text. */
export function retention(fidelity: ArticleSummary['fidelity'] | undefined): number {
  if (!fidelity || fidelity.inputChars === 0) return 1;
  return Math.floor(((fidelity.keptChars + fidelity.removedChars) / fidelity.inputChars) * 10_000) / 10_000;
}

/** Embed counts summed over the posts. */
function totalEmbeds(posts: readonly ReportPost[]): EmbedCounts {
  const total = { found: 0, players: 0, links: 0, notes: 0 };
  for (const { embeds } of posts) {
    if (!embeds) continue;
    total.found += embeds.found;
    total.players += embeds.players;
    total.links += embeds.links;
    total.notes += embeds.notes;
  }
  return total;
}

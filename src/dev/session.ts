import { buildSite, type BuildOptions, type BuiltSite } from '../build.js';
import { forgetBuildState, readBuildState, writeBuildState, type BuildState } from '../cache/build-state.js';
import { FatalError } from '../errors.js';
import type { BuildWork } from '../report.js';
import type { Diagnostic } from '../types.js';
import { collectChanges, planUpdate, type FileEvent, type Plan, type ProjectPaths } from './changes.js';
import { TransformerKeeper, updatePostBodies, updatePublicFiles } from './quick-updates.js';

/** An error to show: in the terminal as `path:line: message`, in the browser as the overlay. */
export interface Problem {
  /** The file it is about, relative to the working directory ('' for the site as a whole). */
  readonly source: string;
  readonly line?: number;
  readonly message: string;
}

/** What one update did. */
export interface DevUpdate {
  readonly plan: Plan['kind'];
  /** True when the update was made without a rebuild (see quick-updates.ts). */
  readonly quick: boolean;
  /** False when nothing could be built (a fatal error: the output folder is as it was). */
  readonly built: boolean;
  readonly work?: BuildWork;
  /** Milliseconds from the events to the output folder updated. */
  readonly ms: number;
  /** Every error the site has now (empty when all is well). */
  readonly problems: readonly Problem[];
  /** The site's warnings that the previous update did not have (the first build: all of them). */
  readonly warnings: readonly Problem[];
}

/**
 * The state of `gazette dev` between edits: the last build kept in memory, updated from each
 * burst of file events by the narrowest exact update (planUpdate), never dying on bad input.
 * Whatever sequence of edits it sees, the output folder ends as a clean build of the same
 * inputs would make it (tested with random edit sequences).
 *
 * The build state on disk (.cache/gazette/state) is dropped when the session starts, since
 * the session changes the output folder without it, and written again when it closes.
 */
export class DevSession {
  private site: BuiltSite | undefined;
  private options: BuildOptions | undefined;
  /** The state of the output folder as the last successful update left it. */
  private state: BuildState | undefined;
  private current: readonly Problem[] = [];
  /** The warnings of the last successful update, each as JSON: only new ones are told. */
  private warned: ReadonlySet<string> = new Set();
  private readonly transformers = new TransformerKeeper();

  /**
   * `configure` reads the config and gives the build options (it may throw FatalError);
   * `paths` say what is watched, `configFile` included.
   */
  constructor(
    private readonly configure: () => BuildOptions,
    private readonly paths: ProjectPaths,
  ) {}

  /** Every error the site has now. */
  get problems(): readonly Problem[] {
    return this.current;
  }

  /** The first build, from the state of the previous `gazette build` or session if there is one. */
  async start(): Promise<DevUpdate> {
    try {
      this.options = this.configure();
      const cache = this.options.cache;
      if (cache) {
        this.state = await readBuildState(cache, this.options.outDir);
        await forgetBuildState(cache, this.options.outDir);
      }
    } catch {
      // A bad config: run() reads it again and reports it.
    }
    return this.run({ kind: 'build' }, performance.now());
  }

  /** Applies a burst of file events (none once the session is closing). */
  async update(events: readonly FileEvent[]): Promise<DevUpdate> {
    const started = performance.now();
    const plan = this.closing ? { kind: 'nothing' as const } : planUpdate(collectChanges(events, this.paths));
    if (plan.kind === 'nothing') return { plan: 'nothing', quick: true, built: true, ms: 0, problems: this.current, warnings: [] };
    const running = this.run(plan, started);
    this.running = running;
    return running;
  }

  /** The update under way, which close() waits for. */
  private running: Promise<unknown> = Promise.resolve();
  private closing = false;

  private async run(plan: Plan, started: number): Promise<DevUpdate> {
    try {
      if (plan.kind === 'config' || !this.options) this.options = this.configure();
      const options = { ...this.options, now: Date.now() };
      let next: BuiltSite | undefined;
      if (this.site && plan.kind === 'posts') next = await updatePostBodies(this.site, options, plan.files, this.transformers);
      if (this.site && plan.kind === 'public') next = await updatePublicFiles(this.site, options, plan.files);
      const quick = next !== undefined;
      next ??= await buildSite(options, this.site?.state ?? this.state);
      this.site = next;
      this.state = next.state;
      this.current = next.diagnostics.filter((d) => d.severity === 'error').map(problemOf);
      const warnings = next.diagnostics.filter((d) => d.severity === 'warning').map(problemOf);
      const seen = this.warned;
      this.warned = new Set(warnings.map((w) => JSON.stringify(w)));
      const fresh = warnings.filter((w) => !seen.has(JSON.stringify(w)));
      return { plan: plan.kind, quick, built: true, work: next.work, ms: performance.now() - started, problems: this.current, warnings: fresh };
    } catch (error) {
      // The next update reads the config again and rebuilds, whatever it is about. A fatal
      // error (config, templates, folders) comes before anything is written, so the output
      // folder is as the state says; after any other error, nothing it says is trusted.
      this.site = undefined;
      this.options = undefined;
      if (!(error instanceof FatalError)) this.state = undefined;
      this.current = [{ source: '', message: error instanceof Error ? error.message : String(error) }];
      return { plan: plan.kind, quick: false, built: false, ms: performance.now() - started, problems: this.current, warnings: [] };
    }
  }

  /** Saves the build state, so the next `gazette build` or session starts from it. */
  async close(): Promise<void> {
    // An update under way changes the output folder and the state's tables in place: the
    // state is saved once it is done (saved half-way, it disagreed with the output folder).
    this.closing = true;
    await this.running;
    await this.transformers.close();
    if (this.state && this.options?.cache) await writeBuildState(this.options.cache, this.options.outDir, this.state);
  }
}

/** A diagnostic as the terminal and the overlay show it (its hint in brackets). */
function problemOf({ source, line, message, hint }: Diagnostic): Problem {
  return { source, ...(line !== undefined ? { line } : {}), message: hint ? `${message} (${hint})` : message };
}

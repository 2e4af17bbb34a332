import { watch, type FSWatcher } from 'chokidar';
import { statSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import type { FileEvent, ProjectPaths } from './changes.js';

/**
 * Watches a project's inputs (chokidar) and hands them over in bursts: events are collected
 * until the files have been quiet for `quietMs` (an editor's save, a `git checkout` of a
 * thousand files, a folder deleted and made again), then `onBurst` gets them all at once.
 * Bursts never overlap: events that arrive while one is being handled make the next one.
 */
export interface Watcher {
  /** Resolves when the initial scan is done and changes are being reported. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export interface BurstOptions {
  /** Quiet time that ends a burst. */
  readonly quietMs: number;
  /** A burst is handled at the latest this long after its first event, even if events keep coming. */
  readonly maxWaitMs: number;
}

/**
 * The burst logic alone (no file system): `push` events in, `onBurst` is called with each
 * burst, one at a time. `timers` can be replaced in tests.
 */
export function createBurster(onBurst: (events: FileEvent[]) => Promise<void>, options: BurstOptions, timers = { setTimeout, clearTimeout }) {
  let pending: FileEvent[] = [];
  let firstAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;

  const flush = async () => {
    timer = undefined;
    if (running || pending.length === 0) return; // the running burst schedules the next one
    const events = pending;
    pending = [];
    running = onBurst(events).catch(() => {}); // onBurst reports its own errors
    await running;
    running = undefined;
    if (pending.length > 0) schedule();
  };
  const schedule = () => {
    if (timer) timers.clearTimeout(timer);
    const waited = Date.now() - firstAt;
    timer = timers.setTimeout(() => void flush(), Math.max(0, Math.min(options.quietMs, options.maxWaitMs - waited)));
  };
  return {
    push(event: FileEvent) {
      if (pending.length === 0) firstAt = Date.now();
      pending.push(event);
      if (!running) schedule();
    },
    /** Resolves once no burst is running or waiting. */
    async idle(): Promise<void> {
      while (running || pending.length > 0) {
        if (running) await running;
        else await new Promise((resolve) => setTimeout(resolve, options.quietMs));
      }
    },
  };
}

/** A file's size and times, as one comparable string ('' when it is gone). */
function statOf(path: string): string {
  const info = statSync(path, { throwIfNoEntry: false });
  return info ? `${info.size} ${info.mtimeMs} ${info.ctimeMs}` : '';
}

/** Starts watching the inputs of a project. */
export function watchProject(paths: ProjectPaths, onBurst: (events: FileEvent[]) => Promise<void>, options: BurstOptions = { quietMs: 15, maxWaitMs: 1000 }): Watcher {
  // A file still being written when its burst starts (chokidar reports a change once within
  // a short time, so the write's own event can be the one not reported) is noticed by its
  // stat, taken before the update and again after it, and makes a burst of its own.
  const burster = createBurster(async (events) => {
    const files = [...new Set(events.filter((e) => e.kind === 'add' || e.kind === 'change').map((e) => e.path))];
    const before = files.map(statOf);
    await onBurst(events);
    files.forEach((path, i) => {
      if (statOf(path) !== before[i]) burster.push({ kind: 'change', path });
    });
  }, options);
  const roots = [paths.postsDir, paths.templatesDir, ...(paths.publicDir ? [paths.publicDir] : []), ...(paths.configFile ? [paths.configFile] : [])];
  const outputs = [paths.outDir, paths.cacheDir];
  const watcher: FSWatcher = watch(roots, {
    ignoreInitial: true,
    // Never the build's own output (the output folder may lie inside the posts folder), nor version control.
    ignored: (path: string) => outputs.some((dir) => path === dir || path.startsWith(dir + sep)) || path.includes(`${sep}.git${sep}`) || path.endsWith('.gazette-staging'),
  });
  for (const kind of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) {
    watcher.on(kind, (path: string) => burster.push({ kind, path }));
  }
  // A watched folder that is deleted and made again (a branch switch) is not watched again by
  // itself: the folders that hold them are watched one level deep, and a root that comes back
  // is watched anew (and rebuilt from, by the event passed on).
  const parents = [...new Set(roots.map((root) => dirname(root)))];
  const guard: FSWatcher = watch(parents, { ignoreInitial: true, depth: 0, ignored: (path: string) => !parents.includes(path) && !roots.includes(path) });
  for (const kind of ['add', 'addDir'] as const) {
    guard.on(kind, (path: string) => {
      if (!roots.includes(path)) return;
      watcher.unwatch(path);
      watcher.add(path);
      burster.push({ kind, path });
    });
  }
  const ready = Promise.all([watcher, guard].map((w) => new Promise<void>((resolve) => w.once('ready', () => resolve())))).then(() => {});
  // A folder that vanished: the next burst's rebuild reports it.
  watcher.on('error', () => {});
  guard.on('error', () => {});
  return {
    ready,
    async close() {
      await Promise.all([watcher.close(), guard.close()]);
      await burster.idle();
    },
  };
}

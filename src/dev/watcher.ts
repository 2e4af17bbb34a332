import { lstatSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { FileEvent, ProjectPaths } from './changes.js';

/**
 * Watches a project's inputs (chokidar, on a thread of its own: watch-worker.ts) and hands
 * them over in bursts: events are collected until the files have been quiet for `quietMs`
 * (an editor's save, a `git checkout` of a thousand files, a folder deleted and made again),
 * then `onBurst` gets them all at once. Bursts never overlap: events that arrive while one
 * is being handled make the next one.
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
 * burst, one at a time.
 */
export function createBurster(onBurst: (events: FileEvent[]) => Promise<void>, options: BurstOptions) {
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
    if (timer) clearTimeout(timer);
    const waited = Date.now() - firstAt;
    timer = setTimeout(() => void flush(), Math.max(0, Math.min(options.quietMs, options.maxWaitMs - waited)));
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

/** chokidar's window in which a file's further changes are not reported, with a margin. */
const changeThrottleMs = 75;

/** A file's size and times, as one comparable string ('' when it is gone); a link's own, not its target's. */
function statOf(path: string): string {
  const info = lstatSync(path, { throwIfNoEntry: false });
  return info ? `${info.size} ${info.mtimeMs} ${info.ctimeMs}` : '';
}

/** Starts watching the inputs of a project. */
export function watchProject(paths: ProjectPaths, onBurst: (events: FileEvent[]) => Promise<void>, options: BurstOptions = { quietMs: 15, maxWaitMs: 1000 }): Watcher {
  // chokidar reports a change to a file at most once in 50 ms, so a file written again soon
  // after (while its update runs, or just after) may get no event of its own. Each burst's
  // files are therefore stat-ed before the update, after it, and once more when chokidar's
  // window has passed; a file whose stat moved makes a burst of its own.
  const recheck = (files: readonly string[], seen: readonly string[]) =>
    files.forEach((path, i) => {
      if (statOf(path) !== seen[i]) burster.push({ kind: 'change', path });
    });
  const burster = createBurster(async (events) => {
    const files = [...new Set(events.filter((e) => e.kind === 'add' || e.kind === 'change').map((e) => e.path))];
    const before = files.map(statOf);
    await onBurst(events);
    recheck(files, before);
    const after = files.map(statOf);
    setTimeout(() => recheck(files, after), changeThrottleMs).unref();
  }, options);
  // chokidar runs on a thread of its own: its watchers of every file (tens of thousands of
  // objects) would otherwise sit in the heap the updates allocate in, and made each update
  // two to three times slower at 10,000 posts.
  const worker = new Worker(new URL('./watch-worker.js', import.meta.url), { workerData: paths });
  worker.on('message', (message: FileEvent | 'ready') => {
    if (message !== 'ready') burster.push(message);
  });
  worker.on('error', () => {}); // the watcher thread failed: edits are no longer seen (rare; restart gazette dev)
  const ready = new Promise<void>((resolve) => worker.on('message', (message) => message === 'ready' && resolve()));
  return {
    ready,
    async close() {
      await worker.terminate();
      await burster.idle();
    },
  };
}

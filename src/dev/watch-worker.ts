import { watch, type FSWatcher } from 'chokidar';
import { realpathSync, type Stats } from 'node:fs';
import { dirname, sep } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { FileEvent, ProjectPaths } from './changes.js';

/**
 * The watcher thread of `gazette dev` (started by watchProject): chokidar on the project's
 * inputs, every event posted to the main thread as a FileEvent, then 'ready' once the
 * initial scan is done.
 *
 * Symbolic links inside the inputs are not followed (as the build does not follow them): a
 * link to a big or distant folder is not watched through. The inputs themselves may be links
 * (a posts folder kept on another disk): each is watched at its real path, and its events are
 * told at the path the session knows.
 */

/** Watches the inputs; resolves once the initial scan is done and every change is being told. */
async function watchInputs(paths: ProjectPaths, post: (event: FileEvent) => void): Promise<void> {
  const roots = [paths.postsDir, paths.templatesDir, ...(paths.publicDir ? [paths.publicDir] : []), ...(paths.configFile ? [paths.configFile] : [])];
  const outputs = [paths.outDir, paths.cacheDir];

  /** The path chokidar is given for a root: its real path (chokidar, not following links, would watch the link alone). */
  const realOf = (root: string) => {
    try {
      return realpathSync(root);
    } catch {
      return root; // not there yet: the guard below watches it when it comes
    }
  };
  /** Each root → the path it is watched at. */
  const watchedAt = new Map(roots.map((root) => [root, realOf(root)]));
  /** A path chokidar reports, at the path under the root the session knows. */
  const told = (path: string) => {
    for (const [root, real] of watchedAt) if (path === real || path.startsWith(real + sep)) return root + path.slice(real.length);
    return path;
  };

  const watcher: FSWatcher = watch([...watchedAt.values()], {
    ignoreInitial: true,
    followSymlinks: false,
    // Never the build's own output (the output folder may lie inside the posts folder), nor version control.
    ignored: (real: string) => {
      const path = told(real);
      return outputs.some((dir) => path === dir || path.startsWith(dir + sep)) || path.includes(`${sep}.git${sep}`) || path.endsWith('.gazette-staging');
    },
  });
  // chokidar reports the links its initial scan finds as added, ignoreInitial or not: nothing
  // is told before the scan is done (the session has just built from what is there).
  let ready = false;
  for (const kind of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) {
    // (chokidar gives a link's own stat. A folder swapped for a link is told as a change of the
    // folder's path, and its files get no events: the session must know it is a link.)
    watcher.on(kind, (path: string, stats?: Stats) => ready && post({ kind: stats?.isSymbolicLink() ? 'link' : kind, path: told(path) }));
  }
  // A watched folder that is deleted and made again (a branch switch) is not watched again by
  // itself: the folders that hold them are watched one level deep, and a root that comes back
  // is watched anew, at its real path then (and rebuilt from, by the event passed on).
  const parents = [...new Set(roots.map((root) => dirname(root)))];
  const guard: FSWatcher = watch(parents, { ignoreInitial: true, followSymlinks: false, depth: 0, ignored: (path: string) => !parents.includes(path) && !roots.includes(path) });
  for (const kind of ['add', 'addDir'] as const) {
    guard.on(kind, (path: string) => {
      if (!ready || !roots.includes(path)) return;
      watcher.unwatch(watchedAt.get(path)!);
      watchedAt.set(path, realOf(path));
      watcher.add(watchedAt.get(path)!);
      post({ kind, path });
    });
  }
  // A folder that vanished: the next burst's rebuild reports it.
  watcher.on('error', () => {});
  guard.on('error', () => {});
  await Promise.all([watcher, guard].map((w) => new Promise<void>((resolve) => w.once('ready', () => resolve()))));
  ready = true;
}

await watchInputs(workerData as ProjectPaths, (event) => parentPort!.postMessage(event));
parentPort!.postMessage('ready');

import { watch } from 'chokidar';
import { dirname, sep } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
/**
 * The watcher thread of `gazette dev` (started by watchProject): chokidar on the project's
 * inputs, every event posted to the main thread as a FileEvent, then 'ready' once the
 * initial scan is done.
 */
const paths = workerData;
const post = (message) => parentPort.postMessage(message);
const roots = [paths.postsDir, paths.templatesDir, ...(paths.publicDir ? [paths.publicDir] : []), ...(paths.configFile ? [paths.configFile] : [])];
const outputs = [paths.outDir, paths.cacheDir];
const watcher = watch(roots, {
    ignoreInitial: true,
    // Never the build's own output (the output folder may lie inside the posts folder), nor version control.
    ignored: (path) => outputs.some((dir) => path === dir || path.startsWith(dir + sep)) || path.includes(`${sep}.git${sep}`) || path.endsWith('.gazette-staging'),
});
for (const kind of ['add', 'change', 'unlink', 'addDir', 'unlinkDir']) {
    watcher.on(kind, (path) => post({ kind, path }));
}
// A watched folder that is deleted and made again (a branch switch) is not watched again by
// itself: the folders that hold them are watched one level deep, and a root that comes back
// is watched anew (and rebuilt from, by the event passed on).
const parents = [...new Set(roots.map((root) => dirname(root)))];
const guard = watch(parents, { ignoreInitial: true, depth: 0, ignored: (path) => !parents.includes(path) && !roots.includes(path) });
for (const kind of ['add', 'addDir']) {
    guard.on(kind, (path) => {
        if (!roots.includes(path))
            return;
        watcher.unwatch(path);
        watcher.add(path);
        post({ kind, path });
    });
}
// A folder that vanished: the next burst's rebuild reports it.
watcher.on('error', () => { });
guard.on('error', () => { });
await Promise.all([watcher, guard].map((w) => new Promise((resolve) => w.once('ready', () => resolve()))));
post('ready');
//# sourceMappingURL=watch-worker.js.map
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * How the build keeps its memory in bounds on a big archive. V8 lets a heap grow well past
 * what is live before it collects it whole (by a factor it picks from its speed, up to 4):
 * at 100,000 posts the main thread holds about 700 MB that are live, and the search index's
 * merge, whose garbage is one shard's text after another, took the process to 2.2–2.3 GB
 * (BENCHMARKS.md). For archives of `bigArchive` posts or more, the heap may grow by 30 % over
 * what the last collection left (V8's `--heap-growing-percent`, for the whole process, the
 * worker threads started after it included), and the build asks for a full collection
 * between its stages and after every 32 MiB of the index it writes: at 100,000 posts the
 * peak went from 1.9–2.3 GB to 1.4–1.5 GB, and the build takes about 30 % longer (more
 * collections in every thread). Smaller archives are left to V8's defaults.
 *
 * (Both flags are set with `v8.setFlagsFromString` once the archive's size is known, which
 * Node allows but warns may do nothing: the build then uses more memory, never less
 * correctly. `--expose-gc` makes `gc` a global of contexts created after it.)
 */
export const bigArchive = 25_000;

/** Full collections when asked for, or nothing. */
export interface Heap {
  /** Collects the whole heap now (a big archive), or does nothing. */
  collect(): void;
}

/** The heap policy for an archive of `posts` posts (see above). */
export function heapFor(posts: number): Heap {
  if (posts < bigArchive) return { collect: () => {} };
  setFlagsFromString('--heap-growing-percent=30');
  setFlagsFromString('--expose-gc');
  let gc: unknown;
  try {
    gc = runInNewContext('gc');
  } catch {
    gc = undefined; // (not exposed after all: V8's own collections alone)
  }
  return { collect: typeof gc === 'function' ? (gc as () => void) : () => {} };
}

import type { Progress } from './progress.js';

/**
 * Progress for logs (stderr not a terminal, or CI): a plain line every `intervalMs` while the
 * build runs, so a long build in CI says it is alive. The terminal's bar is progress.ts.
 */

/** The clock a progress log reads and its timer (replaceable in tests). */
export interface Ticker {
  now(): number;
  every(ms: number, run: () => void): () => void;
}

const realTicker: Ticker = {
  now: () => Date.now(),
  every(ms, run) {
    const timer = setInterval(run, ms);
    timer.unref(); // never what keeps the process alive
    return () => clearInterval(timer);
  },
};

/** Ten seconds: often enough for a CI log to show life, rarely enough not to flood it. */
export const defaultProgressInterval = 10_000;

/**
 * A progress that writes `gazette: 1200/9000 posts (13%) after 40 s` to `stream` every
 * `intervalMs` from its creation: before the posts are counted the line says they are being
 * read, and once they are all done that the site is being written. Nothing is written by a
 * build that ends within the first interval.
 */
export function createProgressLog(stream: { write(text: string): unknown }, intervalMs = defaultProgressInterval, ticker: Ticker = realTicker): Progress & { close(): void } {
  const started = ticker.now();
  let total: number | undefined;
  let done = 0;
  let finished = false;
  const line = () => {
    const seconds = Math.round((ticker.now() - started) / 1000);
    const stage =
      total === undefined ? 'reading posts' : finished || done >= total ? `${total}/${total} posts done, writing the site` : `${done}/${total} posts (${Math.floor((done / Math.max(total, 1)) * 100)}%)`;
    stream.write(`gazette: ${stage} after ${seconds} s\n`);
  };
  const stopTimer = ticker.every(intervalMs, line);
  return {
    start(n) {
      total = n;
      done = 0;
      finished = false;
    },
    tick() {
      done++;
    },
    stop() {
      finished = true;
    },
    close: stopTimer,
  };
}

import { describe, expect, it } from 'vitest';
import { createProgressLog, type Ticker } from '../src/progress-log.js';

/** A clock moved by hand, and the one timer a progress log sets. */
function manualTicker() {
  let now = 0;
  let timer: { ms: number; run: () => void } | undefined;
  let stopped = false;
  const ticker: Ticker = {
    now: () => now,
    every(ms, run) {
      timer = { ms, run };
      return () => {
        stopped = true;
      };
    },
  };
  const advance = (ms: number) => {
    now += ms;
    timer!.run();
  };
  return { ticker, advance, interval: () => timer?.ms, stopped: () => stopped };
}

describe('the progress log', () => {
  it('writes posts done of total every interval, the stage before and after, and stops its timer when closed', () => {
    const lines: string[] = [];
    const clock = manualTicker();
    const log = createProgressLog({ write: (text: string) => lines.push(text) }, 10_000, clock.ticker);
    expect(clock.interval()).toBe(10_000);
    expect(lines).toEqual([]);
    clock.advance(10_000);
    log.start(400);
    for (let i = 0; i < 120; i++) log.tick();
    clock.advance(10_000);
    for (let i = 0; i < 280; i++) log.tick();
    log.stop();
    clock.advance(10_000);
    log.close();
    expect(clock.stopped()).toBe(true);
    expect(lines).toEqual(['gazette: reading posts after 10 s\n', 'gazette: 120/400 posts (30%) after 20 s\n', 'gazette: 400/400 posts done, writing the site after 30 s\n']);
  });
});

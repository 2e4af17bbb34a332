import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, root } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

/** The progress bar shows on a terminal only: `script` gives the build a real pseudo-terminal. */
const hasScript = existsSync('/usr/bin/script');
const onTerminal = (args: string, env: Record<string, string | undefined>) =>
  execFileSync('/usr/bin/script', ['-qec', `${process.execPath} ${cli} build ${args}`, '/dev/null'], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });

describe.skipIf(!hasScript)('the progress bar', () => {
  const out = mkdtempSync(join(tmpdir(), 'gazette-progress-'));

  it('shows posts done of total, rate and time left on a terminal', () => {
    const screen = onTerminal(`--out ${out}/a --no-cache`, { CI: undefined });
    expect(screen).toMatch(/\d+\/34 posts · \d+\/s · .* left/);
  });

  it('is not shown in CI or with --quiet', () => {
    expect(onTerminal(`--out ${out}/b --no-cache`, { CI: 'true' })).not.toContain('posts ·');
    expect(onTerminal(`--out ${out}/c --no-cache --quiet`, { CI: undefined })).not.toContain('posts ·');
  });
});

describe('the progress log', () => {
  const out = mkdtempSync(join(tmpdir(), 'gazette-progress-log-'));

  it('writes a line of posts done / total every interval when stderr is not a terminal, and none with --quiet', async () => {
    // (runCli pipes stderr; the interval is shortened from 10 s so that this small build outlasts it.)
    const piped = await runCli(['build', '--out', `${out}/a`, '--no-cache', '--threads', '0'], root, { GAZETTE_PROGRESS_INTERVAL: '20' });
    expect(piped.code).toBe(0);
    const lines = piped.stderr.split('\n').filter((line) => /^gazette: .* after \d+ s$/.test(line));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.some((line) => /^gazette: \d+\/34 posts( \(\d+%\)| done)/.test(line))).toBe(true);
    expect(piped.stderr).not.toContain('\u001b['); // no terminal codes in a log
    const quiet = await runCli(['build', '--out', `${out}/b`, '--no-cache', '--threads', '0', '-q'], root, { GAZETTE_PROGRESS_INTERVAL: '20' });
    expect(quiet.stderr).not.toMatch(/posts .*after \d+ s/);
  });
});

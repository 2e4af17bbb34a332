import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, root } from '../helpers/paths.js';

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

import { execFile } from 'node:child_process';
import { cli, root } from './paths.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the compiled `gazette` CLI as a user would, in `cwd` (the repository by default), with `env` added to the environment.
 * (Its stderr is a pipe, where a build writes a progress line every 10 s: tests that read stderr whole get none unless they set GAZETTE_PROGRESS_INTERVAL.)
 */
export function runCli(args: string[], cwd = root, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd, env: { ...process.env, GAZETTE_PROGRESS_INTERVAL: '3600000', ...env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

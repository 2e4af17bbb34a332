import { spawn, type ChildProcess } from 'node:child_process';
import { cli } from './paths.js';

/** A running `gazette dev`, started as a user starts it, on a free port. */
export interface DevProcess {
  /** Where it serves the site, e.g. `http://127.0.0.1:40123/`. */
  readonly url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Waits until its output, after `from` characters, matches `pattern`; returns the match. */
  waitFor(pattern: RegExp, from?: number, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Stops it with SIGINT, as Ctrl-C does, and resolves with its exit code. */
  stop(): Promise<number | null>;
}

export async function startDev(cwd: string, args: string[] = []): Promise<DevProcess> {
  const child: ChildProcess = spawn(process.execPath, [cli, 'dev', '--port', '0', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = (pattern: RegExp, from = 0, timeoutMs = 20_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = text.slice(from).match(pattern);
        if (match) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve(match);
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`gazette dev did not print ${pattern} within ${timeoutMs} ms; it printed:\n${text}`));
      }, timeoutMs);
      listeners.add(check);
      void exited.then(() => {
        if (listeners.has(check)) {
          listeners.delete(check);
          clearTimeout(timer);
          reject(new Error(`gazette dev exited before printing ${pattern}; it printed:\n${text}`));
        }
      });
      check();
    });
  const [, url] = await waitFor(/serving .* at (http:\/\/\S+) /);
  return {
    url: url!,
    output: () => text,
    waitFor,
    async stop() {
      child.kill('SIGINT');
      return exited;
    },
  };
}

import { execFile } from 'node:child_process';
import { cli, root } from './paths.js';
/** Runs the compiled `gazette` CLI as a user would, in `cwd` (the repository by default). */
export function runCli(args, cwd = root) {
    return new Promise((resolve) => {
        execFile(process.execPath, [cli, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
            resolve({ code, stdout, stderr });
        });
    });
}
//# sourceMappingURL=run-cli.js.map
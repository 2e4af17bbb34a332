import { spawn } from 'node:child_process';
import { cli } from './paths.js';
export async function startDev(cwd, args = []) {
    const child = spawn(process.execPath, [cli, 'dev', '--port', '0', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let text = '';
    const listeners = new Set();
    const onData = (chunk) => {
        text += chunk.toString('utf8');
        for (const listener of listeners)
            listener();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const waitFor = (pattern, from = 0, timeoutMs = 20_000) => new Promise((resolve, reject) => {
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
        url: url,
        output: () => text,
        waitFor,
        async stop() {
            child.kill('SIGINT');
            return exited;
        },
    };
}
//# sourceMappingURL=dev.js.map
// bench/dev.mjs — how long `gazette dev` takes from an edit on disk to the reload it sends.
//
//   node bench/dev.mjs PROJECT [--edits N] [--kind body|title]
//
// Starts `gazette dev --port 0` in PROJECT (a folder with posts/, as bench/run.mjs makes),
// listens to its server-sent events as an open page does, then edits one post N times in
// turn (its body: a sentence appended; or its title), each time measuring the wall time from
// the write to the `reload` event. Prints the median, the 90th percentile and the dev
// process's resident memory (VmRSS from /proc) at the start, after each tenth of the edits
// and at the end, so memory over many edits can be seen (V8 lets its heap grow between
// collections: flat memory is RSS that stops rising, not RSS that never moves). Used by
// bench/run.mjs for its "dev" rows.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

const rss = (pid) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))];

/** Runs the edits (`args`: more flags for gazette dev); resolves with { median, p90, rssStart, rssEnd, rssSeries } (ms, MiB). */
export async function measureDev(project, { edits = 20, kind = 'body', args = [] } = {}) {
  const child = spawn(process.execPath, [cli, 'dev', '--port', '0', ...args], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (d) => (output += d));
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      output += d;
      const match = output.match(/serving .* at (http:\/\/\S+) /);
      if (match) resolve(match[1]);
    });
    child.once('exit', () => reject(new Error(`gazette dev exited:\n${output}`)));
  });
  try {
    const controller = new AbortController();
    const response = await fetch(`${new URL(url).origin}/__gazette/events`, { signal: controller.signal });
    const reader = response.body.getReader();
    let waiting;
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ done: true }));
        if (done) return;
        if (new TextDecoder().decode(value).includes('event: reload')) waiting?.();
      }
    })();
    const posts = join(project, 'posts');
    const names = readdirSync(posts).sort();
    const file = join(posts, names[Math.floor(names.length / 2)]);
    const original = readFileSync(file, 'utf8');
    const rssStart = rss(child.pid);
    const times = [];
    const rssSeries = [];
    try {
      for (let i = 0; i < edits; i++) {
        const text = kind === 'title' ? original.replace(/^title: .*$/m, `title: 编辑后的标题 ${i}`) : `${original}\n<p>Edit ${i}: 新的一句。</p>\n`;
        let timer;
        const reloaded = new Promise((resolve, reject) => {
          waiting = resolve;
          timer = setTimeout(() => reject(new Error(`no reload within 30 s of edit ${i}; gazette dev printed:\n${output}`)), 30_000);
        });
        const start = performance.now();
        writeFileSync(file, text);
        await reloaded;
        clearTimeout(timer);
        times.push(performance.now() - start);
        if ((i + 1) % Math.max(1, Math.round(edits / 10)) === 0) rssSeries.push(rss(child.pid));
      }
    } finally {
      writeFileSync(file, original);
      controller.abort();
    }
    return { median: percentile(times, 0.5), p90: percentile(times, 0.9), rssStart, rssEnd: rss(child.pid), rssSeries };
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const project = args[0];
  if (!project) throw new Error('usage: node bench/dev.mjs PROJECT [--edits N] [--kind body|title]');
  const result = await measureDev(project, { edits: Number(flag('--edits', 20)), kind: flag('--kind', 'body') });
  console.log(`edit → reload: median ${result.median.toFixed(0)} ms, p90 ${result.p90.toFixed(0)} ms; dev RSS ${result.rssStart.toFixed(0)} MiB at start, ${result.rssEnd.toFixed(0)} MiB after the edits`);
  console.log(`dev RSS after each tenth of the edits (MiB): ${result.rssSeries.map((m) => m.toFixed(0)).join(', ')}`);
}

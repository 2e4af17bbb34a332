// bench/cache-seal.mjs — what trusting the article cache costs, two ways, on a built project's cache.
//
//   read:       read every entry (article JSON) and parse it — what a build does anyway
//   seal:       read + check its seal (HMAC-SHA256, src/cache/seal.ts) + parse — what gazette does
//   resanitize: read + parse + sanitize its HTML again (rehype-parse fragment -> rehype-sanitize
//               with gazette's schema -> rehype-stringify) — the other way, not taken
//
// Entries are the *.json files under CACHE/articles/ (sealed ones; unsealed ones from an older
// gazette are read too, without the seal check). The key is $XDG_CACHE_HOME/gazette/key (else
// ~/.cache/gazette/key). Each way runs PASSES times (default 3), interleaved, in this thread;
// printed: the median pass's total and per-entry time, and the entries' total size.
//
// Run (after `npm run compile`, in a project built with gazette):
//   node PATH/TO/gazette/bench/cache-seal.mjs [CACHE]        (default: .cache/gazette)
import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { unseal, sealLength } from '../dist/cache/seal.js';
import { articleSchema } from '../dist/transform/sanitize-schema.js';

const cache = process.argv[2] ?? '.cache/gazette';
const passes = Number(process.env.PASSES ?? 3);
const xdg = process.env.XDG_CACHE_HOME;
const secret = readFileSync(join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.cache'), 'gazette/key'), 'utf8').trim();

const folder = join(cache, 'articles');
const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(folder, f));
const keyOf = (file) => file.slice(file.lastIndexOf('/') + 1, -'.json'.length);
const sealed = (bytes) => bytes.length >= sealLength && bytes[sealLength - 1] === 0x0a && bytes[0] !== 0x7b;

const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeSanitize, articleSchema).use(rehypeStringify);

const ways = {
  read(file) {
    const bytes = readFileSync(file);
    return JSON.parse((sealed(bytes) ? bytes.subarray(sealLength) : bytes).toString('utf8'));
  },
  seal(file) {
    const bytes = readFileSync(file);
    if (!sealed(bytes)) return JSON.parse(bytes.toString('utf8'));
    const body = unseal(secret, ['article', keyOf(file)], bytes);
    if (!body) throw new Error(`${file}: not sealed with this key`);
    return JSON.parse(body.toString('utf8'));
  },
  resanitize(file) {
    const entry = ways.read(file);
    return String(processor.processSync(entry.article.html));
  },
};

let bytes = 0;
for (const file of files) bytes += readFileSync(file).length;
const times = Object.fromEntries(Object.keys(ways).map((way) => [way, []]));
for (let pass = 0; pass < passes; pass++) {
  for (const [way, run] of Object.entries(ways)) {
    const start = performance.now();
    for (const file of files) run(file);
    times[way].push(performance.now() - start);
  }
}
const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
console.log(`${files.length} entries, ${(bytes / 2 ** 20).toFixed(1)} MiB, ${passes} passes, medians:`);
for (const [way, list] of Object.entries(times)) {
  console.log(`  ${way.padEnd(10)} ${(median(list) / 1000).toFixed(2)} s   ${((median(list) / files.length) * 1000).toFixed(0)} µs/entry`);
}

// The build states: read whole, then their seal checked (the outDir they are bound to is not
// known here, so the MAC is computed and not compared: the same work).
for (const name of readdirSync(join(cache, 'state')).filter((f) => f.endsWith('.json'))) {
  const checks = [];
  const reads = [];
  for (let pass = 0; pass < passes; pass++) {
    let start = performance.now();
    const state = readFileSync(join(cache, 'state', name));
    reads.push(performance.now() - start);
    start = performance.now();
    unseal(secret, ['state', '?'], state);
    checks.push(performance.now() - start);
  }
  const size = readFileSync(join(cache, 'state', name)).length;
  console.log(`  state ${name}: ${(size / 2 ** 20).toFixed(1)} MiB, read ${median(reads).toFixed(0)} ms, seal check ${median(checks).toFixed(0)} ms`);
}

// bench/markdown-route.mjs — compare two ways of turning a post body into sanitized HTML.
//
//   A. remark:      remark-parse + remark-gfm -> remark-rehype {allowDangerousHtml} -> rehype-raw
//                   -> rehype-sanitize (default schema) -> rehype-stringify
//   B. markdown-it: MarkdownIt({html:true}) + footnote + deflist -> .render() -> rehype-parse
//                   {fragment:true} -> rehype-sanitize (default schema) -> rehype-stringify
//
// Input: every .md/.markdown file under the given folders (default: each folder of
// ../shared/corpus/real/ plus ../shared/corpus/seed/). Front matter is removed with
// gray-matter (bodies whose YAML fails to parse are used whole); that step is not timed.
// Each route runs in its own child process (so peak RSS and JIT/GC state are its own), builds its
// processor once, does one untimed warm-up pass, then times 3 passes with performance.now().
// Per-post time = mean of that post's 3 timings; median/mean/p95 are taken over posts.
// ms/KB = mean pass total / KB of body text (UTF-8). Peak RSS = max rss sampled after each post.
// Fidelity: visible text (tags stripped, whitespace collapsed) of both outputs; posts whose
// lengths differ by more than 2% are counted and up to 10 are listed.
//
// Run:  node bench/markdown-route.mjs [DIR...]
import { fork } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import deflist from 'markdown-it-deflist';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';

// The shared corpus sits next to the repository (../shared/corpus).
const CORPUS = fileURLToPath(new URL('../../shared/corpus', import.meta.url));
const PASSES = 3;
const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  const real = join(CORPUS, 'real');
  for (const d of readdirSync(real, { withFileTypes: true })) if (d.isDirectory()) dirs.push(join(real, d.name));
  dirs.push(join(CORPUS, 'seed'));
}

function loadPosts() {
  const posts = [];
  let fmErrors = 0;
  for (const dir of dirs) {
    const names = readdirSync(dir, { recursive: true }).filter((n) => /\.(md|markdown)$/i.test(n)).sort();
    for (const name of names) {
      const path = join(dir, name);
      if (!statSync(path).isFile()) continue;
      const text = readFileSync(path, 'utf8');
      let body;
      try { body = matter(text, { language: 'yaml' }).content; } catch { body = text; fmErrors++; }
      posts.push({ path, body, fileBytes: statSync(path).size, bodyBytes: Buffer.byteLength(body) });
    }
  }
  return { posts, fmErrors };
}

function buildRoute(route) {
  if (route === 'A') {
    const p = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeRaw).use(rehypeSanitize).use(rehypeStringify).freeze();
    return (body) => String(p.processSync(body));
  }
  const md = new MarkdownIt({ html: true }).use(footnote).use(deflist);
  const p = unified().use(rehypeParse, { fragment: true }).use(rehypeSanitize).use(rehypeStringify).freeze();
  return (body) => String(p.processSync(md.render(body)));
}

const visibleText = (html) => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
const pct = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

// ---- child: run one route, send timings + visible-text lengths to the parent ----
if (process.env.BENCH_ROUTE) {
  const { posts } = loadPosts();
  const render = buildRoute(process.env.BENCH_ROUTE);
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const textLen = [], errors = [];
  for (const p of posts) { // warm-up, untimed; also gives the fidelity text
    try { textLen.push(visibleText(render(p.body)).length); } catch (e) { textLen.push(-1); errors.push(`${p.path}: ${e.message}`); }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const perPost = posts.map(() => 0), passTotals = [];
  for (let pass = 0; pass < PASSES; pass++) {
    let total = 0;
    posts.forEach((p, i) => {
      const t0 = performance.now();
      try { render(p.body); } catch {}
      const dt = performance.now() - t0;
      total += dt; perPost[i] += dt / PASSES;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    });
    passTotals.push(total);
  }
  process.send({ passTotals, perPost, textLen, errors, baseRss, peakRss });
  process.exit(0);
}

// ---- parent: one child per route, then print the report ----
const runChild = (route) => new Promise((resolve, reject) => {
  const child = fork(fileURLToPath(import.meta.url), dirs, { env: { ...process.env, BENCH_ROUTE: route } });
  child.once('message', resolve);
  child.once('exit', (code) => code && reject(new Error(`route ${route} exited with ${code}`)));
});

const { posts, fmErrors } = loadPosts();
const bodyKB = posts.reduce((s, p) => s + p.bodyBytes, 0) / 1024;
const fileKB = posts.reduce((s, p) => s + p.fileBytes, 0) / 1024;
const results = { A: await runChild('A'), B: await runChild('B') };
const MB = (b) => (b / 1048576).toFixed(0);

console.log(`Node ${process.version}, os.cpus().length = ${os.cpus().length}, ${os.cpus()[0]?.model ?? ''}`);
console.log(`${posts.length} posts from ${dirs.length} folders; files ${fileKB.toFixed(0)} KB, bodies ${bodyKB.toFixed(0)} KB` +
  ` (UTF-8); front matter unparseable: ${fmErrors}; 1 warm-up + ${PASSES} timed passes\n`);
console.log('| route | pass totals ms | mean ms/post | median ms/post | p95 ms/post | max ms/post | ms/KB | RSS base→peak MB | errors |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [route, name] of [['A', 'A remark+rehype-raw'], ['B', 'B markdown-it+rehype-parse']]) {
  const r = results[route];
  const sorted = [...r.perPost].sort((a, b) => a - b);
  const meanPass = r.passTotals.reduce((s, t) => s + t, 0) / PASSES;
  console.log(`| ${name} | ${r.passTotals.map((t) => t.toFixed(0)).join(' / ')} | ${(meanPass / posts.length).toFixed(3)} | ` +
    `${pct(sorted, 0.5).toFixed(3)} | ${pct(sorted, 0.95).toFixed(3)} | ${sorted.at(-1).toFixed(1)} | ` +
    `${(meanPass / bodyKB).toFixed(3)} | ${MB(r.baseRss)}→${MB(r.peakRss)} | ${r.errors.length} |`);
  for (const e of r.errors.slice(0, 5)) console.log(`  error (${route}): ${e}`);
}

const diffs = [];
posts.forEach((p, i) => {
  const a = results.A.textLen[i], b = results.B.textLen[i];
  if (Math.abs(a - b) > 0.02 * Math.max(a, b, 1)) diffs.push({ file: relative(CORPUS, p.path), a, b });
});
diffs.sort((x, y) => Math.abs(y.a - y.b) / Math.max(y.a, y.b) - Math.abs(x.a - x.b) / Math.max(x.a, x.b));
console.log(`\nVisible-text length differs by >2% in ${diffs.length} of ${posts.length} posts` +
  (diffs.length ? ` (largest relative difference first, up to 10):\n` : ''));
if (diffs.length) {
  console.log('| file | text A (remark) | text B (markdown-it) |\n|---|---|---|');
  for (const d of diffs.slice(0, 10)) console.log(`| ${d.file.replaceAll('|', '\\|')} | ${d.a} | ${d.b} |`);
}

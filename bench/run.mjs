// bench/run.mjs — how long gazette takes on a seed-shaped archive, and how much memory.
//
//   npm run bench -- [POSTS] [--runs N]        (POSTS: 1000, 10000, 100000; default 1000; N default 3)
//
// Generates a deterministic archive with ../shared/bench/gen-corpus.mjs (cached in
// /tmp/gazette-bench), then times, RUNS times each, in turn:
//   cold        a build with no cache and no previous output
//   no-change   the same build again (cache warm, nothing changed)
//   add-50      after 50 new posts, dated among the others, are added (then removed again)
//   daily       after 50 new posts dated after every other post are added (what an RSS
//               archive's bot does every day; then removed again)
//   template    after an edit to the post template (then undone)
//   ci-deploy   the cache kept but the output folder deleted: a deploy on a fresh runner
//               that restores `.cache/` (examples/github-pages.yml)
// and prints the median wall time, CPU time (user + system, all threads) and peak memory
// (RSS, from GNU time) of each; then, with
// `gazette dev` running on the same archive (bench/dev.mjs), the time from an edit on disk to
// the reload the server sends: 10 × RUNS edits of one post's body (updated without a
// rebuild) and 2 × RUNS of its title (a rebuild from the state in memory), with the dev
// process's memory before and after.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureDev } from './dev.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const generator = join(root, '../shared/bench/gen-corpus.mjs');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt === -1 ? 3 : Number(args[runsAt + 1]);
const posts = Number(args.find((a, i) => /^\d+$/.test(a) && i !== runsAt + 1) ?? 1000);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(posts) || posts < 1) throw new Error('usage: npm run bench -- [POSTS] [--runs N]');
const work = `/tmp/gazette-bench/${posts}`;
const project = join(work, 'project');

if (!existsSync(generator)) throw new Error(`the corpus generator is missing: ${generator}`);
if (!existsSync('/usr/bin/time')) throw new Error('GNU time is needed for peak memory: apt-get install -y time');

/** The archive, generated once per size; 50 extra posts kept aside for the add-50 case. */
function prepare() {
  const corpus = join(project, 'posts');
  if (!existsSync(corpus) || readdirSync(corpus).length !== posts) {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(project, { recursive: true });
    execFileSync(process.execPath, [generator, '--count', String(posts), '--out', corpus, '--seed', '1'], { stdio: 'ignore' });
    const extra = join(work, 'extra');
    execFileSync(process.execPath, [generator, '--count', '51', '--out', extra, '--seed', '2'], { stdio: 'ignore' });
    // The generator's post 0 is always the seed article; the other 50 are new.
    const files = readdirSync(extra).sort().filter((f) => !f.startsWith('2024-11-14'));
    mkdirSync(join(work, 'new'), { recursive: true });
    for (const f of files.slice(0, 50)) renameSync(join(extra, f), join(work, 'new', f.replace(/\.md$/, '-new.md')));
  }
  // The daily job's posts: the same 50, dated on the day after the archive's newest post.
  const daily = join(work, 'daily');
  if (!existsSync(daily)) {
    const newest = readdirSync(corpus).sort().pop().slice(0, 10);
    const day = new Date(Date.parse(`${newest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    mkdirSync(daily);
    readdirSync(join(work, 'new')).forEach((f, i) => {
      const time = `${day}T${String(Math.floor(i / 4) + 8).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}:00Z`;
      const text = readFileSync(join(work, 'new', f), 'utf8').replace(/^date: .*$/m, `date: ${time}`);
      writeFileSync(join(daily, `${day}${f.slice(10, -7)}-daily.md`), text);
    });
  }
  // The current theme, and a site's URL as a real site has, so the feeds and the sitemap are made too (as Hugo makes its own).
  rmSync(join(project, 'templates'), { recursive: true, force: true });
  cpSync(join(root, 'templates'), join(project, 'templates'), { recursive: true });
  writeFileSync(join(project, 'gazette.config.yml'), 'title: Bench\nurl: https://archive.example.org\ntimezone: Asia/Shanghai\npaginate: 20\n');
}

/** One build: wall seconds, CPU seconds (user + system) and peak RSS in MiB. */
function build() {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, join(root, 'dist/cli.js'), 'build', '--out', 'site', '-q'], { cwd: project, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`build failed: ${r.stderr}`);
  const [kb, user, system] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, cpu: user + system, mib: kb / 1024 };
}

const cases = {
  cold() {
    rmSync(join(project, '.cache'), { recursive: true, force: true });
    rmSync(join(project, 'site'), { recursive: true, force: true });
    return build();
  },
  'no-change': () => build(),
  'add-50': () => addPosts('new'),
  daily: () => addPosts('daily'),
  template() {
    const template = join(project, 'templates/post.njk');
    cpSync(template, `${template}.orig`);
    appendFileSync(template, '\n{# bench edit #}\n');
    const result = build();
    renameSync(`${template}.orig`, template);
    build();
    return result;
  },
  'ci-deploy'() {
    rmSync(join(project, 'site'), { recursive: true, force: true });
    return build();
  },
};

/** Times a build after the posts in `folder` are added, then removes them and builds again (the next case starts warm). */
function addPosts(folder) {
  const added = readdirSync(join(work, folder));
  for (const f of added) cpSync(join(work, folder, f), join(project, 'posts', f));
  const result = build();
  for (const f of added) rmSync(join(project, 'posts', f));
  build();
  return result;
}

prepare();
const results = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let run = 1; run <= runs; run++) {
  for (const [name, measure] of Object.entries(cases)) results[name].push(measure());
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
console.log(`gazette bench: ${posts} posts, ${runs} runs each, medians; Node ${process.version}, ${cpus().length} cores`);
console.log('| case | wall s | CPU s | peak RSS MiB |');
console.log('|---|---|---|---|');
for (const [name, values] of Object.entries(results)) {
  console.log(`| ${name} | ${median(values.map((v) => v.seconds)).toFixed(2)} | ${median(values.map((v) => v.cpu)).toFixed(1)} | ${median(values.map((v) => v.mib)).toFixed(0)} |`);
}
const body = await measureDev(project, { edits: 10 * runs, kind: 'body', args: ['--out', 'site'] });
const title = await measureDev(project, { edits: 2 * runs, kind: 'title', args: ['--out', 'site'] });
const ms = (r) => `${(r.median / 1000).toFixed(3)} (p90 ${(r.p90 / 1000).toFixed(3)})`;
console.log(`| dev: one post's body edited → reload | ${ms(body)} | | ${body.rssStart.toFixed(0)} → ${body.rssEnd.toFixed(0)} |`);
console.log(`| dev: one post's title edited → reload | ${ms(title)} | | ${title.rssStart.toFixed(0)} → ${title.rssEnd.toFixed(0)} |`);

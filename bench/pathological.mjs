// bench/pathological.mjs — does any stage take time that grows faster than its input?
//
//   npm run bench:pathological [-- --only NAME,NAME] [--runs N] [--dist DIR] [--no-build] [--generator FILE]
//
// Each family is one shape of hostile or odd input (a body of `<p>` + blank line repeated, a
// long lazy-image src, thousands of tags made of punctuation only, …) made at four doubling
// sizes. The stage that reads it is called directly from the compiled modules in dist/ (the
// markdown renderer, the article processor, one rewrite rule, buildSiteIndex, …), and a few
// families are also built whole through the CLI: a folder with one such post, `gazette build
// --no-cache`, less the same build of a one-line post. Each size is timed RUNS times (default
// 3) after a garbage collection, and the median CPU time (user + system) is kept: CPU time,
// not wall time, as the machine is shared. One warm-up run comes first.
//
// Prints a table of family, stage, sizes, times and the growth at each doubling. Growth is
// judged on the last two doublings: time(8n) / time(2n) is 4 for a linear stage, about 4.5
// for n log n, 16 for a quadratic one. Above 9 (3 per doubling) with time(8n) of 50 ms or
// more, the family is measured again, and if it still grows so, reported as FAIL. A size
// that would take over 20 s (judged from the growth so far) is not run: the family fails.
// The exit status is 1 when a family fails. Families marked "known" are super-linear for a
// reason outside this code (a library, or a module another change owns): they are shown but
// do not fail the run.
//
// The last family rebuilds archives of 250 to 2,000 posts (made by ../shared/bench/gen-corpus.mjs,
// or --generator FILE) after a fifth of their posts changed every term: the search index is
// then patched in place.
//
// --dist DIR times another build's compiled modules, e.g. main's, to see the growth this
// benchmark guards against. --no-build skips the CLI builds. Run with --expose-gc (the npm
// script does) for steadier times.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dist = resolve(option('--dist') ?? join(here, '../dist'));
const runs = Number(option('--runs') ?? 3);
const only = option('--only')?.split(',');
const withBuilds = !args.includes('--no-build');
/** A run longer than this (ms of CPU) is not tried at the next size. */
const limit = 20_000;

const load = (path) => import(join(dist, path));
const { createMarkdownRenderer } = await load('transform/markdown.js');
const { createArticleProcessor } = await load('transform/article-processor.js');
const { figureImages } = await load('transform/rules/image-captions.js');
const { isTrackingPixel } = await load('transform/rules/remove-tracking-pixels.js');
const { largestCandidate } = await load('transform/rules/lazy-image-sources.js');
const { imageKey } = await load('transform/rules/images.js');
const { retainedCharacters } = await load('transform/fidelity.js');
const { escapeStrayLessThan } = await load('transform/raw-html.js');
const { htmlText } = await load('transform/source-text.js');
const { createTextCounter } = await load('transform/text-stats.js');
const { buildSiteIndex } = await load('site/site-index.js');
const { termList } = await load('load/normalize.js');
const { slugify } = await load('load/slug.js');
const { parsePostDate } = await load('load/dates.js');
const { splitFrontMatter } = await load('load/front-matter.js');
const { docWeights } = await load('search/search-index.js');
const { normalizer } = await load('search/browser/tokens.js');
const { lazyConverter } = await load('search/converter.js');
const { traditionalChars } = await load('search/traditional-chars.js');

const renderMarkdown = createMarkdownRenderer();
const article = createArticleProcessor({ origin: 'https://example.org', archivedUrl: () => undefined, isSourceSite: () => false, excerptLength: 200, lang: 'zh' });
const transform = (format) => (body) => article({ format, body, url: '/2024/01/01/x/', from: 'https://e.org/a/1.html' });
/** `run`, where throwing the error named `name` is the answer (the stage refuses the input). */
const refused = (run, name) => (input) => {
  try {
    run(input);
  } catch (error) {
    if (error?.name !== name) throw error;
  }
};
const countText = createTextCounter('zh');
const normalise = normalizer(traditionalChars, lazyConverter());
const parsed = (html) => fromHtml(html, { fragment: true });

/** A post as the site index takes it. */
function post(i, extra) {
  const slug = `p${i}`;
  return {
    source: `${slug}.md`, path: `/posts/${slug}.md`, format: 'markdown', encoding: 'utf-8', hash: '', bodyOffset: 0, bodyLine: 1,
    title: slug, date: new Date(i * 60_000).toISOString(), time: i * 60_000, slug, url: `/${slug}/`, outputPath: `${slug}/index.html`,
    tags: [], categories: [], layout: 'post', data: {}, ...extra,
  };
}

/** The number `i` in the digits !"#$%&'( : a name with no letter or digit, which slugifies to nothing. */
const punctuation = (i) => [...i.toString(8)].map((d) => String.fromCharCode(0x21 + Number(d))).join('');

/**
 * The families: `make(n)` makes the input of size n, `prepare` (untimed, before each run)
 * what the timed `run` takes when the stage changes its input (a tree). `fixed` says what
 * was made linear, `known` why a family is not.
 */
const families = [
  // The kramdown HTML-block reader (kramdown-html-block.ts).
  { name: 'open <p> blocks', stage: 'markdown', sizes: [2000, 4000, 8000, 16000], make: (n) => '<p>\n\n'.repeat(n), run: renderMarkdown, fixed: true },
  { name: 'open <div> blocks', stage: 'markdown', sizes: [1000, 2000, 4000, 8000], make: (n) => '<div>\n\n'.repeat(n), run: renderMarkdown, fixed: true },
  { name: '<div> then open comments', stage: 'markdown', sizes: [16000, 32000, 64000, 128000], make: (n) => `<div>\n${'<!--\n\n'.repeat(n)}`, run: renderMarkdown, fixed: true },
  { name: '<div> tags without >', stage: 'markdown', sizes: [500, 1000, 2000, 4000], make: (n) => '<div\n\n'.repeat(n), run: renderMarkdown, fixed: true },
  // Unclosed raw-text tags in one paragraph (markdown.ts).
  { name: 'unclosed <style> tags', stage: 'markdown', sizes: [2500, 5000, 10000, 20000], make: (n) => 'a <style> '.repeat(n), run: renderMarkdown, fixed: true },
  // markdown-it's own rules, checked.
  { name: 'unclosed inline comments', stage: 'markdown', sizes: [10000, 20000, 40000, 80000], make: (n) => 'a <!-- '.repeat(n), run: renderMarkdown },
  { name: 'unclosed inline tags', stage: 'markdown', sizes: [20000, 40000, 80000, 160000], make: (n) => 'a <b '.repeat(n), run: renderMarkdown },
  { name: 'unclosed brackets and links', stage: 'markdown', sizes: [10000, 20000, 40000, 80000], make: (n) => '[a]('.repeat(n) + '['.repeat(n), run: renderMarkdown },
  { name: 'unmatched emphasis', stage: 'markdown', sizes: [10000, 20000, 40000, 80000], make: (n) => '*a _b '.repeat(n), run: renderMarkdown },
  { name: 'footnote references', stage: 'markdown', sizes: [5000, 10000, 20000, 40000], make: (n) => `${'[^1]'.repeat(n)}\n\n[^1]: x\n`, run: renderMarkdown },
  { name: 'table rows', stage: 'markdown', sizes: [5000, 10000, 20000, 40000], make: (n) => `a|b\n-|-\n${'c|d\n'.repeat(n)}`, run: renderMarkdown },

  // The article processor and its rules.
  { name: 'long lazy src', stage: 'article', sizes: [5000, 10000, 20000, 40000], make: (n) => `<img src="${'lazy'.repeat(n)}">`, run: transform('html'), fixed: true },
  { name: 'captioned images', stage: 'rule image-captions', sizes: [10000, 20000, 40000, 80000], make: (n) => '<img src="a.jpg"><small>c</small>'.repeat(n), prepare: parsed, run: figureImages, fixed: true },
  { name: 'width of spaces', stage: 'isTrackingPixel', sizes: [20000, 40000, 80000, 160000], make: (n) => `1${' '.repeat(n)}x`, run: (w) => isTrackingPixel(w, '1'), fixed: true },
  { name: 'srcset URL ending in commas', stage: 'largestCandidate', sizes: [20000, 40000, 80000, 160000], make: (n) => `a${','.repeat(n)}b, c.jpg 2x`, run: largestCandidate, fixed: true },
  { name: 'src of many /@@images/ before a line break', stage: 'imageKey', sizes: [2500, 5000, 10000, 20000], make: (n) => `${'/@@images/'.repeat(n)}\nx`, run: imageKey, fixed: true },
  { name: 'text lost in 20000 kinds', stage: 'retainedCharacters', sizes: [20000, 40000, 80000, 160000], make: (n) => [Array.from({ length: n }, (_, i) => String.fromCodePoint(0x4e00 + (i % 20000))).join(''), `${'中'.repeat(n)}x`], run: ([input, output]) => retainedCharacters(input, output), fixed: true },
  // Stray < in raw HTML (raw-html.ts): each search for a closing quote, `-->`, `>` or raw-text closing tag is remembered.
  { name: 'stray <', stage: 'escapeStrayLessThan', sizes: [100000, 200000, 400000, 800000], make: (n) => '<'.repeat(n), run: escapeStrayLessThan },
  { name: 'tags with an open quote', stage: 'escapeStrayLessThan', sizes: [25000, 50000, 100000, 200000], make: (n) => '<a b="'.repeat(n), run: escapeStrayLessThan },
  { name: 'open comments and raw-text tags', stage: 'escapeStrayLessThan', sizes: [25000, 50000, 100000, 200000], make: (n) => '<!-- <script> <textarea> </x '.repeat(n), run: escapeStrayLessThan },
  { name: 'open non-article elements', stage: 'source text', sizes: [25000, 50000, 100000, 200000], make: (n) => '<svg> a <template> b '.repeat(n), run: htmlText },
  { name: 'p<0.05 in raw HTML', stage: 'article', sizes: [5000, 10000, 20000, 40000], make: (n) => `<p>${'(0<p<1) p<0.05 '.repeat(n)}</p>`, run: transform('html') },
  { name: 'text reordered', stage: 'retainedCharacters', sizes: [5000, 10000, 20000, 40000], make: (n) => { const units = Array.from({ length: n }, (_, i) => `${i}`.padStart(9, 'q')); return [[...units].reverse().join(''), units.join('')]; }, run: ([input, output]) => retainedCharacters(input, output) },
  { name: 'many images and ids and headings', stage: 'article', sizes: [2500, 5000, 10000, 20000], make: (n) => '<h1 id="x">a</h1><h4>b</h4><p> </p><img src="a.jpg"> <img src="a.jpg?w=1"><a href="#x">x</a>'.repeat(n), run: transform('html') },
  { name: 'wide span', stage: 'article', sizes: [25000, 50000, 100000, 200000], make: (n) => `<span>${'<b>x</b>'.repeat(n)}</span>`, run: transform('html'), fixed: true },
  {
    name: 'formatting reopened per block',
    stage: 'article (parse5)',
    sizes: [100, 200, 400, 800],
    make: (n) => `<p>${Array.from({ length: n }, (_, i) => `<b id=${i}>`).join('')}</p>${'<p>x</p>'.repeat(n)}`,
    // The HTML standard reopens every unclosed formatting element in each later block: parse5
    // would make n x m elements; gazette's parser stops at its element budget (parse-html.ts).
    run: refused(transform('html'), 'HtmlTooLargeError'),
    fixed: true,
  },
  { name: 'CJK text, no breaks', stage: 'text stats', sizes: [50000, 100000, 200000, 400000], make: (n) => '新闻自由的记录'.repeat(n / 7), run: countText },
  { name: 'hyphenated words', stage: 'text stats', sizes: [50000, 100000, 200000, 400000], make: (n) => 'a-'.repeat(n / 2) + '新', run: countText },

  // The site index.
  { name: 'tags of punctuation only', stage: 'buildSiteIndex', sizes: [2500, 5000, 10000, 20000], make: (n) => [post(0, { tags: Array.from({ length: n }, (_, i) => punctuation(i)) })], run: buildSiteIndex, fixed: true },
  { name: 'one tag on every post, related', stage: 'buildSiteIndex + related', sizes: [2500, 5000, 10000, 20000], make: (n) => Array.from({ length: n }, (_, i) => post(i, { tags: ['香港', `t${i % 50}`], categories: ['c'] })), run: (posts) => { const { index } = buildSiteIndex(posts); for (const p of index.posts) index.related(p.source, 5); } },

  // Search terms.
  { name: 'traditional text, one sentence', stage: 'search terms', sizes: [100000, 200000, 400000, 800000], make: (n) => '龍門客棧的記錄'.repeat(n / 7), run: (text) => docWeights(normalise, 'title', text) },

  // Front matter and its values.
  { name: 'tags string of many words', stage: 'termList', sizes: [25000, 50000, 100000, 200000], make: (n) => Array.from({ length: n }, (_, i) => `t${i}`).join(' '), run: (v) => termList(v, true), fixed: true },
  { name: 'long title', stage: 'slugify', sizes: [400000, 800000, 1600000, 3200000], make: (n) => '-a '.repeat(n / 3), run: (t) => slugify(t, 'pretty') },
  { name: 'date with trailing spaces', stage: 'parsePostDate', sizes: [50000, 100000, 200000, 400000], make: (n) => `2024-01-01 12:00${' '.repeat(n)}x`, run: (d) => parsePostDate(d, 'text', 'UTC') },
  { name: 'first line of spaces and tabs', stage: 'splitFrontMatter', sizes: [5000, 10000, 20000, 40000], make: (n) => `---a${' \t'.repeat(n)}x`, run: (text) => { try { splitFrontMatter(text); } catch { /* refused, as it should be */ } }, fixed: true },
];

const builds = [
  { name: 'open <p> blocks', sizes: [2000, 4000, 8000, 16000], make: (n) => '<p>\n\n'.repeat(n) },
  { name: 'long lazy src', sizes: [5000, 10000, 20000, 40000], make: (n) => `<img src="${'lazy'.repeat(n)}">\n` },
  { name: '<div> tags without >', sizes: [500, 1000, 2000, 4000], make: (n) => '<div\n\n'.repeat(n) },
];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** Median CPU ms of `runs` runs of a family at size n (stops early past the limit); an Error when the stage threw. */
function measure(family, input) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const arg = family.prepare ? family.prepare(input) : input;
    globalThis.gc?.();
    const start = process.cpuUsage();
    try {
      family.run(arg);
    } catch (error) {
      return error;
    }
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
    if (times.at(-1) > limit) break;
  }
  return median(times);
}

/** Times at each size: numbers, an Error, or null for a size not run (it would take over the limit). */
function series(family, timeAt) {
  const times = [];
  for (const n of family.sizes) {
    const last = times.at(-1);
    const before = times.at(-2);
    if (last === null || last instanceof Error || (typeof last === 'number' && last * Math.max(2, typeof before === 'number' && before > 0 ? last / before : 2) > limit)) {
      times.push(null);
      continue;
    }
    times.push(timeAt(n));
  }
  return times;
}

/** How a series grew: ok, FAIL, or too small to judge. */
function verdict(times) {
  if (times.some((t) => t === null || t instanceof Error)) return 'FAIL';
  const [, second, , last] = times;
  if (last < 50) return 'small';
  return last / Math.max(second, 1e-3) > 9 ? 'FAIL' : 'ok';
}

const cell = (t) => (t === null ? `>${limit / 1000} s` : t instanceof Error ? `${t.name}` : t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(1)} ms`);
const ratios = (times) => times.slice(1).map((t, i) => (typeof t === 'number' && typeof times[i] === 'number' && times[i] > 0 ? (t / times[i]).toFixed(1) : '—')).join(' / ');
const rows = [];
let failed = 0;
let known = 0;

function report(name, stage, sizes, times, note) {
  let result = verdict(times);
  if (note && result === 'FAIL') {
    result = 'known';
    known++;
  } else if (result === 'FAIL') failed++;
  rows.push(`| ${name} | ${stage} | ${sizes.map((n) => n.toLocaleString('en')).join(' / ')} | ${times.map(cell).join(' / ')} | ${ratios(times)} | ${result} |`);
  console.error(`${name}: ${times.map(cell).join(' / ')} ${result}`);
}

for (const family of families) {
  if (only && !only.includes(family.name)) continue;
  const inputs = new Map();
  const inputAt = (n) => (inputs.has(n) ? inputs.get(n) : inputs.set(n, family.make(n)).get(n));
  measure(family, inputAt(family.sizes[0])); // warm-up
  let times = series(family, (n) => measure(family, inputAt(n)));
  // A failing family is measured again: on a shared machine one run can be slow by chance.
  if (verdict(times) === 'FAIL' && times.every((t) => typeof t === 'number')) {
    const again = series(family, (n) => measure(family, inputAt(n)));
    if (verdict(again) !== 'FAIL') times = again;
  }
  report(family.name, family.stage, family.sizes, times, family.known);
}

if (withBuilds) {
  const cli = join(dist, 'cli.js');
  const work = mkdtempSync(join(tmpdir(), 'gazette-pathological-'));
  /** CPU seconds of a build of one post with `body`, as GNU time measures the process. */
  const buildCpu = (body) => {
    const posts = join(work, 'posts');
    rmSync(posts, { recursive: true, force: true });
    mkdirSync(posts);
    writeFileSync(join(posts, '2024-01-01-post.md'), `---\ntitle: Post\n---\n${body}`);
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, cli, 'build', '--posts', posts, '--out', join(work, 'site'), '--no-cache', '-q'], { cwd: work, encoding: 'utf8' });
    const [user, system] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
    return (user + system) * 1000;
  };
  const buildMedian = (body) => {
    const times = [];
    for (let i = 0; i < runs; i++) {
      times.push(buildCpu(body));
      if (times.at(-1) > limit) break;
    }
    return median(times);
  };
  const baseline = buildMedian('One line.\n');
  console.error(`a build of a one-line post: ${cell(baseline)}`);
  for (const build of builds) {
    if (only && !only.includes(build.name)) continue;
    const times = series(build, (n) => Math.max(0, buildMedian(build.make(n)) - baseline));
    report(build.name, `gazette build (less ${cell(baseline)})`, build.sizes, times);
  }

  // Rebuilds after a fifth of an archive's posts changed every term (each body doubled): the
  // search index is patched in place, which one post at a time read every shard once per post.
  const generator = resolve(option('--generator') ?? join(here, '../../shared/bench/gen-corpus.mjs'));
  const editedRebuild = { name: 'a fifth of the posts edited', sizes: [250, 500, 1000, 2000] };
  if (existsSync(generator) && (!only || only.includes(editedRebuild.name))) {
    const times = series(editedRebuild, (n) => {
      const project = join(work, `archive-${n}`);
      execFileSync(process.execPath, [generator, '--count', String(n), '--out', join(project, 'posts'), '--seed', '1'], { stdio: 'ignore' });
      const rebuild = () => spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, cli, 'build', '--posts', 'posts', '--out', 'site', '-q'], { cwd: project, encoding: 'utf8' });
      rebuild();
      const pristine = `${project}-pristine`;
      cpSync(project, pristine, { recursive: true });
      const edited = readdirSync(join(project, 'posts')).sort().slice(0, n / 5);
      const cpu = [];
      for (let i = 0; i < runs; i++) {
        rmSync(project, { recursive: true, force: true });
        cpSync(pristine, project, { recursive: true });
        for (const name of edited) {
          const file = join(project, 'posts', name);
          const text = readFileSync(file, 'utf8');
          const bodyStart = text.indexOf('\n---\n', 4) + 5;
          writeFileSync(file, text + text.slice(bodyStart));
        }
        const [user, system] = rebuild().stderr.trim().split('\n').pop().split(' ').map(Number);
        cpu.push((user + system) * 1000);
        if (cpu.at(-1) > limit) break;
      }
      rmSync(pristine, { recursive: true, force: true });
      return median(cpu);
    });
    report(editedRebuild.name, 'gazette build, rebuild (posts: n, edited: n/5)', editedRebuild.sizes, times);
  } else if (!only) console.error(`skipped '${editedRebuild.name}': no corpus generator at ${generator} (--generator FILE)`);
  rmSync(work, { recursive: true, force: true });
}

console.log(`gazette pathological inputs: ${dist}, median CPU time of ${runs} runs; Node ${process.version}`);
console.log('| family | stage | sizes (n) | CPU time at each size | growth per doubling | |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(`${failed} failing, ${known} known super-linear (not failing the run).`);
process.exitCode = failed > 0 ? 1 : 0;

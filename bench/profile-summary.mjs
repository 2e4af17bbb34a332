// bench/profile-summary.mjs — CPU seconds by stage from V8 CPU profiles (one per thread).
//
//   node --cpu-prof --cpu-prof-dir=DIR dist/cli.js build ...   then   node bench/profile-summary.mjs DIR
//
// Each sample's time is charged to the first frame, innermost first, that names a stage
// (a gazette module, or a library a stage is made of); samples with none are "other" (GC,
// the runtime, node internals: file system and thread hand-offs). Prints a table per thread
// and for all threads together.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node bench/profile-summary.mjs PROFILE_DIR');

/** Stage by the frame's script URL, first match wins (innermost gazette or library frame decides). */
const stages = [
  ['search index', /\/search\//],
  ['front matter (YAML, dates)', /\/load\/|js-yaml|\/yaml\/|luxon|gray-matter|chardet/],
  ['markdown', /markdown-it|kramdown|\/transform\/markdown|mdurl|linkify|remark|micromark|mdast/],
  ['HTML parse', /parse5|hast-util-from-parse5|rehype-parse|\/transform\/parse-html|\/transform\/raw-html|hast-util-raw/],
  ['sanitize', /hast-util-sanitize|rehype-sanitize|sanitize-schema/],
  ['rewrite rules', /\/transform\/rules\//],
  ['stringify', /hast-util-to-html|rehype-stringify|stringify-entities|character-entities|property-information|html-void|comma-separated|space-separated|zwitch/],
  ['fidelity, text stats', /\/transform\/(fidelity|source-text|text-stats|summarize|closing-tags|sorted)/],
  ['article (other)', /\/transform\/|unified|unist|vfile|hast-util|hastscript/],
  ['render (nunjucks)', /nunjucks|\/render\//],
  ['write output', /\/write\//],
  ['cache, build state', /\/cache\//],
  ['index, plan', /\/site\/|\/build\.js|p-map/],
];

function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stageOfNode = new Map();
  const stageOf = (id) => {
    if (stageOfNode.has(id)) return stageOfNode.get(id);
    const node = byId.get(id);
    const url = node.callFrame.url;
    let stage;
    if (node.callFrame.functionName === '(garbage collector)') stage = 'GC';
    else if (node.callFrame.functionName === '(idle)' || node.callFrame.functionName === 'atomicsWaitLoop') stage = 'idle';
    else {
      for (const [name, re] of stages) if (re.test(url)) { stage = name; break; }
      if (!stage) stage = parent.has(id) ? stageOf(parent.get(id)) : 'other';
    }
    stageOfNode.set(id, stage);
    return stage;
  };
  const totals = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const stage = stageOf(samples[i]);
    totals.set(stage, (totals.get(stage) ?? 0) + (timeDeltas[i] ?? 0) / 1e6);
  }
  return totals;
}

const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort();
const all = new Map();
const columns = [];
for (const file of files) {
  const totals = summarise(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  columns.push([file.split('.').slice(-3, -1).join('.'), totals]);
  for (const [k, v] of totals) all.set(k, (all.get(k) ?? 0) + v);
}
const rows = [...all].filter(([k]) => k !== 'idle').sort((a, b) => b[1] - a[1]);
console.log(`| stage | ${columns.map(([name], i) => (i === 0 ? 'main' : `thread ${name}`)).join(' | ')} | all threads |`);
console.log(`|---|${columns.map(() => '---|').join('')}---|`);
for (const [stage, total] of rows) console.log(`| ${stage} | ${columns.map(([, t]) => (t.get(stage) ?? 0).toFixed(1)).join(' | ')} | ${total.toFixed(1)} |`);
const busy = (t) => [...t].filter(([k]) => k !== 'idle').reduce((s, [, v]) => s + v, 0);
console.log(`| **busy** | ${columns.map(([, t]) => busy(t).toFixed(1)).join(' | ')} | ${busy(all).toFixed(1)} |`);
console.log(`| idle | ${columns.map(([, t]) => (t.get('idle') ?? 0).toFixed(1)).join(' | ')} | |`);

// What a first query costs on a built site: gzip bytes of every file it touches (the search
// page's code, meta, shards, display files; the converter when loaded) and the time in Node.
//   npm run compile && node bench/search-queries.mjs SITE/search/data
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createSearchEngine } from '../dist/search/browser/engine.js';
import { createConverter } from '../dist/search/converter.js';
const [dir] = process.argv.slice(2);
const queries = ['习近平', '赖清德', '香港', '联合国人权理事会', '中俄军事合作', '拜登会晤', '習近平', '臺灣', '新聞', '习近平 香港'];
const gz = (p) => gzipSync(readFileSync(`${dir}/${p}`)).length;
const code = ['search-page.js', 'engine.js', 'tokens.js'].reduce((n, f) => n + gz(`../../assets/search/${f}`), 0);
const conv = gz('../../assets/search/opencc-t2cn.js');
for (const q of queries) {
  const touched = new Set();
  const engine = createSearchEngine(async (p) => { touched.add(p); return JSON.parse(readFileSync(`${dir}/${p}`, 'utf8')); }, async () => { touched.add('CONVERTER'); return createConverter(); });
  const t0 = performance.now();
  const found = await engine.search(q);
  await engine.show(found.hits.slice(0, 10));
  const ms = performance.now() - t0;
  let bytes = code;
  for (const p of touched) bytes += p === 'CONVERTER' ? conv : gz(p);
  console.log(`${q}\t${found.hits.length} hits\t${(bytes / 1024).toFixed(0)} KiB cold (${touched.size} files${touched.has('CONVERTER') ? ', converter' : ''})\t${ms.toFixed(0)} ms`);
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteWork } from '../build.js';
import { hashOf, type ArticleRecord, type SearchState } from '../cache/build-state.js';
import { keepSearchCopy, searchCopy } from '../cache/search-copy.js';
import type { CacheFolder } from '../cache/seal.js';
import type { Post } from '../types.js';
import { normalizer, shardOf } from './browser/tokens.js';
import { converterLicence, converterModulePath, lazyConverter } from './converter.js';
import { createSearchIndex, displayFiles, displayRow, docWeights, metaJson, patchShard, renumberShard, searchIndexPaths, segmentPaths, segmentsOf, shardPath, weightChanges, type BodyTerms, type SearchIndex } from './search-index.js';
import { traditionalChars } from './traditional-chars.js';

/**
 * The search stage of a build: the search page's script and the search index, written into
 * the output folder (made whole, rewritten from the previous one, or, in `gazette dev`,
 * patched for edited bodies).
 */

/** Where the search page's script and the search index go in the output folder. */
const searchAssets = 'assets/search/';
export const searchData = 'search/data/';

/**
 * The search page's script: gazette's compiled browser modules and opencc-js's converter with
 * its licences (OpenCC's dictionaries are Apache-2.0), by file name, each read when written.
 */
const assetSources: Record<string, () => string> = {
  ...Object.fromEntries(['search-page.js', 'engine.js', 'tokens.js', 'messages.js'].map((name) => [name, () => readFileSync(join(fileURLToPath(new URL('../../dist/search/browser/', import.meta.url)), name), 'utf8')])),
  'opencc-t2cn.js': () => readFileSync(converterModulePath(), 'utf8'),
  'opencc-LICENSES.txt': () => converterLicence(),
};

/** The output paths of the search page's script (which no post may take). */
export const searchAssetPaths: readonly string[] = Object.keys(assetSources).map((name) => searchAssets + name);

/**
 * Copies the search page's script into the output folder (read from the package's dist/
 * folder, whether this module runs from dist/ or, in tests, from src/).
 */
export function writeSearchAssets(site: SiteWork): void {
  for (const [name, read] of Object.entries(assetSources)) {
    const contents = read();
    const fingerprint = hashOf(['search asset', contents]);
    if (!site.writer.isCurrent(searchAssets + name, fingerprint)) site.writer.write(searchAssets + name, contents, fingerprint);
  }
}

/** The previous build's search index: what it holds, and the folder its files are in. */
export interface PreviousIndex {
  readonly state: SearchState;
  readonly folder: string;
  /** True when the folder is the cache's copy (search-copy.ts), not the output folder's index. */
  readonly copied: boolean;
}

/**
 * The previous build's search index when it was made by this code and config and its files
 * are all there, so that it can be updated for the posts that changed (renumberIndex) rather
 * than made again from every post's terms: the one in the output folder, or else (the output
 * folder is gone: a deploy on a fresh runner) the cache's copy of it.
 */
export function previousSearchIndex(site: SiteWork, previous: SearchState | undefined): PreviousIndex | undefined {
  if (previous?.renderKey !== site.renderKey) return undefined;
  const paths = searchIndexPaths(previous.docs.length);
  const output = join(site.options.outDir, searchData);
  if (site.writer.recorded(`${searchData}meta.json`) === previous.fingerprint && paths.every((path) => existsSync(join(output, path)))) {
    return { state: previous, folder: output, copied: false };
  }
  const { cache } = site.options;
  const copy = cache && searchCopy(cache, site.options.outDir, previous.fingerprint, paths);
  return copy ? { state: previous, folder: copy, copied: true } : undefined;
}

/**
 * Keeps a copy of the output folder's search index in the cache (search-copy.ts), once a
 * build has put it in place, for a later build whose output folder is gone; none when a file
 * of it is not in the build's record of the output (it could not be put in place).
 */
export function keepSearchIndexCopy(cache: CacheFolder, outDir: string, state: SearchState, outputs: Readonly<Record<string, string>>): void {
  const paths = searchIndexPaths(state.docs.length);
  if (!paths.every((path) => outputs[searchData + path] !== undefined)) return;
  keepSearchCopy(cache, outDir, state.fingerprint, join(outDir, searchData), paths);
}

/** The terms of a built post's article, by its source; and those kept with a cache entry, by its key. */
export interface TermSource {
  articleTerms(source: string): Promise<BodyTerms>;
  storedTerms(key: string): Promise<BodyTerms | undefined>;
}

/** Characters of an index made whole written between full collections of a big archive's heap (heap.ts): about 25 at 100,000 posts. */
const collectEvery = 32 * 2 ** 20;

/** The built posts (the index's order: newest first) in the search index's id order: oldest first. */
function inIdOrder(built: readonly Post[]): readonly Post[] {
  return built.slice().reverse();
}

/**
 * Writes the search index (search/search-index.ts) of the built posts unless the one in the
 * output folder was made from the same posts (their URL, title, date and article); returns
 * what it holds, for the next build. `streamed` is the index made as the posts were built,
 * when it was (the build found nothing to update). Else, when the previous index is there
 * (`previous`: in the output folder or the cache's copy) and most posts are the same, it is
 * updated (renumberIndex: patched when posts only changed in place, else rewritten segment by
 * segment); else made again whole from the posts' terms. Files that come out the same are not
 * rewritten either way.
 */
export async function writeSearchIndex(
  site: SiteWork,
  built: readonly Post[],
  articleOf: (source: string) => ArticleRecord,
  terms: TermSource,
  previous: PreviousIndex | undefined,
  streamed?: SearchIndex,
): Promise<SearchState> {
  const state = searchStateOf(site, built, articleOf);
  const { fingerprint } = state;
  const [meta, ...data] = searchIndexPaths(built.length).map((path) => searchData + path);
  if (site.writer.isCurrent(meta!, fingerprint) && data.map((path) => site.writer.isCurrent(path, searchDataFingerprint)).every(Boolean)) return state;
  const posts = inIdOrder(built);
  if (!streamed && previous && (await renumberIndex(site, posts, state, previous, terms))) return state;
  let index = streamed;
  if (!index) {
    index = createSearchIndex(posts.length, traditionalChars, lazyConverter(), { folder: site.writer.scratch('search') });
    for (const post of posts) index.add({ url: post.url, title: post.title, date: post.date, body: await terms.articleTerms(post.source) });
  }
  let written = 0;
  for (const file of index.files()) {
    site.writer.write(searchData + file.path, file.contents, file.path === 'meta.json' ? fingerprint : searchDataFingerprint);
    // (Each file's text is garbage once written: a big archive's heap is collected as they go.)
    written += file.contents.length;
    if (written > collectEvery) {
      site.heap?.collect();
      written = 0;
    }
  }
  return state;
}

/**
 * Updates the previous search index for the built posts (`posts`, in id order). When posts
 * only changed in place (same ids), their shards are patched (patchInPlace). Else each
 * segment (search-index.ts, segmentsOf) is kept when it holds the same posts under the same
 * ids — the older one, when the new posts are dated after every other (an archive's daily
 * job) — and otherwise rewritten from the previous segment of its folder and shard count: a
 * post whose article and title are the same keeps its postings under its new id, the others'
 * postings (new, changed, or from the other segment) are made from their text, which costs
 * far less than tokenising every post again. False (nothing written) when it does not apply:
 * more than a quarter of the posts to be made from their text, or a shard file missing.
 */
async function renumberIndex(site: SiteWork, posts: readonly Post[], state: SearchState, { state: previous, folder, copied }: PreviousIndex, terms: TermSource): Promise<boolean> {
  const before = new Map(previous.docs.map(([source, key, title], id) => [source, { id, key, title }]));
  // Each post's id in the previous index when its postings there still hold (-1: new or changed).
  const oldIdOf = new Int32Array(posts.length).fill(-1);
  state.docs.forEach(([source, key, title], id) => {
    const old = before.get(source);
    if (old && old.key === key && old.title === title) oldIdOf[id] = old.id;
  });
  // Only posts changed where they were (a title or an article edited): patch their shards alone.
  const changed = [...oldIdOf.keys()].filter((id) => oldIdOf[id] === -1);
  if (changed.length > posts.length / 4) return false;
  const inPlace = previous.docs.length === posts.length && oldIdOf.every((old, id) => old === id || old === -1) && changed.every((id) => previous.docs[id]![0] === state.docs[id]![0]);
  if (inPlace && !copied && (await patchInPlace(site, posts, state, previous, changed, terms))) return true;
  const oldSegments = segmentsOf(previous.docs.length);
  const plans = segmentsOf(posts.length).map((segment) => {
    const source = oldSegments.find((old) => old.dir === segment.dir && old.shards === segment.shards);
    const ids = Array.from({ length: segment.to - segment.from }, (_, i) => segment.from + i);
    const unchanged = source?.from === segment.from && source.to === segment.to && ids.every((id) => oldIdOf[id] === id);
    // The segment's posts whose postings are not in its source: made from their text.
    const added = unchanged ? [] : ids.filter((id) => !source || oldIdOf[id]! < source.from || oldIdOf[id]! >= source.to);
    return { segment, source, unchanged, added };
  });
  if (plans.reduce((n, plan) => n + plan.added.length, 0) > posts.length / 4) return false;
  // The source shards must all be there; each is then read, rewritten and let go in turn (the
  // whole index is 78 MB at 10,000 posts: it is never held at once).
  const shardFile = (dir: string, shard: number) => join(folder, `${dir}/${shard}.json`);
  if (!plans.every(({ source }) => !source || segmentPaths(source).every((path) => existsSync(join(folder, path))))) return false;
  const normalise = normalizer(traditionalChars, lazyConverter());
  for (const { segment, source, unchanged, added } of plans) {
    // The added posts' postings, by shard and term.
    const additions = Array.from({ length: segment.shards }, () => new Map<string, [number, number, number][]>());
    for (const id of added) {
      const post = posts[id]!;
      for (const [term, [body, title]] of docWeights(normalise, post.title, await terms.articleTerms(post.source))) {
        const rows = additions[shardOf(term, segment.shards)]!;
        const list = rows.get(term);
        if (list) list.push([id, body, title]);
        else rows.set(term, [[id, body, title]]);
      }
    }
    // The source's postings under their new ids, those of posts now in this segment.
    const renumber = new Int32Array(source && !unchanged ? previous.docs.length : 0).fill(-1);
    for (let id = segment.from; id < segment.to && renumber.length > 0; id++) {
      const old = oldIdOf[id]!;
      if (old >= source!.from && old < source!.to) renumber[old] = id;
    }
    for (let shard = 0; shard < segment.shards; shard++) {
      const path = `${searchData}${segment.dir}/${shard}.json`;
      if (unchanged) {
        // The same posts under the same ids: the previous file (from the cache's copy, linked).
        if (copied) {
          site.writer.writeFrom(path, shardFile(segment.dir, shard), searchDataFingerprint);
          continue;
        }
        if (site.writer.isCurrent(path, searchDataFingerprint)) continue;
      }
      const original = source ? readFileSync(shardFile(source.dir, shard), 'utf8') : '{}';
      const contents = unchanged ? original : renumberShard(original, renumber, additions[shard]!);
      // A shard that comes out the same is kept without reading it again.
      if (contents === original && site.writer.isCurrent(path, searchDataFingerprint)) continue;
      site.writer.write(path, contents, searchDataFingerprint);
    }
  }
  for (const file of displayFiles(posts.map(displayRow))) site.writer.write(searchData + file.path, file.contents, searchDataFingerprint);
  site.writer.write(`${searchData}meta.json`, metaJson(posts.length, traditionalChars), state.fingerprint);
  return true;
}

/** patchSearchIndex for the posts at `changed` ids, their terms before read by article key; false when one is not kept. */
async function patchInPlace(site: SiteWork, posts: readonly Post[], state: SearchState, previous: SearchState, changed: readonly number[], terms: TermSource): Promise<boolean> {
  // The shards are kept as they are, but for those the patch rewrites (and all must be there).
  const shards = segmentsOf(posts.length).flatMap(segmentPaths);
  if (!shards.map((path) => site.writer.isCurrent(searchData + path, searchDataFingerprint)).every(Boolean)) return false;
  const edits = new Map<string, { before: IndexedText; after: IndexedText }>();
  for (const id of changed) {
    const [source, key, title] = previous.docs[id]!;
    const body = await terms.storedTerms(key);
    if (body === undefined) return false;
    edits.set(source, { before: { title, body }, after: { title: posts[id]!.title, body: await terms.articleTerms(source) } });
  }
  patchIndex(site, posts, edits, state);
  for (const file of displayFiles(posts.map(displayRow))) site.writer.write(searchData + file.path, file.contents, searchDataFingerprint);
  return true;
}

/**
 * The search state after posts' articles changed in place (`gazette dev`): their new article
 * keys, and a fingerprint made from the previous one and the edits instead of from every post
 * (which costs ~15 ms at 10,000 posts, a tenth of an edit's update). The next build's own
 * fingerprint then differs, and it finds the index to be the previous one with nothing
 * changed (patchInPlace, with no edits: the display files and meta.json written again).
 */
export function editedSearchState(previous: SearchState, articles: ReadonlyMap<string, ArticleRecord>): SearchState {
  const docs = previous.docs.map((doc) => {
    const record = articles.get(doc[0]);
    return record ? ([doc[0], record.key, doc[2]] as const) : doc;
  });
  const fingerprint = hashOf([previous.fingerprint, [...articles].map(([source, record]) => [source, record.key])]);
  return { fingerprint, renderKey: previous.renderKey, docs };
}

/**
 * What a search index of the built posts holds: its fingerprint, recorded on its `meta.json`
 * (the other files of the index get `searchDataFingerprint`: they are current when
 * `meta.json` is and they are there, since whatever writes them writes `meta.json` too),
 * which changes with any post's URL, title, date or article; and which post each id is.
 */
export function searchStateOf(site: SiteWork, built: readonly Post[], articleOf: (source: string) => ArticleRecord): SearchState {
  const fingerprint = hashOf([site.renderKey, 'search', built.map((post) => [post.url, post.title, post.date, articleOf(post.source).key])]);
  return { fingerprint, renderKey: site.renderKey, docs: inIdOrder(built).map((post) => [post.source, articleOf(post.source).key, post.title]) };
}

const searchDataFingerprint = 'search data';

/** A post's title and its article's terms, as its postings were or will be made from them. */
export interface IndexedText {
  readonly title: string;
  readonly body: BodyTerms;
}

/**
 * Updates the search index in the output folder for posts that changed in place (same ids:
 * no post added, removed or moved), as `gazette dev` does for an edited body: a post's weights
 * depend on that post alone (tokens.ts, fieldWeight), so only the shards of the terms whose
 * weights changed are rewritten, each to what a new index would hold. `edits` gives each
 * post's title and text before and after. (The display rows are the caller's: a body edit
 * leaves them as they are.)
 */
export function patchSearchIndex(site: SiteWork, built: readonly Post[], edits: ReadonlyMap<string, { before: IndexedText; after: IndexedText }>, state: SearchState): void {
  patchIndex(site, inIdOrder(built), edits, state);
}

/** patchSearchIndex of the posts in id order. */
function patchIndex(site: SiteWork, posts: readonly Post[], edits: ReadonlyMap<string, { before: IndexedText; after: IndexedText }>, state: SearchState): void {
  const folder = join(site.options.outDir, searchData);
  const meta = readFileSync(join(folder, 'meta.json'), 'utf8');
  const normalise = normalizer(traditionalChars, lazyConverter());
  const idOf = new Map(posts.map((post, id) => [post.source, id]));
  // Every edit's changes by shard, term and post: each shard is then read, patched and written once.
  const byShard = new Map<string, Map<string, Map<number, readonly [number, number] | undefined>>>();
  for (const [source, { before, after }] of edits) {
    const id = idOf.get(source) ?? -1;
    for (const [term, weights] of weightChanges(docWeights(normalise, before.title, before.body), docWeights(normalise, after.title, after.body))) {
      const path = shardPath(term, id, posts.length);
      let terms = byShard.get(path);
      if (!terms) byShard.set(path, (terms = new Map()));
      let changes = terms.get(term);
      if (!changes) terms.set(term, (changes = new Map()));
      changes.set(id, weights);
    }
  }
  for (const [path, changes] of byShard) site.writer.write(searchData + path, patchShard(readFileSync(join(folder, path), 'utf8'), changes), searchDataFingerprint);
  site.writer.write(searchData + 'meta.json', meta, state.fingerprint);
}

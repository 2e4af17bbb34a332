import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createSearchEngine, type SearchEngine } from '../../src/search/browser/engine.js';
import { inverseFrequency, normalizer, shardOf, terms } from '../../src/search/browser/tokens.js';
import { createConverter, traditionalCharacters } from '../../src/search/converter.js';
import { traditionalChars } from '../../src/search/traditional-chars.js';
import { bodyTerms, createSearchIndex, displayFiles, displayRow, docWeights, metaJson, patchShard, renumberShard, searchIndexPaths, shardCount, shardPath, weightChanges, type SearchDoc } from '../../src/search/search-index.js';

const convert = createConverter();
const traditional = traditionalChars;
const normalise = normalizer(traditional, convert);

/** A post as the tests write it: its text, whose terms the index is given (as a build's pool gives them). */
type TextDoc = Omit<SearchDoc, 'body'> & { readonly text: string };
const indexed = (d: TextDoc): SearchDoc => ({ ...d, body: bodyTerms(normalise, d.text) });
const weightsOf = (title: string, text: string) => docWeights(normalise, title, bodyTerms(normalise, text));

/** An engine over an index built in memory, reading its files as the browser would. */
function engineFor(docs: readonly TextDoc[]): SearchEngine {
  const index = createSearchIndex(docs.length, traditional, convert);
  for (const doc of docs) index.add(indexed(doc));
  const files = new Map([...index.files()].map((f) => [f.path, f.contents]));
  expect([...files.keys()].sort()).toEqual(searchIndexPaths(docs.length).sort());
  return createSearchEngine(
    async (path) => JSON.parse(files.get(path) ?? 'null'),
    async () => convert,
  );
}

const doc = (i: number, title: string, text: string): TextDoc => ({ url: `/p/${i}/`, title, date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00+08:00`, text });

describe('search terms', () => {
  it('convert exactly the characters opencc-js converts (else: node scripts/traditional-chars.mjs)', () => {
    expect(traditionalCharacters(convert)).toBe(traditionalChars);
    expect(traditional).toContain('習');
    expect(traditional).not.toContain('习');
  });

  it('are the bigrams of Han runs, lone characters, and words of other scripts', () => {
    expect(terms('习近平会见拜登')).toEqual(['习近', '近平', '平会', '会见', '见拜', '拜登']);
    expect(terms('在 g20 峰会，港')).toEqual(['在', '峰会', '港', 'g20']);
    expect(terms('香港', true)).toEqual(['香港', '香', '港']);
    // Han beyond the BMP (two code units each) are characters too.
    expect(terms('𠀀𠀁港', true)).toEqual(['𠀀𠀁', '𠀁港', '𠀀', '𠀁', '港']);
  });

  it('are, for any text, the bigrams of each Han run by code point, then its characters (titles), then the other words (property)', () => {
    const piece = fc.constantFrom('习', '近', '平', '港', '𠀀', '𪚥', 'a', 'Z9', ' ', '，', '\n', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), fc.boolean(), (text, characters) => {
        const expected: string[] = [];
        for (const [run] of text.matchAll(/\p{Script=Han}+/gu)) {
          const chars = Array.from(run);
          if (chars.length === 1) expected.push(chars[0]!);
          else {
            for (let i = 0; i + 1 < chars.length; i++) expected.push(chars[i]! + chars[i + 1]!);
            if (characters) expected.push(...chars);
          }
        }
        for (const [word] of text.matchAll(/(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu)) expected.push(word);
        expect(terms(text, characters)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('fold traditional to simplified, full-width to ASCII, and case', () => {
    expect(normalise('習近平在臺灣')).toBe('习近平在台湾');
    expect(normalise('台灣')).toBe('台湾');
    expect(normalise('ＡＢＣ１２３')).toBe('abc123');
    expect(normalise('乾燥的天氣')).toBe('干燥的天气');
    // Text without a traditional character is left as it is.
    expect(normalise('习近平在台湾')).toBe('习近平在台湾');
  });
});

describe('the search engine over a built index', () => {
  const docs = [
    doc(0, '拜登"再会"习近平 美中关系困扰何在？', '美国白宫日前证实，美国总统拜登将在秘鲁与中国国家主席习近平会面。'),
    doc(1, '香港記者協會發表年報', '中國國家主席習近平去年七月訪港後，官方多次強調愛國者治港。臺灣的新聞自由指數維持在較高水平。'),
    doc(2, '台湾放宽入境检疫', '台湾防疫指挥部门宣布，自下周起取消入境旅客的居家检疫要求。'),
    doc(3, '欧盟人工智能法规', 'The EU AI Act sets rules for general-purpose AI models; 习 is not mentioned.'),
  ];
  const engine = engineFor(docs);
  const found = async (query: string) => (await engine.search(query)).hits.map((h) => h.id);

  it('finds a name a segmenter splits, in either script, title matches first', async () => {
    expect(await found('习近平')).toEqual([0, 1]);
    expect(await found('習近平')).toEqual([0, 1]);
  });

  it('finds posts written in traditional characters with a simplified query, and the reverse', async () => {
    expect((await found('台湾')).sort()).toEqual([1, 2]);
    expect((await found('臺灣')).sort()).toEqual([1, 2]);
    expect((await found('新闻自由'))).toEqual([1]);
  });

  it('requires every part of the query, and finds Latin words case-insensitively', async () => {
    expect(await found('习近平 台湾')).toEqual([1]);
    expect(await found('ai act')).toEqual([3]);
    expect(await found('AI 香港')).toEqual([]);
    expect(await found('不存在的词')).toEqual([]);
  });

  it('finds a single character in titles', async () => {
    expect(await found('港')).toEqual([1]);
  });

  it('gives url, title and date for the results shown', async () => {
    const { hits } = await engine.search('台湾');
    const shown = await engine.show(hits);
    expect(shown.map((s) => [s.url, s.title, s.date])).toContainEqual(['/p/2/', '台湾放宽入境检疫', '2024-01-03']);
  });

  it('misses no post that has the query (property: random texts and queries cut from them)', async () => {
    const alphabet = [...'习近平台湾臺灣香港新闻聞自由中国國的是在了人'];
    const text = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 30 }).map((a) => a.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 12 }), fc.nat(), fc.nat(), fc.integer({ min: 2, max: 4 }), async (pairs, pick, offset, length) => {
        const docs = pairs.map(([title, body], i) => doc(i, title, body));
        const source = docs[pick % docs.length]!.text;
        const start = offset % source.length;
        const query = source.slice(start, start + length);
        fc.pre(query.length >= 2);
        const hits = (await engineFor(docs).search(query)).hits;
        const expected = docs.flatMap((d, i) => (normalise(d.title).includes(normalise(query)) || normalise(d.text).includes(normalise(query)) ? [i] : []));
        expect(hits.map((h) => h.id)).toEqual(expect.arrayContaining(expected));
        // Title matches come first.
        const inTitle = hits.map((h) => h.inTitle);
        expect(inTitle).toEqual([...inTitle].sort((a, b) => Number(b) - Number(a)));
      }),
      { numRuns: 150 },
    );
  });
});

describe('an index of two segments (the older posts in whole blocks, the newest after them)', () => {
  // 600 posts: 512 in the older segment, 88 in the newest; every 7th has 香港 in its text, every 50th in its title.
  const docs = Array.from({ length: 600 }, (_, i) => doc(i, i % 50 === 0 ? `香港第${i}号` : `第${i}号`, `${i % 7 === 0 ? '香港' : '澳门'}新闻 ${i}`));
  const files = (() => {
    const index = createSearchIndex(docs.length, traditional, convert);
    for (const d of docs) index.add(indexed(d));
    return new Map([...index.files()].map((f) => [f.path, f.contents]));
  })();
  const engine = createSearchEngine(async (path) => JSON.parse(files.get(path) ?? 'null'), async () => convert);

  it('is the same, byte for byte, with its postings moved out to files', () => {
    const index = createSearchIndex(docs.length, traditional, convert, { folder: join(mkdtempSync(join(tmpdir(), 'gazette-index-spill-')), 'runs'), budget: 0 });
    for (const d of docs) index.add(indexed(d));
    expect(new Map([...index.files()].map((f) => [f.path, f.contents]))).toEqual(files);
  });

  it('keeps each segment in its own folder, listed in meta.json', () => {
    expect(JSON.parse(files.get('meta.json')!).segments).toEqual([
      { dir: 't', from: 0, shards: shardCount(512) },
      { dir: 'n', from: 512, shards: shardCount(88) },
    ]);
    expect([...files.keys()].filter((p) => p.startsWith('n/'))).toHaveLength(shardCount(88));
  });

  it('finds the posts of both segments, scored with the frequency of the term across both, title matches first, equals newest first', async () => {
    const { hits } = await engine.search('香港');
    const having = docs.flatMap((d, id) => (d.text.includes('香港') || d.title.includes('香港') ? [id] : []));
    expect(hits.map((h) => h.id).sort((a, b) => a - b)).toEqual(having);
    expect(hits.some((h) => h.id >= 512) && hits.some((h) => h.id < 512)).toBe(true);
    const idf = inverseFrequency(having.length, docs.length);
    for (const hit of hits) {
      const [body, title] = weightsOf(docs[hit.id]!.title, docs[hit.id]!.text).get('香港')!;
      expect(hit.score).toBeCloseTo(idf * (body + 5 * title), 10);
    }
    const titled = hits.filter((h) => h.inTitle).map((h) => h.id);
    expect([...titled].sort((a, b) => a - b)).toEqual(having.filter((id) => id % 50 === 0));
    expect(hits.slice(0, titled.length).map((h) => h.id)).toEqual(titled);
    // Posts of equal score (the same weights: the body posts here), newest first.
    const untitled = hits.slice(titled.length);
    for (let i = 1; i < untitled.length; i++) if (untitled[i]!.score === untitled[i - 1]!.score) expect(untitled[i]!.id).toBeLessThan(untitled[i - 1]!.id);
    const shown = await engine.show([hits.find((h) => h.id === 588)!, hits.find((h) => h.id === 7)!]);
    expect(shown.map((s) => s.url)).toEqual(['/p/588/', '/p/7/']);
  });
});

describe('an index whose postings are moved out to files', () => {
  it('has the files of one held in memory, byte for byte (property: budgets from every post to none)', () => {
    const alphabet = [...'习近平台湾臺灣香港新闻聞自由中国國的是在了人abc'];
    const text = fc.array(fc.constantFrom(...alphabet), { minLength: 0, maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 200 }), fc.constantFrom(0, 2 ** 20 + 2000, 2 ** 20 + 20_000), (pairs, budget) => {
        const docs = pairs.map(([title, body], i) => indexed(doc(i, title, body)));
        const filesOf = (spill?: { folder: string; budget: number }) => {
          const index = createSearchIndex(docs.length, traditional, convert, spill);
          for (const d of docs) index.add(d);
          return [...index.files()];
        };
        expect(filesOf({ folder: join(mkdtempSync(join(tmpdir(), 'gazette-index-spill-')), 'runs'), budget })).toEqual(filesOf());
      }),
      { numRuns: 40 },
    );
  });
});

describe('patching posts of an index', () => {
  it('gives the files a whole new index would have, for one post edited or several at once (property)', () => {
    const alphabet = [...'习近平台湾臺灣香港新闻聞自由中国國的是在了人ab'];
    const text = fc.array(fc.constantFrom(...alphabet), { minLength: 0, maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 8 }), fc.array(fc.tuple(fc.nat(), text), { minLength: 1, maxLength: 4 }), (pairs, picks) => {
        const docs = pairs.map(([title, body], i) => doc(i, title, body));
        const edits = new Map(picks.map(([pick, edited]) => [pick % docs.length, edited]));
        const after = docs.map((d, i) => (edits.has(i) ? { ...d, text: edits.get(i)! } : d));
        const filesOf = (list: readonly TextDoc[]) => {
          const index = createSearchIndex(list.length, traditional, convert);
          for (const d of list) index.add(indexed(d));
          return new Map([...index.files()].map((f) => [f.path, f.contents]));
        };
        const patched = filesOf(docs);
        const byShard = new Map<string, Map<string, Map<number, readonly [number, number] | undefined>>>();
        for (const [id, edited] of edits) {
          for (const [term, weights] of weightChanges(weightsOf(docs[id]!.title, docs[id]!.text), weightsOf(docs[id]!.title, edited))) {
            const terms = byShard.get(shardPath(term, id, docs.length)) ?? new Map<string, Map<number, readonly [number, number] | undefined>>();
            byShard.set(shardPath(term, id, docs.length), terms.set(term, (terms.get(term) ?? new Map()).set(id, weights)));
          }
        }
        for (const [path, changes] of byShard) patched.set(path, patchShard(patched.get(path)!, changes));
        expect(patched).toEqual(filesOf(after));
      }),
      { numRuns: 200 },
    );
  });
});

describe('rewriting an index for a new list of posts', () => {
  it('gives the files a whole new index would have: posts added, removed, edited and moved (property)', () => {
    const alphabet = [...'习近平台湾臺灣香港新闻聞自由中国國的是在了人ab'];
    const text = fc.array(fc.constantFrom(...alphabet), { minLength: 0, maxLength: 30 }).map((a) => a.join(''));
    const post = fc.record({ title: text, text, change: fc.constantFrom('keep', 'keep', 'remove', 'edit', 'retitle') });
    fc.assert(
      fc.property(fc.array(post, { minLength: 1, maxLength: 10 }), fc.array(fc.tuple(text, text), { maxLength: 4 }), fc.array(fc.nat(), { maxLength: 12 }), (posts, added, order) => {
        const before = posts.map((p, i) => ({ source: `s${i}`, doc: doc(i, p.title, p.text) }));
        const kept = posts.flatMap((p, i) =>
          p.change === 'remove' ? [] : [{ source: `s${i}`, same: p.change === 'keep', doc: p.change === 'edit' ? { ...before[i]!.doc, text: p.text + '新' } : p.change === 'retitle' ? { ...before[i]!.doc, title: p.title + '新' } : before[i]!.doc }],
        );
        const unordered = [...kept, ...added.map(([title, body], i) => ({ source: `n${i}`, same: false, doc: doc(100 + i, title, body) }))];
        // A new order (dates changed): sorted by numbers the test generated.
        const after = unordered
          .map((entry, i) => ({ entry, key: order.length ? order[i % order.length]! : 0 }))
          .sort((a, b) => a.key - b.key)
          .map(({ entry }) => entry);
        const filesOf = (list: readonly TextDoc[]) => {
          const index = createSearchIndex(list.length, traditional, convert);
          for (const d of list) index.add(indexed(d));
          return new Map([...index.files()].map((f) => [f.path, f.contents]));
        };
        const old = filesOf(before.map((b) => b.doc));
        const shards = shardCount(before.length);
        fc.pre(shards === shardCount(after.length) && after.length > 0);
        const renumber = new Int32Array(before.length).fill(-1);
        const additions = Array.from({ length: shards }, () => new Map<string, [number, number, number][]>());
        after.forEach((a, id) => {
          if (a.same) renumber[before.findIndex((b) => b.source === a.source)] = id;
          else for (const [term, [body, title]] of weightsOf(a.doc.title, a.doc.text)) {
            const terms = additions[shardOf(term, shards)]!;
            terms.set(term, [...(terms.get(term) ?? []), [id, body, title]]);
          }
        });
        const rewritten = new Map<string, string>();
        rewritten.set('meta.json', metaJson(after.length, traditional));
        // (Fewer posts than a block: one segment, the newest.)
        for (let s = 0; s < shards; s++) rewritten.set(`n/${s}.json`, renumberShard(old.get(`n/${s}.json`)!, renumber, additions[s]!));
        for (const file of displayFiles(after.map((a) => displayRow(a.doc)))) rewritten.set(file.path, file.contents);
        expect(rewritten).toEqual(filesOf(after.map((a) => a.doc)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('what an index being built keeps in memory', () => {
  it("holds its terms without holding on to each post's terms string (a long term cut from it would keep it whole)", () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const index = createSearchIndex(200, traditional, convert);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 200; i++) {
      // One long term of its own per post, then 200 KB of a term every post has.
      const body: SearchDoc['body'] = [`internationalisation${i}\n${'p'.repeat(100_000)}`, [10, 10]];
      index.add({ url: `/p/${i}/`, title: '标题', date: '2024-01-01T00:00:00+08:00', body });
    }
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // 200 terms strings are 20 MB (one byte a character); 400 terms' postings are well under 2 MB.
    expect(grown).toBeLessThan(2 * 2 ** 20);
    expect([...index.files()].some((f) => f.contents.includes('internationalisation199'))).toBe(true);
  });
});

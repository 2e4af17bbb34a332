import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepSearchCopy, searchCopy } from '../../src/cache/search-copy.js';

const secret = 'a'.repeat(64);
const paths = ['meta.json', 't/0.json', 't/1.json', 'd/0.json'];

/** A cache folder and an output folder holding a search index of `paths`. */
function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-search-copy-'));
  const outDir = join(dir, 'site');
  const index = join(outDir, 'search/data');
  for (const path of paths) {
    mkdirSync(join(index, path, '..'), { recursive: true });
    writeFileSync(join(index, path), JSON.stringify({ path, terms: ['香港', 'press'] }));
  }
  return { cache: { dir: join(dir, '.cache/gazette'), secret }, outDir, index };
}

describe("the cache's copy of the search index", () => {
  it('keeps the output folder’s index files (hard links) and gives them back for the same fingerprint alone', () => {
    const { cache, outDir, index } = setup();
    keepSearchCopy(cache, outDir, 'fp1', index, paths);
    const folder = searchCopy(cache, outDir, 'fp1', paths);
    expect(folder).toBeDefined();
    for (const path of paths) {
      expect(readFileSync(join(folder!, path), 'utf8')).toBe(readFileSync(join(index, path), 'utf8'));
      expect(statSync(join(folder!, path)).ino).toBe(statSync(join(index, path)).ino);
    }
    expect(searchCopy(cache, outDir, 'fp2', paths)).toBeUndefined();
    expect(searchCopy(cache, outDir, 'fp1', [...paths, 't/2.json'])).toBeUndefined();
    // Another output folder has no copy.
    expect(searchCopy(cache, join(outDir, '..', 'other'), 'fp1', paths)).toBeUndefined();
  });

  it('survives the output folder: deleted, the copy is still there', () => {
    const { cache, outDir, index } = setup();
    const before = readFileSync(join(index, 't/1.json'), 'utf8');
    keepSearchCopy(cache, outDir, 'fp1', index, paths);
    rmSync(outDir, { recursive: true });
    const folder = searchCopy(cache, outDir, 'fp1', paths);
    expect(readFileSync(join(folder!, 't/1.json'), 'utf8')).toBe(before);
  });

  it('refuses, and removes, a copy one of whose files was changed in place', () => {
    const { cache, outDir, index } = setup();
    keepSearchCopy(cache, outDir, 'fp1', index, paths);
    const folder = searchCopy(cache, outDir, 'fp1', paths)!;
    writeFileSync(join(folder, 't/0.json'), '{"casino":[[0],[100],[100]]}');
    expect(searchCopy(cache, outDir, 'fp1', paths)).toBeUndefined();
    expect(existsSync(folder)).toBe(false);
  });

  it('refuses a copy sealed with another key, or whose manifest was rewritten', () => {
    const { cache, outDir, index } = setup();
    keepSearchCopy({ ...cache, secret: 'b'.repeat(64) }, outDir, 'fp1', index, paths);
    expect(searchCopy(cache, outDir, 'fp1', paths)).toBeUndefined();
    keepSearchCopy(cache, outDir, 'fp1', index, paths);
    expect(searchCopy(cache, outDir, 'fp1', paths)).toBeDefined();
    const manifest = join(cache.dir, 'search');
    const [name] = readdirSync(manifest);
    const file = join(manifest, name!, 'manifest.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"fp1"', '"fp2"'));
    expect(searchCopy(cache, outDir, 'fp2', paths)).toBeUndefined();
  });

  it('never throws when the cache folder cannot hold a copy (a file where its folder goes): there is then none', () => {
    const { cache, outDir, index } = setup();
    mkdirSync(cache.dir, { recursive: true });
    writeFileSync(join(cache.dir, 'search'), 'not a folder');
    expect(() => keepSearchCopy(cache, outDir, 'fp1', index, paths)).not.toThrow();
    expect(searchCopy(cache, outDir, 'fp1', paths)).toBeUndefined();
    expect(readFileSync(join(cache.dir, 'search'), 'utf8')).toBe('not a folder');
  });

  it('keeps no copy when a file of the index is missing, and replaces the old one by the new', () => {
    const { cache, outDir, index } = setup();
    keepSearchCopy(cache, outDir, 'fp1', index, paths);
    rmSync(join(index, 't/1.json'));
    keepSearchCopy(cache, outDir, 'fp2', index, paths);
    expect(searchCopy(cache, outDir, 'fp1', paths)).toBeUndefined();
    expect(searchCopy(cache, outDir, 'fp2', paths)).toBeUndefined();
    writeFileSync(join(index, 't/1.json'), 'new');
    keepSearchCopy(cache, outDir, 'fp3', index, paths);
    expect(readFileSync(join(searchCopy(cache, outDir, 'fp3', paths)!, 't/1.json'), 'utf8')).toBe('new');
  });

  it('is updated in place for a new index: files replaced in the output linked again, files gone removed, the others kept as they were', () => {
    const { cache, outDir, index } = setup();
    keepSearchCopy(cache, outDir, 'fp1', index, paths);
    const folder = searchCopy(cache, outDir, 'fp1', paths)!;
    const kept = statSync(join(folder, 't/0.json')).ino;
    // The next build: t/1.json replaced (a new file renamed over it), d/0.json gone, n/0.json new.
    writeFileSync(join(index, 'new-t1'), 'changed');
    renameSync(join(index, 'new-t1'), join(index, 't/1.json'));
    rmSync(join(index, 'd/0.json'));
    mkdirSync(join(index, 'n'));
    writeFileSync(join(index, 'n/0.json'), '{}');
    const now = ['meta.json', 't/0.json', 't/1.json', 'n/0.json'];
    keepSearchCopy(cache, outDir, 'fp2', index, now);
    expect(searchCopy(cache, outDir, 'fp2', now)).toBe(folder);
    expect(statSync(join(folder, 't/0.json')).ino).toBe(kept);
    expect(readFileSync(join(folder, 't/1.json'), 'utf8')).toBe('changed');
    expect(readFileSync(join(folder, 'n/0.json'), 'utf8')).toBe('{}');
    expect(existsSync(join(folder, 'd/0.json'))).toBe(false);
  });

  it('is removed, not left half updated, when an update fails (a file of the index gone)', () => {
    const { cache, outDir, index } = setup();
    keepSearchCopy(cache, outDir, 'fp1', index, paths);
    // An update that fails half way (a file of the index unreadable) removes the copy rather than keep a mix.
    writeFileSync(join(index, 'new-t1'), 'changed');
    renameSync(join(index, 'new-t1'), join(index, 't/1.json'));
    rmSync(join(index, 'd/0.json'));
    keepSearchCopy(cache, outDir, 'fp2', index, paths);
    expect(searchCopy(cache, outDir, 'fp1', paths)).toBeUndefined();
    expect(searchCopy(cache, outDir, 'fp2', paths)).toBeUndefined();
  });
});

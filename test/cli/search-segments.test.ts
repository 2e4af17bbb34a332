import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashOf } from '../../src/cache/build-state.js';
import { runCli } from '../helpers/run-cli.js';
import { differences, listFiles } from '../helpers/site-files.js';

/**
 * The search index in two segments (search-index.ts, segmentsOf): posts dated after every
 * other — an archive's daily job — leave the older segment's files as they were, and however
 * the archive changes, the output is byte for byte what a clean build makes. The archive
 * crosses a block's size (256 posts), so both segments exist, then only the newest.
 */
const words = ['香港', '新闻', '自由', '法院', '台湾', '选举', '记者', '政府', '北京', '经济', '抗议', '审查'];

/** A small post dated `day` days after 2020-01-01, its text made of the archive's words. */
function post(day: number, name: string): [string, string] {
  const date = new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  const text = Array.from({ length: 12 }, (_, k) => words[(day * 7 + k * 5) % words.length]).join('，');
  return [`${date}-${name}.md`, `---\ntitle: "${words[day % words.length]}第${day}号 ${name}"\ndate: ${date} 12:00:00 +0800\ntags: [${words[day % 5]}]\n---\n\n<p>${text}。</p>\n`];
}

/** The inode of each shard file of segment folder `dir` in an index folder. */
const inodesOf = (index: string, dir: string) => new Map(listFiles(index).filter((f) => f.startsWith(`${dir}/`)).map((f) => [f, statSync(join(index, f)).ino]));
const shardInodes = (site: string, dir: string) => inodesOf(join(site, 'search/data'), dir);
const segments = (site: string) => (JSON.parse(readFileSync(join(site, 'search/data/meta.json'), 'utf8')) as { segments: { dir: string; from: number }[] }).segments;

describe('the search index of an archive that grows every day', () => {
  it('keeps the older posts’ shards when newer posts come, and is always a clean build’s index', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-segments-'));
    mkdirSync(join(dir, 'posts'));
    writeFileSync(join(dir, 'gazette.config.yml'), 'title: Segments\ntimezone: Asia/Shanghai\npaginate: 50\n');
    const add = (day: number, name = `p${day}`) => writeFileSync(join(dir, 'posts', post(day, name)[0]), post(day, name)[1]);
    const build = async () => expect((await runCli(['build', '--out', 'site', '-q'], dir)).code).toBe(0);
    const clean = async () => {
      rmSync(join(dir, 'clean'), { recursive: true, force: true });
      expect((await runCli(['build', '--out', 'clean', '-q', '--no-cache'], dir)).code).toBe(0);
      expect(differences(join(dir, 'site'), join(dir, 'clean'))).toEqual([]);
    };
    for (let day = 0; day < 258; day++) add(day);
    await build();
    expect(segments(join(dir, 'site'))).toEqual([expect.objectContaining({ dir: 't', from: 0 }), expect.objectContaining({ dir: 'n', from: 256 })]);
    const older = shardInodes(join(dir, 'site'), 't');
    expect(older.size).toBeGreaterThanOrEqual(16);

    // The daily job: posts dated after every other.
    for (let day = 258; day < 262; day++) add(day);
    await build();
    expect(shardInodes(join(dir, 'site'), 't')).toEqual(older);
    expect(segments(join(dir, 'site'))[1]).toMatchObject({ dir: 'n', from: 256 });
    await clean();

    // The same on a fresh runner that restored the cache alone: the older segment is the cache's copy, linked.
    rmSync(join(dir, 'site'), { recursive: true });
    add(262);
    await build();
    const copy = join(dir, '.cache/gazette/search', hashOf(join(dir, 'site')).slice(0, 32), 'data');
    for (const [file, inode] of shardInodes(join(dir, 'site'), 't')) expect(inode, file).toBe(statSync(join(copy, file)).ino);
    await clean();

    // A post dated among the others: the older segment is rewritten for it.
    const daily = shardInodes(join(dir, 'site'), 't');
    add(100, 'late');
    await build();
    expect(shardInodes(join(dir, 'site'), 't')).not.toEqual(daily);
    await clean();

    // Posts removed until fewer than a block are left: the older segment is gone.
    for (let day = 0; day < 10; day++) rmSync(join(dir, 'posts', post(day, `p${day}`)[0]));
    await build();
    expect(segments(join(dir, 'site')).map((s) => s.dir)).toEqual(['n']);
    expect(shardInodes(join(dir, 'site'), 't').size).toBe(0);
    await clean();
  });
});

import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuildState } from '../../src/cache/build-state.js';
import { DevSession } from '../../src/dev/session.js';
import { buildOptions, cacheDir, codeId } from '../../src/options.js';
import { root } from '../helpers/paths.js';

/**
 * `gazette dev` stopped (Ctrl-C) while an update is under way: the state it saves for the next
 * build must agree with the output folder. It used to be written while a quick update changed
 * the output folder's record in place, so the next session found the search index's record
 * disagreeing with the state and made the whole index again on its first rebuild (6–10 s at
 * 10,000 posts).
 */
describe('gazette dev stopped during an update', () => {
  it('saves the state once the update is done: the search index it records is the one in the output folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-dev-close-'));
    mkdirSync(join(dir, 'posts'));
    cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
    writeFileSync(join(dir, 'gazette.config.yml'), 'title: Test\nurl: https://archive.example.org\n');
    const posts = ['a', 'b', 'c'].map((name, i) => {
      const file = join(dir, 'posts', `2024-03-0${i + 1}-${name}.md`);
      writeFileSync(file, `---\ntitle: Post ${name}\ndate: 2024-03-0${i + 1} 10:00:00 +0800\n---\n<p>Words of post ${name}.</p>\n`);
      return file;
    });
    const secret = 'test secret';
    const configure = () => buildOptions(dir, { posts: 'posts', out: '_site', threads: '0', cache: true }, codeId(), secret);
    const session = new DevSession(configure, { ...configure(), configFile: join(dir, 'gazette.config.yml'), cacheDir: cacheDir(dir) });
    await session.start();
    writeFileSync(posts[0]!, readFileSync(posts[0]!, 'utf8').replace('Words of', 'New words of'));
    const update = session.update([{ kind: 'change', path: posts[0]! }]);
    await session.close(); // (before the update is done)
    expect((await update).quick).toBe(true);
    const state = await readBuildState({ dir: cacheDir(dir), secret }, join(dir, '_site'));
    expect(state?.search?.fingerprint).toBeDefined();
    expect(state!.outputs['search/data/meta.json']).toBe(state!.search!.fingerprint);
    // After close, edits are not applied.
    expect((await session.update([{ kind: 'change', path: posts[1]! }])).plan).toBe('nothing');
  }, 60_000);
});

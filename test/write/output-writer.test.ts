import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputClash, OutputWriter } from '../../src/write/output-writer.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'gazette-writer-')), 'site');

describe('OutputWriter', () => {
  it('refuses a file where another output needs a folder, in either order, and commits the first untouched', async () => {
    for (const [first, second] of [
      ['victim/index.html', 'victim/index.html/index.html'],
      ['victim/index.html/index.html', 'victim/index.html'],
    ] as const) {
      const out = fresh();
      const writer = await OutputWriter.open(out);
      writer.write(first, first, 'f1');
      expect(() => writer.write(second, second, 'f2')).toThrow(OutputClash);
      await writer.commit();
      expect(readFileSync(join(out, first), 'utf8')).toBe(first);
    }
  });

  it('refuses to write one path twice instead of keeping the last', async () => {
    const writer = await OutputWriter.open(fresh());
    writer.write('search/index.html', 'post', 'a');
    expect(() => writer.write('search/index.html', 'search page', 'b')).toThrow(/this build wrote it already/);
    await writer.abort();
  });

  it('never deletes a file this build keeps: a kept page is no stale blocker for a later folder', async () => {
    const out = fresh();
    const first = await OutputWriter.open(out);
    first.write('a/index.html', 'page', 'p');
    const { outputs } = await first.commit();
    // The next build keeps a/index.html as it is, then something asks for a/index.html/ as a folder.
    const next = await OutputWriter.open(out, outputs);
    expect(next.isCurrent('a/index.html', 'p')).toBe(true);
    expect(() => next.write('a/index.html/x.png', 'png', 'x')).toThrow(OutputClash);
    await next.commit();
    expect(lstatSync(join(out, 'a/index.html')).isFile()).toBe(true);
  });

  it('in a partial update (gazette dev), refuses a new file that would go through a page kept from the previous build', async () => {
    const out = fresh();
    const first = await OutputWriter.open(out);
    first.write('tags/x/index.html', 'tag page', 't');
    const { outputs } = await first.commit();
    const update = await OutputWriter.open(out, outputs, { partial: true });
    expect(() => update.write('tags/x/index.html/evil.png', 'png', 'public 1')).toThrow(OutputClash);
    expect(() => update.write('tags', 'file', 'public 2')).toThrow(OutputClash);
    await update.commit();
    expect(readFileSync(join(out, 'tags/x/index.html'), 'utf8')).toBe('tag page');
  });

  it('puts every other file in place when one cannot be, and says which (it used to stop the build: exit 2)', async () => {
    const out = fresh();
    const writer = await OutputWriter.open(out);
    writer.write('fine/index.html', 'fine', 'a');
    writer.write(`${'x'.repeat(300)}/index.html`, 'too long a name', 'b');
    writer.write('also-fine.html', 'fine too', 'c');
    const { failures, outputs, written } = await writer.commit();
    expect(failures).toEqual([{ path: `${'x'.repeat(300)}/index.html`, message: expect.stringMatching(/ENAMETOOLONG/) }]);
    expect(written).toBe(2);
    expect(Object.keys(outputs).sort()).toEqual(['also-fine.html', 'fine/index.html']);
    expect(existsSync(join(out, 'fine/index.html')) && existsSync(join(out, 'also-fine.html'))).toBe(true);
  });

  it('replaces stale files and folders of an earlier build that stand in the way', async () => {
    const out = fresh();
    mkdirSync(join(out, 'was-a-folder'), { recursive: true });
    writeFileSync(join(out, 'was-a-folder/old.html'), 'old');
    writeFileSync(join(out, 'was-a-file'), 'old');
    const writer = await OutputWriter.open(out);
    writer.write('was-a-folder', 'now a file', 'a');
    writer.write('was-a-file/index.html', 'now in a folder', 'b');
    expect((await writer.commit()).failures).toEqual([]);
    expect(readFileSync(join(out, 'was-a-folder'), 'utf8')).toBe('now a file');
    expect(readFileSync(join(out, 'was-a-file/index.html'), 'utf8')).toBe('now in a folder');
  });
});

describe('OutputWriter, pages kept from the previous build', () => {
  it('checks them against new outputs claimed before them, once any new output is there', async () => {
    const out = fresh();
    const first = await OutputWriter.open(out);
    first.write('a/index.html', 'page', 'p');
    const { outputs } = await first.commit();
    const next = await OutputWriter.open(out, outputs);
    next.write('a/index.html/x.png', 'png', 'x');
    expect(() => next.isCurrent('a/index.html', 'p')).toThrow(OutputClash);
    await next.abort();
  });

  it('in a partial update, a removed page no longer stands in a new file’s way', async () => {
    const out = fresh();
    const first = await OutputWriter.open(out);
    first.write('photo', 'a file', 'public 1');
    first.write('page/index.html', 'page', 'p');
    const { outputs } = await first.commit();
    const update = await OutputWriter.open(out, outputs, { partial: true });
    expect(() => update.write('photo/large.png', 'png', 'public 2')).toThrow(OutputClash);
    update.remove('photo');
    update.write('photo/large.png', 'png', 'public 2');
    expect((await update.commit()).failures).toEqual([]);
    expect(readFileSync(join(out, 'photo/large.png'), 'utf8')).toBe('png');
  });
});

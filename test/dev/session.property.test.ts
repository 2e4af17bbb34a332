import fc from 'fast-check';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { DevSession } from '../../src/dev/session.js';
import type { FileEvent } from '../../src/dev/changes.js';
import { buildOptions, cacheDir, codeId } from '../../src/options.js';
import { root } from '../helpers/paths.js';
import { differences, listFiles } from '../helpers/site-files.js';

/**
 * `gazette dev` is always right: after any sequence of edits (posts created, edited in their
 * front matter or body, renamed, deleted, broken, swapped for symbolic links to files
 * elsewhere; templates and public files edited, a public file swapped for a link), each
 * applied as the watcher would report it, the output folder is byte-identical to a clean
 * build of the same inputs (no cache, no state, no previous output).
 */

const tags = ['贸易', '人权', '香港', 'media'];
const titles = ['美中贸易谈判', '香港法院裁决', 'Press freedom report', '新闻自由'];

/** A small post file: front matter the commands vary, a body with a paragraph and a cross-link. */
interface PostSpec {
  title: number;
  day: number;
  tags: number[];
  body: number;
  link: number;
}

function postText(p: PostSpec): string {
  return [
    '---',
    `title: ${titles[p.title]} ${p.body}`,
    `date: 2024-03-${String(p.day).padStart(2, '0')} 10:00:00 +0800`,
    `tags: [${p.tags.map((t) => tags[t]).join(', ')}]`,
    'categories: [新闻]',
    `from: https://www.rfa.org/mandarin/article-${p.title}-${p.day}.html`,
    '---',
    `<p>正文第 ${p.body} 版。Body version ${p.body}.</p>`,
    // A later paragraph: outside the excerpt, so editing it changes the article alone.
    `<p>补充 ${p.body + 500}。</p>`,
    `<p><a href="https://www.rfa.org/mandarin/article-${p.link}-${p.link + 1}.html">相关报道</a></p>`,
    '',
  ].join('\n');
}

const postArb: fc.Arbitrary<PostSpec> = fc.record({
  title: fc.integer({ min: 0, max: titles.length - 1 }),
  day: fc.integer({ min: 1, max: 9 }),
  tags: fc.uniqueArray(fc.integer({ min: 0, max: tags.length - 1 }), { minLength: 0, maxLength: 2 }),
  body: fc.integer({ min: 0, max: 99 }),
  link: fc.integer({ min: 0, max: 3 }),
});

type Command =
  | { kind: 'create'; name: number; post: PostSpec }
  | { kind: 'front-matter'; which: number; post: PostSpec }
  | { kind: 'body'; which: number; body: number }
  | { kind: 'lead'; which: number; body: number }
  | { kind: 'rename'; which: number; name: number }
  | { kind: 'delete'; which: number }
  | { kind: 'break'; which: number }
  | { kind: 'template'; which: number; mark: number }
  | { kind: 'public'; mark: number }
  | { kind: 'link-post'; which: number }
  | { kind: 'link-public' };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), name: fc.integer({ min: 0, max: 20 }), post: postArb }),
  fc.record({ kind: fc.constant('front-matter' as const), which: fc.nat(), post: postArb }),
  fc.record({ kind: fc.constant('body' as const), which: fc.nat(), body: fc.integer({ min: 100, max: 199 }) }),
  fc.record({ kind: fc.constant('lead' as const), which: fc.nat(), body: fc.integer({ min: 200, max: 299 }) }),
  fc.record({ kind: fc.constant('rename' as const), which: fc.nat(), name: fc.integer({ min: 0, max: 20 }) }),
  fc.record({ kind: fc.constant('delete' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('break' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('template' as const), which: fc.integer({ min: 0, max: 2 }), mark: fc.nat({ max: 999 }) }),
  fc.record({ kind: fc.constant('public' as const), mark: fc.nat({ max: 999 }) }),
  fc.record({ kind: fc.constant('link-post' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('link-public' as const) }),
);

/** Text of files outside the project's inputs, which links point to: never in the site. */
const secret = 'SECRET-OUTSIDE-THE-ARCHIVE';

/** Replaces `path` by a link to `target` in one rename, as `ln -sf target x.tmp && mv -f x.tmp path` (or a git checkout) does. */
function swapForLink(path: string, target: string): void {
  symlinkSync(target, `${path}.tmp-link`);
  renameSync(`${path}.tmp-link`, path);
}

/** Applies a command to the project's files and returns the events a watcher would report. */
function apply(dir: string, command: Command): FileEvent[] {
  const postsDir = join(dir, 'posts');
  // (Posts that are links now are left alone: an edit would write through them.)
  const posts = readdirSync(postsDir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
  const pick = (n: number) => (posts.length ? join(postsDir, posts[n % posts.length]!) : undefined);
  // Names without dates: the date is the front matter's alone (no warnings that come and go).
  const name = (n: number) => join(postsDir, `post-${n}.md`);
  switch (command.kind) {
    case 'create': {
      const path = name(command.name);
      const existed = existsSync(path);
      writeFileSync(path, postText(command.post));
      return [{ kind: existed ? 'change' : 'add', path }];
    }
    case 'front-matter': {
      const path = pick(command.which);
      if (!path) return [];
      writeFileSync(path, postText(command.post));
      return [{ kind: 'change', path }];
    }
    case 'body': {
      const path = pick(command.which);
      if (!path) return [];
      // The later paragraph, with a number of the same length: the summary (excerpt, counts) stays the same.
      writeFileSync(path, readFileSync(path, 'utf8').replace(/<p>补充 \d+。<\/p>/, `<p>补充 ${command.body + 500}。</p>`));
      // An editor's atomic save: the old file is unlinked and the new one added.
      return [
        { kind: 'unlink', path },
        { kind: 'add', path },
      ];
    }
    case 'lead': {
      const path = pick(command.which);
      if (!path) return [];
      // The first paragraph: the excerpt changes, so every list page and feed showing the post must too.
      writeFileSync(path, readFileSync(path, 'utf8').replace(/<p>正文第 \d+ 版。Body version \d+\.<\/p>/, `<p>正文第 ${command.body} 版。Body version ${command.body}.</p>`));
      return [{ kind: 'change', path }];
    }
    case 'rename': {
      const path = pick(command.which);
      const to = name(command.name);
      if (!path || path === to || existsSync(to)) return [];
      renameSync(path, to);
      return [
        { kind: 'unlink', path },
        { kind: 'add', path: to },
      ];
    }
    case 'delete': {
      const path = pick(command.which);
      if (!path) return [];
      rmSync(path);
      return [{ kind: 'unlink', path }];
    }
    case 'break': {
      const path = pick(command.which);
      if (!path) return [];
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: .*$/m, 'title: [unclosed'));
      return [{ kind: 'change', path }];
    }
    case 'template': {
      const file = ['post.njk', 'partials/post-list.njk', 'base.njk'][command.which]!;
      const path = join(dir, 'templates', file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/(<!-- mark \d+ -->)?$/, `<!-- mark ${command.mark} -->`));
      return [{ kind: 'change', path }];
    }
    case 'public': {
      const path = join(dir, 'public', 'note.txt');
      const existed = existsSync(path);
      rmSync(path, { force: true }); // (a link now, perhaps)
      writeFileSync(path, `mark ${command.mark}\n`);
      return [{ kind: existed ? 'change' : 'add', path }];
    }
    case 'link-post': {
      // Elsewhere, the same front matter with another body: to a quick update, a body edit.
      const path = pick(command.which);
      if (!path) return [];
      const target = join(dir, 'outside', basename(path));
      writeFileSync(target, readFileSync(path, 'utf8').replace(/<p>补充 \d+。<\/p>/, `<p>${secret}</p>`));
      swapForLink(path, target);
      return [{ kind: 'change', path }];
    }
    case 'link-public': {
      const path = join(dir, 'public', 'note.txt');
      const existed = existsSync(path);
      writeFileSync(join(dir, 'outside', 'note.txt'), `${secret}\n`);
      swapForLink(path, join(dir, 'outside', 'note.txt'));
      return [{ kind: existed ? 'change' : 'add', path }];
    }
  }
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-dev-prop-'));
  mkdirSync(join(dir, 'posts'));
  mkdirSync(join(dir, 'outside'));
  for (let i = 0; i < 4; i++) writeFileSync(join(dir, 'posts', `seed-${i}.md`), postText({ title: i, day: i + 1, tags: [i % tags.length], body: i, link: (i + 1) % 4 }));
  cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
  cpSync(join(root, 'public'), join(dir, 'public'), { recursive: true });
  writeFileSync(join(dir, 'gazette.config.yml'), 'title: Test\nurl: https://archive.example.org\ntimezone: Asia/Shanghai\npaginate: 2\nfeed:\n  posts_limit: 3\n');
  return dir;
}

const flags = { posts: 'posts', out: '_site', threads: '0' };

describe('gazette dev (property)', () => {
  const code = codeId();

  // With the article cache, and without it (the state is then kept in memory only).
  it.each([
    { cache: true, runs: 30 },
    { cache: false, runs: 30 },
  ])('leaves the output byte-identical to a clean build after any sequence of edits (cache: $cache)', async ({ cache, runs }) => {
    let quickUpdates = 0;
    // Bursts of one edit mostly (each takes its narrowest update), and some of several at once.
    const burstArb = fc.oneof({ arbitrary: fc.tuple(commandArb), weight: 3 }, { arbitrary: fc.array(commandArb, { minLength: 2, maxLength: 3 }), weight: 1 });
    await fc.assert(
      fc.asyncProperty(fc.array(burstArb, { minLength: 1, maxLength: 5 }), async (bursts) => {
        const dir = project();
        const configure = () => buildOptions(dir, { ...flags, cache }, code, 'test secret');
        const options = configure();
        const session = new DevSession(configure, { ...options, configFile: join(dir, 'gazette.config.yml'), cacheDir: cacheDir(dir) });
        await session.start();
        // The project's own config (paginate: 2) is the one read: 4 posts make two home pages.
        expect(existsSync(join(dir, '_site/page/2/index.html'))).toBe(true);
        for (const burst of bursts) {
          const events = burst.flatMap((command) => apply(dir, command));
          const update = await session.update(events);
          if (update.quick) quickUpdates++;
          expect(update.built).toBe(true);
          // The clean build, elsewhere: no cache, no state, no previous output.
          const clean = join(dir, 'clean');
          rmSync(clean, { recursive: true, force: true });
          const reference = await buildSite({ ...configure(), outDir: clean, cache: undefined }, undefined);
          expect(differences(join(dir, '_site'), clean)).toEqual([]);
          expect(listFiles(join(dir, '_site')).filter((file) => readFileSync(join(dir, '_site', file), 'utf8').includes(secret))).toEqual([]);
          expect(update.problems.map((p) => p.source)).toEqual(reference.diagnostics.filter((d) => d.severity === 'error').map((d) => d.source));
        }
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: runs },
    );
    // The updates made without a rebuild were among those checked. (Without the cache there is
    // no earlier text of an edited post to patch the search index with: body edits rebuild.)
    if (cache) expect(quickUpdates).toBeGreaterThan(3);
  }, 240_000);
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type SiteConfig } from '../../src/config.js';
import { findPosts } from '../../src/load/find-posts.js';
import { loadPost } from '../../src/load/load-post.js';
import { parseYaml } from '../../src/load/yaml.js';
import type { Post, Skipped } from '../../src/types.js';
import { fixtures } from '../helpers/paths.js';

/**
 * gazette reads posts as Jekyll 4.3 reads them, so a Jekyll-published archive keeps its URLs.
 *
 * test/fixtures/jekyll-compat/site is a Jekyll site with one or more posts per rule (each
 * post says its rule in a YAML comment). Jekyll's answers, recorded by record.sh with
 * Debian's jekyll 4.3.1 (CI has no Ruby), are in expected/<run>.json: for every post of
 * `site.posts`, its path, url, date (to the second, in the site zone), title, tags and
 * categories. A run is the site's _config.yml plus _config.<run>.yml (a permalink style,
 * sometimes a timezone); the same two files configure gazette here.
 *
 * How values are compared:
 * - url: both sides percent-decoded, i.e. the file each URL names. Jekyll leaves a fixed
 *   per-post permalink as written (`/新闻/固定地址/`) and encodes expanded placeholders;
 *   gazette always percent-encodes non-ASCII (checked separately), and browsers and
 *   servers treat both spellings as the same path.
 * - date: the same instant and offset, `YYYY-MM-DDTHH:mm:ss±hh:mm` in the site zone;
 *   Jekyll drops milliseconds (Ruby's Time#to_s), gazette keeps them.
 * - title: as text. tags and categories: as text, in Jekyll's order (Jekyll keeps a YAML
 *   number such as `2020` a number; gazette's terms are always text).
 * Where gazette deliberately differs, the difference is listed in `differences` below
 * with its reason, and asserted: both sides must still give exactly the listed values.
 */

const compat = join(fixtures, 'jekyll-compat');
const site = join(compat, 'site');

/** Every recorded run: site/_config.<run>.yml ↔ expected/<run>.json. */
const runs = ['date', 'pretty', 'ordinal', 'weekdate', 'none', 'custom', 'calendar', 'slug', 'new-york', 'future'] as const;
type Run = (typeof runs)[number];

interface JekyllPost {
  path: string;
  url: string;
  date: string;
  title: unknown;
  slug: unknown;
  tags: unknown[];
  categories: unknown[];
}
interface Recording {
  jekyll: string;
  timezone: string;
  permalink: string;
  posts: JekyllPost[];
}

type Field = 'url' | 'date' | 'title' | 'tags' | 'categories';

/** A deliberate difference: on `path`'s `field`, Jekyll says `jekyll` and gazette `gazette`. */
interface Difference {
  readonly path: string;
  readonly field: Field;
  /** The runs it shows in; all when absent. */
  readonly runs?: readonly Run[];
  readonly jekyll: unknown;
  readonly gazette: unknown;
  readonly reason: string;
}

const differences: readonly Difference[] = [
  {
    path: '_posts/2020-09-09-entity-title.md',
    field: 'title',
    jekyll: 'R&amp;D &quot;rises&quot;',
    gazette: 'R&D "rises"',
    reason: 'gazette decodes HTML entities in titles once and escapes on output; Jekyll keeps the raw text, which a page shows the same way',
  },
  {
    path: '_posts/2021-01-08-   新年首个工作日 刚到京？.md',
    field: 'title',
    jekyll: '   新年首个工作日 刚到京？',
    gazette: '新年首个工作日 刚到京？',
    reason: "gazette trims a title made from a file name; Jekyll keeps the file name's leading spaces (HTML collapses them anyway)",
  },
  {
    path: '_posts/2020-06-03-number-tag.md',
    field: 'tags',
    jekyll: [],
    gazette: ['996'],
    reason: 'Jekyll silently drops a lone number given as `tags:` (it only reads a string or a list); gazette keeps it as the tag "996"',
  },
  {
    path: '_posts/2020-06-04-numbers-in-lists.md',
    field: 'categories',
    jekyll: ['2020', '2020'],
    gazette: ['2020'],
    reason: 'Jekyll keeps both the number 2020 and the text "2020" as categories; gazette\'s terms are text, so they are one category',
  },
  {
    path: '_posts/2014-05-05-repeated-tags.md',
    field: 'tags',
    jekyll: ['press', 'freedom', 'press'],
    gazette: ['press', 'freedom'],
    reason: 'Jekyll keeps a tag given twice twice; gazette lists a post under a tag once',
  },
  {
    path: '_posts/2024-11-14-biden-xi-meeting-rfa.md',
    field: 'url',
    runs: ['slug'],
    jekyll: '/posts/自由亚洲电台/2024/biden-xi-meeting-rfa.html',
    gazette: '/posts/自由亚洲电台/2024/jw-xi-jinping-to-meet-biden-11142024140853.html',
    reason: "gazette's :slug is its own rule (slug.ts postSlug): the original article's URL (`from:`) comes before the file name",
  },
  {
    path: '_posts/2021-06-01-香港立法会选举委员会界别分组一般选举投票结束后点票工作进行至深夜多名候选人当选名单陆续公布各方反应不一.md',
    field: 'url',
    runs: ['slug'],
    jekyll: '/posts/2021/香港立法会选举委员会界别分组一般选举投票结束后点票工作进行至深夜多名候选人当选名单陆续公布各方反应不一.html',
    gazette: '/posts/2021/香港立法会选举委员会界别分组一般选举投票结束后点票工作进行至深夜多名候选人当选名.html',
    reason: "gazette's :slug is its own rule: cut to 120 bytes (Jekyll's :title, which Jekyll styles use, is kept whole)",
  },
];

/** Posts Jekyll does not read that gazette does, with the reason. */
const extraInGazette: readonly { path: string; reason: string }[] = [
  {
    path: '_posts/undated-note.md',
    reason: "Jekyll ignores a file in _posts whose name has no YYYY-MM-DD- date, whatever its front matter; gazette reads it with its front-matter date (find-posts.ts/load-post.ts, not changed here)",
  },
];

/** Posts Jekyll publishes that gazette refuses on purpose (an error naming the file and line), with the reason. */
const refusedByGazette: readonly { path: string; error: RegExp; reason: string }[] = [
  {
    path: '_posts/2023-03-26-no-year.md',
    error: /^_posts\/2023-03-26-no-year\.md:4: 'date' is not a date gazette can read: "Mar 26" has no year/,
    reason: "Ruby's Time.parse takes the missing year from the clock: Jekyll's date (and URL) for `Mar 26` changes with the year of the build",
  },
];

/** Posts Jekyll publishes that gazette leaves out (with a warning), with the reason. */
const leftOutByGazette: readonly { path: string; reason: string }[] = [
  {
    path: '_posts/2023-03-24-extension-mdown.mdown',
    reason: "`.mdown` is not in Jekyll's default markdown_ext: Jekyll copies the text unconverted to a `.mdown` URL; gazette leaves it out with a warning (list mdown in markdown_ext and both read it as Markdown)",
  },
];

/** What gazette leaves out on purpose, as Jekyll does: `published: false` (or YAML 1.1 `no`), and future posts unless `future: true`. */
function expectedSkips(config: SiteConfig): Skipped[] {
  return [
    { source: '_posts/2020-07-01-unpublished.md', reason: 'published: false' },
    { source: '_posts/2020-07-03-published-no.md', reason: 'published: false' },
    ...(config.future ? [] : [{ source: '_posts/2099-01-01-future.md', reason: 'future date' }]),
  ];
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** gazette's config for a run: the site's _config.yml with the run's timezone and permalink. */
function configFor(run: Run): { config: SiteConfig; overlay: { timezone?: string; permalink: string; future?: boolean } } {
  const overlay = parseYaml(readFileSync(join(site, `_config.${run}.yml`), 'utf8')).data as { timezone?: string; permalink: string; future?: boolean };
  const config = loadConfig(join(site, '_config.yml'), { timezone: overlay.timezone, permalink: overlay.permalink, future: overlay.future });
  return { config, overlay };
}

/** The path a URL names: each segment percent-decoded. */
const decodedPath = (url: string) => url.split('/').map(decodeURIComponent).join('/');

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** The compared view of Jekyll's answer. */
function jekyllView(p: JekyllPost): Record<Field, unknown> {
  return { url: decodedPath(p.url), date: p.date, title: text(p.title), tags: p.tags.map(text), categories: p.categories.map(text) };
}

/** The compared view of gazette's post. */
function gazetteView(p: Post): Record<Field, unknown> {
  const date = DateTime.fromISO(p.date, { setZone: true }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
  return { url: decodedPath(p.url), date, title: p.title, tags: [...p.tags], categories: [...p.categories] };
}

/** gazette's posts of the fixture site under a run's config, keyed by path (Jekyll's `post.path`). */
async function loadSite(config: SiteConfig) {
  const { files, diagnostics } = await findPosts(site, site, [], undefined, config.markdownExt);
  const warnings = diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.source}: ${d.message}`);
  const posts = new Map<string, Post>();
  const skipped: Skipped[] = [];
  const errors: string[] = [];
  for (const file of files) {
    const result = loadPost(file, readFileSync(file.path), { config, layoutExists: () => false, now: Date.now() });
    if (result.post) posts.set(result.post.source, result.post);
    if (result.skipped) skipped.push(result.skipped);
    for (const d of result.diagnostics) if (d.severity === 'error') errors.push(`${d.source}:${d.line}: ${d.message}`);
    for (const d of result.diagnostics) if (d.severity === 'warning') warnings.push(`${d.source}:${d.line}: ${d.message}`);
  }
  return { posts, skipped, errors, warnings };
}

it('has a recording for every run and a run for every recording', () => {
  const recorded = readdirSync(join(compat, 'expected')).map((f) => f.replace(/\.json$/, ''));
  const configured = readdirSync(site)
    .filter((f) => /^_config\..+\.yml$/.test(f))
    .map((f) => f.slice('_config.'.length, -'.yml'.length));
  expect(recorded.sort()).toEqual([...runs].sort());
  expect(configured.sort()).toEqual([...runs].sort());
});

describe.each(runs)('Jekyll 4.3 run "%s"', (run) => {
  const recording = readJson<Recording>(join(compat, 'expected', `${run}.json`));
  const { config, overlay } = configFor(run);
  let loaded: Awaited<ReturnType<typeof loadSite>>;
  beforeAll(async () => {
    loaded = await loadSite(config);
  });

  it('was recorded with the settings gazette uses', () => {
    expect(recording.jekyll).toMatch(/^4\.3\./);
    expect(recording.timezone).toBe(config.timezone);
    expect(recording.permalink).toBe(overlay.permalink);
    expect(config.permalink).toBe(overlay.permalink);
  });

  it('reads the same posts, and leaves out the unpublished and the future ones', () => {
    expect(loaded.errors).toHaveLength(refusedByGazette.length);
    for (const [i, refused] of refusedByGazette.entries()) expect(loaded.errors[i]).toMatch(refused.error);
    expect(loaded.skipped).toEqual(expectedSkips(config));
    const notInGazette = new Set([...refusedByGazette, ...leftOutByGazette].map((r) => r.path));
    for (const path of notInGazette) expect(recording.posts.map((p) => p.path)).toContain(path);
    const jekyllPaths = recording.posts
      .map((p) => p.path)
      .filter((p) => !notInGazette.has(p))
      .sort();
    const gazettePaths = [...loaded.posts.keys()].sort();
    expect(gazettePaths).toEqual([...jekyllPaths, ...extraInGazette.map((e) => e.path)].sort());
  });

  const compared = recording.posts.filter((p) => !refusedByGazette.some((r) => r.path === p.path) && !leftOutByGazette.some((r) => r.path === p.path));
  it('warns where it reads as Jekyll does but the reading is surprising, and where it leaves a post out', () => {
    expect(loaded.warnings.filter((w) => !/differ by more than a day/.test(w))).toEqual([
      // from finding the files, then from reading each
      '_posts/2023-03-24-extension-mdown.mdown: not read as a post: its extension is not one of markdown_ext (markdown, mkdown, mkdn, mkd, md) nor html',
      '_posts/2023-02-28-rolled-over-date-only.md:4: "2023-02-31" rolled over to 2023-03-03 00:00:00, as Jekyll reads it',
      '_posts/2023-02-28-rolled-over.md:4: "2023-02-30 10:00" rolled over to 2023-03-02 10:00:00, as Jekyll reads it',
      `_posts/2023-03-22-unknown-zone.md:4: the time zone "JST" in "2023-03-22 08:30 JST" is one Jekyll (Ruby's Time.parse) does not know: read as the site's time (${config.timezone}), as Jekyll reads it`,
    ]);
  });

  it.each(compared.map((p) => [p.path, p] as const))('reads %s as Jekyll does', (path, jekyllPost) => {
    const post = loaded.posts.get(path);
    expect(post, `gazette has no post ${path}`).toBeDefined();
    const jekyll = jekyllView(jekyllPost);
    const known = differences.filter((d) => d.path === path && (!d.runs || d.runs.includes(run)));
    // A documented difference holds only if Jekyll still says what is listed…
    expect(Object.fromEntries(known.map((d) => [d.field, jekyll[d.field]]))).toEqual(Object.fromEntries(known.map((d) => [d.field, d.jekyll])));
    // …and then gazette must say exactly what is listed; every other field as Jekyll.
    const want = { ...jekyll, ...Object.fromEntries(known.map((d) => [d.field, d.gazette])) };
    expect(gazetteView(post!)).toEqual(want);
    // gazette's URL is always percent-encoded ASCII, and it writes the file Jekyll writes
    // for that URL (Document#destination: `/x/` → x/index.html, `/x` → x.html).
    expect(post!.url).toMatch(/^\/[\x21-\x7e]*$/);
    const file = decodedPath(post!.url).slice(1);
    expect(post!.outputPath).toBe(file.endsWith('/') || file === '' ? `${file}index.html` : file.endsWith('.html') ? file : `${file}.html`);
  });
});

it('lists only differences that occur', () => {
  for (const d of differences) {
    const shows = runs.some((run) => (!d.runs || d.runs.includes(run)) && readJson<Recording>(join(compat, 'expected', `${run}.json`)).posts.some((p) => p.path === d.path));
    expect(shows, `${d.path} ${d.field}`).toBe(true);
  }
});

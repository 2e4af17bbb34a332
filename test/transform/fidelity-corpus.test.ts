import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { defaultSiteConfig } from '../../src/config.js';
import { loadPosts } from '../../src/load/load-posts.js';
import { buildSiteIndex } from '../../src/site/site-index.js';
import { createArticleProcessor } from '../../src/transform/article-processor.js';
import { createMarkdownRenderer } from '../../src/transform/markdown.js';
import { readBody } from '../../src/transform/read-body.js';
import { removeTitleEcho } from '../../src/transform/rules/remove-title-echo.js';
import { cleanlinessProblems, fidelityProblems } from '../helpers/fidelity-checks.js';
import { hasSharedCorpus, root, sharedCorpus } from '../helpers/paths.js';

/**
 * The fidelity regression test: every post of the real corpus (../shared/corpus/real)
 * and of the sample archive goes through the article pipeline, and an independent check
 * compares each article with its input: every word in order, every content image with
 * its alt text, every link, the structure of tables, lists and quotes; and the output
 * must be clean (no comments, styles, empty paragraphs, duplicate ids, lightbox icons)
 * and stable when parsed and serialised again. Any loss fails the test. The title's echoes
 * at the top of an article are removed on purpose (rules/remove-title-echo.ts, tested on its
 * own): they are taken out of the input too before the two are compared, and the article's
 * figures must count them as removed, not lost.
 */
const config = { ...defaultSiteConfig, timezone: 'Asia/Shanghai', future: true };
const renderMarkdown = createMarkdownRenderer();

async function check(postsDir: string): Promise<Record<string, string[]>> {
  const archive = await loadPosts(postsDir, join(root, '_never'), root, { config, layoutExists: () => false, now: Date.now() });
  const { index } = buildSiteIndex(archive.posts);
  const transform = createArticleProcessor({
    origin: '',
    excerptLength: 140,
    archivedUrl: (href) => index.archivedUrl(href),
    isSourceSite: (href) => index.isSourceSite(href),
  });
  const failures: Record<string, string[]> = {};
  expect(index.posts.length).toBeGreaterThan(0);
  for (const post of index.posts) {
    const body = await readBody(post);
    const article = transform({ format: post.format, body, url: post.url, from: post.from, title: post.title });
    const input = withoutTitleEcho(post.format === 'markdown' ? renderMarkdown(body) : body, post.title, post.from);
    const problems = [...fidelityProblems(input, article.html, post.from), ...cleanlinessProblems(article.html)];
    const { inputChars, keptChars, removedChars } = article.fidelity;
    if (keptChars + removedChars !== inputChars) problems.push(`retention ${keptChars} kept + ${removedChars} removed of ${inputChars}`);
    if (problems.length > 0) failures[post.source] = problems;
  }
  return failures;
}

/** The input HTML without the echoes of the title at its top, which the article drops on purpose. */
function withoutTitleEcho(html: string, title: string, from: string | undefined): string {
  const tree = fromHtml(html, { fragment: true });
  removeTitleEcho(tree, title, from);
  return toHtml(tree);
}

describe('fidelity of the sample archive', () => {
  it('loses nothing and leaves clean, stable HTML', async () => {
    expect(await check(join(root, 'posts'))).toEqual({});
  });
});

describe.skipIf(!hasSharedCorpus)('fidelity of the real corpus', () => {
  it('loses nothing of any post and leaves clean, stable HTML', { timeout: 240_000 }, async () => {
    expect(await check(join(sharedCorpus, 'real'))).toEqual({});
  });
});

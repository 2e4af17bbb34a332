import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import GithubSlugger from 'github-slugger';
import MarkdownIt, { type Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * The documentation a newcomer reads: README.md, short, and the reference under docs/. Every
 * relative link in them leads somewhere (a file of the repository, and a heading of it when
 * the link names one, by GitHub's anchors), and every flag the CLI's --help prints is
 * documented under docs/.
 */

const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
const markdown = new MarkdownIt({ html: true });

/** The links of a page: markdown links and images, and the href and src of its HTML. */
function linksOf(text: string): string[] {
  const links: string[] = [];
  const html = (source: string) => {
    for (const [, , value] of source.matchAll(/\s(href|src)="([^"]*)"/g)) links.push(value!);
  };
  const visit = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'link_open') links.push(String(token.attrGet('href') ?? ''));
      if (token.type === 'image') links.push(String(token.attrGet('src') ?? ''));
      if (token.type === 'html_block' || token.type === 'html_inline') html(token.content);
      if (token.children) visit(token.children);
    }
  };
  visit(markdown.parse(text, {}));
  return links;
}

/** The anchors GitHub gives a markdown file's headings, and the ids its HTML names. */
function anchorsOf(text: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  const tokens = markdown.parse(text, {});
  tokens.forEach((token, i) => {
    if (token.type === 'heading_open') anchors.add(slugger.slug(tokens[i + 1]!.children!.filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('')));
  });
  for (const [, id] of text.matchAll(/<a (?:id|name)="([^"]+)"/g)) anchors.add(id!);
  return anchors;
}

/** What is wrong with a relative link from `page`: the file it names is missing, or its heading is. */
function brokenLink(page: string, link: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) return undefined; // not relative
  const [path = '', fragment] = link.split('#');
  const target = path === '' ? join(root, page) : join(root, dirname(page), decodeURIComponent(path));
  if (relative(root, target).startsWith('..')) return `${link}: outside the repository`;
  if (!existsSync(target)) return `${link}: no such file`;
  if (fragment === undefined || statSync(target).isDirectory() || !target.endsWith('.md')) return undefined;
  return anchorsOf(readFileSync(target, 'utf8')).has(decodeURIComponent(fragment)) ? undefined : `${link}: no heading #${fragment}`;
}

describe('the documentation', () => {
  it('keeps the README short enough to read in five minutes, the reference under docs/', () => {
    expect(statSync(join(root, 'README.md')).size).toBeLessThanOrEqual(10_240);
    expect(pages.length).toBeGreaterThan(8);
  });

  it('has no broken relative link, to a file or to a heading', () => {
    const broken = pages.flatMap((page) =>
      linksOf(readFileSync(join(root, page), 'utf8'))
        .map((link) => brokenLink(page, link))
        .filter((problem) => problem !== undefined)
        .map((problem) => `${page}: ${problem}`),
    );
    expect(broken).toEqual([]);
    // The check finds what it is for: a missing file, a missing heading, in markdown and in HTML.
    expect(brokenLink('README.md', 'docs/nowhere.md')).toBe('docs/nowhere.md: no such file');
    expect(brokenLink('README.md', 'docs/cli.md#no-such-heading')).toBe('docs/cli.md#no-such-heading: no heading #no-such-heading');
    expect(brokenLink('docs/cli.md', '../README.md#two-commands')).toBeUndefined();
    expect(linksOf('[a](x.md) ![b](y.png) <img src="z.png"> <a href="w.md#h">w</a>')).toEqual(['x.md', 'y.png', 'z.png', 'w.md#h']);
  });

  it('documents every flag the command line prints in its help', async () => {
    const reference = pages.filter((page) => page.startsWith('docs/')).map((page) => readFileSync(join(root, page), 'utf8')).join('\n');
    const missing: string[] = [];
    for (const command of [[], ['build'], ['dev']]) {
      const help = await runCli([...command, '--help']);
      expect(help.code).toBe(0);
      const flags = [...new Set([...help.stdout.matchAll(/(?<![\w-])(--?[a-z][a-z-]*)/g)].map((m) => m[1]!))];
      expect(flags.length).toBeGreaterThan(command.length === 0 ? 1 : 4);
      for (const flag of flags) if (!reference.includes(`\`${flag}`)) missing.push(`gazette ${command.join(' ')} ${flag}`);
    }
    expect(missing).toEqual([]);
  });
});

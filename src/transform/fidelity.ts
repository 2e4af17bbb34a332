import type { Root, RootContent } from 'hast';
import { embedClasses } from './rules/embeds.js';
import { nonArticleElements } from './sanitize-schema.js';
import { lowerBound } from './sorted.js';

/**
 * How much of an article's text survives sanitizing and cleaning. The text compared is
 * what a reader sees: every text node outside the non-article elements (scripts, styles,
 * templates, …: see sanitize-schema.ts), with all whitespace removed, since layout
 * changes whitespace, not words. Retention is the share of the input's characters found
 * in the output in the same order: 1 means nothing was lost.
 */

const skipped = new Set<string>(nonArticleElements);

const gazettesOwn = new Set<unknown>(embedClasses);

/** Whether gazette wrote this element's text itself (an embed's link or note), not the article. */
function addedByGazette(node: RootContent): boolean {
  const className = node.type === 'element' ? node.properties.className : undefined;
  return Array.isArray(className) && className.some((name) => gazettesOwn.has(name));
}

/** The visible text of a tree that came from the article, whitespace removed. */
export function articleText(tree: Root): string {
  const parts: string[] = [];
  const stack: (Root | RootContent)[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'text') parts.push(node.value);
    else if (node.type === 'element' && (skipped.has(node.tagName) || addedByGazette(node))) continue;
    else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return parts.join('').replace(/[\s\u00a0\u3000\u200b-\u200d\ufeff]+/gu, '');
}

/** Length of the runs of text that anchor the match (UTF-16 code units). */
const anchor = 8;
/** How many characters of the input a resynchronisation looks ahead for its anchor. */
const lookahead = 128;
/**
 * What skipping one input character costs a resynchronisation, against one for an output
 * character: text the output adds is common and harmless (a code block's markup, which the
 * source text leaves out, shown as text), text lost is what the measure is for, so a run a
 * few characters on in the input is taken only when the output has no run much nearer.
 */
const lossWeight = 8;
/** How many characters after a run that agree too are counted for it. */
const confirm = 24;

/**
 * How many characters (UTF-16 code units) of `input` appear in `output` in order. The match
 * goes character by character while the two agree. Where they part, it finds the cheapest
 * way to agree again: the run of `anchor` characters starting at one of the next `lookahead`
 * characters of the input that is found soonest in the output, counting both the input
 * characters skipped (text lost, weighed `lossWeight` each) and the output characters
 * skipped (text the output adds: a code block shown as text, a footnote's back-link). The run counts whole; the input
 * characters skipped are lost. So a lost passage costs its own length: matching each
 * character on its own to its next occurrence, as this did first, let a lost character (or a
 * run of them that occurs again further on, like the `turingtest` of a lost URL) carry the
 * match past everything in between, and a lost paragraph could cost half an article.
 *
 * Runs are looked up in an index of the output's runs (each lookup a binary search). A
 * resynchronisation that finds a run moves on by at least `anchor` characters for at most
 * `lookahead` lookups; one that finds none loses one character, and the runs it found absent
 * are not looked up again (`absentBefore`).
 */
export function retainedCharacters(input: string, output: string): number {
  let runs: Map<string, number | number[]> | undefined;
  // Runs of the input starting before this are not in the output from `at` on (nor later, as `at` only grows).
  let absentBefore = 0;
  let matched = 0;
  let at = 0;
  for (let i = 0; i < input.length; ) {
    if (at < output.length && input.charCodeAt(i) === output.charCodeAt(at)) {
      matched++;
      at++;
      i++;
      continue;
    }
    if (i + anchor > input.length) {
      // Too little input left for a run: the rest counts if the output has it on, else this character is lost.
      if (output.indexOf(input.slice(i), at) !== -1) return matched + input.length - i;
      i++;
      continue;
    }
    runs ??= runIndex(output);
    // The cheapest run found again. The characters after a run that agree too (up to
    // `confirm`) count for it as much as input characters skipped count against it: a run met
    // by chance (the `lunakeymini` of an image URL the page shows as text) does not go on agreeing.
    let bestCost = Infinity;
    let bestFrom = -1;
    let bestAt = -1;
    let j = Math.max(i, absentBefore);
    for (; j + anchor <= input.length && j < i + lookahead && (j - i - confirm) * lossWeight < bestCost; j++) {
      const found = firstAtOrAfter(runs.get(input.slice(j, j + anchor)), at);
      if (found === -1) continue;
      const cost = (j - i - agreement(input, j + anchor, output, found + anchor)) * lossWeight + (found - at);
      if (cost < bestCost) {
        bestCost = cost;
        bestFrom = j;
        bestAt = found;
      }
    }
    if (bestFrom === -1) {
      // No run of the next characters is found again: this one is lost.
      absentBefore = j;
      i++;
      continue;
    }
    matched += anchor;
    at = bestAt + anchor;
    i = bestFrom + anchor;
  }
  return matched;
}

/** For how many characters, up to `confirm`, `a` from `i` and `b` from `j` agree. */
function agreement(a: string, i: number, b: string, j: number): number {
  const n = Math.min(confirm, a.length - i, b.length - j);
  let k = 0;
  while (k < n && a.charCodeAt(i + k) === b.charCodeAt(j + k)) k++;
  return k;
}

/** Where each run of `anchor` characters starts in `text`: one offset, or the offsets in increasing order (most runs occur once). */
function runIndex(text: string): Map<string, number | number[]> {
  const runs = new Map<string, number | number[]>();
  for (let j = 0; j + anchor <= text.length; j++) {
    const run = text.slice(j, j + anchor);
    const at = runs.get(run);
    if (at === undefined) runs.set(run, j);
    else if (typeof at === 'number') runs.set(run, [at, j]);
    else at.push(j);
  }
  return runs;
}

/** The first of a run's offsets at or after `at`; -1 when none. */
function firstAtOrAfter(positions: number | number[] | undefined, at: number): number {
  if (positions === undefined) return -1;
  if (typeof positions === 'number') return positions >= at ? positions : -1;
  return positions[lowerBound(positions, at)] ?? -1;
}

/** Text kept from input to output: characters of the input and how many of them survived. */
export interface TextFidelity {
  readonly inputChars: number;
  readonly keptChars: number;
}

export function textFidelity(input: string, output: string): TextFidelity {
  if (output.includes(input)) return { inputChars: input.length, keptChars: input.length };
  return { inputChars: input.length, keptChars: retainedCharacters(input, output) };
}

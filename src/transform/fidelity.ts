import type { Root, RootContent } from 'hast';
import { nonArticleElements } from './sanitize-schema.js';

/**
 * How much of an article's text survives sanitizing and cleaning. The text compared is
 * what a reader sees: every text node outside the non-article elements (scripts, styles,
 * templates, …: see sanitize-schema.ts), with all whitespace removed, since layout
 * changes whitespace, not words. Retention is the share of the input's characters found
 * in the output in the same order: 1 means nothing was lost.
 */

const skipped = new Set<string>(nonArticleElements);

/** The visible text of a tree, whitespace removed. */
export function articleText(tree: Root): string {
  const parts: string[] = [];
  const stack: (Root | RootContent)[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'text') parts.push(node.value);
    else if (node.type === 'element' && skipped.has(node.tagName)) continue;
    else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return parts.join('').replace(/[\s\u00a0\u3000\u200b-\u200d\ufeff]+/gu, '');
}

/**
 * How many characters of `input` appear in `output` in order (a greedy in-order match).
 * Each search starts where the last match ended, so the searches that succeed read the output
 * once between them; one that fails reads the rest of it. After the first failure, where
 * each character last occurs tells a failure at once: reading to the end for every lost
 * character cost the product of the two lengths.
 */
export function retainedCharacters(input: string, output: string): number {
  let matched = 0;
  let at = 0;
  let lastAt: Map<string, number> | undefined;
  for (const ch of input) {
    if (lastAt && (lastAt.get(ch) ?? -1) < at) continue;
    const found = output.indexOf(ch, at);
    if (found === -1) {
      lastAt ??= lastOccurrences(output);
      continue;
    }
    matched += ch.length;
    at = found + ch.length;
  }
  return matched;
}

/** Where each character (code point, and each half of a surrogate pair, which indexOf also finds) last occurs in `text`. */
function lastOccurrences(text: string): Map<string, number> {
  const last = new Map<string, number>();
  let i = 0;
  for (const ch of text) {
    last.set(ch, i);
    if (ch.length === 2) {
      last.set(ch[0]!, i);
      last.set(ch[1]!, i + 1);
    }
    i += ch.length;
  }
  return last;
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

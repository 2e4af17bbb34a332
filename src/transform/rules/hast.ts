import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';

/** Small helpers over hast nodes shared by the rewrite rules. */

export type Parent = Root | Element;

export function isElement(node: RootContent | ElementContent | Root | undefined, ...names: string[]): node is Element {
  return node?.type === 'element' && (names.length === 0 || names.includes(node.tagName));
}

/** The element's classes (hast keeps them as `className: string[]`). */
export function classesOf(node: Element): string[] {
  const value: unknown = node.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

/** Whitespace as a reader sees it, no-break and ideographic spaces included. */
export const blank = /^[\s\u00a0\u3000\u200b\u200c\u200d\ufeff]*$/;

/** True for a text node that shows nothing. */
export function isBlankText(node: RootContent | ElementContent): boolean {
  return node.type === 'text' && blank.test(node.value);
}

/** Visible text of a node. */
export function textContent(node: Element | Root): string {
  return toString(node);
}

/** A string property of an element, or undefined. */
export function attr(node: Element, name: string): string | undefined {
  const value = node.properties[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Walks the tree children-first and lets `visit` replace each element by a list of
 * nodes (`[]` removes it, `node.children` unwraps it); returning undefined keeps it.
 * Children-first means a parent sees its children already rewritten.
 */
export function rewriteElements(tree: Parent, visit: (node: Element, parent: Parent) => ElementContent[] | undefined): void {
  const next: (RootContent | ElementContent)[] = [];
  for (const child of tree.children) {
    if (child.type !== 'element') {
      next.push(child);
      continue;
    }
    rewriteElements(child, visit);
    const replacement = visit(child, tree);
    // One by one: spreading a long list into push() overflows the stack (an unwrapped span of 200,000 children).
    if (replacement) for (const node of replacement) next.push(node);
    else next.push(child);
  }
  tree.children = next as typeof tree.children;
}

/**
 * Calls `fn` on every element in document order (parents before children); `fn`
 * returning `false` stops the walk. A plain loop with an explicit stack: cheaper than a
 * visitor that allocates per node, and safe on deeply nested HTML.
 */
export function forEachElement(tree: Parent, fn: (node: Element, parent: Parent) => void | false): void {
  const stack: [Element, Parent][] = [];
  const push = (parent: Parent) => {
    for (let i = parent.children.length - 1; i >= 0; i--) {
      const child = parent.children[i]!;
      if (child.type === 'element') stack.push([child, parent]);
    }
  };
  push(tree);
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (fn(item[0], item[1]) === false) return;
    push(item[0]);
  }
}

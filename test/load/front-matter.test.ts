import { describe, expect, it } from 'vitest';
import { closingDelimiter, splitFrontMatter } from '../../src/load/front-matter.js';

describe("front matter closed by '...' (YAML's document end), as Jekyll accepts", () => {
  it('ends the front matter at a ... line, and the body starts after it', () => {
    const text = '---\ntitle: Ends with dots\ntags: a b\n...\nBody line.\n\n---\n\nAfter a rule.\n';
    const split = splitFrontMatter(text);
    expect(split.yaml?.data).toEqual({ title: 'Ends with dots', tags: 'a b' });
    expect(split.body).toBe('Body line.\n\n---\n\nAfter a rule.\n');
    expect(split.bodyLine).toBe(5);
    expect(text.slice(split.bodyOffset)).toBe(split.body);
  });

  it('takes whichever closing line comes first, with CRLF and trailing blanks too', () => {
    expect(closingDelimiter('---\na: 1\n...  \r\nbody\n---\n')).toBe('...');
    expect(closingDelimiter('---\na: 1\n---\nbody\n...\n')).toBe('---');
    expect(splitFrontMatter('---\r\na: 1\r\n...\r\nbody\r\n').body).toBe('body\r\n');
  });

  it('does not take dots inside a value or a line that only starts with dots for the end', () => {
    expect(closingDelimiter('---\ntitle: wait...what\n---\nbody')).toBe('---');
    expect(closingDelimiter('---\ntitle: x\n....\n---\n')).toBe('---');
    expect(splitFrontMatter('---\ntitle: wait...what\n---\nbody').yaml?.data).toEqual({ title: 'wait...what' });
    expect(closingDelimiter('no front matter\n...\n')).toBe('---');
  });
});

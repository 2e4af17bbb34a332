import chardet from 'chardet';

/**
 * Post files to text. UTF-8 (with or without a BOM) is the norm; older Chinese archives
 * hold GBK/GB18030 or Big5 files, which are detected (chardet) and decoded rather than
 * written out as mojibake. A file that is neither is refused with a clear reason.
 * gazette's only chardet user.
 */

/** The encodings gazette reads, as WHATWG TextDecoder labels. */
export type PostEncoding = 'utf-8' | 'gb18030' | 'big5';

/** chardet's names for the legacy encodings gazette accepts (GB18030 covers GBK and GB2312). */
const legacy: Record<string, PostEncoding> = { GB18030: 'gb18030', Big5: 'big5' };

/** How sure chardet must be (0–100) before a legacy encoding is trusted. */
const minConfidence = 50;

/** Decodes bytes known to be in `encoding`; a BOM is removed. */
export function decodeAs(bytes: Uint8Array, encoding: PostEncoding): string {
  return new TextDecoder(encoding, { fatal: true }).decode(bytes);
}

/** The file's text and its encoding, or why it cannot be read as text. */
export function decodePost(bytes: Uint8Array): { text: string; encoding: PostEncoding } | { problem: string } {
  try {
    return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8' };
  } catch {
    // not UTF-8: perhaps a legacy Chinese encoding
  }
  const best = chardet.analyse(bytes).find((match) => match.confidence >= minConfidence && legacy[match.name]);
  const encoding = best ? legacy[best.name] : undefined;
  if (encoding) {
    try {
      return { text: decodeAs(bytes, encoding), encoding };
    } catch {
      // detected, but not valid in that encoding after all
    }
  }
  return { problem: 'the file is not valid UTF-8, GB18030/GBK or Big5 text' };
}

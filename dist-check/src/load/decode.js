import chardet from 'chardet';
/** chardet's names for the legacy encodings gazette accepts (GB18030 covers GBK and GB2312). */
const legacy = { GB18030: 'gb18030', Big5: 'big5' };
/** How sure chardet must be (0–100) before a legacy encoding is trusted. */
const minConfidence = 50;
/** Decodes bytes known to be in `encoding`; a BOM is removed. */
export function decodeAs(bytes, encoding) {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
}
/** The file's text and its encoding, or why it cannot be read as text. */
export function decodePost(bytes) {
    try {
        return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8' };
    }
    catch {
        // not UTF-8: perhaps a legacy Chinese encoding
    }
    const best = chardet.analyse(bytes).find((match) => match.confidence >= minConfidence && legacy[match.name]);
    const encoding = best ? legacy[best.name] : undefined;
    if (encoding) {
        try {
            return { text: decodeAs(bytes, encoding), encoding };
        }
        catch {
            // detected, but not valid in that encoding after all
        }
    }
    return { problem: 'the file is not valid UTF-8, GB18030/GBK or Big5 text' };
}
//# sourceMappingURL=decode.js.map
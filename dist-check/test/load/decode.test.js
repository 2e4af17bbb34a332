import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePost } from '../../src/load/decode.js';
import { fixtures } from '../helpers/paths.js';
const read = (name) => readFileSync(join(fixtures, 'encodings', name));
describe('decodePost', () => {
    it('reads UTF-8, without its BOM', () => {
        expect(decodePost(read('2024-01-05-bom-crlf.md'))).toEqual({ text: '---\r\ntitle: "BOM and CRLF"\r\ndate: 2024-01-05\r\n---\r\n<p>文字</p>\r\n', encoding: 'utf-8' });
    });
    it('detects and decodes GB18030 (GBK) and Big5', () => {
        const gb = decodePost(read('2024-01-02-gb18030.md'));
        expect(gb).toMatchObject({ encoding: 'gb18030' });
        expect('text' in gb && gb.text).toContain('美国白宫日前证实，总统拜登将于本周六');
        const big5 = decodePost(read('2024-01-03-big5.md'));
        expect(big5).toMatchObject({ encoding: 'big5' });
        expect('text' in big5 && big5.text).toContain('美國白宮日前證實');
    });
    it('refuses bytes that are no known text encoding, never writing mojibake', () => {
        expect(decodePost(read('2024-01-04-garbage.md'))).toEqual({ problem: 'the file is not valid UTF-8, GB18030/GBK or Big5 text' });
    });
});
//# sourceMappingURL=decode.test.js.map
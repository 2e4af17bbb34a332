import rehypeSanitize from 'rehype-sanitize';
import { describe, expect, it } from 'vitest';
import unprefixIds from '../../src/transform/rules/unprefix-ids.js';
import { articleSchema } from '../../src/transform/sanitize-schema.js';
import { rewrite } from '../helpers/html.js';
const sanitize = (html) => rewrite(html, [[rehypeSanitize, articleSchema]]);
describe('articleSchema', () => {
    it('keeps what news articles are made of', () => {
        const html = '<h2>Head</h2><p>Text <strong>bold</strong> <a href="https://e.org/x" title="t">link</a></p>' +
            '<figure><img src="https://e.org/a.jpg" alt="A" title="T" width="620" height="358"><figcaption>Caption</figcaption></figure>' +
            '<blockquote><p>Quote</p></blockquote><ul><li>one</li></ul><ol start="3"><li>three</li></ol>' +
            '<table><caption>C</caption><thead><tr><th scope="col">H</th></tr></thead><tbody><tr><td colspan="2">D</td></tr></tbody></table>' +
            '<p><small>credit</small> <cite>Source</cite></p>';
        expect(sanitize(html)).toBe(html);
    });
    it('drops scripts, styles, event handlers, frames, embeds and form controls', () => {
        const out = sanitize('<p onclick="x()" style="color:red">Text</p><script>alert(1)</script><style>p{}</style>' +
            '<iframe src="https://youtube.com/embed/x">fallback</iframe><object data="x.swf"><param name="movie" value="x.swf"><embed src="x.swf"></object>' +
            '<form action="https://evil"><input name="q"><select><option>A</option></select><button>Go</button></form><svg><title>Logo</title></svg>');
        expect(out).toBe('<p>Text</p>Go');
    });
    it('keeps the text browsers show: an object’s fallback, noscript content, xmp text', () => {
        expect(sanitize('<object data="x.swf">Flash is gone: <a href="https://e.org/v">watch</a></object><noscript><img src="https://e.org/a.jpg" alt="A"></noscript>')).toBe('Flash is gone: <a href="https://e.org/v">watch</a><img src="https://e.org/a.jpg" alt="A">');
    });
    it('drops javascript:, vbscript: and data: URLs in href and src', () => {
        expect(sanitize('<a href="javascript:alert(1)">a</a><a href=" JaVaScRiPt:alert(1)">b</a><a href="vbscript:x">c</a><img src="data:image/png;base64,AAAA" alt="d">')).toBe('<a>a</a><a>b</a><a>c</a><img alt="d">');
        expect(sanitize('<a href="jav&#x09;ascript:alert(1)">e</a>')).toBe('<a>e</a>');
    });
    it('removes comments and prefixes ids against DOM clobbering', () => {
        expect(sanitize('<!--NaN--><p id="location" name="x">t</p><!-- zoomattribute -->')).toBe('<p id="user-content-location" name="user-content-x">t</p>');
    });
    it('is a fixed point, ids included, when ids are unprefixed first as the article processor does', () => {
        const withIds = (html) => rewrite(html, [unprefixIds, [rehypeSanitize, articleSchema]]);
        const once = withIds('<p id="note" name="n"><a href="#note">n</a></p><div id="user-content-x">x</div>');
        expect(once).toBe('<p id="user-content-note" name="user-content-n"><a href="#note">n</a></p><div id="user-content-x">x</div>');
        expect(withIds(once)).toBe(once);
    });
    it('is a fixed point: sanitizing its own output changes nothing', () => {
        const once = sanitize('<p><span style="font-weight: 400;">x</span><img src=x onerror=alert(1)><a href="/rel">r</a></p>');
        expect(sanitize(once)).toBe(once);
    });
});
//# sourceMappingURL=sanitize-schema.test.js.map
import { describe, expect, it } from 'vitest';
import removeZoomWidgets, { isZoomIcon } from '../../../src/transform/rules/remove-zoom-widgets.js';
import { rewrite, unrelated } from '../../helpers/html.js';
describe('remove-zoom-widgets', () => {
    it('removes zoom icons and the anchors they leave empty, keeping the credit', () => {
        expect(rewrite('<div id="zoomattribute"> <a href="https://e.org/a.jpg" title="t"> <img src="https://e.org/++plone++rfa-resources/img/icon-zoom.png"> </a> <span>Photo: AP</span></div>', [removeZoomWidgets])).toBe('<div id="zoomattribute">  <span>Photo: AP</span></div>');
    });
    it('recognises icon file names', () => {
        expect(isZoomIcon('https://e.org/img/icon-zoom.png?x=1')).toBe(true);
        expect(isZoomIcon('https://e.org/img/zoom-in-photo-of-city.jpg')).toBe(true);
        expect(isZoomIcon('https://e.org/img/city.jpg')).toBe(false);
    });
    it('leaves unrelated HTML alone', () => {
        expect(rewrite(unrelated, [removeZoomWidgets])).toBe(unrelated);
    });
});
//# sourceMappingURL=remove-zoom-widgets.test.js.map
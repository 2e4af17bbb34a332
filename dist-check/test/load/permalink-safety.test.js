import { describe, expect, it } from 'vitest';
import { neutraliseDeviceName, placeUrl } from '../../src/load/permalink.js';
describe('placeUrl safety', () => {
    it('refuses an encoded slash, which would make a segment an absolute path (found by the property test)', () => {
        expect(placeUrl('/%2F')).toHaveProperty('problem');
        expect(placeUrl('/a/%2Fetc%2Fpasswd/')).toHaveProperty('problem');
    });
    it('neutralises Windows device names in any segment, with or without extension', () => {
        expect(neutraliseDeviceName('CON')).toBe('CON_');
        expect(neutraliseDeviceName('nul.html')).toBe('nul_.html');
        expect(neutraliseDeviceName('com1')).toBe('com1_');
        expect(neutraliseDeviceName('console')).toBe('console');
        expect(placeUrl('/prn/lpt1/')).toEqual({ url: '/prn_/lpt1_/', outputPath: 'prn_/lpt1_/index.html' });
    });
});
//# sourceMappingURL=permalink-safety.test.js.map
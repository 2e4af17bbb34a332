import { describe, expect, it } from 'vitest';
import { placeUrl, portableName } from '../../src/load/permalink.js';

/** A name as it is written in the output folder. */
const neutraliseDeviceName = (name: string) => portableName(name).name;

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
    expect(placeUrl('/prn/lpt1/')).toMatchObject({ url: '/prn_/lpt1_/', outputPath: 'prn_/lpt1_/index.html' });
  });

  it('neutralises the device names Windows also reserves: superscript digits, CONIN$ and CONOUT$, spaces before the extension', () => {
    for (const name of ['com¹', 'COM²', 'com³', 'lpt¹', 'LPT²', 'lpt³', 'CONIN$', 'conout$']) expect(neutraliseDeviceName(name)).toBe(`${name}_`);
    expect(neutraliseDeviceName('con .txt')).toBe('con_ .txt');
    expect(neutraliseDeviceName('aux  .html')).toBe('aux_  .html');
    expect(neutraliseDeviceName('com¹.html')).toBe('com¹_.html');
    expect(neutraliseDeviceName('com10')).toBe('com10');
    expect(neutraliseDeviceName('conference')).toBe('conference');
  });

  it('never ends a name in a space or a dot, which Windows drops (so `con ` would open the console)', () => {
    expect(portableName('con ')).toEqual({ name: 'con _', why: expect.stringContaining('trailing') });
    expect(portableName('U.S.').name).toBe('U.S._');
    expect(placeUrl('/con%20/')).toMatchObject({ url: '/con%20_/', outputPath: 'con _/index.html' });
  });

  it("replaces the characters Windows refuses (`:` names an NTFS alternate data stream)", () => {
    expect(placeUrl('/notes:secret/')).toMatchObject({ url: '/notes_secret/', outputPath: 'notes_secret/index.html', rewritten: [{ from: 'notes:secret', to: 'notes_secret' }] });
    expect(placeUrl('/a<b>c"d|e?f*g/')).toMatchObject({ outputPath: 'a_b_c_d_e_f_g/index.html' });
  });

  it('writes names in Unicode NFC, so the NFC and NFD forms of one name are one path (macOS would merge them)', () => {
    const nfc = placeUrl('/caf\u00e9/');
    const nfd = placeUrl('/cafe\u0301/');
    expect(nfd).toEqual(nfc);
    expect(nfc).toEqual({ url: '/caf%C3%A9/', outputPath: 'caf\u00e9/index.html' });
  });

  it('leaves portable names alone and says nothing about them', () => {
    expect(placeUrl('/2024/11/15/made-in-the-U.S/')).toEqual({ url: '/2024/11/15/made-in-the-U.S/', outputPath: '2024/11/15/made-in-the-U.S/index.html' });
    expect(placeUrl('/wait/.what.html')).toEqual({ url: '/wait/.what.html', outputPath: 'wait/.what.html' });
  });

  it('refuses half of a surrogate pair, which no URL or file name can hold (encoding it threw and stopped the build)', () => {
    expect(placeUrl('/a\uD800b/')).toEqual({ problem: expect.stringContaining('half of a UTF-16 surrogate pair') });
    expect(placeUrl('/\uD83D\uDCF0/')).toMatchObject({ url: '/%F0%9F%93%B0/' });
  });

  it('refuses a name longer than 255 bytes, which no file system holds, instead of failing the whole build when it is written', () => {
    const long = placeUrl(`/${'a'.repeat(300)}/`);
    expect(long).toEqual({ problem: expect.stringMatching(/a name of 300 bytes: file systems hold names of up to 255/) });
    // Counted in bytes: 86 Chinese characters are 258 bytes.
    expect(placeUrl(`/${encodeURIComponent('长'.repeat(86))}/`)).toHaveProperty('problem');
    expect(placeUrl(`/${encodeURIComponent('长'.repeat(85))}/`)).not.toHaveProperty('problem');
    // The `.html` a file URL gets counts too.
    expect(placeUrl(`/${'b'.repeat(251)}`)).toHaveProperty('problem');
    expect(placeUrl(`/${'b'.repeat(250)}`)).toMatchObject({ outputPath: `${'b'.repeat(250)}.html` });
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Converter } from 'opencc-js/t2cn';
import type { Convert } from './browser/tokens.js';

/** Where opencc-js keeps its browser build of the traditional → simplified converter, copied into the site. */
export function converterModulePath(): string {
  return fileURLToPath(import.meta.resolve('opencc-js/t2cn'));
}

/** opencc-js's licences (its code is MIT, OpenCC's dictionaries Apache-2.0), shipped beside the converter. */
export function converterLicence(): string {
  const root = fileURLToPath(new URL('../../', import.meta.resolve('opencc-js/t2cn')));
  return ['LICENSE', 'THIRD_PARTY_LICENSES.md', 'LICENSES/Apache-2.0.txt'].map((name) => `==> ${name} <==\n${readFileSync(root + name, 'utf8')}`).join('\n');
}

/** OpenCC's Taiwan-traditional → mainland-simplified converter (making one takes about 0.2 s). */
export function createConverter(): Convert {
  return Converter({ from: 'tw', to: 'cn' });
}

/** Han code point ranges: the unified ideographs (and extension A), compatibility ideographs and the supplementary planes' extensions. */
const hanRanges: readonly [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0x20000, 0x2fa1f],
];

/**
 * The Han characters the converter changes on their own: the set that decides which text goes
 * through it (tokens.ts). Kept in traditional-chars.ts (made by scripts/traditional-chars.mjs;
 * a test checks it against this), since working it out takes a quarter of a second.
 */
export function traditionalCharacters(convert: Convert = createConverter()): string {
  // Every Han character on a line of its own, converted in one call (no dictionary entry spans a line end).
  const chars: string[] = [];
  for (const [first, last] of hanRanges) for (let point = first; point <= last; point++) chars.push(String.fromCodePoint(point));
  const converted = convert(chars.join('\n')).split('\n');
  if (converted.length !== chars.length) throw new Error('the converter changed the number of lines');
  return chars.filter((char, i) => converted[i] !== char).join('');
}

/**
 * The converter as the search index uses it: made only when a text has one of the characters
 * it converts (making it takes about 0.2 s), then kept.
 */
export function lazyConverter(): Convert {
  let convert: Convert | undefined;
  return (text) => (convert ??= createConverter())(text);
}

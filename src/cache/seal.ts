import { createHmac, timingSafeEqual, type Hmac } from 'node:crypto';

/**
 * Every file of the cache is sealed: its first line is an HMAC-SHA256 of the rest, keyed by
 * this user's secret (kept outside every project, see machine-secret.ts) and bound to what
 * the file is (an article entry under its key, the state of an output folder, the manifest of
 * the copy of its search index). A file whose seal does not hold was not written by gazette
 * on this machine (a `.cache/` shipped with an archive, or edited by hand): it is read as a
 * miss, never trusted.
 */

/** The cache folder and this user's secret, which every file in it is sealed with. */
export interface CacheFolder {
  readonly dir: string;
  readonly secret: string;
}

/** What a sealed file is: a kind and the name it is read by (an article key, an output folder). */
export type SealLabel = readonly [kind: 'article' | 'state' | 'search', name: string];

/** Length of the seal line: the MAC's hex and a newline. */
export const sealLength = 65;

/** The MAC of a file's body, to be fed the body (in pieces, for a file written as it is made). */
export function sealMac(secret: string, label: SealLabel): Hmac {
  // (The label as JSON, which cannot hold a newline: no label's bytes run into the body's.)
  return createHmac('sha256', secret).update(`${JSON.stringify(['gazette cache 1', ...label])}\n`);
}

/** A file's contents: the seal line, then the body. */
export function seal(secret: string, label: SealLabel, body: string): string {
  return `${sealMac(secret, label).update(body).digest('hex')}\n${body}`;
}

/** The body of a sealed file when its seal is this secret's for this label; else undefined. */
export function unseal(secret: string, label: SealLabel, file: Buffer): Buffer | undefined {
  if (file.length < sealLength || file[sealLength - 1] !== 0x0a) return undefined;
  const body = file.subarray(sealLength);
  const given = Buffer.from(file.toString('latin1', 0, sealLength - 1), 'hex');
  const expected = sealMac(secret, label).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? body : undefined;
}

/** What the image rules share: telling two URLs of one image apart from two images. */

/**
 * The image a URL points at, ignoring scheme, query, fragment, WordPress size suffixes
 * (`-300x200`), Plone's `/@@images/…` and Medium's size folders (`/max/800/`).
 */
export function imageKey(url: string): string {
  return url
    .split(/[?#]/)[0]!
    .replace(/\/@@images\/.*$/, '')
    .replace(/-\d+x\d+(?=\.\w+$)/, '')
    .replace(/\/(?:freeze\/)?(?:max|fit\/c)\/\d+(?:\/\d+)?\//, '/')
    .replace(/^https?:/, '')
    .toLowerCase();
}

/** What the image rules share: telling two URLs of one image apart from two images. */

/** Query parameters that pick a size, quality or delivery detail of one picture, not another picture. */
const sizeParameters = new Set(['resize', 'w', 'h', 'width', 'height', 'q', 'quality', 'fit', 'crop', 'ssl', 'is-pending-load', 'strip', 'dpr', 'fm', 'auto', 'zoom']);

/**
 * The image a URL points at, ignoring scheme, fragment, size and quality parameters,
 * WordPress size suffixes (`-300x200`), Plone's `/@@images/…` and Medium's size folders
 * (`/max/800/`). Other parameters stay: behind a proxy (`images.weserv.nl/?url=…`) the
 * query is the picture.
 */
export function imageKey(url: string): string {
  const [path = '', query = ''] = url.split('#')[0]!.split('?');
  const params = query
    .replace(/&amp;/g, '&')
    .split('&')
    .filter((p) => p !== '' && !sizeParameters.has(p.split('=')[0]!.toLowerCase()))
    .sort();
  const picture = withoutPloneScale(path)
    .replace(/-\d+x\d+(?=\.\w+$)/, '')
    .replace(/\/(?:freeze\/)?(?:max|fit\/c)\/\d+(?:\/\d+)?\//, '/')
    .replace(/^https?:/, '')
    .toLowerCase();
  return params.length > 0 ? `${picture}?${params.join('&')}` : picture;
}

/**
 * `…/photo.jpg/@@images/image/large` → `…/photo.jpg`: cut at the first `/@@images/` after
 * which the path has no line break, as `/\/@@images\/.*$/` cuts. Found from the last line
 * break: the pattern read from each `/@@images/` to the line break (quadratic in their number).
 */
function withoutPloneScale(path: string): string {
  let lastBreak = -1;
  for (const lineBreak of ['\n', '\r', '\u2028', '\u2029']) lastBreak = Math.max(lastBreak, path.lastIndexOf(lineBreak));
  const at = path.indexOf('/@@images/', lastBreak + 1);
  return at === -1 ? path : path.slice(0, at);
}

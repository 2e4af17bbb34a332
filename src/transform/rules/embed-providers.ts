/**
 * What an embedded frame showed, from its URL alone: the provider's name, the kind of thing
 * (a video, a post, a map…) and the page a reader can open instead. A YouTube player
 * (`/embed/ID`, also on youtube-nocookie.com) becomes the video's watch page; a provider
 * not in the table becomes a link to the frame's own URL, named by its host. Pure: a URL
 * in, a description out; no requests.
 */

/** The kind of content an embed showed, with its label in the theme's two languages. */
export type EmbedKind = 'video' | 'audio' | 'post' | 'map' | 'document' | 'embed';

export const kindLabels: Record<EmbedKind, string> = {
  video: '视频 Video',
  audio: '音频 Audio',
  post: '帖子 Post',
  map: '地图 Map',
  document: '文档 Document',
  embed: '嵌入内容 Embed',
};

export interface EmbedTarget {
  /** The provider's name (`YouTube`), or the frame's host name for an unknown provider. */
  readonly provider: string;
  readonly kind: EmbedKind;
  /** The page to link to: the provider's own page when known, else the frame's URL. */
  readonly url: string;
}

interface Provider {
  readonly name: string;
  readonly kind: EmbedKind;
  /** Host names, matched exactly or as a parent domain (`youtube.com` matches `www.youtube.com`). */
  readonly hosts: readonly string[];
  /** The page the embed stands for, or undefined to link to the frame's URL itself. */
  readonly page?: (url: URL) => string | undefined;
}

/** A query parameter that is itself an http(s) URL (Facebook's `href`, SoundCloud's `url`). */
function urlParam(url: URL, name: string): string | undefined {
  const value = url.searchParams.get(name);
  return value && /^https?:\/\//i.test(value) ? new URL(value).href : undefined;
}

/** The path segment after `marker` (`/embed/ID` → `ID`), when it looks like an id. */
function after(url: URL, marker: string): string | undefined {
  const parts = url.pathname.split('/');
  const i = parts.indexOf(marker);
  const id = i === -1 ? undefined : parts[i + 1];
  return id && /^[\w-]+$/.test(id) ? id : undefined;
}

function youtubePage(url: URL): string | undefined {
  const list = url.searchParams.get('list');
  const id = after(url, 'embed') ?? after(url, 'v') ?? (url.hostname === 'youtu.be' ? url.pathname.slice(1) : undefined);
  if (id === 'videoseries' && list) return `https://www.youtube.com/playlist?list=${encodeURIComponent(list)}`;
  if (!id || !/^[\w-]{6,}$/.test(id)) return undefined;
  const start = url.searchParams.get('start') ?? url.searchParams.get('t');
  return `https://www.youtube.com/watch?v=${id}${start && /^\d+$/.test(start) ? `&t=${start}s` : ''}`;
}

const providers: readonly Provider[] = [
  { name: 'YouTube', kind: 'video', hosts: ['youtube.com', 'youtube-nocookie.com', 'youtu.be'], page: youtubePage },
  { name: 'Vimeo', kind: 'video', hosts: ['vimeo.com'], page: (u) => (after(u, 'video') ? `https://vimeo.com/${after(u, 'video')}` : undefined) },
  {
    name: 'Twitter',
    kind: 'post',
    hosts: ['twitter.com', 'x.com', 'twitframe.com'],
    page: (u) => urlParam(u, 'url') ?? (/^\d+$/.test(u.searchParams.get('id') ?? '') ? `https://twitter.com/i/status/${u.searchParams.get('id')}` : undefined),
  },
  { name: 'Facebook', kind: 'video', hosts: ['facebook.com'], page: (u) => urlParam(u, 'href') },
  {
    name: 'Dailymotion',
    kind: 'video',
    hosts: ['dailymotion.com', 'dai.ly'],
    page: (u) => {
      const id = after(u, 'video') ?? u.searchParams.get('video');
      return id && /^\w+$/.test(id) ? `https://www.dailymotion.com/video/${id}` : undefined;
    },
  },
  {
    name: 'Bilibili',
    kind: 'video',
    hosts: ['bilibili.com'],
    page: (u) => {
      const bvid = u.searchParams.get('bvid');
      const aid = u.searchParams.get('aid');
      if (bvid && /^\w+$/.test(bvid)) return `https://www.bilibili.com/video/${bvid}`;
      return aid && /^\d+$/.test(aid) ? `https://www.bilibili.com/video/av${aid}` : undefined;
    },
  },
  { name: 'SoundCloud', kind: 'audio', hosts: ['soundcloud.com'], page: (u) => urlParam(u, 'url') },
  {
    name: 'Spotify',
    kind: 'audio',
    hosts: ['open.spotify.com'],
    page: (u) => {
      const m = /^\/embed(?:-podcast)?\/(track|album|playlist|episode|show|artist)\/(\w+)/.exec(u.pathname);
      return m ? `https://open.spotify.com/${m[1]}/${m[2]}` : undefined;
    },
  },
  { name: 'Instagram', kind: 'post', hosts: ['instagram.com'], page: (u) => (after(u, 'p') ? `https://www.instagram.com/p/${after(u, 'p')}/` : undefined) },
  { name: 'TED', kind: 'video', hosts: ['embed.ted.com'], page: (u) => `https://www.ted.com${u.pathname}` },
  { name: 'Acast', kind: 'audio', hosts: ['embed.acast.com'], page: (u) => `https://shows.acast.com${u.pathname}` },
  { name: 'Google Maps', kind: 'map', hosts: ['maps.google.com', 'google.com/maps'] },
  { name: 'Google Docs', kind: 'document', hosts: ['docs.google.com', 'drive.google.com'] },
  { name: 'DocumentCloud', kind: 'document', hosts: ['documentcloud.org'] },
  { name: 'Kaltura', kind: 'video', hosts: ['kaltura.com'] },
  { name: 'Brightcove', kind: 'video', hosts: ['brightcove.net'] },
];

/** True when `host` is `domain` or one of its subdomains. */
function within(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

function matches(provider: Provider, url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return provider.hosts.some((h) => {
    const [domain, path] = h.split(/(?=\/)/);
    return within(host, domain!) && (path === undefined || url.pathname.startsWith(path));
  });
}

/**
 * An http(s) URL as the browser would read it (a protocol-relative `//host/x` as https),
 * or undefined for anything else: `javascript:`, `data:`, a relative path without a base.
 */
export function webUrl(raw: string | undefined, base?: string): URL | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  try {
    const url = new URL(value.startsWith('//') ? `https:${value}` : value, base && /^https?:/i.test(base) ? base : undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** What an embed of `url` showed and where to see it. */
export function embedTarget(url: URL): EmbedTarget {
  for (const provider of providers) {
    if (!matches(provider, url)) continue;
    return { provider: provider.name, kind: provider.kind, url: provider.page?.(url) ?? url.href };
  }
  return { provider: url.hostname, kind: 'embed', url: url.href };
}

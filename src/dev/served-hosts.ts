import { isIPv4, isIPv6 } from 'node:net';

/**
 * Which Host names the dev server answers (DNS rebinding: a page of any web site can make its
 * own name resolve to 127.0.0.1, and then read whatever answers there as same-origin).
 */

/**
 * True when a request's Host header names this server in a way no other site can: `localhost`
 * and its subdomains (browsers resolve them to this machine themselves), an IP address (which
 * no DNS answer can rebind), or the `--host` it was started with. Any other name may be a
 * rebound DNS name: a page of that site would read this one (and the event stream, with its
 * file paths and error messages) as its own.
 */
export function isServedHost(hostHeader: string | undefined, configuredHost: string): boolean {
  const match = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9._-]+))(?::\d+)?$/.exec((hostHeader ?? '').toLowerCase());
  if (!match) return false;
  const [, ipv6, name] = match;
  if (ipv6 !== undefined) return isIPv6(ipv6);
  return name === 'localhost' || name!.endsWith('.localhost') || isIPv4(name!) || name === configuredHost.toLowerCase();
}

/** What a request under a name not served is told (see isServedHost). */
export function refusedHostText(configuredHost: string): string {
  return `gazette dev serves this site only under localhost, *.localhost, IP addresses and its --host (${configuredHost}), so that no other web site can read it through a rebound DNS name.\nTo serve it under another name, start gazette dev with --host <that name>.\n`;
}

// Names that never resolve on the public internet: RFC 6761 `localhost`, RFC 6762 mDNS `.local`, the
// ICANN private-use `.internal`, and `.arpa` (reverse-DNS and home networks).
const NON_PUBLIC_SUFFIXES = ['localhost', 'local', 'internal', 'arpa'];

/**
 * True for an `https:` URL whose host is a public DNS name: what an issuer may give as a badge image that
 * browsers, wallets and verifiers are sent to (ADVERSARIAL I7).
 *
 * Every IP literal is refused, not only private ones: the WHATWG parser already folds `0x7f.1` and
 * `2130706433` into `127.0.0.1`, but IPv6 has many ways to embed an IPv4 address (mapped, NAT64, 6to4),
 * and a public image is not served over https from a bare address anyway. A public name may still
 * resolve to a private address; the platform never fetches these URLs, so only a client that fetches
 * images server-side without an egress filter would follow one there.
 */
export function isPublicHttpsUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  const host = url.hostname.replace(/\.$/, '');
  if (host.startsWith('[') || /^[\d.]+$/.test(host)) return false;
  const labels = host.split('.');
  const last = labels.at(-1) ?? '';
  if (labels.length < 2 || labels.some((label) => label === '')) return false;
  return !NON_PUBLIC_SUFFIXES.includes(last);
}

/** One host the operator lets the fetcher reach although its address is refused, and over plain http. */
export interface AllowedHost {
  /** As a URL's `hostname` spells it: lower case, an IPv6 address in brackets. */
  readonly hostname: string;
  /** Only this port when set; any port otherwise. */
  readonly port?: number;
  /**
   * Written `http://host[:port]`: the host serves plain http only, so an https URL naming it (a did:web
   * document always does) is fetched over http. For test instances and intranets, never the default.
   */
  readonly plainHttpOnly?: boolean;
}

/**
 * One entry of `MICROCRED_FETCH_ALLOW`: `host`, `host:port`, `[v6]` or `[v6]:port`, each optionally
 * prefixed `http://` (see {@link AllowedHost.plainHttpOnly}). Undefined when the entry is anything else
 * (another scheme, a path, credentials, a port out of range).
 */
export function parseAllowedHost(entry: string): AllowedHost | undefined {
  const trimmed = entry.trim();
  if (/^http:\/\//i.test(trimmed)) {
    const host = parseAllowedHost(trimmed.slice('http://'.length).replace(/\/$/, ''));
    return host === undefined ? undefined : { ...host, plainHttpOnly: true };
  }
  const text = trimmed;
  if (text === '' || /[/\\@?#\s]/.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(`http://${text}`);
  } catch {
    return undefined;
  }
  if (url.hostname === '') return undefined;
  // `http://host:80` drops the default port: read it from the text rather than lose it.
  const port = /:(\d{1,5})$/.exec(text)?.[1];
  if (port === undefined) return /:$/.test(text) ? undefined : { hostname: url.hostname };
  const number = Number(port);
  return number >= 1 && number <= 65_535 ? { hostname: url.hostname, port: number } : undefined;
}

/**
 * `MICROCRED_FETCH_ALLOW=127.0.0.1,localhost:8080`: the hosts, or undefined when any entry cannot be read
 * (the configuration reports it rather than quietly allowing less or more than was meant).
 */
export function parseFetchAllowList(value: string): readonly AllowedHost[] | undefined {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const hosts = entries.map(parseAllowedHost);
  return hosts.every((host) => host !== undefined) ? Object.freeze(hosts) : undefined;
}

/** The allow-list entry `url` names (host and port): matched by name, never by the address it resolves to. */
export function allowedHostOf(allow: readonly AllowedHost[], url: URL): AllowedHost | undefined {
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  return allow.find(
    (host) => host.hostname === url.hostname && (host.port === undefined || host.port === port),
  );
}

/** Whether `url` names an allowed host (and port). */
export function isAllowedHost(allow: readonly AllowedHost[], url: URL): boolean {
  return allowedHostOf(allow, url) !== undefined;
}

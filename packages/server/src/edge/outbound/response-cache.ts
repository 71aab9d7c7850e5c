/** One answer kept: its decoded body and what is needed to reuse or revalidate it. */
export interface CachedResponse {
  /** Where the answer came from, after redirects. */
  readonly url: string;
  readonly contentType: string;
  readonly body: Buffer;
  readonly etag?: string;
  readonly lastModified?: string;
  /** Its `Cache-Control` and `Expires`, which a 304 that repeats neither leaves as they were (RFC 9111 §4.3.4). */
  readonly caching: Pick<CachingHeaders, 'cacheControl' | 'expires'>;
  /** Until when (ms since the epoch) it is reused without asking; at or before storage, revalidate. */
  readonly freshUntil: number;
}

export interface ResponseCacheOptions {
  /** Most answers kept, least recently used dropped first (default 256). */
  readonly maxEntries?: number;
  /** Most decoded bytes kept over all answers (default 32 MiB). */
  readonly maxBytes?: number;
  /**
   * Longest an answer is reused without asking, whatever its `Cache-Control` says (default 10 minutes):
   * a revoked credential shows as revoked within this time even if its list was served for a year.
   */
  readonly maxAgeMs?: number;
}

/** The response headers that decide caching, as the server sent them. */
export interface CachingHeaders {
  readonly cacheControl?: string | undefined;
  readonly expires?: string | undefined;
  readonly date?: string | undefined;
  readonly age?: string | undefined;
}

function directives(cacheControl: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of cacheControl.split(',')) {
    const [name = '', value = ''] = part.split('=', 2).map((text) => text.trim());
    if (name !== '') map.set(name.toLowerCase(), value.replace(/^"|"$/g, ''));
  }
  return map;
}

function seconds(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,10}$/.test(value) ? Number(value) : undefined;
}

/**
 * How long an answer may be reused without asking (RFC 9111 §4.2.1): `no-store` → not kept at all;
 * `no-cache` → kept only to revalidate (0); `max-age` less `Age`; else `Expires` less `Date`; else 0 —
 * no heuristic freshness, so a server that says nothing is asked again (cheaply, when it gave a
 * validator). Capped at `maxAgeMs`. `s-maxage` and `private` are ignored: every document read is public.
 */
export function freshnessMs(headers: CachingHeaders, maxAgeMs: number): number | 'no-store' {
  const cacheControl = directives(headers.cacheControl ?? '');
  if (cacheControl.has('no-store')) return 'no-store';
  if (cacheControl.has('no-cache')) return 0;
  const maxAge = seconds(cacheControl.get('max-age'));
  let lifetime: number;
  if (maxAge !== undefined) {
    lifetime = (maxAge - (seconds(headers.age) ?? 0)) * 1000;
  } else if (headers.expires !== undefined) {
    const expires = Date.parse(headers.expires);
    const date = headers.date === undefined ? Number.NaN : Date.parse(headers.date);
    // An unreadable Expires means "already expired" (RFC 9111 §5.3).
    lifetime = Number.isNaN(expires) || Number.isNaN(date) ? 0 : expires - date;
  } else {
    lifetime = 0;
  }
  return Math.min(Math.max(lifetime, 0), maxAgeMs);
}

/** A bounded, in-memory, least-recently-used store of answers by URL. */
export interface ResponseCache {
  get(url: string): CachedResponse | undefined;
  set(url: string, response: CachedResponse): void;
  delete(url: string): void;
  readonly maxAgeMs: number;
}

export function createResponseCache({
  maxEntries = 256,
  maxBytes = 32 * 1024 * 1024,
  maxAgeMs = 10 * 60 * 1000,
}: ResponseCacheOptions = {}): ResponseCache {
  const entries = new Map<string, CachedResponse>();
  let bytes = 0;
  const remove = (url: string) => {
    const entry = entries.get(url);
    if (entry === undefined) return;
    entries.delete(url);
    bytes -= entry.body.length;
  };
  return {
    maxAgeMs,
    get(url) {
      const entry = entries.get(url);
      if (entry === undefined) return undefined;
      // Map order is insertion order: putting it back last makes the first entry the least recently used.
      entries.delete(url);
      entries.set(url, entry);
      return entry;
    },
    set(url, response) {
      remove(url);
      if (maxEntries <= 0 || response.body.length > maxBytes) return;
      entries.set(url, response);
      bytes += response.body.length;
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries && bytes <= maxBytes) break;
        remove(oldest);
      }
    },
    delete: remove,
  };
}

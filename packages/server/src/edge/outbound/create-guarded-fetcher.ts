import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { isMicrocredError, type MicrocredError, parseIJson, type ResourceFetcher } from '@microcred/vc';
import { Agent, request } from 'undici';
import type { ObHostAnswer, ObHostTransport } from '../../domain/ports/ob-host-transport.js';
import { type AllowedHost, allowedHostOf, isAllowedHost } from './fetch-allow-list.js';
import { fetchFailed, fetchRefused } from './fetch-errors.js';
import { READ_ENCODINGS, readLimitedBody } from './read-limited-body.js';
import { refusedAddressKind } from './refused-address.js';
import {
  type CachedResponse,
  type CachingHeaders,
  createResponseCache,
  freshnessMs,
  type ResponseCacheOptions,
} from './response-cache.js';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Every address of a host name (`dns.lookup` with `all`, by default); injected by tests. */
export type HostLookup = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** Where each fetch is reported; pino's logger fits. */
export interface FetchLogger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

export interface GuardedFetcherOptions {
  /**
   * Hosts reached although their addresses are not public, and over plain http too
   * (`MICROCRED_FETCH_ALLOW`). Matched by name: another name resolving to the same address is refused.
   */
  readonly allow?: readonly AllowedHost[];
  /** Redirects followed, each checked like the first URL (default 3). */
  readonly maxRedirects?: number;
  /** Most bytes read from the wire (default 1 MiB). */
  readonly maxBytes?: number;
  /** Most bytes once decompressed (default 16 MiB). */
  readonly maxDecodedBytes?: number;
  /** Time for the whole fetch: lookups, redirects and the slowest body (default 5 s). */
  readonly timeoutMs?: number;
  readonly cache?: ResponseCacheOptions;
  readonly lookup?: HostLookup;
  readonly logger?: FetchLogger;
  /** The clock of the cache (default `Date.now`). */
  readonly now?: () => number;
  /**
   * Every host may be reached over plain http and at any address (loopback, private): only for the
   * webhook fetcher under `MICROCRED_WEBHOOK_ALLOW_PRIVATE=1` (tests, local integrations).
   */
  readonly allowPrivateAddresses?: boolean;
}

/** What `post` gives: the final status and the start of the body, as sent (not decompressed). */
export interface PostAnswer {
  readonly url: string;
  readonly status: number;
  readonly excerpt: string;
}

/** What `exchange` gives: the status, the few headers API clients read, and the whole body (limited). */
/** What `exchange` answered: the OB 3.0 host transport's answer, which this fetcher implements. */
export type ExchangeAnswer = ObHostAnswer;

/** What `fetchBytes` gives: the decoded body as sent, with where it came from after redirects. */
export interface FetchedResource {
  readonly url: string;
  /** The media type, lower case, without parameters. */
  readonly contentType: string;
  readonly body: Uint8Array;
}

export interface GuardedFetcher {
  /**
   * The verifier's `ResourceFetcher`: a JSON document (JSON, JSON-LD, DID and VC media types) parsed as
   * I-JSON, or a compact JWS string when served as a JWT (a VC-JWT named by URL).
   */
  readonly fetchJson: ResourceFetcher;
  /**
   * The body of a URL whose media type is one of `accept` (`type/subtype`, `type/*`, or a structured
   * suffix such as `application/*+json`), for callers that read bytes (an image, a signed assertion).
   */
  fetchBytes(url: string, options: { readonly accept: readonly string[] }): Promise<FetchedResource>;
  /** Throws the refusal a fetch of this URL would meet (scheme, credentials, every address checked). */
  checkUrl(url: string): Promise<void>;
  /**
   * POSTs `body` (webhook deliveries), under the same address checks, limits and deadline; 307 and 308
   * redirects are followed (the body sent again), each target checked again; any answer is returned,
   * with at most `excerptBytes` of its body (default 1 KiB). Throws only when no answer came.
   */
  post(
    url: string,
    request: {
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
      readonly excerptBytes?: number;
    },
  ): Promise<PostAnswer>;
  /**
   * One API request (an OAuth token request, a read with a bearer token) under the same address checks,
   * limits and deadline, any status returned with its body. No redirect is followed: a request carrying
   * a secret (a bearer token, a client secret, a code) must reach the URL named and nothing else.
   */
  exchange: ObHostTransport['exchange'];
}

const JSON_TYPES = [
  'application/json',
  'application/ld+json',
  'application/did+json',
  'application/did+ld+json',
  'application/vc',
  'application/vc+ld+json',
  'application/*+json',
];
const JWT_TYPES = ['application/jwt', 'application/vc+jwt', 'application/vc+ld+json+jwt'];
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const MAX_URL_LENGTH = 2048;

const silentLogger: FetchLogger = { info: () => {}, warn: () => {} };

function matchesMediaType(type: string, pattern: string): boolean {
  const [head, tail] = pattern.split('*', 2);
  return tail === undefined ? type === pattern : type.startsWith(head ?? '') && type.endsWith(tail);
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Drops a body left unread: undici reports its destruction as an error event, which nobody needs. */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

/**
 * An answer's body, refused before it is read when its encoding is one we do not decode or its declared
 * length is over the limit, and cut off while read past either limit.
 */
async function readAnswer(
  response: { readonly headers: Record<string, string | string[] | undefined>; readonly body: Readable },
  url: URL,
  limits: { readonly maxBytes: number; readonly maxDecodedBytes: number },
) {
  const { headers } = response;
  const encoding = (header(headers, 'content-encoding') ?? 'identity').trim().toLowerCase();
  if (!(READ_ENCODINGS as readonly string[]).includes(encoding)) {
    discard(response.body);
    throw fetchRefused('content-encoding', `${url.host} answered in an encoding not read (${encoding})`, {
      host: url.host,
      contentEncoding: encoding.slice(0, 100),
    });
  }
  if (Number(header(headers, 'content-length') ?? 0) > limits.maxBytes) {
    discard(response.body);
    throw fetchRefused('too-large', `the answer from ${url.host} is over ${limits.maxBytes} bytes as sent`, {
      host: url.host,
      limit: limits.maxBytes,
    });
  }
  return readLimitedBody(response.body, { ...limits, encoding, host: url.host });
}

/** The URL as logged: no query or fragment, which may carry a token. */
function shownUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function defaultLookup(hostname: string): Promise<readonly ResolvedAddress[]> {
  return dnsLookup(hostname, { all: true, verbatim: true }).then((addresses) =>
    addresses.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 })),
  );
}

/**
 * What the socket layer is told a name resolves to: only the addresses this fetch checked, so the
 * connection goes where the check looked (a second DNS answer, the rebinding trick, is never asked for).
 */
function pinnedLookup(pinned: ReadonlyMap<string, readonly ResolvedAddress[]>): LookupFunction {
  return (hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family || 0;
    const addresses = (pinned.get(hostname.toLowerCase()) ?? []).filter(
      (address) => family === 0 || address.family === family,
    );
    const first = addresses[0];
    if (first === undefined) {
      const error: NodeJS.ErrnoException = new Error(`${hostname} was not checked by the guarded fetcher`);
      error.code = 'ENOTFOUND';
      callback(error, '', 4);
    } else if (options.all) {
      callback(
        null,
        addresses.map(({ address, family }) => ({ address, family })),
      );
    } else {
      callback(null, first.address, first.family);
    }
  };
}

type Answer =
  | {
      readonly kind: 'ok';
      readonly resource: FetchedResource;
      readonly etag: string | undefined;
      readonly lastModified: string | undefined;
      readonly caching: CachingHeaders;
      readonly redirects: number;
    }
  | {
      readonly kind: 'not-modified';
      readonly cached: CachedResponse;
      readonly caching: CachingHeaders;
      readonly redirects: number;
    };

interface Loaded {
  readonly resource: FetchedResource;
  readonly cache: 'hit' | 'revalidated' | 'miss';
  readonly redirects: number;
}

/**
 * The one way the platform and the CLI reach the network (ADVERSARIAL V12, V21, I7): https only (plain
 * http for allow-listed hosts), no credentials in URLs, every address of the host public (loopback,
 * private, link-local, shared, multicast, documentation and reserved ranges refused, IPv4 inside IPv6
 * judged as IPv4) and the connection made to those very addresses, at most `maxRedirects` redirects each
 * checked again, the body limited on the wire and once decoded, the whole within `timeoutMs`, only the
 * media types asked for, and answers cached as their `Cache-Control` allows. Every fetch is logged
 * (host, status, bytes, time, cache outcome, or why it was refused); never a body.
 */
export function createGuardedFetcher({
  allow = [],
  maxRedirects = 3,
  maxBytes = 1024 * 1024,
  maxDecodedBytes = 16 * 1024 * 1024,
  timeoutMs = 5000,
  cache: cacheOptions = {},
  lookup = defaultLookup,
  logger = silentLogger,
  now = Date.now,
  allowPrivateAddresses = false,
}: GuardedFetcherOptions = {}): GuardedFetcher {
  const cache = createResponseCache(cacheOptions);
  const inFlight = new Map<string, Promise<Loaded>>();
  // Addresses behind each refusal, for the log only: the caller's error never names them.
  const refusedAddresses = new WeakMap<MicrocredError, readonly string[]>();

  function parseTarget(text: string, base?: URL): URL {
    let url: URL;
    try {
      url = new URL(text, base);
    } catch {
      throw fetchRefused('invalid-url', 'this is not a URL');
    }
    if (url.href.length > MAX_URL_LENGTH) throw fetchRefused('invalid-url', 'the URL is too long');
    const entry = allowedHostOf(allow, url);
    const allowed = entry !== undefined || allowPrivateAddresses;
    // The operator said this host speaks plain http only (a test instance, an intranet): a did:web or any
    // other https URL naming it is read over http rather than failing on a TLS handshake nobody can make.
    if (url.protocol === 'https:' && entry?.plainHttpOnly === true) url.protocol = 'http:';
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowed))
      throw fetchRefused(
        'scheme-refused',
        url.protocol === 'http:'
          ? `only https is fetched (${url.host} is not allow-listed for http)`
          : `${url.protocol} URLs are never fetched`,
        { scheme: url.protocol.replace(/:$/, '') },
      );
    if (url.username !== '' || url.password !== '')
      throw fetchRefused('credentials-refused', 'a URL carrying credentials is never fetched', {
        host: url.host,
      });
    return url;
  }

  /** Resolves the URL's host and checks every address, unless the host is allow-listed. */
  async function checkedAddresses(url: URL, deadline: Promise<never>): Promise<readonly ResolvedAddress[]> {
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    const literal = isIP(hostname);
    let addresses: readonly ResolvedAddress[];
    if (literal !== 0) {
      addresses = [{ address: hostname, family: literal === 6 ? 6 : 4 }];
    } else {
      try {
        addresses = await Promise.race([lookup(hostname), deadline]);
      } catch (cause) {
        if (isMicrocredError(cause)) throw cause;
        throw fetchFailed('dns', `${url.hostname} could not be resolved`, { host: url.host }, cause);
      }
      if (addresses.length === 0)
        throw fetchFailed('dns', `${url.hostname} could not be resolved`, { host: url.host });
    }
    if (allowPrivateAddresses || isAllowedHost(allow, url)) return addresses;
    for (const { address } of addresses) {
      const kind = refusedAddressKind(address);
      if (kind === null) continue;
      const error = fetchRefused(
        'address-refused',
        literal !== 0
          ? `${url.hostname} is a ${kind} address, which is never fetched`
          : `${url.hostname} resolves to a ${kind} address, which is never fetched`,
        { host: url.host, addressKind: kind },
      );
      refusedAddresses.set(
        error,
        addresses.map((item) => item.address),
      );
      throw error;
    }
    return addresses;
  }

  /**
   * One request and its redirects: a time limit over all of it, and an agent that connects only to the
   * addresses `checkedAddresses` approved for each host (pinned: DNS cannot change its answer between the
   * check and the connection).
   */
  function startAttempt(start: URL) {
    const controller = new AbortController();
    const timeout = fetchFailed('timeout', `${start.host} did not answer within ${timeoutMs} ms`, {
      host: start.host,
      limit: timeoutMs,
    });
    const deadline = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(timeout), { once: true });
    });
    // It may fire while nothing races it (between lookups, during the body): never an unhandled rejection.
    deadline.catch(() => {});
    const timer = setTimeout(() => controller.abort(timeout), timeoutMs);
    const pinned = new Map<string, readonly ResolvedAddress[]>();
    const agent = new Agent({ connect: { lookup: pinnedLookup(pinned), timeout: timeoutMs } });
    return {
      signal: controller.signal,
      dispatcher: agent,
      /** Checks `url`'s host and pins its connections to the addresses checked. */
      async pin(url: URL): Promise<void> {
        pinned.set(url.hostname.replace(/^\[|\]$/g, ''), await checkedAddresses(url, deadline));
      },
      /** What to throw for `error`: our own error as it is, else the time limit, else the network's. */
      failure(error: unknown, url: URL): unknown {
        if (isMicrocredError(error)) return error;
        if (controller.signal.aborted) return timeout;
        return fetchFailed('network', `${url.host} could not be reached`, { host: url.host }, error);
      },
      async end(): Promise<void> {
        clearTimeout(timer);
        await agent.destroy();
      },
    };
  }

  /** Where a redirect leads, checked like the first URL; refused past `maxRedirects`. */
  function redirectTarget(location: string, from: URL, start: URL, redirects: number): URL {
    if (redirects >= maxRedirects)
      throw fetchRefused('too-many-redirects', `more than ${maxRedirects} redirects from ${start.host}`, {
        host: start.host,
        limit: maxRedirects,
      });
    return parseTarget(location, from);
  }

  async function fetchOnce(start: URL, accept: readonly string[], cached: CachedResponse | undefined) {
    const attempt = startAttempt(start);
    let url = start;
    try {
      for (let redirects = 0; ; redirects += 1) {
        await attempt.pin(url);
        const response = await request(url, {
          dispatcher: attempt.dispatcher,
          method: 'GET',
          signal: attempt.signal,
          maxRedirections: 0,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
          headers: {
            accept: accept.filter((type) => !type.includes('*+')).join(', '),
            'accept-encoding': 'gzip, deflate, br',
            'user-agent': 'microcred-verifier',
            ...(cached?.etag === undefined ? {} : { 'if-none-match': cached.etag }),
            ...(cached?.lastModified === undefined ? {} : { 'if-modified-since': cached.lastModified }),
          },
        });
        const { statusCode: status, headers } = response;
        const caching: CachingHeaders = {
          cacheControl: header(headers, 'cache-control'),
          expires: header(headers, 'expires'),
          date: header(headers, 'date'),
          age: header(headers, 'age'),
        };
        const location = header(headers, 'location');
        if (REDIRECTS.has(status) && location !== undefined) {
          discard(response.body);
          url = redirectTarget(location, url, start, redirects);
          continue;
        }
        if (status === 304 && cached !== undefined) {
          discard(response.body);
          return { kind: 'not-modified', cached, caching, redirects } satisfies Answer;
        }
        if (status !== 200) {
          discard(response.body);
          throw fetchFailed('http-status', `${url.host} answered HTTP ${status}`, { host: url.host, status });
        }
        const contentType = (header(headers, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        if (!accept.some((pattern) => matchesMediaType(contentType, pattern))) {
          discard(response.body);
          throw fetchRefused('content-type', `${url.host} answered ${contentType || 'no content type'}`, {
            host: url.host,
            contentType: contentType.slice(0, 100),
          });
        }
        const body = await readAnswer(response, url, { maxBytes, maxDecodedBytes });
        return {
          kind: 'ok',
          resource: { url: url.href, contentType, body },
          etag: header(headers, 'etag'),
          lastModified: header(headers, 'last-modified'),
          caching,
          redirects,
        } satisfies Answer;
      }
    } catch (error) {
      throw attempt.failure(error, url);
    } finally {
      await attempt.end();
    }
  }

  async function fetchAndStore(url: URL, accept: readonly string[], cached: CachedResponse | undefined) {
    const answer: Answer = await fetchOnce(url, accept, cached);
    if (answer.kind === 'not-modified') {
      const caching = {
        cacheControl: answer.caching.cacheControl ?? answer.cached.caching.cacheControl,
        expires: answer.caching.expires ?? answer.cached.caching.expires,
      };
      const freshness = freshnessMs({ ...answer.caching, ...caching }, cache.maxAgeMs);
      if (freshness === 'no-store') cache.delete(url.href);
      else cache.set(url.href, { ...answer.cached, caching, freshUntil: now() + freshness });
      return { resource: answer.cached, cache: 'revalidated', redirects: answer.redirects } satisfies Loaded;
    }
    const { resource, etag, lastModified, caching } = answer;
    const freshness = freshnessMs(caching, cache.maxAgeMs);
    if (freshness === 'no-store' || (freshness === 0 && etag === undefined && lastModified === undefined)) {
      cache.delete(url.href);
    } else {
      cache.set(url.href, {
        ...resource,
        body: Buffer.from(resource.body),
        ...(etag === undefined ? {} : { etag }),
        ...(lastModified === undefined ? {} : { lastModified }),
        caching: { cacheControl: caching.cacheControl, expires: caching.expires },
        freshUntil: now() + freshness,
      });
    }
    return { resource, cache: 'miss', redirects: answer.redirects } satisfies Loaded;
  }

  function load(url: URL, accept: readonly string[]): Promise<Loaded> {
    const cached = cache.get(url.href);
    if (cached !== undefined && cached.freshUntil > now())
      return Promise.resolve({ resource: cached, cache: 'hit', redirects: 0 });
    // Concurrent verifications of credentials sharing one status list share one request.
    const key = `${accept.join(',')} ${url.href}`;
    const pending = inFlight.get(key);
    if (pending !== undefined) return pending;
    const started = fetchAndStore(url, accept, cached).finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  }

  async function fetchBytes(text: string, { accept }: { readonly accept: readonly string[] }) {
    const started = performance.now();
    let url: URL | undefined;
    try {
      url = parseTarget(text);
      const loaded = await load(url, accept);
      const { resource } = loaded;
      // A cached answer is checked against this caller's media types, as a fresh one was.
      if (!accept.some((pattern) => matchesMediaType(resource.contentType, pattern)))
        throw fetchRefused('content-type', `${url.host} answered ${resource.contentType}`, {
          host: url.host,
          contentType: resource.contentType.slice(0, 100),
        });
      logger.info(
        {
          url: shownUrl(url),
          host: url.host,
          status: loaded.cache === 'hit' ? undefined : loaded.cache === 'revalidated' ? 304 : 200,
          bytes: resource.body.length,
          ms: Math.round(performance.now() - started),
          cache: loaded.cache,
          redirects: loaded.redirects,
        },
        'outbound fetch',
      );
      // A copy: what one caller does with the bytes never reaches the cache.
      return { url: resource.url, contentType: resource.contentType, body: new Uint8Array(resource.body) };
    } catch (error) {
      const details = isMicrocredError(error) ? (error.details ?? {}) : {};
      logger.warn(
        {
          url: url === undefined ? undefined : shownUrl(url),
          host: url?.host,
          code: isMicrocredError(error) ? error.code : undefined,
          reason: details.reason,
          status: details.status,
          addresses: isMicrocredError(error) ? refusedAddresses.get(error) : undefined,
          ms: Math.round(performance.now() - started),
          err: isMicrocredError(error) ? undefined : error,
        },
        'outbound fetch refused or failed',
      );
      throw error;
    }
  }

  const fetchJson: ResourceFetcher = async (url) => {
    const resource = await fetchBytes(url, { accept: [...JSON_TYPES, ...JWT_TYPES] });
    const host = new URL(resource.url).host;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(resource.body);
    } catch (cause) {
      throw fetchFailed('not-json', `the answer from ${host} is not UTF-8 text`, { host }, cause);
    }
    if (JWT_TYPES.includes(resource.contentType)) {
      const token = text.trim();
      if (COMPACT_JWS.test(token)) return token;
      throw fetchFailed('not-json', `the answer from ${host} is not a compact JWT`, { host });
    }
    try {
      return parseIJson(text);
    } catch (cause) {
      throw fetchFailed('not-json', `the answer from ${host} is not JSON`, { host }, cause);
    }
  };

  async function checkUrl(text: string): Promise<void> {
    const url = parseTarget(text);
    const attempt = startAttempt(url);
    try {
      await attempt.pin(url);
    } catch (error) {
      throw attempt.failure(error, url);
    } finally {
      await attempt.end();
    }
  }

  async function post(
    text: string,
    options: {
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
      readonly excerptBytes?: number;
    },
  ): Promise<PostAnswer> {
    const started = performance.now();
    const start = parseTarget(text);
    const attempt = startAttempt(start);
    const limit = options.excerptBytes ?? 1024;
    let url = start;
    try {
      for (let redirects = 0; ; redirects += 1) {
        await attempt.pin(url);
        const response = await request(url, {
          dispatcher: attempt.dispatcher,
          method: 'POST',
          signal: attempt.signal,
          maxRedirections: 0,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
          headers: {
            'content-type': 'application/json',
            'accept-encoding': 'identity',
            'user-agent': 'microcred-webhooks',
            ...options.headers,
          },
          body: options.body,
        });
        const location = header(response.headers, 'location');
        // Only 307 and 308 keep the method and body; any other redirect is the receiver's answer.
        if ((response.statusCode === 307 || response.statusCode === 308) && location !== undefined) {
          discard(response.body);
          url = redirectTarget(location, url, start, redirects);
          continue;
        }
        const chunks: Buffer[] = [];
        let read = 0;
        for await (const chunk of response.body as AsyncIterable<Buffer>) {
          chunks.push(chunk);
          read += chunk.length;
          if (read >= limit) break;
        }
        discard(response.body);
        const excerpt = new TextDecoder().decode(Buffer.concat(chunks).subarray(0, limit));
        logger.info(
          {
            url: shownUrl(url),
            host: url.host,
            status: response.statusCode,
            ms: Math.round(performance.now() - started),
            redirects,
          },
          'outbound post',
        );
        return { url: url.href, status: response.statusCode, excerpt };
      }
    } catch (error) {
      logger.warn(
        {
          url: shownUrl(url),
          host: url.host,
          code: isMicrocredError(error) ? error.code : undefined,
          addresses: isMicrocredError(error) ? refusedAddresses.get(error) : undefined,
          ms: Math.round(performance.now() - started),
        },
        'outbound post refused or failed',
      );
      throw attempt.failure(error, url);
    } finally {
      await attempt.end();
    }
  }

  async function exchange(
    text: string,
    options: {
      readonly method: 'GET' | 'POST';
      readonly headers: Readonly<Record<string, string>>;
      readonly body?: string;
      readonly readHeaders?: readonly string[];
    },
  ): Promise<ExchangeAnswer> {
    const started = performance.now();
    const url = parseTarget(text);
    const attempt = startAttempt(url);
    try {
      await attempt.pin(url);
      const response = await request(url, {
        dispatcher: attempt.dispatcher,
        method: options.method,
        signal: attempt.signal,
        maxRedirections: 0,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        headers: { 'accept-encoding': 'identity', 'user-agent': 'microcred', ...options.headers },
        ...(options.body === undefined ? {} : { body: options.body }),
      });
      const { statusCode: status, headers } = response;
      const body = await readAnswer(response, url, { maxBytes, maxDecodedBytes });
      const read: Record<string, string> = {};
      for (const name of options.readHeaders ?? []) {
        const value = header(headers, name.toLowerCase());
        if (value !== undefined) read[name.toLowerCase()] = value;
      }
      logger.info(
        {
          url: shownUrl(url),
          host: url.host,
          method: options.method,
          status,
          bytes: body.length,
          ms: Math.round(performance.now() - started),
        },
        'outbound exchange',
      );
      return {
        status,
        contentType: (header(headers, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
        headers: read,
        body,
      };
    } catch (error) {
      logger.warn(
        {
          url: shownUrl(url),
          host: url.host,
          method: options.method,
          code: isMicrocredError(error) ? error.code : undefined,
          addresses: isMicrocredError(error) ? refusedAddresses.get(error) : undefined,
          ms: Math.round(performance.now() - started),
        },
        'outbound exchange refused or failed',
      );
      throw attempt.failure(error, url);
    } finally {
      await attempt.end();
    }
  }

  return { fetchJson, fetchBytes, checkUrl, post, exchange };
}

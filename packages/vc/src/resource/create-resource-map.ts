import { createDocumentLoader, type DocumentLoader } from '../contexts/index.js';
import { type ResourceFetcher, refuseAllFetcher } from './resource-fetcher.js';

/** How long, and how many, documents from the fallback fetcher are kept. */
export interface ResourceCacheOptions {
  /** Most documents kept; the oldest is dropped first (default 256). */
  readonly maxEntries?: number;
  /** How long a fetched document is reused, in milliseconds (default 5 minutes). */
  readonly ttlMs?: number;
  /** The clock, injected so that expiry is testable (default `Date.now`). */
  readonly now?: () => number;
}

export interface ResourceMapOptions {
  /**
   * Documents by URL or DID, already parsed: JSON-LD contexts, DID and key documents, status lists,
   * revocation lists. The caller reads them (a file map, a database); this module does no I/O.
   */
  readonly documents: ReadonlyMap<string, unknown>;
  /** Asked for every URL the map does not hold (default: refuse, so nothing is fetched). */
  readonly fallback?: ResourceFetcher;
  /** Caching of the fallback's answers; the map's own documents are always served directly. */
  readonly cache?: ResourceCacheOptions;
}

/** One map of documents, seen by the verifier through both of its doors. */
export interface ResourceMap {
  /** DID documents, key documents, status and revocation lists: the map first, then the fallback. */
  readonly fetcher: ResourceFetcher;
  /**
   * JSON-LD contexts: the bundled ones first (a map cannot redefine a context we ship, ADVERSARIAL
   * V11), then the map's; every other URL is refused. One loader per map, so jsonld.js can reuse
   * what it resolved.
   */
  readonly documentLoader: DocumentLoader;
}

const DEFAULT_MAX_ENTRIES = 256;
const DEFAULT_TTL_MS = 5 * 60 * 1000;

function cachedFetcher(fallback: ResourceFetcher, options: ResourceCacheOptions): ResourceFetcher {
  const maxEntries = Math.max(0, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { readonly value: Promise<unknown>; readonly expires: number }>();
  return (url) => {
    const hit = entries.get(url);
    if (hit !== undefined && hit.expires > now()) return hit.value.then(structuredClone);
    entries.delete(url);
    // The pending promise is cached too, so concurrent verifications share one fetch; a failure is
    // forgotten at once, so an unreachable status list is asked again next time (fail closed, retry).
    const value = Promise.resolve().then(() => fallback(url));
    if (maxEntries > 0) {
      entries.set(url, { value, expires: now() + ttlMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      value.catch(() => {
        if (entries.get(url)?.value === value) entries.delete(url);
      });
    }
    return value.then(structuredClone);
  };
}

/**
 * Serves a verifier's remote resources from documents the caller already holds (the CLI's
 * `--resources MAP.json`, the server's configured map), and refuses or delegates everything else.
 * Every document is handed out as a copy: a verification can never alter what the next one sees.
 */
export function createResourceMap(options: ResourceMapOptions): ResourceMap {
  const documents = new Map(options.documents);
  const fallback = options.fallback ?? refuseAllFetcher;
  const rest = options.fallback === undefined ? fallback : cachedFetcher(fallback, options.cache ?? {});
  return {
    fetcher: (url) => (documents.has(url) ? Promise.resolve(structuredClone(documents.get(url))) : rest(url)),
    documentLoader: createDocumentLoader({ extraDocuments: documents }),
  };
}

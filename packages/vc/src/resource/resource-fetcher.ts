import { ErrorCode, MicrocredError } from '../error/index.js';

/**
 * How the pure core reads anything remote (DID documents, key documents, status lists, revocation lists).
 * The core never fetches: callers inject this, so a verifier can be fully offline, cached, or guarded.
 * Implementations resolve to the parsed JSON document, or reject with a MicrocredError: RESOURCE_UNAVAILABLE
 * when it could not be had, FETCH_REFUSED when a guarded fetcher would not fetch the URL or take its answer.
 * One that reads JSON text parses it with `parseIJson`: what it fetched is untrusted, and `JSON.parse` would
 * quietly drop the first of duplicate members.
 */
export type ResourceFetcher = (url: string) => Promise<unknown>;

/** A fetcher that refuses everything: the default, so nothing is ever fetched by surprise. */
export const refuseAllFetcher: ResourceFetcher = (url) =>
  Promise.reject(
    new MicrocredError(
      ErrorCode.RESOURCE_UNAVAILABLE,
      `no resource is available for ${url} (nothing is fetched)`,
      {
        details: { url },
      },
    ),
  );

/** Serves documents from an in-memory map (URL → parsed JSON), refusing every other URL. */
export function createMapFetcher(
  documents: ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>,
  fallback: ResourceFetcher = refuseAllFetcher,
): ResourceFetcher {
  const map = documents instanceof Map ? documents : new Map(Object.entries(documents));
  return (url) => (map.has(url) ? Promise.resolve(map.get(url)) : fallback(url));
}

import type { ResourceFetcher } from '@microcred/vc';
import { oncePerKey } from './once-per-key.js';

/**
 * The fetcher of one verification: each URL is read once, however many checks ask for it. An issuer's DID
 * document is wanted by the credential's proof and again by its status list's proof; read from the
 * database, each read costs an issuer and a keys query. One verification also sees one version of each
 * document. Never kept beyond the verification: a revocation or a key change is seen by the next one.
 */
export function fetchOncePerUrl(fetcher: ResourceFetcher): ResourceFetcher {
  return oncePerKey(fetcher);
}

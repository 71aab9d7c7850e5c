import { ErrorCode, MicrocredError, type ResourceFetcher, refuseAllFetcher } from '@microcred/vc';
import { issuerDidDocument } from '../issuer/issuer-keys.js';
import { type IssuerReads, readIssuers } from '../issuer/issuer-reads.js';
import type { PlatformContext } from '../platform-context.js';
import type { StatusListPublisher } from '../status/status-list-credential.js';

/**
 * What the platform's own verifier may read: documents this platform publishes (issuer DID documents and
 * status lists) straight from the database, and anything else through `fallback` (by default: nothing).
 * A did:web always resolves over https, so the public URL's host is matched with either scheme.
 */
export function createPlatformFetcher(
  context: PlatformContext,
  publishStatusList: StatusListPublisher,
  fallback: ResourceFetcher = refuseAllFetcher,
  reads: IssuerReads = readIssuers(context),
): ResourceFetcher {
  const own = new URL(context.publicUrl);
  return async (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return fallback(url);
    }
    if (parsed.host !== own.host || !['http:', 'https:'].includes(parsed.protocol)) return fallback(url);
    const path = parsed.pathname.slice(own.pathname.replace(/\/$/, '').length);
    const didDocument = /^\/issuers\/([a-z0-9-]+)\/did\.json$/.exec(path);
    if (didDocument?.[1] !== undefined) {
      const issuer = await reads.bySlug(didDocument[1]);
      if (issuer === null) throw new MicrocredError(ErrorCode.RESOURCE_UNAVAILABLE, `no issuer at ${url}`);
      return issuerDidDocument(context, issuer, await reads.keys(issuer.id));
    }
    const statusList = /^\/issuers\/([a-z0-9-]+)\/status\/([0-9a-f-]{36})$/.exec(path);
    if (statusList?.[1] !== undefined && statusList[2] !== undefined) {
      try {
        return (await publishStatusList({ slug: statusList[1], listId: statusList[2], reads })).credential;
      } catch (cause) {
        throw new MicrocredError(ErrorCode.RESOURCE_UNAVAILABLE, `no status list at ${url}`, { cause });
      }
    }
    throw new MicrocredError(ErrorCode.RESOURCE_UNAVAILABLE, `nothing is published at ${url}`);
  };
}

import { buildBitstringStatusListCredential, encodeStatusList } from '@microcred/vc';
import type { CredentialSigner } from '../credential/credential-signer.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import { issuerIdentity } from '../issuer/issuer-identity.js';
import type { ActiveSigningKey } from '../issuer/issuer-keys.js';
import type { PlatformContext } from '../platform-context.js';
import type { JsonObject } from '../ports/index.js';

export interface PublishedStatusList {
  readonly credential: JsonObject;
  /** Changes exactly when a bit (or the signing key) changes: an HTTP ETag for CDNs and verifiers. */
  readonly etag: string;
}

/**
 * Serves an issuer's status list as a signed BitstringStatusListCredential. Signing costs two
 * canonicalizations, so each (list version, key) is signed once and kept; a revocation bumps the version.
 */
export function createStatusListPublisher(
  context: PlatformContext,
  dependencies: { readonly activeSigningKey: ActiveSigningKey; readonly signer: CredentialSigner },
) {
  const cache = new Map<string, PublishedStatusList>();
  return async function publishStatusList(options: {
    slug: string;
    listId: string;
  }): Promise<PublishedStatusList> {
    const issuer = await context.storage.issuers.findBySlug({ slug: options.slug });
    const list = issuer === null ? null : await context.storage.statusLists.findById({ id: options.listId });
    if (issuer === null || list === null || list.issuerId !== issuer.id) {
      throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such status list');
    }
    const signingKey = await dependencies.activeSigningKey(issuer);
    const etag = `"${list.id}.${list.version}.${signingKey.keyRecord.keyId}"`;
    const cached = cache.get(list.id);
    if (cached?.etag === etag) return cached;
    const identity = issuerIdentity({ publicUrl: context.publicUrl, slug: issuer.slug });
    const wholeSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);
    // The list says what it says since its last change, not since it was signed: signing "now" would make
    // a list published in the middle of a verification look not yet valid to that verification.
    const unsigned = buildBitstringStatusListCredential({
      id: `${identity.statusListBase}/${list.id}`,
      issuer: identity.did,
      statusPurpose: list.purpose,
      encodedList: encodeStatusList(list.bits),
      validFrom: wholeSeconds(list.updatedAt),
    }) as unknown as JsonObject;
    const { document: credential } = await dependencies.signer.sign({
      document: unsigned,
      signingKey,
      format: 'di',
      created: wholeSeconds(context.now()),
    });
    const published = { credential, etag };
    cache.set(list.id, published);
    return published;
  };
}

export type StatusListPublisher = ReturnType<typeof createStatusListPublisher>;

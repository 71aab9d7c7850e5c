import { buildBitstringStatusListCredential, encodeStatusList } from '@microcred/vc';
import type { CredentialSigner } from '../credential/credential-signer.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import { issuerIdentity } from '../issuer/issuer-identity.js';
import type { ActiveSigningKey } from '../issuer/issuer-keys.js';
import { activeKeyOf, type IssuerReads, readIssuers } from '../issuer/issuer-reads.js';
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
    /** A verification's own reads, which may hold the issuer and its keys already. */
    reads?: IssuerReads;
  }): Promise<PublishedStatusList> {
    const reads = options.reads ?? readIssuers(context);
    const issuer = await reads.bySlug(options.slug);
    // The head first: a list's bits (16 KiB and more) are read only when its version moved on.
    const head = issuer === null ? null : await context.storage.statusLists.findHead({ id: options.listId });
    if (issuer === null || head === null || head.issuerId !== issuer.id) {
      throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such status list');
    }
    const etagOf = (version: number, keyId: string) => `"${head.id}.${version}.${keyId}"`;
    const active = activeKeyOf(await reads.keys(issuer.id));
    const cached = cache.get(head.id);
    if (active !== undefined && cached?.etag === etagOf(head.version, active.keyId)) return cached;
    const signingKey = await dependencies.activeSigningKey(issuer);
    const list = await context.storage.statusLists.findById({ id: head.id });
    if (list === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such status list');
    const etag = etagOf(list.version, signingKey.keyRecord.keyId);
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

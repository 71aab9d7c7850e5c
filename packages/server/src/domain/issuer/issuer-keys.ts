import {
  buildDidWebDocument,
  type DidDocument,
  encodeMultikeyPublic,
  generateEd25519KeyPair,
} from '@microcred/vc';
import type { SeedSigningKey } from '../credential/credential-signer.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import type { Issuer, IssuerKey, Repositories } from '../ports/index.js';
import { issuerKeyLogEntry } from '../transparency/log-entries.js';
import { issuerIdentity, issuerKeyId } from './issuer-identity.js';

/**
 * The active signing key of an issuer, as the signer port takes it (the raw seed never leaves the process;
 * the signer builds and caches the key object), with the record it was decrypted from.
 */
export interface IssuerSigningKey extends SeedSigningKey {
  readonly keyRecord: IssuerKey;
}

/** The id a sealed issuer key is bound to (AES-GCM additional data): its issuer and key id. */
export function keyStoreId(issuerId: string, keyId: string): string {
  return `${issuerId}#${keyId}`;
}

/**
 * Generates a key, seals its secret under the master key, and makes it the issuer's active key; the
 * transparency log records it (`created`, or `rotated` when it replaces an active key) in the same
 * transaction, so a key no one can see in the log never signs.
 */
export async function addIssuerKey(
  context: Pick<PlatformContext, 'keyStore' | 'publicUrl' | 'now'>,
  repositories: Pick<Repositories, 'issuerKeys' | 'transparencyLog'>,
  issuer: Pick<Issuer, 'id' | 'slug'>,
): Promise<IssuerKey> {
  const existing = await repositories.issuerKeys.list({ issuerId: issuer.id });
  const next =
    existing.reduce((max, key) => Math.max(max, Number(/^key-(\d+)$/.exec(key.keyId)?.[1] ?? 0)), 0) + 1;
  const keyId = `key-${next}`;
  const { publicKey, secretKey } = generateEd25519KeyPair();
  const sealed = await context.keyStore.encrypt({ keyId: keyStoreId(issuer.id, keyId), secret: secretKey });
  secretKey.fill(0);
  const added = await repositories.issuerKeys.add({
    issuerId: issuer.id,
    keyId,
    publicKeyMultibase: encodeMultikeyPublic(publicKey),
    encryptedSecret: sealed,
  });
  const { did } = issuerIdentity({ publicUrl: context.publicUrl, slug: issuer.slug });
  const replaced = existing.some((key) => key.retiredAt === null && key.revokedAt === null);
  await repositories.transparencyLog.append(
    [
      issuerKeyLogEntry({
        type: replaced ? 'rotated' : 'created',
        issuer: did,
        verificationMethod: issuerKeyId(did, keyId),
        publicKeyMultibase: added.publicKeyMultibase,
        at: added.createdAt,
      }),
    ],
    context.now(),
  );
  return added;
}

/**
 * Marks an issuer's key compromised, and logs the revocation in the same transaction: from then on a
 * checker knows which checkpoints predate it (ADVERSARIAL V19). Returns false when the key does not exist
 * or was already revoked (and logs nothing).
 */
export async function revokeIssuerKey(
  context: Pick<PlatformContext, 'publicUrl' | 'now'>,
  repositories: Pick<Repositories, 'issuerKeys' | 'transparencyLog'>,
  issuer: Pick<Issuer, 'id' | 'slug'>,
  key: Pick<IssuerKey, 'id' | 'keyId' | 'publicKeyMultibase'>,
): Promise<boolean> {
  const at = context.now();
  if (!(await repositories.issuerKeys.revoke({ id: key.id, at }))) return false;
  const { did } = issuerIdentity({ publicUrl: context.publicUrl, slug: issuer.slug });
  await repositories.transparencyLog.append(
    [
      issuerKeyLogEntry({
        type: 'revoked',
        issuer: did,
        verificationMethod: issuerKeyId(did, key.keyId),
        publicKeyMultibase: key.publicKeyMultibase,
        at,
      }),
    ],
    at,
  );
  return true;
}

/**
 * The issuer's DID document: every key that is not revoked, retired ones included, so credentials signed
 * before a rotation keep verifying. Revoked (compromised) keys are dropped.
 */
export async function issuerDidDocument(
  context: Pick<PlatformContext, 'publicUrl' | 'storage'>,
  issuer: Issuer,
  /** The issuer's keys, when the caller has read them already. */
  issuerKeys?: readonly IssuerKey[],
): Promise<DidDocument> {
  const { did } = issuerIdentity({ publicUrl: context.publicUrl, slug: issuer.slug });
  const keys = issuerKeys ?? (await context.storage.issuerKeys.list({ issuerId: issuer.id }));
  return buildDidWebDocument({
    did,
    keys: keys
      .filter((key) => key.revokedAt === null)
      .map((key) => ({ id: key.keyId, publicKeyMultibase: key.publicKeyMultibase })),
    alsoKnownAs: [issuerIdentity({ publicUrl: context.publicUrl, slug: issuer.slug }).profileUrl],
  });
}

/**
 * Looks up and decrypts an issuer's active key. Decryptions are kept by key record id: the sealed secret
 * never changes for a record, and decrypting on every issuance would waste time in bulk runs.
 */
export function createActiveSigningKey(context: Pick<PlatformContext, 'keyStore' | 'publicUrl' | 'storage'>) {
  const cache = new Map<string, IssuerSigningKey>();
  return async function activeSigningKey(issuer: Issuer): Promise<IssuerSigningKey> {
    const record = await context.storage.issuerKeys.findActive({ issuerId: issuer.id });
    if (record === null)
      throw new ServerError(ServerErrorCode.CONFLICT, `issuer ${issuer.slug} has no active signing key`);
    const cached = cache.get(record.id);
    if (cached !== undefined) return cached;
    const secretKey = await context.keyStore.decrypt({
      keyId: keyStoreId(issuer.id, record.keyId),
      sealed: record.encryptedSecret,
    });
    const { did } = issuerIdentity({ publicUrl: context.publicUrl, slug: issuer.slug });
    const signing: IssuerSigningKey = {
      secretKey,
      id: issuerKeyId(did, record.keyId),
      controller: did,
      keyRecord: record,
    };
    cache.set(record.id, signing);
    return signing;
  };
}

export type ActiveSigningKey = ReturnType<typeof createActiveSigningKey>;

import { createHash, randomUUID } from 'node:crypto';
import { buildCredentialStatus } from '@microcred/vc';
import type { CredentialSigner } from '../credential/credential-signer.js';
import { credentialUrl } from '../credential/issue-credential.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import { eventOfCredential, recordEvents } from '../events/record-events.js';
import { issuerIdentity } from '../issuer/issuer-identity.js';
import type { ActiveSigningKey } from '../issuer/issuer-keys.js';
import type { PlatformContext } from '../platform-context.js';
import type { CredentialRecord, JsonObject, Repositories } from '../ports/index.js';
import { logIssuedCredentials } from '../transparency/log-entries.js';

/** How a wallet received a credential: OpenID4VCI, or a VC-API exchange (the Learner Credential Wallet). */
export type WalletProtocol = 'openid4vci' | 'vc-api';

/** Why a credential cannot go to a wallet now: it no longer says something true. */
export class CredentialNotDeliverable extends ServerError {
  constructor(state: 'revoked' | 'suspended') {
    super(ServerErrorCode.CONFLICT, `this credential is ${state}: it cannot be added to a wallet`);
  }
}

/**
 * The credential, signed again by its issuer with `credentialSubject.id` set to `holderDid`: the same
 * achievement, claims and dates, its own id, its own status entry (so a verifier of the copy reads the
 * copy's status, which follows the original's: see `followOriginal`), logged like any issued credential.
 * One copy per (original, holder): asking again returns the first. A new copy is recorded as the event
 * `credential.wallet_copied` about the original (the issuer's one award), naming the copy, the holder's DID
 * and the protocol `via` which the wallet received it.
 */
export async function holderBoundCopy(
  context: PlatformContext,
  dependencies: { readonly activeSigningKey: ActiveSigningKey; readonly signer: CredentialSigner },
  original: CredentialRecord,
  holder: { readonly did: string; readonly via: WalletProtocol },
): Promise<CredentialRecord> {
  const holderDid = holder.did;
  if (original.revokedAt !== null) throw new CredentialNotDeliverable('revoked');
  if (original.suspendedAt !== null) throw new CredentialNotDeliverable('suspended');
  const existing = await context.storage.wallet.findCopy({ originalId: original.id, holderDid });
  if (existing !== null) {
    const copy = await context.storage.credentials.findById({ id: existing });
    if (copy !== null) return copy;
  }
  const issuer = await context.storage.issuers.findById({ id: original.issuerId });
  if (issuer === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such issuer');
  const [allocation] = await context.storage.statusLists.allocate({
    issuerId: issuer.id,
    purpose: original.statusPurpose,
  });
  if (allocation === undefined)
    throw new ServerError(ServerErrorCode.INTERNAL, 'no status list entry was allocated');
  const id = randomUUID();
  const { proof: _proof, ...unsecured } = original.document;
  const subject = (unsecured.credentialSubject ?? {}) as JsonObject;
  const statusListBase = issuerIdentity({ publicUrl: context.publicUrl, slug: issuer.slug }).statusListBase;
  const document: JsonObject = {
    ...unsecured,
    id: credentialUrl(context.publicUrl, id),
    credentialSubject: { ...subject, id: holderDid },
    credentialStatus: buildCredentialStatus({
      type: 'BitstringStatusListEntry',
      statusPurpose: original.statusPurpose,
      statusListIndex: allocation.index,
      statusListCredential: `${statusListBase}/${allocation.statusListId}`,
    }) as unknown as JsonObject,
  };
  const issuedAt = new Date(Math.floor(context.now().getTime() / 1000) * 1000);
  const signed = await dependencies.signer.sign({
    document,
    signingKey: await dependencies.activeSigningKey(issuer),
    format: 'di',
    created: issuedAt,
  });
  return context.storage.transaction(async (repositories) => {
    const state = await repositories.wallet.lockCredential({ id: original.id });
    if (state?.revokedAt !== null) throw new CredentialNotDeliverable('revoked');
    if (state.suspendedAt !== null) throw new CredentialNotDeliverable('suspended');
    const inserted = await repositories.credentials.insert({
      id,
      issuerId: original.issuerId,
      achievementId: original.achievementId,
      recipientEmailHash: original.recipientEmailHash,
      // Not the original's lookup hash: the copy must not show up as a second credential of that address.
      recipientLookupHash: null,
      recipientDid: holderDid,
      recipientName: original.recipientName,
      // The unique (issuer, idempotency key) makes two concurrent requests for the same copy write one.
      idempotencyKey: `wallet-copy:${original.id}:${createHash('sha256').update(holderDid).digest('hex')}`,
      format: 'di',
      document: signed.document,
      jwt: null,
      statusListId: allocation.statusListId,
      statusIndex: allocation.index,
      statusPurpose: original.statusPurpose,
      issuedAt,
      validUntil: original.validUntil,
    });
    if (inserted.created) {
      await repositories.wallet.recordCopy({
        credentialId: inserted.credential.id,
        originalId: original.id,
        holderDid,
        at: issuedAt,
      });
      await logIssuedCredentials(repositories, [inserted.credential], context.now());
      await recordEvents(repositories, [
        eventOfCredential(original, 'credential.wallet_copied', issuedAt, {
          copyId: inserted.credential.id,
          holderDid,
          via: holder.via,
        }),
      ]);
    }
    return inserted.credential;
  });
}

/**
 * Carries a revocation or a suspension change of `originalId` to its holder-bound copies, in the caller's
 * transaction (after the original's row was updated, so its lock orders this against `holderBoundCopy`).
 */
export async function followOriginal(
  repositories: Repositories,
  originalId: string,
  change:
    | { readonly kind: 'revoke'; readonly reason: string; readonly at: Date }
    | { readonly kind: 'suspend' | 'reinstate'; readonly reason: string | null; readonly at: Date },
): Promise<void> {
  for (const { credentialId: copyId } of await repositories.wallet.listCopies({ originalId })) {
    const copy = await repositories.credentials.findById({ id: copyId });
    if (copy === null) continue;
    let changed: CredentialRecord | null = copy;
    if (change.kind === 'revoke') {
      if (copy.revokedAt === null) {
        changed = await repositories.credentials.revoke({ id: copyId, reason: change.reason, at: change.at });
      }
    } else if (copy.revokedAt === null) {
      changed = await repositories.credentials.setSuspended({
        id: copyId,
        suspended: change.kind === 'suspend',
        reason: change.reason,
        at: change.at,
      });
    }
    if (changed !== null && copy.statusListId !== null && copy.statusIndex !== null) {
      await repositories.statusLists.setStatus({
        statusListId: copy.statusListId,
        index: copy.statusIndex,
        value: change.kind !== 'reinstate',
      });
    }
  }
}

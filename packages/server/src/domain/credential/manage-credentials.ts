import { z } from 'zod';
import { type Actor, actorLabel, authorize, issuerScope } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import { eventOfCredential, recordEvents } from '../events/record-events.js';
import { queueCredentialChanges } from '../pathway/queue-credential-changes.js';
import type { PlatformContext } from '../platform-context.js';
import type { CredentialEvent, CredentialRecord } from '../ports/index.js';
import { refreshTalentEvidence, withdrawTalentEvidence } from '../talent/talent-evidence.js';
import { followOriginal } from '../wallet/holder-bound-copy.js';
import { recipientLookupHash } from './recipient-lookup-hash.js';

export const RevokeInputSchema = z.strictObject({ reason: z.string().trim().min(1).max(1000) });

/**
 * A credential by its id, whoever asks: for use cases that check their caller themselves. Routes that
 * show a credential to the public go through `readableCredential` instead.
 */
async function findCredential(context: PlatformContext, id: string): Promise<CredentialRecord> {
  const record = await context.storage.credentials.findById({ id });
  if (record === null) throw resourceNotFound('credential');
  return record;
}

/**
 * The issuer's record of a credential, for its API keys (and the administrator). It answers whatever
 * the earner chose: the issuer made the credential and holds it anyway; the earner's choice governs
 * what others see (`readableCredential`), not the issuer's own books.
 */
export async function getCredential(
  context: PlatformContext,
  actor: Actor,
  id: string,
): Promise<CredentialRecord> {
  const record = await findCredential(context, id);
  authorize(actor, record.issuerId, 'viewer', { notFound: 'credential' });
  return record;
}

/** Credentials issued to an email address (matched through its keyed hash) or a DID, within what the actor may see. */
export async function listCredentials(
  context: PlatformContext,
  actor: Actor,
  query: { recipient?: string; achievementId?: string; issuerId?: string; limit?: number; offset?: number },
): Promise<CredentialRecord[]> {
  const own = issuerScope(actor);
  if (own !== null && query.issuerId !== undefined && query.issuerId !== own) return [];
  const issuerId = own ?? query.issuerId;
  const recipient = query.recipient?.trim();
  return context.storage.credentials.list({
    ...(issuerId === undefined ? {} : { issuerId }),
    ...(query.achievementId === undefined ? {} : { achievementId: query.achievementId }),
    ...(recipient === undefined || recipient === ''
      ? {}
      : recipient.startsWith('did:')
        ? { recipientDid: recipient }
        : { recipientLookupHash: recipientLookupHash(context.recipientPepper, recipient) }),
    ...(query.limit === undefined ? {} : { limit: query.limit }),
    ...(query.offset === undefined ? {} : { offset: query.offset }),
  });
}

export interface RevokedCredential {
  readonly record: CredentialRecord;
  /** Jobs queued with the revocation (pathway re-evaluation): run them once the caller is done. */
  readonly queuedJobIds: readonly string[];
}

/**
 * Revokes permanently: the record and the status bit change in one transaction, so a verifier sees the
 * revocation on its next read of the status list. Revoking again with the same reason is a no-op.
 * Pathways that count the credential are re-evaluated after the commit (a job queued in the same
 * transaction), so stacked credentials that depended on it are revoked in turn.
 */
export async function revokeCredential(
  context: PlatformContext,
  actor: Actor,
  id: string,
  raw: z.input<typeof RevokeInputSchema>,
): Promise<RevokedCredential> {
  const { reason } = RevokeInputSchema.parse(raw);
  const record = await getCredential(context, actor, id);
  authorize(actor, record.issuerId, 'issuer', { notFound: 'credential' });
  return context.storage.transaction(async (repositories) => {
    const at = context.now();
    const revoked = await repositories.credentials.revoke({ id, reason, at });
    // After the original's row is updated (and so locked): a copy being made waits, then sees the revocation.
    await followOriginal(repositories, id, { kind: 'revoke', reason, at });
    await withdrawTalentEvidence(repositories, [id]);
    if (record.revokedAt === null) {
      await repositories.credentials.recordEvent({
        credentialId: id,
        kind: 'revoked',
        reason,
        actor: actorLabel(actor),
        at,
      });
      await recordEvents(repositories, [eventOfCredential(record, 'credential.revoked', at, { reason })]);
    }
    if (record.statusListId !== null && record.statusIndex !== null) {
      await repositories.statusLists.setStatus({
        statusListId: record.statusListId,
        index: record.statusIndex,
        value: true,
      });
    }
    const queuedJobIds =
      record.revokedAt === null
        ? await queueCredentialChanges(repositories, { credentials: [revoked], change: 'revoked' })
        : [];
    return { record: revoked, queuedJobIds };
  });
}

export const SuspendInputSchema = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
export const ReinstateInputSchema = z.strictObject({ reason: z.string().trim().min(1).max(1000).optional() });

export interface SuspensionChange {
  readonly record: CredentialRecord;
  /** False when the credential already was in that state (the call changed nothing). */
  readonly changed: boolean;
  readonly queuedJobIds: readonly string[];
}

/**
 * Suspends (`suspend: true`) or reinstates a credential that carries a `suspension` status entry (those of
 * suspendable achievements): the record, the status bit and the history change in one transaction, so a
 * verifier reads "suspended" on its next fetch of the list and a valid credential again after reinstatement.
 * A revoked credential stays revoked. Pathways are re-evaluated as for a revocation, but a suspension never
 * undoes an award already made (see evaluatePathway's `countExpired`).
 */
async function changeSuspension(
  context: PlatformContext,
  actor: Actor,
  id: string,
  change: { readonly suspend: boolean; readonly reason: string | null },
): Promise<SuspensionChange> {
  const record = await getCredential(context, actor, id);
  authorize(actor, record.issuerId, 'issuer', { notFound: 'credential' });
  return context.storage.transaction(async (repositories) => {
    const at = context.now();
    const changed = await repositories.credentials.setSuspended({
      id,
      suspended: change.suspend,
      reason: change.reason,
      at,
    });
    if (changed === null) return { record, changed: false, queuedJobIds: [] };
    await followOriginal(repositories, id, {
      kind: change.suspend ? 'suspend' : 'reinstate',
      reason: change.reason,
      at,
    });
    if (change.suspend) await withdrawTalentEvidence(repositories, [id]);
    if (changed.statusListId !== null && changed.statusIndex !== null) {
      await repositories.statusLists.setStatus({
        statusListId: changed.statusListId,
        index: changed.statusIndex,
        value: change.suspend,
      });
    }
    await repositories.credentials.recordEvent({
      credentialId: id,
      kind: change.suspend ? 'suspended' : 'reinstated',
      reason: change.reason,
      actor: actorLabel(actor),
      at,
    });
    await recordEvents(repositories, [
      eventOfCredential(
        record,
        change.suspend ? 'credential.suspended' : 'credential.reinstated',
        at,
        change.reason === null ? {} : { reason: change.reason },
      ),
    ]);
    const queuedJobIds = await queueCredentialChanges(repositories, {
      credentials: [changed],
      change: change.suspend ? 'suspended' : 'reinstated',
    });
    return { record: changed, changed: true, queuedJobIds };
  });
}

export async function suspendCredential(
  context: PlatformContext,
  actor: Actor,
  id: string,
  raw: z.input<typeof SuspendInputSchema>,
): Promise<SuspensionChange> {
  const { reason } = SuspendInputSchema.parse(raw);
  return changeSuspension(context, actor, id, { suspend: true, reason });
}

export async function reinstateCredential(
  context: PlatformContext,
  actor: Actor,
  id: string,
  raw: z.input<typeof ReinstateInputSchema>,
): Promise<SuspensionChange> {
  const { reason } = ReinstateInputSchema.parse(raw);
  const reinstated = await changeSuspension(context, actor, id, { suspend: false, reason: reason ?? null });
  // Counting again is not urgent the way stopping is: the owner's evidence is rebuilt after the change.
  const owner = reinstated.changed ? await context.storage.portfolios.findOwner({ credentialId: id }) : null;
  if (owner !== null) await refreshTalentEvidence(context, owner);
  return reinstated;
}

/** A credential's history for its issuer, oldest first, starting with its issuance. */
export async function credentialHistory(
  context: PlatformContext,
  actor: Actor,
  id: string,
): Promise<CredentialEvent[]> {
  const record = await getCredential(context, actor, id);
  const events = await context.storage.credentials.listEvents({ credentialId: id });
  return [{ kind: 'issued', reason: null, actor: null, at: record.issuedAt }, ...events];
}

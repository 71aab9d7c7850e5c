import type { Actor } from '../auth/actor.js';
import type { PlatformContext } from '../platform-context.js';
import type { Achievement, CredentialRecord, IssuedCredential, Issuer } from '../ports/index.js';
import {
  type IssueCredentialInput,
  IssueCredentialInputSchema,
  loadIssuable,
  type ParsedIssueInput,
} from './issue-credential.js';
import { searchIssuedCredentials } from './issued-credentials.js';

/** What issuing `input` would do, before anything is signed (the console's preview step). */
export interface CredentialPreview {
  readonly achievement: Achievement;
  readonly issuer: Issuer;
  readonly input: ParsedIssueInput;
  /** The credential this idempotency key already issued (the same form sent twice), if any. */
  readonly alreadyIssued: CredentialRecord | null;
  /** Credentials of the same achievement the recipient already holds and may still use: pending or accepted. */
  readonly holdings: readonly IssuedCredential[];
}

const HOLDING_STATES = ['pending', 'accepted'] as const;

/**
 * Checks an issuance as `issueCredential` will (issuer role, a published achievement of the issuer, the
 * same input rules) without signing or storing anything, and finds what would make it a duplicate.
 */
export async function previewCredential(
  context: PlatformContext,
  actor: Actor,
  raw: IssueCredentialInput,
): Promise<CredentialPreview> {
  const input = IssueCredentialInputSchema.parse(raw);
  const { achievement, issuer } = await loadIssuable(context, actor, input.achievementId, input.issuerId);
  const alreadyIssued =
    input.idempotencyKey === undefined
      ? null
      : await context.storage.credentials.findByIdempotencyKey({
          issuerId: issuer.id,
          idempotencyKey: input.idempotencyKey,
        });
  const recipient = input.recipient.email ?? input.recipient.did ?? '';
  const holdings: IssuedCredential[] = [];
  for (const state of HOLDING_STATES) {
    const found = await searchIssuedCredentials(context, actor, issuer.id, {
      recipient,
      achievementId: achievement.id,
      state,
      limit: 20,
    });
    holdings.push(...found.items);
  }
  return { achievement, issuer, input, alreadyIssued, holdings };
}

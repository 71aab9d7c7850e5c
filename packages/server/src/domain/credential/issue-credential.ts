import { randomBytes, randomUUID } from 'node:crypto';
import {
  buildAchievementCredential,
  buildProfile,
  type EndorsementCredential,
  hashIdentity,
  type IdentityObject,
  type Achievement as ObAchievement,
} from '@microcred/vc';
import { z } from 'zod';
import { type Actor, authorize } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import { inviteRecipients } from '../earner/invite-recipients.js';
import { endorsementsToEmbed, issuerEndorsementsToEmbed } from '../endorsement/endorsements.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import { eventOfCredential, recordEvents } from '../events/record-events.js';
import { normalizeEmail } from '../identity/normalize-email.js';
import { issuerIdentity } from '../issuer/issuer-identity.js';
import type { ActiveSigningKey } from '../issuer/issuer-keys.js';
import { queueCredentialChanges } from '../pathway/queue-credential-changes.js';
import type { PlatformContext } from '../platform-context.js';
import type {
  Achievement,
  CredentialRecord,
  Issuer,
  JsonObject,
  NewCredential,
  StatusAllocation,
  StatusPurpose,
} from '../ports/index.js';
import { logIssuedCredentials } from '../transparency/log-entries.js';
import type { CredentialSigner, SignedCredential } from './credential-signer.js';
import { recipientLookupHash } from './recipient-lookup-hash.js';

const dateTimeZ = z.iso.datetime({ offset: true, error: 'an ISO 8601 date-time with a timezone' });
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const RecipientInputSchema = z
  .strictObject({
    email: z.email().max(320).optional(),
    did: z
      .string()
      .regex(/^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/, 'a DID')
      .max(500)
      .optional(),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .refine((recipient) => (recipient.email === undefined) !== (recipient.did === undefined), {
    error: 'give the recipient an email or a did (exactly one)',
  });

export const IssueCredentialInputSchema = z.strictObject({
  achievementId: z.uuid(),
  /** Optional; when given it must be the achievement's issuer (and the API key's). */
  issuerId: z.uuid().optional(),
  recipient: RecipientInputSchema,
  evidence: z
    .array(
      z.strictObject({
        url: httpUrl.optional(),
        name: z.string().max(200).optional(),
        description: z.string().max(5000).optional(),
        narrative: z.string().max(20_000).optional(),
      }),
    )
    .max(20)
    .optional(),
  results: z
    .array(
      z.strictObject({
        resultDescription: z.string().max(500).optional(),
        value: z.string().max(500).optional(),
        status: z
          .enum(['Completed', 'Enrolled', 'Failed', 'InProgress', 'OnHold', 'Provisional', 'Withdrew'])
          .optional(),
      }),
    )
    .max(50)
    .optional(),
  activityStartDate: dateTimeZ.optional(),
  activityEndDate: dateTimeZ.optional(),
  narrative: z.string().max(20_000).optional(),
  idempotencyKey: z.string().min(1).max(200).optional(),
  format: z.enum(['di', 'jwt']).default('di'),
});
export type IssueCredentialInput = z.input<typeof IssueCredentialInputSchema>;

export interface IssueDependencies {
  readonly activeSigningKey: ActiveSigningKey;
  readonly signer: CredentialSigner;
}

export interface IssuedCredential {
  readonly record: CredentialRecord;
  /** False when an earlier request with the same idempotency key (or bulk row) had already issued it. */
  readonly created: boolean;
  /** Jobs queued with the credential (pathway re-evaluation): run them once the caller is done. */
  readonly queuedJobIds: readonly string[];
}

/** Who a credential is for, as it will be written: a DID, and/or an email already hashed. */
export interface CredentialRecipient {
  readonly did: string | null;
  /** The salted hash of the email (OB 3.0 IdentityObject) put in the credential. */
  readonly identifier: IdentityObject | null;
  /** The keyed hash credentials are found by (see `recipientLookupHash`). */
  readonly lookupHash: string | null;
  readonly name: string | null;
}

/** A recipient as given in a request: the email is hashed here with a fresh random salt, and forgotten. */
export function resolveRecipient(
  context: Pick<PlatformContext, 'recipientPepper'>,
  recipient: z.output<typeof RecipientInputSchema>,
): CredentialRecipient {
  const email = recipient.email === undefined ? null : normalizeEmail(recipient.email);
  return {
    did: recipient.did ?? null,
    identifier:
      email === null ? null : hashIdentity({ identity: email, salt: randomBytes(16).toString('hex') }),
    lookupHash: email === null ? null : recipientLookupHash(context.recipientPepper, email),
    name: recipient.name ?? null,
  };
}

/** The credential's id: a URL at which the platform serves it. */
export function credentialUrl(publicUrl: string, id: string): string {
  return `${publicUrl}/credentials/${id}`;
}

function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** Same request replayed under the same idempotency key: the stored credential must be for the same thing. */
export function assertSameRequest(
  existing: CredentialRecord,
  achievementId: string,
  lookupHash: string | null,
  did: string | null,
): CredentialRecord {
  if (
    existing.achievementId !== achievementId ||
    existing.recipientLookupHash !== lookupHash ||
    existing.recipientDid !== did
  ) {
    throw new ServerError(
      ServerErrorCode.CONFLICT,
      'this idempotency key was already used for another credential',
    );
  }
  return existing;
}

export async function loadIssuable(
  context: PlatformContext,
  actor: Actor,
  achievementId: string,
  issuerId: string | undefined,
) {
  const achievement = await context.storage.achievements.findById({ id: achievementId });
  if (achievement === null) throw resourceNotFound('achievement');
  authorize(actor, achievement.issuerId, 'issuer', { notFound: 'achievement' });
  if (issuerId !== undefined && issuerId !== achievement.issuerId) {
    // A body naming another issuer than the achievement's (and the key's) is refused, never silently fixed.
    throw new ServerError(
      ServerErrorCode.FORBIDDEN,
      'issuerId does not match the achievement and API key issuer',
    );
  }
  if (achievement.status !== 'published') {
    throw new ServerError(
      ServerErrorCode.CONFLICT,
      `achievement is ${achievement.status}: only published achievements can be issued`,
    );
  }
  const issuer = await context.storage.issuers.findById({ id: achievement.issuerId });
  if (issuer === null) throw resourceNotFound('issuer');
  return { achievement, issuer };
}

/**
 * The OB 3.0 Profile of an issuer, as credentials name it, with the signed endorsements of the issuer
 * it carries (`Profile.endorsement`) when given.
 */
export function issuerProfile(
  context: Pick<PlatformContext, 'publicUrl'>,
  issuer: Issuer,
  endorsements: readonly JsonObject[] = [],
) {
  const identity = issuerIdentity({ publicUrl: context.publicUrl, slug: issuer.slug });
  return buildProfile({
    id: identity.did,
    name: issuer.name,
    url: issuer.url ?? identity.profileUrl,
    ...(issuer.email === null ? {} : { email: issuer.email }),
    ...(issuer.description === null ? {} : { description: issuer.description }),
    ...(endorsements.length === 0
      ? {}
      : { endorsement: endorsements as unknown as readonly EndorsementCredential[] }),
  });
}

export type ParsedIssueInput = z.output<typeof IssueCredentialInputSchema>;

/** What a credential says besides its achievement and recipient. */
export type CredentialContent = Pick<
  ParsedIssueInput,
  'evidence' | 'results' | 'activityStartDate' | 'activityEndDate' | 'narrative' | 'idempotencyKey' | 'format'
>;

/** An unsigned credential and everything needed to store it once signed. */
export interface PreparedCredential {
  readonly id: string;
  readonly unsigned: JsonObject;
  readonly format: 'di' | 'jwt';
  readonly issuedAt: Date;
  readonly validUntil: Date | null;
  readonly stored: Omit<NewCredential, 'document' | 'jwt' | 'format' | 'issuedAt' | 'validUntil' | 'id'>;
}

/**
 * Builds the unsigned OB 3.0 credential for one recipient: the identity as `recipient` gives it, the
 * status entry at `allocation` (see statusPurposeOf), `validUntil` from the achievement's validity. Pure apart from
 * randomness (the credential id).
 */
export function prepareCredential(
  context: Pick<PlatformContext, 'publicUrl'>,
  options: {
    achievement: Achievement;
    issuer: Issuer;
    input: CredentialContent;
    recipient: CredentialRecipient;
    allocation: StatusAllocation;
    now: Date;
    bulk?: { jobId: string; row: number };
    /** Signed endorsements of the achievement in force, carried in `achievement.endorsement`. */
    endorsements?: readonly JsonObject[];
    /** Signed endorsements of the issuer in force, carried in `issuer.endorsement`. */
    issuerEndorsements?: readonly JsonObject[];
  },
): PreparedCredential {
  const { achievement, issuer, input, allocation, recipient } = options;
  const did = recipient.did;
  const identity = issuerIdentity({ publicUrl: context.publicUrl, slug: issuer.slug });
  const statusListUrl = `${identity.statusListBase}/${allocation.statusListId}`;
  const now = wholeSeconds(options.now);
  const validUntil =
    achievement.validityMonths === null ? undefined : addMonths(now, achievement.validityMonths);
  const id = randomUUID();
  const identifier = recipient.identifier === null ? undefined : [recipient.identifier];

  const unsigned = buildAchievementCredential({
    id: credentialUrl(context.publicUrl, id),
    issuer: issuerProfile(context, issuer, options.issuerEndorsements),
    achievement: (options.endorsements === undefined || options.endorsements.length === 0
      ? achievement.document
      : { ...achievement.document, endorsement: [...options.endorsements] }) as unknown as ObAchievement,
    recipient: {
      ...(did === null ? {} : { id: did }),
      ...(identifier === undefined ? {} : { identifier }),
      ...(recipient.name === null ? {} : { name: recipient.name }),
    },
    validFrom: now,
    ...(validUntil === undefined ? {} : { validUntil }),
    name: achievement.name,
    ...(input.evidence === undefined
      ? {}
      : {
          evidence: input.evidence.map((item) => ({
            ...(item.url === undefined ? {} : { id: item.url }),
            ...(item.name === undefined ? {} : { name: item.name }),
            ...(item.description === undefined ? {} : { description: item.description }),
            ...(item.narrative === undefined ? {} : { narrative: item.narrative }),
          })),
        }),
    ...(input.results === undefined ? {} : { result: input.results }),
    ...(input.activityStartDate === undefined ? {} : { activityStartDate: input.activityStartDate }),
    ...(input.activityEndDate === undefined ? {} : { activityEndDate: input.activityEndDate }),
    ...(input.narrative === undefined ? {} : { narrative: input.narrative }),
    credentialStatus: {
      type: 'BitstringStatusListEntry',
      statusPurpose: statusPurposeOf(achievement),
      statusListIndex: allocation.index,
      statusListCredential: statusListUrl,
    },
  } as Parameters<typeof buildAchievementCredential>[0]) as unknown as JsonObject;

  return {
    id,
    unsigned,
    format: input.format,
    issuedAt: now,
    validUntil: validUntil ?? null,
    stored: {
      issuerId: issuer.id,
      achievementId: achievement.id,
      recipientEmailHash: identifier?.[0]?.identityHash ?? null,
      recipientLookupHash: recipient.lookupHash,
      recipientDid: did,
      recipientName: recipient.name,
      idempotencyKey: input.idempotencyKey ?? null,
      statusListId: allocation.statusListId,
      statusIndex: allocation.index,
      statusPurpose: statusPurposeOf(achievement),
      bulkJobId: options.bulk?.jobId ?? null,
      bulkRow: options.bulk?.row ?? null,
    },
  };
}

/**
 * The purpose of the one status entry a credential of `achievement` carries (OB 3.0 allows one
 * `credentialStatus`): `suspension` when the achievement is suspendable, else `revocation`.
 */
export function statusPurposeOf(achievement: Pick<Achievement, 'suspendable'>): StatusPurpose {
  return achievement.suspendable ? 'suspension' : 'revocation';
}

/** The record to insert for a prepared credential once it is signed. */
export function credentialToStore(prepared: PreparedCredential, signed: SignedCredential): NewCredential {
  return {
    ...prepared.stored,
    id: prepared.id,
    format: prepared.format,
    document: signed.document,
    jwt: signed.jwt,
    issuedAt: prepared.issuedAt,
    validUntil: prepared.validUntil,
  };
}

/**
 * Issues one credential: a signed OB 3.0 AchievementCredential with a hashed recipient identity, a
 * revocation entry at a random, never reused index of the issuer's Bitstring Status List, and `validUntil`
 * from the achievement's validity. With an idempotency key, a retried request returns the first result.
 */
export async function issueCredential(
  context: PlatformContext,
  dependencies: IssueDependencies,
  actor: Actor,
  raw: IssueCredentialInput,
): Promise<IssuedCredential> {
  const input = IssueCredentialInputSchema.parse(raw);
  const { achievement, issuer } = await loadIssuable(context, actor, input.achievementId, input.issuerId);
  const lookupHash =
    input.recipient.email === undefined
      ? null
      : recipientLookupHash(context.recipientPepper, input.recipient.email);
  const did = input.recipient.did ?? null;

  if (input.idempotencyKey !== undefined) {
    const existing = await context.storage.credentials.findByIdempotencyKey({
      issuerId: issuer.id,
      idempotencyKey: input.idempotencyKey,
    });
    if (existing !== null) {
      const record = assertSameRequest(existing, achievement.id, lookupHash, did);
      return { record, created: false, queuedJobIds: [] };
    }
  }

  const [allocation] = await context.storage.statusLists.allocate({
    issuerId: issuer.id,
    purpose: statusPurposeOf(achievement),
  });
  if (allocation === undefined)
    throw new ServerError(ServerErrorCode.INTERNAL, 'no status list entry was allocated');
  const prepared = prepareCredential(context, {
    achievement,
    issuer,
    input,
    recipient: resolveRecipient(context, input.recipient),
    allocation,
    now: context.now(),
    endorsements: await endorsementsToEmbed(context, achievement.id),
    issuerEndorsements: await issuerEndorsementsToEmbed(context, issuer.id),
  });
  const signingKey = await dependencies.activeSigningKey(issuer);
  const signed = await dependencies.signer.sign({
    document: prepared.unsigned,
    signingKey,
    format: prepared.format,
    created: prepared.issuedAt,
  });
  // The credential and the jobs that react to it commit together: none is lost, none runs for nothing.
  const { result, queuedJobIds } = await context.storage.transaction(async (repositories) => {
    const inserted = await repositories.credentials.insert(credentialToStore(prepared, signed));
    const queued = inserted.created
      ? await queueCredentialChanges(repositories, { credentials: [inserted.credential], change: 'issued' })
      : [];
    if (inserted.created) {
      if (input.recipient.email !== undefined) {
        await inviteRecipients(repositories, context, {
          achievement,
          issuer,
          invitations: [{ credential: inserted.credential, email: input.recipient.email }],
        });
      }
      await recordEvents(repositories, [
        eventOfCredential(inserted.credential, 'credential.issued', inserted.credential.issuedAt, {
          via: 'api',
        }),
      ]);
      // Last: the log's sequence lock is then held only until the commit.
      await logIssuedCredentials(repositories, [inserted.credential], context.now());
    }
    return { result: inserted, queuedJobIds: queued };
  });
  if (!result.created && input.idempotencyKey !== undefined) {
    assertSameRequest(result.credential, achievement.id, lookupHash, did);
  }
  return { record: result.credential, created: result.created, queuedJobIds };
}

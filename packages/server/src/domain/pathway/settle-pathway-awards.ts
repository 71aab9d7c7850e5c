import { createHash } from 'node:crypto';
import { IdentityObjectSchema } from '@microcred/vc';
import type { SignedCredential } from '../credential/credential-signer.js';
import {
  type CredentialRecipient,
  credentialToStore,
  credentialUrl,
  type IssueDependencies,
  type PreparedCredential,
  prepareCredential,
  statusPurposeOf,
} from '../credential/issue-credential.js';
import { endorsementsToEmbed, issuerEndorsementsToEmbed } from '../endorsement/endorsements.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import { eventOfCredential, recordEvents } from '../events/record-events.js';
import { recordPathwayProgress } from '../events/record-pathway-progress.js';
import { notifyPathwayAwards } from '../notify/notify-pathway-awards.js';
import { notifyPathwayProgress } from '../notify/notify-pathway-progress.js';
import type { PlatformContext } from '../platform-context.js';
import type { CredentialRecord, Repositories } from '../ports/index.js';
import { logIssuedCredentials } from '../transparency/log-entries.js';
import { assessEarner, type EarnerAssessment } from './assess-earner.js';
import type { Earner } from './earner-identity.js';
import {
  type AwardPlan,
  type PlannedIssue,
  planPathwayAwards,
  samePlan,
} from './engine/plan-pathway-awards.js';
import { queueCredentialChanges } from './queue-credential-changes.js';

/** The revocation reason of a stacked credential whose rule stopped holding. */
export const AUTO_REVOCATION_REASON = 'a required credential was revoked';

// Each attempt re-plans under the earner's lock; a plan that changed meanwhile (a credential arrived) is
// prepared again. Beyond this, the job fails and is retried later.
const MAX_ATTEMPTS = 4;

export interface SettledAwards {
  readonly issued: readonly CredentialRecord[];
  readonly revoked: readonly CredentialRecord[];
  /** Jobs queued for the stacked credentials issued or revoked (pathways that count them). */
  readonly queuedJobIds: readonly string[];
}

const NOTHING: SettledAwards = { issued: [], revoked: [], queuedJobIds: [] };

function planFor(assessment: EarnerAssessment): AwardPlan {
  const withdrawn = new Set(
    assessment.awards
      .filter((award) => award.state === 'active')
      .filter((award) => assessment.credentials.get(award.credentialId)?.revokedAt != null)
      .map((award) => award.credentialId),
  );
  return planPathwayAwards({
    rules: assessment.version.rules,
    progress: assessment.progress,
    keeping: assessment.keeping,
    awards: assessment.awards,
    withdrawnCredentialIds: withdrawn,
    issuable: (achievementId) => assessment.awardAchievements.get(achievementId)?.status === 'published',
  });
}

/** Whether anything must be written: awards to change, or the earner's version to record. */
function needsWrite(assessment: EarnerAssessment, plan: AwardPlan): boolean {
  if (plan.issue.length > 0 || plan.revoke.length > 0) return true;
  if (assessment.enrollment === null) return assessment.progress.percent > 0;
  return assessment.enrollment.version !== assessment.version.version;
}

/**
 * The credential key of one award: a retried or concurrent award of the same generation finds the
 * credential the first one stored (the issuer's unique idempotency key), never a second one.
 */
function awardIdempotencyKey(pathwayId: string, earner: Earner, item: PlannedIssue): string {
  const digest = createHash('sha256').update(earner).digest('hex').slice(0, 32);
  return `pathway:${pathwayId}:${item.achievementId}:${digest}:${item.generation}`;
}

/**
 * The recipient of a stacked credential: the earner's DID, or the hashed email of their latest counted
 * credential, copied (the address itself is never known to the platform after issuing).
 */
function recipientFrom(earner: Earner, evidence: readonly CredentialRecord[]): CredentialRecipient {
  const latest = [...evidence].sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime());
  const name = latest.find((record) => record.recipientName !== null)?.recipientName ?? null;
  if (earner.startsWith('did:')) return { did: earner, identifier: null, lookupHash: null, name };
  for (const record of latest) {
    const subject = record.document.credentialSubject as { identifier?: unknown } | undefined;
    const first = Array.isArray(subject?.identifier) ? subject.identifier[0] : subject?.identifier;
    const parsed = IdentityObjectSchema.safeParse(first);
    if (parsed.success) return { did: null, identifier: parsed.data, lookupHash: earner, name };
  }
  throw new ServerError(ServerErrorCode.CONFLICT, "none of the earner's credentials carries their identity");
}

function achievementName(record: CredentialRecord): string | undefined {
  const subject = record.document.credentialSubject as { achievement?: { name?: unknown } } | undefined;
  const name = subject?.achievement?.name;
  return typeof name === 'string' ? name.slice(0, 200) : undefined;
}

interface PreparedAward {
  readonly item: PlannedIssue;
  readonly prepared: PreparedCredential;
  readonly signed: SignedCredential;
}

/** Builds and signs the planned credentials, outside any transaction (signing is slow; locks are not held). */
async function prepareAwards(
  context: PlatformContext,
  dependencies: IssueDependencies,
  assessment: EarnerAssessment,
  plan: AwardPlan,
  now: Date,
): Promise<PreparedAward[]> {
  const prepared: PreparedAward[] = [];
  for (const item of plan.issue) {
    const achievement = assessment.awardAchievements.get(item.achievementId);
    const issuer =
      achievement === undefined ? null : await context.storage.issuers.findById({ id: achievement.issuerId });
    if (achievement === undefined || issuer === null) {
      throw new ServerError(ServerErrorCode.NOT_FOUND, `award achievement ${item.achievementId} is gone`);
    }
    const evidence = item.evidenceCredentialIds.flatMap((id) => assessment.credentials.get(id) ?? []);
    const [allocation] = await context.storage.statusLists.allocate({
      issuerId: issuer.id,
      purpose: statusPurposeOf(achievement),
    });
    if (allocation === undefined)
      throw new ServerError(ServerErrorCode.INTERNAL, 'no status list entry was allocated');
    const credential = prepareCredential(context, {
      achievement,
      issuer,
      recipient: recipientFrom(assessment.earner, evidence),
      allocation,
      now,
      endorsements: await endorsementsToEmbed(context, achievement.id),
      issuerEndorsements: await issuerEndorsementsToEmbed(context, issuer.id),
      input: {
        format: 'di',
        idempotencyKey: awardIdempotencyKey(assessment.pathway.pathway.id, assessment.earner, item),
        // OB 3.0 evidence: each constituent credential, by its URL.
        evidence: evidence.map((record) => {
          const name = achievementName(record);
          return {
            url: credentialUrl(context.publicUrl, record.id),
            ...(name === undefined ? {} : { name }),
            description: `Counted toward "${assessment.pathway.pathway.name.slice(0, 200)}"`,
          };
        }),
        narrative: `Awarded automatically on meeting the requirements of the pathway "${assessment.pathway.pathway.name}" (version ${assessment.version.version}).`,
      },
    });
    const signingKey = await dependencies.activeSigningKey(issuer);
    const signed = await dependencies.signer.sign({
      document: credential.unsigned,
      signingKey,
      format: 'di',
      created: credential.issuedAt,
    });
    prepared.push({ item, prepared: credential, signed });
  }
  return prepared;
}

async function writePlan(
  repositories: Repositories,
  assessment: EarnerAssessment,
  prepared: readonly PreparedAward[],
  plan: AwardPlan,
  now: Date,
): Promise<{ settled: SettledAwards; newlyIssued: CredentialRecord[] }> {
  const { pathway, earner, version } = assessment;
  if (assessment.enrollment !== null && assessment.enrollment.version !== version.version) {
    await repositories.pathwayEarners.setEnrollmentVersion({
      pathwayId: pathway.pathway.id,
      earner,
      version: version.version,
    });
  }
  const issued: CredentialRecord[] = [];
  const newlyIssued: CredentialRecord[] = [];
  for (const { item, prepared: credential, signed } of prepared) {
    const { credential: record, created } = await repositories.credentials.insert(
      credentialToStore(credential, signed),
    );
    if (created) newlyIssued.push(record);
    await repositories.pathwayEarners.insertAward({
      pathwayId: pathway.pathway.id,
      achievementId: item.achievementId,
      earner,
      generation: item.generation,
      version: version.version,
      credentialId: record.id,
    });
    issued.push(record);
  }
  const revoked: CredentialRecord[] = [];
  for (const award of plan.revoke) {
    await repositories.talent.removeEvidenceOf({ credentialId: award.credentialId });
    const record = await repositories.credentials.revoke({
      id: award.credentialId,
      reason: AUTO_REVOCATION_REASON,
      at: now,
    });
    if (record.statusListId !== null && record.statusIndex !== null) {
      await repositories.statusLists.setStatus({
        statusListId: record.statusListId,
        index: record.statusIndex,
        value: true,
      });
    }
    await repositories.pathwayEarners.revokeAward({ id: award.id, at: now });
    revoked.push(record);
  }
  const pathwayId = pathway.pathway.id;
  await recordEvents(repositories, [
    ...issued.flatMap((record) => [
      eventOfCredential(record, 'credential.issued', now, { via: 'pathway', pathwayId }),
      eventOfCredential(record, 'pathway.awarded', now, { pathwayId }),
    ]),
    ...revoked.map((record) =>
      eventOfCredential(record, 'credential.revoked', now, { reason: AUTO_REVOCATION_REASON, pathwayId }),
    ),
  ]);
  const queuedJobIds = [
    ...(await queueCredentialChanges(repositories, { credentials: issued, change: 'issued' })),
    ...(await queueCredentialChanges(repositories, { credentials: revoked, change: 'revoked' })),
  ];
  return { settled: { issued, revoked, queuedJobIds }, newlyIssued };
}

/**
 * Brings one earner's stacked credentials on one pathway in line with their credentials: issues the
 * completion or milestone credential of every newly met rule (once), revokes those whose rule no longer
 * holds, and records the version the earner is held to. Safe to run any number of times, concurrently:
 * the decision is made again under a lock on the earner's enrollment, and each award is unique per
 * generation (and its credential per idempotency key), so retries and races never award twice.
 */
export async function settlePathwayAwards(
  context: PlatformContext,
  dependencies: IssueDependencies,
  options: { readonly pathwayId: string; readonly earner: Earner },
): Promise<SettledAwards> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const now = context.now();
    const pathway = await context.storage.pathways.findById({ id: options.pathwayId });
    if (pathway === null || pathway.pathway.status !== 'published') return NOTHING;
    const assessment = await assessEarner(context.storage, { pathway, earner: options.earner, now });
    // Keyed by the progress reached, so the re-runs of this loop and of the job mail once.
    if (attempt === 0) await notifyPathwayProgress(context.storage, context, assessment);
    if (attempt === 0) await recordPathwayProgress(context, assessment);
    const plan = planFor(assessment);
    if (!needsWrite(assessment, plan)) return NOTHING;
    const prepared = await prepareAwards(context, dependencies, assessment, plan, now);

    let newlyIssued = 0;
    const outcome = await context.storage.transaction(async (repositories) => {
      await repositories.pathwayEarners.lockEnrollment({
        pathwayId: options.pathwayId,
        earner: options.earner,
        version: assessment.version.version,
      });
      const locked = await repositories.pathways.findById({ id: options.pathwayId });
      if (locked === null || locked.pathway.status !== 'published') return NOTHING;
      const again = await assessEarner(repositories, { pathway: locked, earner: options.earner, now });
      const againPlan = planFor(again);
      // Written only if nothing changed since the credentials were prepared; otherwise prepare again.
      if (!samePlan(plan, againPlan) || again.version.version !== assessment.version.version) return null;
      const written = await writePlan(repositories, again, prepared, againPlan, now);
      await notifyPathwayAwards(repositories, context, {
        pathwayName: locked.pathway.name,
        earner: options.earner,
        issued: written.settled.issued,
      });
      // Last: the log's sequence lock is then held only until the commit.
      await logIssuedCredentials(repositories, written.newlyIssued, now);
      newlyIssued = written.newlyIssued.length;
      return written.settled;
    });
    if (outcome !== null) {
      if (newlyIssued > 0) context.metrics.credentialsIssued(newlyIssued, 'pathway');
      return outcome;
    }
  }
  throw new ServerError(
    ServerErrorCode.CONFLICT,
    "the earner's credentials kept changing while their pathway awards were settled; try again",
  );
}

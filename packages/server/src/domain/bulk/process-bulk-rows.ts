import { ZodError } from 'zod';
import type { CredentialSigner } from '../credential/credential-signer.js';
import {
  assertSameRequest,
  credentialToStore,
  IssueCredentialInputSchema,
  type ParsedIssueInput,
  type PreparedCredential,
  prepareCredential,
  resolveRecipient,
  statusPurposeOf,
} from '../credential/issue-credential.js';
import { recipientLookupHash } from '../credential/recipient-lookup-hash.js';
import { inviteRecipients } from '../earner/invite-recipients.js';
import { endorsementsToEmbed, issuerEndorsementsToEmbed } from '../endorsement/endorsements.js';
import { eventOfCredential, recordEvents } from '../events/record-events.js';
import type { ActiveSigningKey } from '../issuer/issuer-keys.js';
import { queueCredentialChanges } from '../pathway/queue-credential-changes.js';
import type { PlatformContext } from '../platform-context.js';
import type {
  BulkJobRow,
  BulkRowResult,
  CredentialRepository,
  NewCredential,
  RecipientKey,
  StatusAllocation,
  StatusPurpose,
} from '../ports/index.js';
import { logIssuedCredentials } from '../transparency/log-entries.js';
import { startLeaseHeartbeat } from './start-lease-heartbeat.js';

/**
 * How long claimed rows stay ours without a heartbeat. Short, because the worker renews it while it
 * works: a crashed worker's rows go back to the others after at most this long.
 */
export const DEFAULT_BULK_LEASE_MS = 20_000;

export interface BulkWorkerOptions {
  readonly workerId: string;
  /** Rows claimed at once: signed as one batch across the signing pool. */
  readonly batchSize?: number;
  /** How long claimed rows stay ours unless renewed (default {@link DEFAULT_BULK_LEASE_MS}). */
  readonly leaseMs?: number;
  /** How often the lease of the rows in hand is renewed (default a quarter of `leaseMs`). */
  readonly heartbeatMs?: number;
  /** Work on this job only (e.g. the CLI following the job it created); by default, the oldest job first. */
  readonly jobId?: string;
  /**
   * Aborted when the worker is told to stop: the job in progress is finished (its rows are signed as one
   * batch), and the batch's rows of other jobs, not started yet, are released for another worker at once.
   */
  readonly signal?: AbortSignal;
}

interface Dependencies {
  readonly activeSigningKey: ActiveSigningKey;
  readonly signer: CredentialSigner;
}

/** A row that parsed: what it asks for, and who it is for as duplicates are matched. */
interface Candidate {
  readonly row: BulkJobRow;
  readonly input: ParsedIssueInput;
  readonly recipient: RecipientKey;
}

function describe(error: unknown): string {
  if (error instanceof ZodError)
    return error.issues.map((issue) => `${issue.path.join('.') || 'row'} ${issue.message}`).join('; ');
  return error instanceof Error ? error.message : String(error);
}

function recipientKeyOf(context: PlatformContext, input: ParsedIssueInput): RecipientKey {
  return {
    lookupHash:
      input.recipient.email === undefined
        ? null
        : recipientLookupHash(context.recipientPepper, input.recipient.email),
    did: input.recipient.email === undefined ? (input.recipient.did ?? null) : null,
  };
}

/** Who a holding or a row is for, as duplicates are matched (also by the dry run of an upload). */
export function recipientName(recipient: {
  readonly lookupHash: string | null;
  readonly did: string | null;
}) {
  return recipient.lookupHash === null ? `did ${recipient.did}` : `email ${recipient.lookupHash}`;
}

/**
 * Splits rows into those to issue and those whose recipient already holds a valid credential of the
 * achievement (a duplicate), or whose own earlier attempt already issued one (done: a retry after a
 * crash must not call its own credential a duplicate).
 */
async function withoutDuplicates<T extends Candidate>(
  credentials: CredentialRepository,
  options: { achievementId: string; jobId: string; at: Date; candidates: readonly T[] },
): Promise<{ fresh: T[]; outcomes: BulkRowResult[] }> {
  if (options.candidates.length === 0) return { fresh: [], outcomes: [] };
  const holdings = await credentials.listValidHoldings({
    achievementId: options.achievementId,
    recipients: options.candidates.map((candidate) => candidate.recipient),
    at: options.at,
  });
  const heldBy = new Map<string, typeof holdings>();
  for (const holding of holdings) {
    const who = recipientName({ lookupHash: holding.recipientLookupHash, did: holding.recipientDid });
    heldBy.set(who, [...(heldBy.get(who) ?? []), holding]);
  }
  const fresh: T[] = [];
  const outcomes: BulkRowResult[] = [];
  for (const candidate of options.candidates) {
    const held = heldBy.get(recipientName(candidate.recipient)) ?? [];
    const own = held.find(
      (holding) => holding.bulkJobId === options.jobId && holding.bulkRow === candidate.row.rowNumber,
    );
    const other = held[0];
    if (own !== undefined) outcomes.push({ rowNumber: candidate.row.rowNumber, credentialId: own.id });
    else if (other !== undefined)
      outcomes.push({ rowNumber: candidate.row.rowNumber, duplicateOf: other.id });
    else fresh.push(candidate);
  }
  return { fresh, outcomes };
}

/**
 * Gives each row the status entry it keeps across retries: the one its first attempt reserved, or a
 * new one, allocated and recorded on the row in one transaction. A crash before the commit gives the
 * entries back; after it, the retry finds them on the row. So a row uses at most one entry, however
 * often its worker dies. Rows another worker took over meanwhile are dropped (theirs to issue).
 */
async function reserveStatusEntries<T extends Candidate>(
  context: PlatformContext,
  options: {
    issuerId: string;
    purpose: StatusPurpose;
    jobId: string;
    workerId: string;
    candidates: readonly T[];
  },
): Promise<(T & { allocation: StatusAllocation })[]> {
  if (options.candidates.every((candidate) => candidate.row.statusEntry !== null)) {
    return options.candidates.flatMap((candidate) =>
      candidate.row.statusEntry === null ? [] : [{ ...candidate, allocation: candidate.row.statusEntry }],
    );
  }
  // The list's row lock is held until this short transaction commits (two statements after it).
  return context.storage.transaction(async (repositories) => {
    const held = await repositories.bulkJobs.lockHeldRows({
      jobId: options.jobId,
      workerId: options.workerId,
      rowNumbers: options.candidates.map((candidate) => candidate.row.rowNumber),
    });
    const entryOf = new Map(held.map((row) => [row.rowNumber, row.statusEntry]));
    const kept = options.candidates.filter((candidate) => entryOf.has(candidate.row.rowNumber));
    const missing = kept.filter((candidate) => entryOf.get(candidate.row.rowNumber) === null);
    if (missing.length > 0) {
      // One allocation call for the batch: allocating row by row would serialize on the list's lock.
      const allocations = await repositories.statusLists.allocate({
        issuerId: options.issuerId,
        purpose: options.purpose,
        count: missing.length,
      });
      const entries = missing.flatMap((candidate, index) => {
        const allocation = allocations[index];
        return allocation === undefined ? [] : [{ rowNumber: candidate.row.rowNumber, ...allocation }];
      });
      await repositories.bulkJobs.rememberStatusEntries({
        jobId: options.jobId,
        workerId: options.workerId,
        entries,
      });
      for (const entry of entries) entryOf.set(entry.rowNumber, entry);
    }
    return kept.flatMap((candidate) => {
      const allocation = entryOf.get(candidate.row.rowNumber);
      return allocation == null ? [] : [{ ...candidate, allocation }];
    });
  });
}

async function processJobRows(
  context: PlatformContext,
  dependencies: Dependencies,
  jobId: string,
  rows: readonly BulkJobRow[],
  workerId: string,
): Promise<void> {
  const job = await context.storage.bulkJobs.findById({ id: jobId });
  if (job === null) return;
  const achievement = await context.storage.achievements.findById({ id: job.achievementId });
  const issuer =
    achievement === null ? null : await context.storage.issuers.findById({ id: achievement.issuerId });
  if (achievement === null || issuer === null || achievement.status !== 'published') {
    await context.storage.bulkJobs.fail({ id: jobId, error: 'the achievement is no longer published' });
    return;
  }
  const credentialFormat = job.options.credentialFormat === 'jwt' ? 'jwt' : 'di';
  const allowDuplicates = job.options.allowDuplicates === true;
  const now = context.now();
  const results: BulkRowResult[] = [];

  const candidates: Candidate[] = [];
  for (const row of rows) {
    try {
      const input = IssueCredentialInputSchema.parse({
        ...row.input,
        achievementId: achievement.id,
        format: credentialFormat,
      });
      candidates.push({ row, input, recipient: recipientKeyOf(context, input) });
    } catch (error) {
      results.push({ rowNumber: row.rowNumber, error: describe(error) });
    }
  }

  // A row replaying an idempotency key the issuer already used gets that credential back, as the
  // single-issue API answers (and the same refusal when the key named another recipient).
  const keys = candidates.flatMap((candidate) =>
    candidate.input.idempotencyKey === undefined ? [] : [candidate.input.idempotencyKey],
  );
  const replayed = new Map(
    (keys.length === 0
      ? []
      : await context.storage.credentials.findByIdempotencyKeys({
          issuerId: issuer.id,
          idempotencyKeys: keys,
        })
    ).map((credential) => [credential.idempotencyKey, credential]),
  );
  let pending = candidates.filter((candidate) => {
    const existing =
      candidate.input.idempotencyKey === undefined ? undefined : replayed.get(candidate.input.idempotencyKey);
    if (existing === undefined) return true;
    try {
      assertSameRequest(
        existing,
        achievement.id,
        candidate.recipient.lookupHash,
        candidate.input.recipient.did ?? null,
      );
      results.push({ rowNumber: candidate.row.rowNumber, credentialId: existing.id });
    } catch (error) {
      results.push({ rowNumber: candidate.row.rowNumber, error: describe(error) });
    }
    return false;
  });

  // Checked before signing so a re-uploaded file costs no signature and no status entry; checked again
  // under the recipients' locks before storing, which is what makes it exact.
  if (!allowDuplicates) {
    const checked = await withoutDuplicates(context.storage.credentials, {
      achievementId: achievement.id,
      jobId,
      at: now,
      candidates: pending,
    });
    pending = checked.fresh;
    results.push(...checked.outcomes);
  }

  const reserved = await reserveStatusEntries(context, {
    issuerId: issuer.id,
    purpose: statusPurposeOf(achievement),
    jobId,
    workerId,
    candidates: pending,
  });
  const prepared: (Candidate & { email: string | undefined; credential: PreparedCredential })[] = [];
  const endorsements = await endorsementsToEmbed(context, achievement.id);
  const issuerEndorsements = await issuerEndorsementsToEmbed(context, issuer.id);
  for (const candidate of reserved) {
    try {
      prepared.push({
        ...candidate,
        email: candidate.input.recipient.email,
        credential: prepareCredential(context, {
          achievement,
          issuer,
          input: candidate.input,
          recipient: resolveRecipient(context, candidate.input.recipient),
          allocation: candidate.allocation,
          now,
          bulk: { jobId, row: candidate.row.rowNumber },
          endorsements,
          issuerEndorsements,
        }),
      });
    } catch (error) {
      results.push({ rowNumber: candidate.row.rowNumber, error: describe(error) });
    }
  }
  const signingKey = await dependencies.activeSigningKey(issuer);
  const signed = await dependencies.signer.signMany(
    prepared.map(({ credential }) => ({
      document: credential.unsigned,
      signingKey,
      format: credential.format,
      created: credential.issuedAt,
    })),
  );
  const toStore: (Candidate & { record: NewCredential; email: string | undefined })[] = [];
  for (const [index, item] of prepared.entries()) {
    const outcome = signed[index];
    if (outcome === undefined || outcome instanceof Error) {
      results.push({
        rowNumber: item.row.rowNumber,
        error: `signing failed: ${outcome?.message ?? 'no result'}`,
      });
    } else {
      toStore.push({ ...item, record: credentialToStore(item.credential, outcome) });
    }
  }
  // One statement for the batch. A row retried after a crash gets the credential its first attempt
  // stored back, because (job, row) is unique: never a second credential.
  let newlyIssued = 0;
  const storedResults = await context.storage.transaction(async (repositories) => {
    const outcomes: BulkRowResult[] = [];
    let fresh = toStore;
    if (!allowDuplicates && fresh.length > 0) {
      // Another job (or worker) may have issued to these recipients since the check above. Their locks,
      // held until this transaction ends, make check-then-insert atomic across workers and processes.
      await repositories.credentials.lockRecipients({
        achievementId: achievement.id,
        recipients: fresh.map((item) => item.recipient),
      });
      const checked = await withoutDuplicates(repositories.credentials, {
        achievementId: achievement.id,
        jobId,
        at: now,
        candidates: fresh,
      });
      fresh = checked.fresh;
      outcomes.push(...checked.outcomes);
    }
    const inserted = await repositories.credentials.insertMany(fresh.map((item) => item.record));
    newlyIssued = inserted.filter((item) => item.created).length;
    // Pathways react to the new credentials after this commits (one job for the batch).
    await queueCredentialChanges(repositories, {
      credentials: inserted.filter((item) => item.created).map((item) => item.credential),
      change: 'issued',
    });
    await inviteRecipients(repositories, context, {
      achievement,
      issuer,
      invitations: inserted.flatMap((item, index) => {
        const email = fresh[index]?.email;
        return item.created && email !== undefined ? [{ credential: item.credential, email }] : [];
      }),
    });
    // One INSERT for the whole batch's events.
    await recordEvents(repositories, [
      ...inserted
        .filter((item) => item.created)
        .map((item) =>
          eventOfCredential(item.credential, 'credential.issued', item.credential.issuedAt, {
            via: 'bulk',
            bulkJobId: jobId,
          }),
        ),
    ]);
    // One append for the batch, last: the log's sequence lock is then held only until the commit.
    await logIssuedCredentials(
      repositories,
      inserted.filter((item) => item.created).map((item) => item.credential),
      now,
    );
    fresh.forEach((item, index) => {
      const result = inserted[index];
      outcomes.push(
        result === undefined
          ? { rowNumber: item.row.rowNumber, error: 'the credential was not stored' }
          : { rowNumber: item.row.rowNumber, credentialId: result.credential.id },
      );
    });
    return outcomes;
  });
  results.push(...storedResults);
  if (newlyIssued > 0) context.metrics.credentialsIssued(newlyIssued, 'bulk');
  await context.storage.bulkJobs.recordResults({ jobId, workerId, results });
}

/**
 * One step of a bulk worker: claims a batch of rows (of any job), issues them job by job, records the
 * outcomes. The batch's lease is renewed every `heartbeatMs` while it is worked on. Returns how many rows
 * it started; 0 means there is nothing to do right now (or it was told to stop).
 */
export async function processBulkRows(
  context: PlatformContext,
  dependencies: Dependencies,
  options: BulkWorkerOptions,
): Promise<number> {
  const leaseMs = options.leaseMs ?? DEFAULT_BULK_LEASE_MS;
  const rows = await context.storage.bulkJobs.claimRows({
    workerId: options.workerId,
    limit: options.batchSize ?? 200,
    leaseMs,
    ...(options.jobId === undefined ? {} : { jobId: options.jobId }),
  });
  if (rows.length === 0) return 0;
  const byJob = new Map<string, BulkJobRow[]>();
  for (const row of rows) byJob.set(row.jobId, [...(byJob.get(row.jobId) ?? []), row]);
  const heartbeat = startLeaseHeartbeat({
    bulkJobs: context.storage.bulkJobs,
    workerId: options.workerId,
    rows,
    leaseMs,
    everyMs: options.heartbeatMs ?? Math.max(1, Math.floor(leaseMs / 4)),
  });
  const groups = [...byJob];
  let startedGroups = 0;
  let started = 0;
  let releasing: Promise<void> | undefined;
  // At the stop request itself, not after the job in progress: another worker may take them meanwhile.
  // A release that fails loses nothing either: the rows come back when their lease runs out.
  const release = () => {
    releasing ??= releaseUnstarted(context, options.workerId, groups.slice(startedGroups)).catch(() => {});
  };
  options.signal?.addEventListener('abort', release, { once: true });
  try {
    if (options.signal?.aborted === true) release();
    for (const [jobId, jobRows] of groups) {
      if (releasing !== undefined) break;
      startedGroups += 1;
      started += jobRows.length;
      await processJobRows(context, dependencies, jobId, jobRows, options.workerId);
    }
    await releasing;
  } finally {
    options.signal?.removeEventListener('abort', release);
    await heartbeat.stop();
  }
  return started;
}

/** Gives back rows claimed but not started, so that a stopping worker does not hold them for a lease. */
async function releaseUnstarted(
  context: PlatformContext,
  workerId: string,
  groups: readonly (readonly [string, readonly BulkJobRow[]])[],
): Promise<void> {
  for (const [jobId, jobRows] of groups) {
    await context.storage.bulkJobs.releaseRows({
      jobId,
      workerId,
      rowNumbers: jobRows.map((row) => row.rowNumber),
    });
  }
}

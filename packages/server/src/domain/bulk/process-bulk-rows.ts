import { ZodError } from 'zod';
import type { CredentialSigner } from '../credential/credential-signer.js';
import {
  credentialToStore,
  IssueCredentialInputSchema,
  type PreparedCredential,
  prepareCredential,
  resolveRecipient,
} from '../credential/issue-credential.js';
import { inviteRecipients } from '../earner/invite-recipients.js';
import type { ActiveSigningKey } from '../issuer/issuer-keys.js';
import { queueCredentialChanges } from '../pathway/queue-credential-changes.js';
import type { PlatformContext } from '../platform-context.js';
import type { BulkJobRow, BulkRowResult, NewCredential } from '../ports/index.js';

export interface BulkWorkerOptions {
  readonly workerId: string;
  /** Rows claimed at once: signed as one batch across the signing pool. */
  readonly batchSize?: number;
  /** How long claimed rows stay ours; a crashed worker's rows return to others after it. */
  readonly leaseMs?: number;
  /** Work on this job only (e.g. the CLI following the job it created); by default, the oldest job first. */
  readonly jobId?: string;
}

function describe(error: unknown): string {
  if (error instanceof ZodError)
    return error.issues.map((issue) => `${issue.path.join('.') || 'row'} ${issue.message}`).join('; ');
  return error instanceof Error ? error.message : String(error);
}

async function processJobRows(
  context: PlatformContext,
  dependencies: { activeSigningKey: ActiveSigningKey; signer: CredentialSigner },
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
  // One allocation call for the whole batch: allocating row by row would serialize on the list's lock.
  const allocations = await context.storage.statusLists.allocate({
    issuerId: issuer.id,
    purpose: 'revocation',
    count: rows.length,
  });
  const now = context.now();
  const results: BulkRowResult[] = [];
  const prepared: { row: BulkJobRow; email: string | undefined; credential: PreparedCredential }[] = [];
  rows.forEach((row, index) => {
    try {
      const input = IssueCredentialInputSchema.parse({
        ...row.input,
        achievementId: achievement.id,
        format: credentialFormat,
      });
      const allocation = allocations[index];
      if (allocation === undefined) throw new Error('no status list entry was allocated');
      prepared.push({
        row,
        email: input.recipient.email,
        credential: prepareCredential(context, {
          achievement,
          issuer,
          input,
          recipient: resolveRecipient(context, input.recipient),
          allocation,
          now,
          bulk: { jobId, row: row.rowNumber },
        }),
      });
    } catch (error) {
      results.push({ rowNumber: row.rowNumber, error: describe(error) });
    }
  });
  const signingKey = await dependencies.activeSigningKey(issuer);
  const signed = await dependencies.signer.signMany(
    prepared.map(({ credential }) => ({
      document: credential.unsigned,
      signingKey,
      format: credential.format,
      created: credential.issuedAt,
    })),
  );
  const toStore: { rowNumber: number; record: NewCredential; email: string | undefined }[] = [];
  for (const [index, { row, credential, email }] of prepared.entries()) {
    const outcome = signed[index];
    if (outcome === undefined || outcome instanceof Error) {
      results.push({ rowNumber: row.rowNumber, error: `signing failed: ${outcome?.message ?? 'no result'}` });
    } else {
      toStore.push({ rowNumber: row.rowNumber, record: credentialToStore(credential, outcome), email });
    }
  }
  // One statement for the batch. A row retried after a crash gets the credential its first attempt
  // stored back, because (job, row) is unique: never a second credential.
  const stored = await context.storage.transaction(async (repositories) => {
    const inserted = await repositories.credentials.insertMany(toStore.map((item) => item.record));
    // Pathways react to the new credentials after this commits (one job for the batch).
    await queueCredentialChanges(repositories, {
      credentials: inserted.filter((item) => item.created).map((item) => item.credential),
      change: 'issued',
    });
    await inviteRecipients(repositories, context, {
      achievement,
      issuer,
      invitations: inserted.flatMap((item, index) => {
        const email = toStore[index]?.email;
        return item.created && email !== undefined ? [{ credential: item.credential, email }] : [];
      }),
    });
    return inserted;
  });
  toStore.forEach((item, index) => {
    const result = stored[index];
    results.push(
      result === undefined
        ? { rowNumber: item.rowNumber, error: 'the credential was not stored' }
        : { rowNumber: item.rowNumber, credentialId: result.credential.id },
    );
  });
  await context.storage.bulkJobs.recordResults({ jobId, workerId, results });
}

/**
 * One step of a bulk worker: claims a batch of rows (of any job), issues them, records the outcomes.
 * Returns how many rows it handled; 0 means there is nothing to do right now.
 */
export async function processBulkRows(
  context: PlatformContext,
  dependencies: { activeSigningKey: ActiveSigningKey; signer: CredentialSigner },
  options: BulkWorkerOptions,
): Promise<number> {
  const rows = await context.storage.bulkJobs.claimRows({
    workerId: options.workerId,
    limit: options.batchSize ?? 200,
    leaseMs: options.leaseMs ?? 120_000,
    ...(options.jobId === undefined ? {} : { jobId: options.jobId }),
  });
  const byJob = new Map<string, BulkJobRow[]>();
  for (const row of rows) byJob.set(row.jobId, [...(byJob.get(row.jobId) ?? []), row]);
  for (const [jobId, jobRows] of byJob) {
    await processJobRows(context, dependencies, jobId, jobRows, options.workerId);
  }
  return rows.length;
}

import { z } from 'zod';
import { type Actor, authorize } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import type { IssueCredentialInput } from '../credential/issue-credential.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import type { BulkJob, JsonObject } from '../ports/index.js';
import { FILE_ERROR_ROW, parseRecipientRows, type RecipientRow } from './parse-recipient-rows.js';

export const BulkJobOptionsSchema = z.strictObject({
  achievementId: z.uuid(),
  format: z.enum(['csv', 'jsonl']).default('csv'),
  credentialFormat: z.enum(['di', 'jwt']).default('di'),
  /** Issue even to recipients who already hold a valid credential of the achievement, or are named twice. */
  allowDuplicates: z.boolean().default(false),
});

/** What a row asks for, stored on the row: an issue request without the achievement (the job's). */
export function rowToIssueInput(row: RecipientRow): Omit<IssueCredentialInput, 'achievementId'> {
  return {
    recipient: {
      ...(row.email === undefined ? {} : { email: row.email }),
      ...(row.did === undefined ? {} : { did: row.did }),
      ...(row.name === undefined ? {} : { name: row.name }),
    },
    ...(row.evidenceUrl === undefined && row.evidenceNarrative === undefined
      ? {}
      : {
          evidence: [
            {
              ...(row.evidenceUrl === undefined ? {} : { url: row.evidenceUrl }),
              ...(row.evidenceNarrative === undefined ? {} : { narrative: row.evidenceNarrative }),
            },
          ],
        }),
    ...(row.narrative === undefined ? {} : { narrative: row.narrative }),
    ...(row.results === undefined ? {} : { results: row.results }),
    ...(row.activityStartDate === undefined ? {} : { activityStartDate: row.activityStartDate }),
    ...(row.activityEndDate === undefined ? {} : { activityEndDate: row.activityEndDate }),
    ...(row.idempotencyKey === undefined ? {} : { idempotencyKey: row.idempotencyKey }),
  };
}

/** An upload as the bulk use cases take it: the options, the file's text, and a CSV column mapping. */
export type BulkUpload = z.input<typeof BulkJobOptionsSchema> & {
  readonly text: string;
  /** See `ParseRecipientRowsOptions.columns`: what each CSV column stands for, when not its heading. */
  readonly columns?: readonly (string | null)[];
};

/**
 * What creating a job and its dry run both check first: the issuer role on a published achievement, and a
 * file that reads as a whole (a file-level problem throws VALIDATION_ERROR; row errors are returned).
 */
export async function readBulkUpload(context: PlatformContext, actor: Actor, upload: BulkUpload) {
  const { text, columns, ...rest } = upload;
  const options = BulkJobOptionsSchema.parse(rest);
  const { achievementId, format } = options;
  const achievement = await context.storage.achievements.findById({ id: achievementId });
  if (achievement === null) throw resourceNotFound('achievement');
  authorize(actor, achievement.issuerId, 'issuer', { notFound: 'achievement' });
  if (achievement.status !== 'published') {
    throw new ServerError(
      ServerErrorCode.CONFLICT,
      `achievement is ${achievement.status}: only published achievements can be issued`,
    );
  }
  const parsed = parseRecipientRows({ text, format, ...(columns === undefined ? {} : { columns }) });
  const fileErrors = parsed.errors.filter((error) => error.row === FILE_ERROR_ROW);
  if (fileErrors.length > 0) {
    throw new ServerError(
      ServerErrorCode.VALIDATION_ERROR,
      fileErrors.map((error) => error.message).join('; '),
      {
        details: { errors: fileErrors.map((error) => ({ path: 'file', message: error.message })) },
      },
    );
  }
  if (parsed.rows.length === 0 && parsed.errors.length === 0) {
    throw new ServerError(ServerErrorCode.VALIDATION_ERROR, 'the upload has no recipient rows');
  }
  return { options, achievement, parsed };
}

/**
 * Turns an upload into a durable job: valid rows wait for a worker, invalid rows are recorded as failed
 * with their reason (a bad row never stops the good ones). A file-level problem (a broken quote, unknown
 * columns, too many rows) rejects the upload and nothing is stored.
 */
export async function createBulkJob(
  context: PlatformContext,
  actor: Actor,
  upload: BulkUpload,
): Promise<BulkJob> {
  const { options, achievement, parsed } = await readBulkUpload(context, actor, upload);
  const { achievementId, credentialFormat, allowDuplicates } = options;
  // A later row naming a recipient an earlier row names is skipped as that row's duplicate (unless allowed).
  const duplicateOf = new Map(
    allowDuplicates ? [] : parsed.duplicates.map((duplicate) => [duplicate.row, duplicate.of] as const),
  );
  const rows = [
    ...parsed.rows.map((row) => {
      const of = duplicateOf.get(row.row);
      return {
        rowNumber: row.row,
        input: rowToIssueInput(row) as JsonObject,
        ...(of === undefined ? {} : { duplicateOfRow: of }),
      };
    }),
    ...parsed.errors.map((error) => ({ rowNumber: error.row, input: {}, error: error.message })),
  ].sort((a, b) => a.rowNumber - b.rowNumber);
  return context.storage.bulkJobs.create({
    job: {
      issuerId: achievement.issuerId,
      achievementId,
      options: {
        credentialFormat,
        allowDuplicates,
        requestedBy: actor.kind === 'admin' ? 'admin' : (actor.apiKeyId ?? 'member'),
      },
    },
    rows,
  });
}

/** An issuer's bulk jobs, newest first (viewer role). */
export async function listBulkJobs(
  context: PlatformContext,
  actor: Actor,
  issuerId: string,
  page: { readonly limit?: number; readonly offset?: number } = {},
): Promise<BulkJob[]> {
  authorize(actor, issuerId, 'viewer', { notFound: 'issuer' });
  return context.storage.bulkJobs.list({ issuerId, limit: page.limit ?? 50, offset: page.offset ?? 0 });
}

export async function getBulkJob(context: PlatformContext, actor: Actor, id: string): Promise<BulkJob> {
  const job = await context.storage.bulkJobs.findById({ id });
  if (job === null) throw resourceNotFound('bulk job');
  authorize(actor, job.issuerId, 'viewer', { notFound: 'bulk job' });
  return job;
}

/** The failed and duplicate rows of a job with their row numbers and reasons, for an error report. */
export async function listBulkJobErrors(context: PlatformContext, actor: Actor, id: string) {
  await getBulkJob(context, actor, id);
  const rows = await context.storage.bulkJobs.listRows({
    jobId: id,
    state: ['failed', 'duplicate'],
    limit: 5000,
  });
  return rows.map((row) => {
    if (row.state !== 'duplicate') {
      return { row: row.rowNumber, reason: 'failed' as const, error: row.error ?? 'failed' };
    }
    const error =
      row.duplicateOfRow !== null
        ? `the same recipient as row ${row.duplicateOfRow}: an upload issues the achievement once per recipient`
        : 'the recipient already holds a valid credential of this achievement';
    return {
      row: row.rowNumber,
      reason: 'duplicate' as const,
      error,
      ...(row.duplicateOf === null ? {} : { credentialId: row.duplicateOf }),
    };
  });
}

export async function cancelBulkJob(context: PlatformContext, actor: Actor, id: string): Promise<BulkJob> {
  const job = await getBulkJob(context, actor, id);
  authorize(actor, job.issuerId, 'issuer', { notFound: 'bulk job' });
  return context.storage.bulkJobs.cancel({ id });
}

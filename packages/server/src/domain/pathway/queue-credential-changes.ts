import type { CredentialRecord, Repositories } from '../ports/index.js';

/** The job that re-evaluates the pathways touched by credentials that were issued or revoked. */
export const CREDENTIALS_CHANGED_JOB = 'pathway.credentials-changed';

/**
 * Queues the re-evaluation of every pathway the credentials count toward, in the caller's transaction,
 * so the job exists exactly when the change committed. Nothing is queued for credentials no published
 * pathway requires (bulk runs of unrelated achievements add no work). Returns the queued job ids.
 */
export async function queueCredentialChanges(
  repositories: Pick<Repositories, 'pathways' | 'jobs'>,
  options: {
    readonly credentials: readonly CredentialRecord[];
    readonly change: 'issued' | 'revoked' | 'suspended' | 'reinstated';
  },
): Promise<string[]> {
  const earned = options.credentials.filter(
    (credential) => credential.recipientLookupHash !== null || credential.recipientDid !== null,
  );
  if (earned.length === 0) return [];
  const achievementIds = [...new Set(earned.map((credential) => credential.achievementId))];
  const pathways = await repositories.pathways.findReferencing({ achievementIds });
  if (pathways.length === 0) return [];
  const job = await repositories.jobs.enqueue({
    kind: CREDENTIALS_CHANGED_JOB,
    payload: { change: options.change, credentialIds: earned.map((credential) => credential.id) },
  });
  return [job.id];
}

import type { Actor } from '../auth/actor.js';
import { recipientLookupHash } from '../credential/recipient-lookup-hash.js';
import type { PlatformContext } from '../platform-context.js';
import type { Achievement, RecipientKey } from '../ports/index.js';
import { type BulkUpload, readBulkUpload } from './create-bulk-job.js';
import type { RecipientRow, RecipientRowDuplicate, RecipientRowError } from './parse-recipient-rows.js';
import { recipientName } from './process-bulk-rows.js';

/** What a bulk upload would do, worked out without issuing anything. */
export interface BulkPreview {
  readonly achievement: Achievement;
  /** Data rows read (valid and invalid). */
  readonly total: number;
  /** The first valid rows, as they would be issued. */
  readonly sample: readonly RecipientRow[];
  /** Every row error, in file order. */
  readonly errors: readonly RecipientRowError[];
  /** Rows naming a recipient an earlier row of the file names. */
  readonly repeated: readonly RecipientRowDuplicate[];
  /** Rows whose recipient already holds a valid credential of the achievement, with that credential. */
  readonly alreadyHeld: readonly { readonly row: number; readonly credentialId: string }[];
}

// Keeps each holdings query's parameter list well under PostgreSQL's limit of 65,535.
const HOLDINGS_BATCH = 1_000;

/**
 * The dry run of `createBulkJob` (same role, same checks, same parser): what the rows are, which are
 * wrong and why, and which recipients would be skipped as duplicates (matched as the bulk worker matches
 * them). Nothing is stored.
 */
export async function previewBulkJob(
  context: PlatformContext,
  actor: Actor,
  upload: BulkUpload & { readonly sampleSize?: number },
): Promise<BulkPreview> {
  const { sampleSize = 10, ...rest } = upload;
  const { achievement, parsed } = await readBulkUpload(context, actor, rest);
  const keyOf = (row: RecipientRow): RecipientKey => ({
    lookupHash: row.email === undefined ? null : recipientLookupHash(context.recipientPepper, row.email),
    did: row.email === undefined ? (row.did ?? null) : null,
  });
  const keyed = parsed.rows.map((row) => ({ row: row.row, key: keyOf(row) }));
  const heldBy = new Map<string, string>();
  for (let start = 0; start < keyed.length; start += HOLDINGS_BATCH) {
    const holdings = await context.storage.credentials.listValidHoldings({
      achievementId: achievement.id,
      recipients: keyed.slice(start, start + HOLDINGS_BATCH).map((item) => item.key),
      at: context.now(),
    });
    for (const holding of holdings) {
      heldBy.set(
        recipientName({ lookupHash: holding.recipientLookupHash, did: holding.recipientDid }),
        holding.id,
      );
    }
  }
  return {
    achievement,
    total: parsed.rows.length + parsed.errors.length,
    sample: parsed.rows.slice(0, sampleSize),
    errors: parsed.errors,
    repeated: parsed.duplicates,
    alreadyHeld: keyed.flatMap((item) => {
      const credentialId = heldBy.get(recipientName(item.key));
      return credentialId === undefined ? [] : [{ row: item.row, credentialId }];
    }),
  };
}

import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../src/db/database.js';
import { bulkJobRows } from '../../src/db/schema/bulk-job-rows.js';

/**
 * Ends now, on the database's clock, every lease `workerId` holds on bulk rows: what its lease running out
 * after the worker died would do, without a test waiting for the lease to pass.
 */
export async function expireBulkLeases(db: Database, workerId: string): Promise<void> {
  await db
    .update(bulkJobRows)
    .set({ lockedUntil: sql`now() - interval '1 second'` })
    .where(and(eq(bulkJobRows.lockedBy, workerId), eq(bulkJobRows.state, 'running')));
}

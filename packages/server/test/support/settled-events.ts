import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/db/index.js';
import type { Platform } from '../../src/domain/platform.js';

/**
 * Writes the events the platform holds for its next batch (verifications), then waits until every event
 * written so far is readable by the feed. The feed shows an event once every transaction that began before
 * its own has ended; on a PostgreSQL server shared by test files running in parallel, another file's open
 * transaction (its migrations) holds events back for a while.
 */
export async function eventsSettled(
  test: { readonly platform: Pick<Platform, 'events'>; readonly database: Pick<DatabaseHandle, 'db'> },
  timeoutMs = 30_000,
): Promise<void> {
  await test.platform.events.flush();
  const { database } = test;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await database.db.execute(
      sql`select coalesce((select max(txid) from events) < pg_snapshot_xmin(pg_current_snapshot()), true) as settled`,
    );
    const [row] = (result as unknown as { rows: { settled: boolean }[] }).rows;
    if (row?.settled === true) return;
    if (Date.now() > deadline) throw new Error('events were still not settled after the timeout');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

import { sql } from 'drizzle-orm';
import type { Backlog } from '../domain/ports/storage.js';
import type { Database } from './database.js';

/**
 * Work waiting in every queue, for the operators' metrics. Each count reads only unfinished rows, through
 * the partial index its workers claim with, so a scrape costs the size of the backlog, not of the history.
 */
export async function readBacklog(db: Database): Promise<Backlog[]> {
  const result = await db.execute(sql`
    select 'job:' || kind as queue, count(*)::int as depth,
           extract(epoch from now() - min(created_at))::float8 as oldest_seconds
      from jobs where state in ('pending', 'running') group by kind
    union all
    select 'bulk-row:' || r.state, count(*)::int, extract(epoch from now() - min(j.created_at))::float8
      from bulk_job_rows r join bulk_jobs j on j.id = r.job_id
      where r.state in ('pending', 'running') group by r.state
    union all
    select 'mail', count(*)::int, extract(epoch from now() - min(created_at))::float8
      from mail_outbox where sent_at is null
    union all
    select 'webhook-delivery', count(*)::int, extract(epoch from now() - min(created_at))::float8
      from webhook_deliveries where state = 'pending'
    union all
    select 'verification-item', count(*)::int, extract(epoch from now() - min(j.created_at))::float8
      from verification_job_items i join verification_jobs j on j.id = i.job_id
      where i.state in ('pending', 'running')`);
  return (
    result as unknown as { rows: { queue: string; depth: number; oldest_seconds: number | null }[] }
  ).rows.map((row) => ({ queue: row.queue, depth: row.depth, oldestSeconds: row.oldest_seconds ?? 0 }));
}

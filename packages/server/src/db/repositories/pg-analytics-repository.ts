import { type SQL, sql } from 'drizzle-orm';
import type {
  AnalyticsBucket,
  AnalyticsRepository,
  AnalyticsScope,
  CohortFigures,
  EventCount,
  InstanceFigures,
} from '../../domain/ports/analytics-repository.js';
import type { EventType } from '../../domain/ports/event-repository.js';
import type { Database } from '../database.js';
import { achievements } from '../schema/achievements.js';
import { credentials } from '../schema/credentials.js';
import { events } from '../schema/events.js';
import { issuers } from '../schema/issuers.js';
import { notAWalletCopy } from './pg-credential-repository.js';
import { guarded, isUuid, rowsOf } from './query-helpers.js';

const BUCKETS: Record<AnalyticsBucket, SQL> = {
  day: sql.raw(`'day'`),
  week: sql.raw(`'week'`),
  month: sql.raw(`'month'`),
};

/** The scope as a WHERE clause over `events` aliased `e`; served by (issuer_id, at) or (achievement_id, at). */
function scoped(scope: AnalyticsScope): SQL {
  const parts: SQL[] = [sql`e.issuer_id = ${scope.issuerId}::uuid`];
  if (scope.achievementId !== undefined) parts.push(sql`e.achievement_id = ${scope.achievementId}::uuid`);
  if (scope.from !== undefined) parts.push(sql`e.at >= ${scope.from.toISOString()}::timestamptz`);
  if (scope.to !== undefined) parts.push(sql`e.at < ${scope.to.toISOString()}::timestamptz`);
  return sql.join(parts, sql` and `);
}

/** Later stages of a cohort credential count only up to the scope's end. */
function until(scope: AnalyticsScope, alias: string): SQL {
  return scope.to === undefined
    ? sql``
    : sql` and ${sql.raw(alias)}.at < ${scope.to.toISOString()}::timestamptz`;
}

/** `AnalyticsRepository` on PostgreSQL or PGlite: every figure is one aggregate query over `events`. */
export class PgAnalyticsRepository implements AnalyticsRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async countEvents(scope: AnalyticsScope, bucket: AnalyticsBucket): Promise<EventCount[]> {
    if (!validScope(scope)) return [];
    const result = await guarded('event', () =>
      this.#db.execute(sql`
        select to_char(date_trunc(${BUCKETS[bucket]}, e.at at time zone 'UTC'), 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as bucket,
               e.achievement_id::text as achievement_id, e.type,
               case e.type when 'credential.shared' then e.data->>'channel'
                           when 'credential.downloaded' then e.data->>'format' end as detail,
               count(*)::int as count
        from ${events} e
        where ${scoped(scope)}
        group by 1, 2, 3, 4
        order by 1, 2, 3, 4`),
    );
    return rowsOf<{
      bucket: string;
      achievement_id: string | null;
      type: EventType;
      detail: string | null;
      count: number | string;
    }>(result).map((row) => ({
      bucket: new Date(row.bucket),
      achievementId: row.achievement_id,
      type: row.type,
      detail: row.detail,
      count: Number(row.count),
    }));
  }

  async cohort(scope: AnalyticsScope): Promise<CohortFigures> {
    const empty = {
      issued: 0,
      uniqueRecipients: 0,
      claimed: 0,
      shared: 0,
      verified: 0,
      medianSecondsToClaim: null,
    };
    if (!validScope(scope)) return empty;
    const result = await guarded('event', () =>
      this.#db.execute(sql`
        with cohort as (
          select e.credential_id, min(e.at) as issued_at
          from ${events} e
          where ${scoped(scope)} and e.type = 'credential.issued' and e.credential_id is not null
          group by e.credential_id
        ), reached as (
          select k.credential_id, k.issued_at,
            (select min(x.at) from ${events} x where x.credential_id = k.credential_id
               and x.type = 'credential.claimed'${until(scope, 'x')}) as claimed_at,
            exists (select 1 from ${events} x where x.credential_id = k.credential_id
               and x.type in ('credential.shared', 'credential.linkedin_added')${until(scope, 'x')}) as shared,
            exists (select 1 from ${events} x where x.credential_id = k.credential_id
               and x.type = 'credential.verified'${until(scope, 'x')}) as verified
          from cohort k
        )
        select count(*)::int as issued,
          (select count(distinct coalesce(c.recipient_lookup_hash, c.recipient_did, c.recipient_email_hash, c.id::text))::int
             from ${credentials} c join cohort k on k.credential_id = c.id) as unique_recipients,
          count(claimed_at)::int as claimed,
          count(*) filter (where shared)::int as shared,
          count(*) filter (where verified)::int as verified,
          percentile_cont(0.5) within group (order by extract(epoch from claimed_at - issued_at))
            filter (where claimed_at is not null) as median_seconds
        from reached`),
    );
    const row = rowsOf<{
      issued: number | string;
      unique_recipients: number | string;
      claimed: number | string;
      shared: number | string;
      verified: number | string;
      median_seconds: number | string | null;
    }>(result)[0];
    if (row === undefined) return empty;
    return {
      issued: Number(row.issued),
      uniqueRecipients: Number(row.unique_recipients),
      claimed: Number(row.claimed),
      shared: Number(row.shared),
      verified: Number(row.verified),
      medianSecondsToClaim: row.median_seconds === null ? null : Number(row.median_seconds),
    };
  }

  async firstEventAt(scope: Pick<AnalyticsScope, 'issuerId' | 'achievementId'>): Promise<Date | null> {
    if (!validScope(scope)) return null;
    const result = await guarded('event', () =>
      this.#db.execute(sql`select min(e.at) as first from ${events} e where ${scoped(scope)}`),
    );
    const first = rowsOf<{ first: string | Date | null }>(result)[0]?.first ?? null;
    return first === null ? null : new Date(first);
  }

  async instanceFigures(options: { readonly verifiedSince: Date }): Promise<InstanceFigures> {
    const result = await guarded('event', () =>
      this.#db.execute(sql`
        select (select count(*) from ${issuers} i where i.kind = 'issuer')::int as issuers,
               (select count(*) from ${achievements} a where a.status = 'published')::int as achievements,
               (select count(*) from ${credentials} where ${notAWalletCopy})::int as credentials_issued,
               (select count(*) from ${events} e
                 where e.type = 'credential.verified' and e.at >= ${options.verifiedSince.toISOString()}::timestamptz
               )::int as verifications_since`),
    );
    const row = rowsOf<{
      issuers: number;
      achievements: number;
      credentials_issued: number;
      verifications_since: number;
    }>(result)[0];
    return {
      issuers: row?.issuers ?? 0,
      achievements: row?.achievements ?? 0,
      credentialsIssued: row?.credentials_issued ?? 0,
      verificationsSince: row?.verifications_since ?? 0,
    };
  }
}

function validScope(scope: Pick<AnalyticsScope, 'issuerId' | 'achievementId'>): boolean {
  return isUuid(scope.issuerId) && (scope.achievementId === undefined || isUuid(scope.achievementId));
}

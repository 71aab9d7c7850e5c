import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { formatEventCursor, parseEventCursor } from '../../domain/events/event-cursor.js';
import type {
  EventAboutCredential,
  EventRepository,
  EventType,
  NewEvent,
  StoredEvent,
} from '../../domain/ports/event-repository.js';
import type { Database } from '../database.js';
import { credentials } from '../schema/credentials.js';
import { events } from '../schema/events.js';
import { walletCopies } from '../schema/wallet.js';
import { insertRows, SKIP_KNOWN_DEDUPE_KEYS } from './json-recordset.js';
import { guarded, isUuid, pageLimit, rowsOf } from './query-helpers.js';

const MAX_PAGE = 1_000;

// An event about a credential, written from the credential `c` and its wallet-copy row `w`: what happens to
// a wallet's holder-bound copy happens to the award, so it is recorded about the original, the copy named
// in `walletCopyId`.
const CREDENTIAL_AND_COPY = sql`${credentials} c left join ${walletCopies} w on w.credential_id = c.id`;
const AWARD_IDS = sql`c.issuer_id, coalesce(w.original_id, c.id), c.achievement_id`;
function dataNamingCopy(data: SQL): SQL {
  return sql`case when w.original_id is null then ${data}
              else ${data} || jsonb_build_object('walletCopyId', c.id::text) end`;
}

// Only rows whose writer finished before the oldest running transaction began: a bigserial id is taken
// at INSERT but seen at COMMIT, so without this a reader could pass id 7 while id 6 is still uncommitted.
const settled = sql`${events.txid} < pg_snapshot_xmin(pg_current_snapshot())`;

/** `EventRepository` on PostgreSQL or PGlite. */
export class PgEventRepository implements EventRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async append(rows: readonly NewEvent[]): Promise<number> {
    if (rows.length === 0) return 0;
    const inserted = await guarded('event', () =>
      insertRows(
        this.#db,
        events,
        ['type', 'issuerId', 'credentialId', 'achievementId', 'data', 'dedupeKey', 'at'],
        rows.map((row) => ({
          type: row.type,
          issuerId: row.issuerId,
          credentialId: row.credentialId ?? null,
          achievementId: row.achievementId ?? null,
          data: row.data ?? {},
          dedupeKey: row.dedupeKey ?? null,
          at: row.at,
        })),
        sql`${SKIP_KNOWN_DEDUPE_KEYS} returning id`,
      ),
    );
    return inserted.length;
  }

  async appendAboutCredential(
    event: Omit<NewEvent, 'issuerId' | 'credentialId' | 'achievementId'> & { readonly credentialId: string },
  ): Promise<number> {
    if (!isUuid(event.credentialId)) return 0;
    // One statement rather than reading the credential (its whole document) and then inserting: a public
    // page view records one of these per request.
    const result = await guarded('event', () =>
      this.#db.execute(sql`
        insert into ${events} (issuer_id, credential_id, achievement_id, type, data, dedupe_key, at)
        select ${AWARD_IDS}, ${event.type}, ${dataNamingCopy(sql`${JSON.stringify(event.data ?? {})}::jsonb`)},
               ${event.dedupeKey ?? null}, ${event.at.toISOString()}::timestamptz
        from ${CREDENTIAL_AND_COPY}
        where c.id = ${event.credentialId}
        on conflict (dedupe_key) where dedupe_key is not null do nothing
        returning id`),
    );
    // Both drivers answer `{ rows }`.
    return rowsOf(result).length;
  }

  async appendAboutCredentials(batch: readonly EventAboutCredential[]): Promise<boolean[]> {
    const stored = batch.map(() => false);
    const rows = batch.flatMap((event, position) =>
      isUuid(event.credentialId)
        ? [
            {
              position,
              credential_id: event.credentialId,
              type: event.type,
              data: event.data ?? {},
              at: event.at.toISOString(),
            },
          ]
        : [],
    );
    if (rows.length === 0) return stored;
    // The insert runs to completion whether or not the outer query reads it (a data-modifying WITH); the
    // outer query, seeing the same credentials, tells which events found theirs.
    const result = await guarded('event', () =>
      this.#db.execute(sql`
        with input as (
          select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
            as v(position integer, credential_id uuid, type text, data jsonb, at timestamptz)
        ), inserted as (
          insert into ${events} (issuer_id, credential_id, achievement_id, type, data, at)
          select ${AWARD_IDS}, v.type, ${dataNamingCopy(sql`v.data`)}, v.at
          from input v join (${CREDENTIAL_AND_COPY}) on c.id = v.credential_id
          order by v.position
          returning 1
        )
        select v.position from input v join ${credentials} c on c.id = v.credential_id`),
    );
    // Both drivers answer `{ rows }`.
    for (const row of rowsOf<{ position: number }>(result)) stored[Number(row.position)] = true;
    return stored;
  }

  async list(options: {
    readonly after?: string;
    readonly issuerId?: string;
    readonly types?: readonly EventType[];
    readonly limit: number;
  }): Promise<StoredEvent[]> {
    if (options.issuerId !== undefined && !isUuid(options.issuerId)) return [];
    if (options.types !== undefined && options.types.length === 0) return [];
    const after = parseEventCursor(options.after);
    const rows = await guarded('event', () =>
      this.#db
        .select()
        .from(events)
        .where(
          and(
            sql`(${events.txid}, ${events.id}) > (${String(after.txid)}::xid8, ${Number(after.id)})`,
            options.issuerId === undefined ? undefined : eq(events.issuerId, options.issuerId),
            options.types === undefined ? undefined : inArray(events.type, [...options.types]),
            settled,
          ),
        )
        .orderBy(asc(events.txid), asc(events.id))
        .limit(pageLimit(options.limit, { fallback: 100, max: MAX_PAGE })),
    );
    return rows.map((row) => ({
      id: String(row.id),
      cursor: formatEventCursor({ txid: BigInt(row.txid), id: BigInt(row.id) }),
      type: row.type,
      issuerId: row.issuerId,
      credentialId: row.credentialId,
      achievementId: row.achievementId,
      data: {
        ...(row.credentialId === null ? {} : { credentialId: row.credentialId }),
        ...(row.achievementId === null ? {} : { achievementId: row.achievementId }),
        issuerId: row.issuerId,
        ...row.data,
      },
      at: row.at,
    }));
  }

  async appendExpired(options: { readonly now: Date; readonly limit: number }): Promise<number> {
    const limit = pageLimit(options.limit, { fallback: 500, max: 5_000 });
    const now = options.now.toISOString();
    const result = await guarded('event', () =>
      this.#db.execute(sql`
        insert into ${events} (issuer_id, credential_id, achievement_id, type, data, dedupe_key, at)
        select c.issuer_id, c.id, c.achievement_id, 'credential.expired',
               jsonb_build_object('validUntil', to_char(c.valid_until at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
               'expired:' || c.id, c.valid_until
        from ${credentials} c
        where c.valid_until <= ${now}::timestamptz and c.revoked_at is null
          and not exists (select 1 from ${events} e where e.dedupe_key = 'expired:' || c.id)
          -- A copy expires with its original, whose event says so once.
          and not exists (select 1 from ${walletCopies} w where w.credential_id = c.id)
        order by c.valid_until
        limit ${limit}
        on conflict (dedupe_key) where dedupe_key is not null do nothing
        returning id`),
    );
    // Both drivers answer `{ rows }`.
    return rowsOf(result).length;
  }

  async lastCursor(): Promise<string> {
    const [row] = await guarded('event', () =>
      this.#db
        .select({ txid: sql<string>`${events.txid}::text`, id: events.id })
        .from(events)
        .where(settled)
        .orderBy(desc(events.txid), desc(events.id))
        .limit(1),
    );
    return row === undefined ? '0' : formatEventCursor({ txid: BigInt(row.txid), id: BigInt(row.id) });
  }
}

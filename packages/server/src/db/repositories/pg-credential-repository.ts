import { createHash } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNotNull, isNull, notExists, or, type SQL, sql } from 'drizzle-orm';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type {
  CredentialEvent,
  CredentialEventKind,
  CredentialHolding,
  CredentialQuery,
  CredentialRecord,
  CredentialRepository,
  InsertCredentialResult,
  IssuedCredential,
  IssuedCredentialQuery,
  IssuedState,
  IssuedStatistics,
  NewCredential,
  RecipientKey,
} from '../../domain/ports/credential-repository.js';
import type { Database } from '../database.js';
import { credentialEvents } from '../schema/credential-events.js';
import { credentials } from '../schema/credentials.js';
import { earnerCredentials } from '../schema/earner-credentials.js';
import { earnerEmails } from '../schema/earner-emails.js';
import { walletCopies } from '../schema/wallet.js';
import { insertRows } from './json-recordset.js';
import { guarded, isUuid, pageLimit, pageOffset } from './query-helpers.js';

/**
 * Not a wallet's holder-bound copy: a copy is the same award again (recorded under its original), so the
 * issuer's lists, counts and exports, and the pathway engine, see one credential per earner. One probe of
 * `wallet_copies`' primary key per row.
 */
export const notAWalletCopy: SQL = sql`not exists (select 1 from ${walletCopies} where ${walletCopies.credentialId} = ${credentials.id})`;

const MAX_LOOKUP = 1000;

/** A PostgreSQL text[] literal: one bound parameter however many values (no parameter limit to hit). */
function textArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

function checkLookupSize(count: number): void {
  if (count > MAX_LOOKUP) {
    throw new ServerError(ServerErrorCode.RANGE_ERROR, `Look up at most ${MAX_LOOKUP} at a time`);
  }
}

/** The advisory lock key of one (achievement, recipient): 64 bits of a SHA-256, as PostgreSQL takes it. */
function recipientLockKey(achievementId: string, recipient: RecipientKey): bigint {
  const who = recipient.lookupHash === null ? `did ${recipient.did ?? ''}` : `email ${recipient.lookupHash}`;
  return createHash('sha256')
    .update(`microcred/credential-recipient\n${achievementId}\n${who}`, 'utf8')
    .digest()
    .readBigInt64BE(0);
}

type CredentialRow = typeof credentials.$inferSelect;

export function toCredential(row: CredentialRow): CredentialRecord {
  return {
    id: row.id,
    issuerId: row.issuerId,
    achievementId: row.achievementId,
    recipientEmailHash: row.recipientEmailHash,
    recipientLookupHash: row.recipientLookupHash,
    recipientDid: row.recipientDid,
    recipientName: row.recipientName,
    idempotencyKey: row.idempotencyKey,
    format: row.format,
    document: row.document,
    jwt: row.jwt,
    statusListId: row.statusListId,
    statusIndex: row.statusIndex,
    statusPurpose: row.statusPurpose,
    revokedAt: row.revokedAt,
    revocationReason: row.revocationReason,
    suspendedAt: row.suspendedAt,
    suspensionReason: row.suspensionReason,
    issuedAt: row.issuedAt,
    validUntil: row.validUntil,
    bulkJobId: row.bulkJobId,
    bulkRow: row.bulkRow,
  };
}

/** The record of a credential just inserted: what was sent, nothing revoked or suspended. */
function freshlyStored(input: NewCredential): CredentialRecord {
  return {
    id: input.id,
    issuerId: input.issuerId,
    achievementId: input.achievementId,
    recipientEmailHash: input.recipientEmailHash ?? null,
    recipientLookupHash: input.recipientLookupHash ?? null,
    recipientDid: input.recipientDid ?? null,
    recipientName: input.recipientName ?? null,
    idempotencyKey: input.idempotencyKey ?? null,
    format: input.format,
    document: input.document,
    jwt: input.jwt ?? null,
    statusListId: input.statusListId ?? null,
    statusIndex: input.statusIndex ?? null,
    statusPurpose: input.statusPurpose ?? 'revocation',
    revokedAt: null,
    revocationReason: null,
    suspendedAt: null,
    suspensionReason: null,
    issuedAt: input.issuedAt,
    validUntil: input.validUntil ?? null,
    bulkJobId: input.bulkJobId ?? null,
    bulkRow: input.bulkRow ?? null,
  };
}

/** A credential's `IssuedState` at `at`, as SQL over credentials left-joined with earner choices. */
function issuedState(at: Date): SQL {
  return sql`case
    when ${credentials.revokedAt} is not null then 'revoked'
    when ${credentials.suspendedAt} is not null then 'suspended'
    when ${credentials.validUntil} is not null and ${credentials.validUntil} <= ${at} then 'expired'
    when ${earnerCredentials.choice} = 'declined' then 'declined'
    when ${earnerCredentials.choice} = 'accepted' then 'accepted'
    else 'pending' end`;
}

/** `CredentialRepository` on PostgreSQL or PGlite. */
export class PgCredentialRepository implements CredentialRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async insert(input: NewCredential): Promise<InsertCredentialResult> {
    const [result] = await this.insertMany([input]);
    if (result === undefined)
      throw new ServerError(ServerErrorCode.INTERNAL, 'the credential insert returned nothing');
    return result;
  }

  async insertMany(inputs: readonly NewCredential[]): Promise<InsertCredentialResult[]> {
    if (inputs.length === 0) return [];
    // ON CONFLICT DO NOTHING, then read the winner: the unique constraints decide between concurrent
    // retries (the loser waits for the winner's commit), never a check-then-insert that two could pass.
    // The batch travels as one JSON parameter that PostgreSQL turns into rows (see jsonRecordset). Only the
    // ids come back: a stored row is what was sent, with nothing revoked or suspended yet.
    const records = inputs.map(freshlyStored);
    const inserted = await guarded('credential', () =>
      insertRows(
        this.#db,
        credentials,
        [
          'id',
          'issuerId',
          'achievementId',
          'recipientEmailHash',
          'recipientLookupHash',
          'recipientDid',
          'recipientName',
          'idempotencyKey',
          'format',
          'document',
          'jwt',
          'statusListId',
          'statusIndex',
          'statusPurpose',
          'issuedAt',
          'validUntil',
          'bulkJobId',
          'bulkRow',
        ],
        records,
        sql`on conflict do nothing returning id`,
      ),
    );
    const stored = new Set(inserted.map((row) => row.id));
    const results: InsertCredentialResult[] = [];
    for (const [index, input] of inputs.entries()) {
      const record = records[index] as CredentialRecord;
      results.push(
        stored.has(input.id) ? { credential: record, created: true } : await this.#existingFor(input),
      );
    }
    return results;
  }

  async #existingFor(input: NewCredential): Promise<InsertCredentialResult> {
    const existing = await this.#findRetried(input);
    if (existing !== null) return { credential: existing, created: false };
    // Not a retry: the id or the status entry is taken. Both are chosen by us, so this is a bug.
    throw new ServerError(
      ServerErrorCode.CONFLICT,
      'The credential id or status list entry is already used',
      {
        details: { id: input.id },
      },
    );
  }

  async #findRetried(input: NewCredential): Promise<CredentialRecord | null> {
    if (input.idempotencyKey != null) {
      const found = await this.findByIdempotencyKey({
        issuerId: input.issuerId,
        idempotencyKey: input.idempotencyKey,
      });
      if (found !== null) return found;
    }
    if (input.bulkJobId != null && input.bulkRow != null) {
      const { bulkJobId, bulkRow } = input;
      const [row] = await guarded('credential', () =>
        this.#db
          .select()
          .from(credentials)
          .where(and(eq(credentials.bulkJobId, bulkJobId), eq(credentials.bulkRow, bulkRow))),
      );
      if (row !== undefined) return toCredential(row);
    }
    return null;
  }

  async findById(options: { readonly id: string }): Promise<CredentialRecord | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('credential', () =>
      this.#db.select().from(credentials).where(eq(credentials.id, options.id)),
    );
    return row === undefined ? null : toCredential(row);
  }

  async findByIdempotencyKey(options: {
    readonly issuerId: string;
    readonly idempotencyKey: string;
  }): Promise<CredentialRecord | null> {
    if (!isUuid(options.issuerId)) return null;
    const [row] = await guarded('credential', () =>
      this.#db
        .select()
        .from(credentials)
        .where(
          and(
            eq(credentials.issuerId, options.issuerId),
            eq(credentials.idempotencyKey, options.idempotencyKey),
          ),
        ),
    );
    return row === undefined ? null : toCredential(row);
  }
  async findByIdempotencyKeys(options: {
    readonly issuerId: string;
    readonly idempotencyKeys: readonly string[];
  }): Promise<CredentialRecord[]> {
    checkLookupSize(options.idempotencyKeys.length);
    if (!isUuid(options.issuerId) || options.idempotencyKeys.length === 0) return [];
    const rows = await guarded('credential', () =>
      this.#db
        .select()
        .from(credentials)
        .where(
          and(
            eq(credentials.issuerId, options.issuerId),
            sql`${credentials.idempotencyKey} = any(${textArray(options.idempotencyKeys)}::text[])`,
          ),
        ),
    );
    return rows.map(toCredential);
  }

  async listValidHoldings(options: {
    readonly achievementId: string;
    readonly recipients: readonly RecipientKey[];
    readonly at: Date;
  }): Promise<CredentialHolding[]> {
    checkLookupSize(options.recipients.length);
    if (!isUuid(options.achievementId)) return [];
    const hashes = options.recipients.flatMap((recipient) =>
      recipient.lookupHash === null ? [] : [recipient.lookupHash],
    );
    const dids = options.recipients.flatMap((recipient) =>
      recipient.lookupHash === null && recipient.did !== null ? [recipient.did] : [],
    );
    if (hashes.length === 0 && dids.length === 0) return [];
    return guarded('credential', () =>
      this.#db
        .select({
          id: credentials.id,
          recipientLookupHash: credentials.recipientLookupHash,
          recipientDid: credentials.recipientDid,
          bulkJobId: credentials.bulkJobId,
          bulkRow: credentials.bulkRow,
        })
        .from(credentials)
        .where(
          and(
            eq(credentials.achievementId, options.achievementId),
            isNull(credentials.revokedAt),
            or(isNull(credentials.validUntil), gt(credentials.validUntil, options.at)),
            // A duplicate is one of the issuer's credentials, which it can see; a copy is not one.
            notAWalletCopy,
            or(
              hashes.length === 0
                ? undefined
                : sql`${credentials.recipientLookupHash} = any(${textArray(hashes)}::text[])`,
              dids.length === 0
                ? undefined
                : sql`${credentials.recipientDid} = any(${textArray(dids)}::text[])`,
            ),
          ),
        )
        .orderBy(desc(credentials.issuedAt), desc(credentials.id)),
    );
  }

  async lockRecipients(options: {
    readonly achievementId: string;
    readonly recipients: readonly RecipientKey[];
  }): Promise<void> {
    // Sorted, so that two transactions locking overlapping sets take the locks in the same order.
    const keys = [
      ...new Set(options.recipients.map((recipient) => recipientLockKey(options.achievementId, recipient))),
    ].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (keys.length === 0) return;
    await guarded('credential', () =>
      this.#db.execute(
        sql`select pg_advisory_xact_lock(k) from unnest(${`{${keys.join(',')}}`}::bigint[]) with ordinality as t(k, n) order by n`,
      ),
    );
  }

  async list(query: CredentialQuery): Promise<CredentialRecord[]> {
    const filters: SQL[] = [];
    for (const id of [query.issuerId, query.achievementId]) {
      if (id !== undefined && !isUuid(id)) return [];
    }
    if (query.issuerId !== undefined) filters.push(eq(credentials.issuerId, query.issuerId));
    if (query.achievementId !== undefined) filters.push(eq(credentials.achievementId, query.achievementId));
    if (query.achievementIds !== undefined) {
      const ids = query.achievementIds.filter(isUuid);
      if (ids.length === 0) return [];
      filters.push(inArray(credentials.achievementId, ids));
    }
    if (query.recipientLookupHash !== undefined) {
      filters.push(eq(credentials.recipientLookupHash, query.recipientLookupHash));
    }
    if (query.recipientDid !== undefined) filters.push(eq(credentials.recipientDid, query.recipientDid));
    filters.push(notAWalletCopy);
    const rows = await guarded('credential', () =>
      this.#db
        .select()
        .from(credentials)
        .where(and(...filters))
        .orderBy(desc(credentials.issuedAt), desc(credentials.id))
        .limit(pageLimit(query.limit, { fallback: 100, max: 500 }))
        .offset(pageOffset(query.offset)),
    );
    return rows.map(toCredential);
  }

  async countEarners(options: { readonly achievementIds: readonly string[] }): Promise<Map<string, number>> {
    const ids = options.achievementIds.filter(isUuid);
    if (ids.length === 0) return new Map();
    const rows = await guarded('credential', () =>
      this.#db
        .select({
          achievementId: credentials.achievementId,
          earners: sql<number>`count(distinct coalesce(${credentials.recipientLookupHash}, ${credentials.recipientDid}))::int`,
        })
        .from(credentials)
        .leftJoin(earnerCredentials, eq(earnerCredentials.credentialId, credentials.id))
        .where(
          and(
            inArray(credentials.achievementId, ids),
            isNull(credentials.revokedAt),
            // A wallet's holder-bound copy is the same earner's credential again, not another earner.
            notAWalletCopy,
            // `mayReadCredential` for a stranger: a public count must not reveal who keeps a credential
            // hidden. Accepted and public, or decided by nobody and in nobody's portfolio.
            or(
              and(eq(earnerCredentials.choice, 'accepted'), eq(earnerCredentials.visibility, 'public')),
              and(
                isNull(earnerCredentials.credentialId),
                notExists(
                  this.#db
                    .select({ one: sql`1` })
                    .from(earnerEmails)
                    .where(
                      and(
                        eq(earnerEmails.lookupHash, credentials.recipientLookupHash),
                        isNotNull(earnerEmails.verifiedAt),
                      ),
                    ),
                ),
              ),
            ),
          ),
        )
        .groupBy(credentials.achievementId),
    );
    return new Map(rows.map((row) => [row.achievementId, Number(row.earners)]));
  }

  async revoke(options: {
    readonly id: string;
    readonly reason: string;
    readonly at: Date;
  }): Promise<CredentialRecord> {
    if (!isUuid(options.id)) throw notFound(options.id);
    const [row] = await guarded('credential', () =>
      this.#db
        .update(credentials)
        .set({ revokedAt: options.at, revocationReason: options.reason })
        .where(and(eq(credentials.id, options.id), isNull(credentials.revokedAt)))
        .returning(),
    );
    if (row !== undefined) return toCredential(row);
    const existing = await this.findById({ id: options.id });
    if (existing === null) throw notFound(options.id);
    if (existing.revocationReason === options.reason) return existing;
    throw new ServerError(ServerErrorCode.CONFLICT, 'The credential is already revoked, for another reason', {
      details: { id: options.id },
    });
  }

  async setSuspended(options: {
    readonly id: string;
    readonly suspended: boolean;
    readonly reason: string | null;
    readonly at: Date;
  }): Promise<CredentialRecord | null> {
    if (!isUuid(options.id)) throw notFound(options.id);
    const [row] = await guarded('credential', () =>
      this.#db
        .update(credentials)
        .set(
          options.suspended
            ? { suspendedAt: options.at, suspensionReason: options.reason }
            : { suspendedAt: null, suspensionReason: null },
        )
        .where(
          and(
            eq(credentials.id, options.id),
            isNull(credentials.revokedAt),
            eq(credentials.statusPurpose, 'suspension'),
            options.suspended ? isNull(credentials.suspendedAt) : sql`${credentials.suspendedAt} is not null`,
          ),
        )
        .returning(),
    );
    if (row !== undefined) return toCredential(row);
    const existing = await this.findById({ id: options.id });
    if (existing === null) throw notFound(options.id);
    if (existing.revokedAt !== null) {
      throw new ServerError(
        ServerErrorCode.CONFLICT,
        'The credential is revoked; a revocation is permanent',
        {
          details: { id: options.id },
        },
      );
    }
    if (existing.statusPurpose !== 'suspension') {
      throw new ServerError(
        ServerErrorCode.CONFLICT,
        'The credential was issued with a revocation entry only, so it cannot be suspended: revoke it, or issue it from a suspendable achievement',
        { details: { id: options.id } },
      );
    }
    return null;
  }

  async searchIssued(query: IssuedCredentialQuery): Promise<{ items: IssuedCredential[]; total: number }> {
    if (!isUuid(query.issuerId)) return { items: [], total: 0 };
    const state = issuedState(query.at);
    const filters: SQL[] = [eq(credentials.issuerId, query.issuerId), notAWalletCopy];
    if (query.id !== undefined) {
      if (!isUuid(query.id)) return { items: [], total: 0 };
      filters.push(eq(credentials.id, query.id));
    }
    if (query.achievementId !== undefined) {
      if (!isUuid(query.achievementId)) return { items: [], total: 0 };
      filters.push(eq(credentials.achievementId, query.achievementId));
    }
    if (query.recipientLookupHash !== undefined) {
      filters.push(eq(credentials.recipientLookupHash, query.recipientLookupHash));
    }
    if (query.recipientDid !== undefined) filters.push(eq(credentials.recipientDid, query.recipientDid));
    if (query.recipientName !== undefined) {
      const pattern = `%${query.recipientName.replace(/[\\%_]/g, '\\$&')}%`;
      filters.push(sql`${credentials.recipientName} ilike ${pattern}`);
    }
    if (query.state !== undefined) filters.push(sql`${state} = ${query.state}`);
    if (query.issuedFrom !== undefined) filters.push(sql`${credentials.issuedAt} >= ${query.issuedFrom}`);
    if (query.issuedBefore !== undefined) filters.push(sql`${credentials.issuedAt} < ${query.issuedBefore}`);
    const rows = await guarded('credential', () =>
      this.#db
        .select({
          row: credentials,
          state: sql<IssuedState>`${state}`,
          total: sql<number>`count(*) over ()`.mapWith(Number),
        })
        .from(credentials)
        .leftJoin(earnerCredentials, eq(earnerCredentials.credentialId, credentials.id))
        .where(and(...filters))
        .orderBy(desc(credentials.issuedAt), desc(credentials.id))
        .limit(pageLimit(query.limit, { fallback: 50, max: 1000 }))
        .offset(pageOffset(query.offset)),
    );
    return {
      items: rows.map(({ row, state }) => ({ record: toCredential(row), state })),
      total: rows[0]?.total ?? 0,
    };
  }

  async statistics(options: {
    readonly issuerId: string;
    readonly since: Date;
    readonly at: Date;
  }): Promise<IssuedStatistics> {
    const byState: Record<IssuedState, number> = {
      pending: 0,
      accepted: 0,
      declined: 0,
      revoked: 0,
      suspended: 0,
      expired: 0,
    };
    if (!isUuid(options.issuerId)) return { total: 0, issuedSince: 0, byState };
    const state = issuedState(options.at);
    const rows = await guarded('credential', () =>
      this.#db
        .select({
          state: sql<IssuedState>`${state}`,
          count: sql<number>`count(*)`.mapWith(Number),
          since: sql<number>`count(*) filter (where ${credentials.issuedAt} >= ${options.since})`.mapWith(
            Number,
          ),
        })
        .from(credentials)
        .leftJoin(earnerCredentials, eq(earnerCredentials.credentialId, credentials.id))
        .where(and(eq(credentials.issuerId, options.issuerId), notAWalletCopy))
        .groupBy(sql`1`),
    );
    let total = 0;
    let issuedSince = 0;
    for (const row of rows) {
      byState[row.state] = row.count;
      total += row.count;
      issuedSince += row.since;
    }
    return { total, issuedSince, byState };
  }

  async recordEvent(
    options: { readonly credentialId: string; readonly kind: CredentialEventKind } & Omit<
      CredentialEvent,
      'kind'
    >,
  ): Promise<void> {
    await guarded('credential', () =>
      this.#db.insert(credentialEvents).values({
        credentialId: options.credentialId,
        kind: options.kind,
        reason: options.reason,
        actor: options.actor,
        at: options.at,
      }),
    );
  }

  async listEvents(options: { readonly credentialId: string }): Promise<CredentialEvent[]> {
    if (!isUuid(options.credentialId)) return [];
    const rows = await this.#db
      .select()
      .from(credentialEvents)
      .where(eq(credentialEvents.credentialId, options.credentialId))
      .orderBy(credentialEvents.id);
    return rows.map((row) => ({ kind: row.kind, reason: row.reason, actor: row.actor, at: row.at }));
  }
}

function notFound(id: string): ServerError {
  return new ServerError(ServerErrorCode.NOT_FOUND, 'No such credential', { details: { id } });
}

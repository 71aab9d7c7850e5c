import { ErrorCode, MicrocredError } from '@microcred/vc';
import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type {
  CredentialQuery,
  CredentialRecord,
  CredentialRepository,
  InsertCredentialResult,
  NewCredential,
} from '../../domain/ports/credential-repository.js';
import type { Database } from '../database.js';
import { credentials } from '../schema/credentials.js';
import { guarded, isUuid, pageLimit, pageOffset } from './query-helpers.js';

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
    revokedAt: row.revokedAt,
    revocationReason: row.revocationReason,
    issuedAt: row.issuedAt,
    validUntil: row.validUntil,
    bulkJobId: row.bulkJobId,
    bulkRow: row.bulkRow,
  };
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
      throw new MicrocredError(ErrorCode.INTERNAL, 'the credential insert returned nothing');
    return result;
  }

  async insertMany(inputs: readonly NewCredential[]): Promise<InsertCredentialResult[]> {
    if (inputs.length === 0) return [];
    // ON CONFLICT DO NOTHING, then read the winner: the unique constraints decide between concurrent
    // retries (the loser waits for the winner's commit), never a check-then-insert that two could pass.
    const inserted = await guarded('credential', () =>
      this.#db
        .insert(credentials)
        .values(
          inputs.map((input) => ({
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
            issuedAt: input.issuedAt,
            validUntil: input.validUntil ?? null,
            bulkJobId: input.bulkJobId ?? null,
            bulkRow: input.bulkRow ?? null,
          })),
        )
        .onConflictDoNothing()
        .returning(),
    );
    const byId = new Map(inserted.map((row) => [row.id, row]));
    const results: InsertCredentialResult[] = [];
    for (const input of inputs) {
      const row = byId.get(input.id);
      results.push(
        row === undefined ? await this.#existingFor(input) : { credential: toCredential(row), created: true },
      );
    }
    return results;
  }

  async #existingFor(input: NewCredential): Promise<InsertCredentialResult> {
    const existing = await this.#findRetried(input);
    if (existing !== null) return { credential: existing, created: false };
    // Not a retry: the id or the status entry is taken. Both are chosen by us, so this is a bug.
    throw new MicrocredError(ErrorCode.CONFLICT, 'The credential id or status list entry is already used', {
      details: { id: input.id },
    });
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
        .where(and(inArray(credentials.achievementId, ids), isNull(credentials.revokedAt)))
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
    throw new MicrocredError(ErrorCode.CONFLICT, 'The credential is already revoked, for another reason', {
      details: { id: options.id },
    });
  }
}

function notFound(id: string): MicrocredError {
  return new MicrocredError(ErrorCode.NOT_FOUND, 'No such credential', { details: { id } });
}

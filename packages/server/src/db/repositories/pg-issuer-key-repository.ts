import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type {
  IssuerKey,
  IssuerKeyRepository,
  NewIssuerKey,
} from '../../domain/ports/issuer-key-repository.js';
import type { Database } from '../database.js';
import { issuerKeys } from '../schema/issuer-keys.js';
import { guarded, isUuid, onlyRow } from './query-helpers.js';

type IssuerKeyRow = typeof issuerKeys.$inferSelect;

function toIssuerKey(row: IssuerKeyRow): IssuerKey {
  return {
    id: row.id,
    issuerId: row.issuerId,
    keyId: row.keyId,
    publicKeyMultibase: row.publicKeyMultibase,
    encryptedSecret: row.encryptedSecret,
    createdAt: row.createdAt,
    retiredAt: row.retiredAt,
    revokedAt: row.revokedAt,
  };
}

const isActive = and(isNull(issuerKeys.retiredAt), isNull(issuerKeys.revokedAt));

/** `IssuerKeyRepository` on PostgreSQL or PGlite. */
export class PgIssuerKeyRepository implements IssuerKeyRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async add(input: NewIssuerKey): Promise<IssuerKey> {
    return guarded('issuer key', () =>
      this.#db.transaction(async (tx) => {
        // Retire first: the partial unique index allows one active key, so a concurrent rotation that
        // read the same active key fails on insert instead of leaving two signing keys.
        await tx
          .update(issuerKeys)
          .set({ retiredAt: sql`now()` })
          .where(and(eq(issuerKeys.issuerId, input.issuerId), isActive));
        const rows = await tx
          .insert(issuerKeys)
          .values({
            id: input.id,
            issuerId: input.issuerId,
            keyId: input.keyId,
            publicKeyMultibase: input.publicKeyMultibase,
            encryptedSecret: input.encryptedSecret,
          })
          .returning();
        return toIssuerKey(onlyRow(rows, 'issuer key'));
      }),
    );
  }

  async findActive(options: { readonly issuerId: string }): Promise<IssuerKey | null> {
    if (!isUuid(options.issuerId)) return null;
    const [row] = await guarded('issuer key', () =>
      this.#db
        .select()
        .from(issuerKeys)
        .where(and(eq(issuerKeys.issuerId, options.issuerId), isActive)),
    );
    return row === undefined ? null : toIssuerKey(row);
  }

  async list(options: { readonly issuerId: string }): Promise<IssuerKey[]> {
    if (!isUuid(options.issuerId)) return [];
    const rows = await guarded('issuer key', () =>
      this.#db
        .select()
        .from(issuerKeys)
        .where(eq(issuerKeys.issuerId, options.issuerId))
        .orderBy(asc(issuerKeys.createdAt), asc(issuerKeys.keyId)),
    );
    return rows.map(toIssuerKey);
  }

  async revoke(options: { readonly id: string; readonly at: Date }): Promise<boolean> {
    if (!isUuid(options.id)) return false;
    const rows = await guarded('issuer key', () =>
      this.#db
        .update(issuerKeys)
        .set({ revokedAt: options.at })
        .where(and(eq(issuerKeys.id, options.id), isNull(issuerKeys.revokedAt)))
        .returning({ id: issuerKeys.id }),
    );
    return rows.length > 0;
  }
}

import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { ApiKey, ApiKeyRepository, NewApiKey } from '../../domain/ports/api-key-repository.js';
import type { Database } from '../database.js';
import { apiKeys } from '../schema/api-keys.js';
import { guarded, isUuid, onlyRow } from './query-helpers.js';

type ApiKeyRow = typeof apiKeys.$inferSelect;

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    issuerId: row.issuerId,
    employerId: row.employerId,
    name: row.name,
    prefix: row.prefix,
    hash: row.hash,
    scopes: row.scopes,
    role: row.role,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

/** `ApiKeyRepository` on PostgreSQL or PGlite. */
export class PgApiKeyRepository implements ApiKeyRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async create(input: NewApiKey): Promise<ApiKey> {
    const rows = await guarded('API key', () =>
      this.#db
        .insert(apiKeys)
        .values({
          id: input.id,
          issuerId: input.issuerId,
          employerId: input.employerId ?? null,
          name: input.name,
          prefix: input.prefix,
          hash: input.hash,
          scopes: input.scopes === undefined ? undefined : [...input.scopes],
          role: input.role,
        })
        .returning(),
    );
    return toApiKey(onlyRow(rows, 'API key'));
  }

  async findByPrefix(options: { readonly prefix: string }): Promise<ApiKey | null> {
    const [row] = await guarded('API key', () =>
      this.#db.select().from(apiKeys).where(eq(apiKeys.prefix, options.prefix)),
    );
    return row === undefined ? null : toApiKey(row);
  }

  async list(
    options: { readonly issuerId: string | null } | { readonly employerId: string },
  ): Promise<ApiKey[]> {
    const owner = 'employerId' in options ? options.employerId : options.issuerId;
    if (owner !== null && !isUuid(owner)) return [];
    const where =
      'employerId' in options
        ? eq(apiKeys.employerId, options.employerId)
        : options.issuerId === null
          ? eq(apiKeys.role, 'admin')
          : eq(apiKeys.issuerId, options.issuerId);
    const rows = await guarded('API key', () =>
      this.#db.select().from(apiKeys).where(where).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)),
    );
    return rows.map(toApiKey);
  }

  async touch(options: { readonly id: string; readonly at: Date }): Promise<void> {
    if (!isUuid(options.id)) return;
    // At most one write a minute per key: every request calls this, and a row rewrite per request is waste.
    await guarded('API key', () =>
      this.#db
        .update(apiKeys)
        .set({ lastUsedAt: options.at })
        .where(
          and(
            eq(apiKeys.id, options.id),
            or(
              isNull(apiKeys.lastUsedAt),
              lt(apiKeys.lastUsedAt, sql`${options.at.toISOString()}::timestamptz - interval '1 minute'`),
            ),
          ),
        ),
    );
  }

  async revoke(options: { readonly id: string; readonly at: Date }): Promise<boolean> {
    if (!isUuid(options.id)) return false;
    const rows = await guarded('API key', () =>
      this.#db
        .update(apiKeys)
        .set({ revokedAt: options.at })
        .where(and(eq(apiKeys.id, options.id), isNull(apiKeys.revokedAt)))
        .returning({ id: apiKeys.id }),
    );
    return rows.length > 0;
  }
}

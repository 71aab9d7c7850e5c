import { and, desc, eq, isNull } from 'drizzle-orm';
import type {
  ConnectedApp,
  ObApiClient,
  ObApiGrant,
  ObApiRepository,
  ObApiToken,
  ObApiTokenWithGrant,
} from '../../domain/ports/ob-api-repository.js';
import type { Database } from '../database.js';
import { obApiClients, obApiGrants, obApiTokens } from '../schema/ob-api.js';
import { guarded, onlyRow } from './query-helpers.js';

type ClientRow = typeof obApiClients.$inferSelect;
type GrantRow = typeof obApiGrants.$inferSelect;
type TokenRow = typeof obApiTokens.$inferSelect;

function toClient(row: ClientRow): ObApiClient {
  return { ...row, redirectUris: [...row.redirectUris] };
}

function toGrant(row: GrantRow): ObApiGrant {
  return { ...row };
}

function toToken(row: TokenRow): ObApiToken {
  return { ...row };
}

/** `ObApiRepository` on PostgreSQL or PGlite. */
export class PgObApiRepository implements ObApiRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async insertClient(client: Omit<ObApiClient, 'createdAt'>): Promise<ObApiClient> {
    const rows = await guarded('OB API client', () =>
      this.#db
        .insert(obApiClients)
        .values({ ...client, redirectUris: [...client.redirectUris] })
        .returning(),
    );
    return toClient(onlyRow(rows, 'OB API client'));
  }

  async findClient(options: { readonly clientId: string }): Promise<ObApiClient | null> {
    const [row] = await guarded('OB API client', () =>
      this.#db.select().from(obApiClients).where(eq(obApiClients.clientId, options.clientId)),
    );
    return row === undefined ? null : toClient(row);
  }

  async insertGrant(grant: Pick<ObApiGrant, 'clientId' | 'earnerId' | 'scope'>): Promise<ObApiGrant> {
    const rows = await guarded('OB API grant', () => this.#db.insert(obApiGrants).values(grant).returning());
    return toGrant(onlyRow(rows, 'OB API grant'));
  }

  async insertToken(token: Omit<ObApiToken, 'usedAt' | 'revokedAt'>): Promise<void> {
    await guarded('OB API token', () => this.#db.insert(obApiTokens).values(token));
  }

  async findToken(options: { readonly tokenHash: string }): Promise<ObApiTokenWithGrant | null> {
    const [row] = await guarded('OB API token', () =>
      this.#db
        .select({ token: obApiTokens, grant: obApiGrants })
        .from(obApiTokens)
        .innerJoin(obApiGrants, eq(obApiGrants.id, obApiTokens.grantId))
        .where(eq(obApiTokens.tokenHash, options.tokenHash)),
    );
    return row === undefined ? null : { token: toToken(row.token), grant: toGrant(row.grant) };
  }

  async useToken(options: {
    readonly tokenHash: string;
    readonly kind: 'code' | 'refresh';
    readonly at: Date;
  }): Promise<ObApiTokenWithGrant | null> {
    // One conditional update: of two concurrent exchanges of one code, exactly one sees a row.
    const [used] = await guarded('OB API token', () =>
      this.#db
        .update(obApiTokens)
        .set({ usedAt: options.at })
        .where(
          and(
            eq(obApiTokens.tokenHash, options.tokenHash),
            eq(obApiTokens.kind, options.kind),
            isNull(obApiTokens.usedAt),
          ),
        )
        .returning(),
    );
    if (used === undefined) return null;
    const [grant] = await guarded('OB API grant', () =>
      this.#db.select().from(obApiGrants).where(eq(obApiGrants.id, used.grantId)),
    );
    return grant === undefined ? null : { token: toToken(used), grant: toGrant(grant) };
  }

  async revokeToken(options: { readonly tokenHash: string; readonly at: Date }): Promise<void> {
    await guarded('OB API token', () =>
      this.#db
        .update(obApiTokens)
        .set({ revokedAt: options.at })
        .where(and(eq(obApiTokens.tokenHash, options.tokenHash), isNull(obApiTokens.revokedAt))),
    );
  }

  async revokeGrant(options: { readonly grantId: string; readonly at: Date }): Promise<void> {
    await guarded('OB API grant', () =>
      this.#db
        .update(obApiGrants)
        .set({ revokedAt: options.at })
        .where(and(eq(obApiGrants.id, options.grantId), isNull(obApiGrants.revokedAt))),
    );
  }

  async revokeClient(options: {
    readonly earnerId: string;
    readonly clientId: string;
    readonly at: Date;
  }): Promise<number> {
    const rows = await guarded('OB API grant', () =>
      this.#db
        .update(obApiGrants)
        .set({ revokedAt: options.at })
        .where(
          and(
            eq(obApiGrants.earnerId, options.earnerId),
            eq(obApiGrants.clientId, options.clientId),
            isNull(obApiGrants.revokedAt),
          ),
        )
        .returning({ id: obApiGrants.id }),
    );
    return rows.length;
  }

  async listConnected(options: { readonly earnerId: string }): Promise<ConnectedApp[]> {
    const rows = await guarded('OB API grant', () =>
      this.#db
        .select({ grant: obApiGrants, client: obApiClients })
        .from(obApiGrants)
        .innerJoin(obApiClients, eq(obApiClients.clientId, obApiGrants.clientId))
        .where(and(eq(obApiGrants.earnerId, options.earnerId), isNull(obApiGrants.revokedAt)))
        .orderBy(desc(obApiGrants.createdAt))
        .limit(500),
    );
    const byClient = new Map<string, { client: ObApiClient; scopes: Set<string>; connectedAt: Date }>();
    for (const row of rows) {
      const entry = byClient.get(row.client.clientId) ?? {
        client: toClient(row.client),
        scopes: new Set<string>(),
        connectedAt: row.grant.createdAt,
      };
      for (const scope of row.grant.scope.split(' ')) if (scope !== '') entry.scopes.add(scope);
      byClient.set(row.client.clientId, entry);
    }
    return [...byClient.values()].map((entry) => ({
      client: entry.client,
      scopes: [...entry.scopes].sort(),
      connectedAt: entry.connectedAt,
    }));
  }
}

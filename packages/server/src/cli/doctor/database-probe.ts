import { and, desc, isNull, sql } from 'drizzle-orm';
import { countPendingMigrations } from '../../db/migration-status.js';
import type { DatabaseHandle } from '../../db/open-database.js';
import { issuerKeys } from '../../db/schema/issuer-keys.js';
import type { IssuedDid } from './check-public-url.js';
import type { SealedKeySample } from './check-sealed-keys.js';

/** What the doctor asks of the database; an interface so each check is tested without one. */
export interface DatabaseProbe {
  readonly kind: 'pglite' | 'postgres';
  /** `server_version_num` (150004 for 15.4) and `server_version` as the server words it. */
  version(): Promise<{ readonly number: number; readonly text: string }>;
  /** Functions the schema's defaults call that this server lacks. */
  missingFunctions(): Promise<readonly string[]>;
  pendingMigrations(): Promise<number>;
  /** The database server's clock. */
  now(): Promise<Date>;
  /** Each issuer with the issuer DID of its newest credential. */
  issuedDids(): Promise<readonly IssuedDid[]>;
  /** The newest active issuer key, sealed; null when none is stored (or the schema is not there yet). */
  sealedKey(): Promise<SealedKeySample | null>;
}

// Built in since PostgreSQL 13; every table's id default calls it.
const NEEDED_FUNCTIONS = ['gen_random_uuid'] as const;

type Rows<T> = { readonly rows: readonly T[] };

/** The probe on an open database (PGlite or PostgreSQL); reads only, never migrates. */
export function databaseProbe(handle: DatabaseHandle): DatabaseProbe {
  const rows = async <T>(query: ReturnType<typeof sql>): Promise<readonly T[]> =>
    ((await handle.db.execute(query)) as unknown as Rows<T>).rows;
  return {
    kind: handle.kind,
    async version() {
      const [row] = await rows<{ number: string; text: string }>(
        sql`select current_setting('server_version_num') as number, current_setting('server_version') as text`,
      );
      return { number: Number(row?.number), text: row?.text ?? 'unknown' };
    },
    async missingFunctions() {
      const missing: string[] = [];
      for (const name of NEEDED_FUNCTIONS) {
        const [row] = await rows<{ present: boolean }>(
          sql`select to_regproc(${name}) is not null as present`,
        );
        if (row?.present !== true) missing.push(name);
      }
      return missing;
    },
    pendingMigrations: () => countPendingMigrations(handle.db),
    async now() {
      const [row] = await rows<{ now: string }>(
        sql`select (extract(epoch from clock_timestamp()) * 1000)::text as now`,
      );
      return new Date(Number(row?.now));
    },
    async issuedDids() {
      // Per issuer, its newest credential through (issuer_id, issued_at): a few index reads, whatever the
      // number of credentials. A database not migrated yet has no table, hence no credential.
      const [table] = await rows<{ present: boolean }>(
        sql`select to_regclass('public.credentials') is not null and to_regclass('public.issuers') is not null as present`,
      );
      if (table?.present !== true) return [];
      return rows<IssuedDid>(sql`
        select i.slug, newest.did
        from issuers i
        left join lateral (
          select coalesce(c.document->'issuer'->>'id', c.document->>'issuer') as did
          from credentials c
          where c.issuer_id = i.id
          order by c.issued_at desc
          limit 1
        ) newest on true
        order by i.slug`);
    },
    async sealedKey() {
      const [table] = await rows<{ present: boolean }>(
        sql`select to_regclass('public.issuer_keys') is not null as present`,
      );
      if (table?.present !== true) return null;
      const [key] = await handle.db
        .select({
          issuerId: issuerKeys.issuerId,
          keyId: issuerKeys.keyId,
          sealed: issuerKeys.encryptedSecret,
        })
        .from(issuerKeys)
        .where(and(isNull(issuerKeys.retiredAt), isNull(issuerKeys.revokedAt)))
        .orderBy(desc(issuerKeys.createdAt))
        .limit(1);
      return key ?? null;
    },
  };
}

import { type HashAddress, hashAddressKey, type StoredHash } from '@microcred/vc';
import { and, asc, desc, eq, gte, lt, notExists, sql } from 'drizzle-orm';
import type {
  LogLeaf,
  LogTreeState,
  NewLogEntry,
  SealedLogKey,
  StoredCheckpoint,
  TransparencyLogRepository,
  UnloggedCredential,
} from '../../domain/ports/transparency-log-repository.js';
import type { Database } from '../database.js';
import { credentials } from '../schema/credentials.js';
import {
  logCheckpoints,
  logHashes,
  logKeys,
  logLeaves,
  logSequence,
  logTree,
  logWitnesses,
} from '../schema/transparency-log.js';
import { insertRows } from './json-recordset.js';
import { guarded, isUuid, onlyRow } from './query-helpers.js';

// Rows per INSERT: each batch goes as one JSON parameter (jsonRecordset), and this bounds its size.
const CHUNK = 5_000;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) result.push(items.slice(start, start + CHUNK));
  return result;
}

function toLeaf(row: typeof logLeaves.$inferSelect): LogLeaf {
  return {
    index: row.index,
    kind: row.kind,
    entry: row.entry,
    leafHash: row.leafHash,
    ...(row.credentialId === null ? {} : { credentialId: row.credentialId }),
    loggedAt: row.loggedAt,
  };
}

/** `TransparencyLogRepository` on PostgreSQL or PGlite. */
export class PgTransparencyLogRepository implements TransparencyLogRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async append(entries: readonly NewLogEntry[], at: Date): Promise<number> {
    if (entries.length === 0) return -1;
    const [row] = await guarded('log sequence', () =>
      this.#db
        .update(logSequence)
        .set({ next: sql`${logSequence.next} + ${entries.length}` })
        .where(eq(logSequence.id, 1))
        .returning({ next: logSequence.next }),
    );
    const first = onlyRow(row === undefined ? [] : [row], 'log sequence').next - entries.length;
    for (const [chunkIndex, chunk] of chunks(entries).entries()) {
      await guarded('log leaf', () =>
        insertRows(
          this.#db,
          logLeaves,
          ['index', 'kind', 'entry', 'leafHash', 'credentialId', 'loggedAt'],
          chunk.map((entry, i) => ({
            index: first + chunkIndex * CHUNK + i,
            kind: entry.kind,
            entry: entry.entry,
            leafHash: entry.leafHash,
            credentialId: entry.credentialId ?? null,
            loggedAt: at,
          })),
        ),
      );
    }
    return first;
  }

  async lockSequence(): Promise<void> {
    await guarded('log sequence', () =>
      this.#db.select().from(logSequence).where(eq(logSequence.id, 1)).for('update'),
    );
  }

  async unloggedCredentials(options: { readonly limit: number }): Promise<UnloggedCredential[]> {
    const rows = await guarded('credential', () =>
      this.#db
        .select({ id: credentials.id, document: credentials.document })
        .from(credentials)
        .where(
          notExists(
            this.#db
              .select({ one: sql`1` })
              .from(logLeaves)
              .where(eq(logLeaves.credentialId, credentials.id)),
          ),
        )
        .orderBy(asc(credentials.issuedAt), asc(credentials.id))
        .limit(options.limit),
    );
    return rows.map((row) => ({ id: row.id, document: row.document }));
  }

  async lockTree(): Promise<LogTreeState> {
    const rows = await guarded('log tree', () =>
      this.#db.select().from(logTree).where(eq(logTree.id, 1)).for('update'),
    );
    const row = onlyRow(rows, 'log tree');
    return { size: row.size, rootHash: row.rootHash };
  }

  async readTree(): Promise<LogTreeState> {
    const rows = await guarded('log tree', () => this.#db.select().from(logTree).where(eq(logTree.id, 1)));
    const row = onlyRow(rows, 'log tree');
    return { size: row.size, rootHash: row.rootHash };
  }

  async leaves(options: { readonly from: number; readonly limit: number }): Promise<LogLeaf[]> {
    const rows = await guarded('log leaf', () =>
      this.#db
        .select()
        .from(logLeaves)
        .where(and(gte(logLeaves.index, options.from), lt(logLeaves.index, options.from + options.limit)))
        .orderBy(asc(logLeaves.index)),
    );
    return rows.map(toLeaf);
  }

  async leafOfCredential(options: { readonly credentialId: string }): Promise<LogLeaf | null> {
    if (!isUuid(options.credentialId)) return null;
    const rows = await guarded('log leaf', () =>
      this.#db.select().from(logLeaves).where(eq(logLeaves.credentialId, options.credentialId)),
    );
    const row = rows[0];
    return row === undefined ? null : toLeaf(row);
  }

  async readHashes(addresses: readonly HashAddress[]): Promise<Map<string, Uint8Array>> {
    const found = new Map<string, Uint8Array>();
    for (const chunk of chunks(addresses)) {
      const tuples = sql.join(
        chunk.map(({ level, index }) => sql`(${level}::smallint, ${index}::bigint)`),
        sql`, `,
      );
      const rows = await guarded('log hash', () =>
        this.#db.select().from(logHashes).where(sql`(${logHashes.level}, ${logHashes.index}) in (${tuples})`),
      );
      for (const row of rows) found.set(hashAddressKey(row.level, row.index), row.hash);
    }
    return found;
  }

  async hashRange(options: {
    readonly level: number;
    readonly from: number;
    readonly count: number;
  }): Promise<Uint8Array[]> {
    const rows = await guarded('log hash', () =>
      this.#db
        .select({ hash: logHashes.hash })
        .from(logHashes)
        .where(
          and(
            eq(logHashes.level, options.level),
            gte(logHashes.index, options.from),
            lt(logHashes.index, options.from + options.count),
          ),
        )
        .orderBy(asc(logHashes.index)),
    );
    return rows.map((row) => row.hash);
  }

  async saveIntegration(options: {
    readonly hashes: readonly StoredHash[];
    readonly tree: LogTreeState;
    readonly checkpoint: StoredCheckpoint;
  }): Promise<void> {
    for (const chunk of chunks(options.hashes)) {
      await guarded('log hash', () => insertRows(this.#db, logHashes, ['level', 'index', 'hash'], chunk));
    }
    await guarded('log tree', () =>
      this.#db
        .update(logTree)
        .set({ size: options.tree.size, rootHash: options.tree.rootHash })
        .where(eq(logTree.id, 1)),
    );
    await guarded('log checkpoint', () =>
      this.#db.insert(logCheckpoints).values(options.checkpoint).onConflictDoNothing(),
    );
  }

  async latestCheckpoint(): Promise<StoredCheckpoint | null> {
    const rows = await guarded('log checkpoint', () =>
      this.#db.select().from(logCheckpoints).orderBy(desc(logCheckpoints.treeSize)).limit(1),
    );
    return rows[0] ?? null;
  }

  async latestWitnessedCheckpoint(options: {
    readonly cosignatures: number;
  }): Promise<StoredCheckpoint | null> {
    const rows = await guarded('log checkpoint', () =>
      this.#db
        .select()
        .from(logCheckpoints)
        .where(gte(logCheckpoints.cosignatures, options.cosignatures))
        .orderBy(desc(logCheckpoints.treeSize))
        .limit(1),
    );
    return rows[0] ?? null;
  }

  async witnessedSizes(): Promise<Map<string, number>> {
    const rows = await guarded('log witness', () => this.#db.select().from(logWitnesses));
    return new Map(rows.map((row) => [row.url, row.cosignedSize]));
  }

  async saveCosignatures(options: {
    readonly treeSize: number;
    readonly note: string;
    readonly cosignatures: number;
    readonly witnesses: readonly string[];
  }): Promise<void> {
    await guarded('log checkpoint', () =>
      this.#db
        .update(logCheckpoints)
        .set({ note: options.note, cosignatures: options.cosignatures })
        .where(eq(logCheckpoints.treeSize, options.treeSize)),
    );
    for (const url of options.witnesses) {
      await guarded('log witness', () =>
        this.#db
          .insert(logWitnesses)
          .values({ url, cosignedSize: options.treeSize })
          .onConflictDoUpdate({ target: logWitnesses.url, set: { cosignedSize: options.treeSize } }),
      );
    }
  }

  async findKey(options: { readonly keyId: string }): Promise<SealedLogKey | null> {
    const rows = await guarded('log key', () =>
      this.#db.select().from(logKeys).where(eq(logKeys.keyId, options.keyId)),
    );
    const row = rows[0];
    return row === undefined
      ? null
      : { keyId: row.keyId, publicKey: row.publicKey, sealedSecret: row.sealedSecret };
  }

  async saveKey(key: SealedLogKey): Promise<SealedLogKey> {
    await guarded('log key', () => this.#db.insert(logKeys).values(key).onConflictDoNothing());
    const stored = await this.findKey({ keyId: key.keyId });
    return onlyRow(stored === null ? [] : [stored], 'log key');
  }
}

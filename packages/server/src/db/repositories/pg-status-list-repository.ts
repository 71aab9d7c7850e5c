import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type {
  StatusAllocation,
  StatusList,
  StatusListHead,
  StatusListRepository,
  StatusPurpose,
} from '../../domain/ports/status-list-repository.js';
import type { Database } from '../database.js';
import { MAX_STATUS_LIST_LENGTH, permutedStatusIndexes } from '../permuted-status-indexes.js';
import { statusLists } from '../schema/status-lists.js';
import { guarded, isUuid } from './query-helpers.js';

/** Bitstring Status List §6.1: at least 131,072 entries (16 KiB) so a list gives its holders herd privacy. */
export const DEFAULT_STATUS_LIST_LENGTH = 131_072;

const MAX_ALLOCATION = 100_000;

export interface PgStatusListRepositoryOptions {
  readonly db: Database;
  /** Entries of each new list; a multiple of 8. Tests use short lists to see one fill up. */
  readonly listLength?: number;
  readonly randomBytes?: (size: number) => Uint8Array;
}

type StatusListRow = typeof statusLists.$inferSelect;

function toStatusListHead(row: Omit<StatusListRow, 'bits'>): StatusListHead {
  return {
    id: row.id,
    issuerId: row.issuerId,
    purpose: row.purpose,
    length: row.length,
    version: row.version,
    allocated: row.nextPosition,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toStatusList(row: StatusListRow): StatusList {
  return { ...toStatusListHead(row), bits: row.bits };
}

interface Grant {
  readonly statusListId: string;
  readonly seed: Uint8Array;
  readonly length: number;
  readonly from: number;
  readonly to: number;
}

/** `StatusListRepository` on PostgreSQL or PGlite. */
export class PgStatusListRepository implements StatusListRepository {
  readonly #db: Database;
  readonly #listLength: number;
  readonly #randomBytes: (size: number) => Uint8Array;

  constructor(options: PgStatusListRepositoryOptions) {
    const listLength = options.listLength ?? DEFAULT_STATUS_LIST_LENGTH;
    if (!Number.isSafeInteger(listLength) || listLength < 8 || listLength % 8 !== 0) {
      throw new RangeError('A status list length is a positive multiple of 8');
    }
    if (listLength > MAX_STATUS_LIST_LENGTH) throw new RangeError('A status list length is at most 2^24');
    this.#db = options.db;
    this.#listLength = listLength;
    this.#randomBytes = options.randomBytes ?? nodeRandomBytes;
  }

  async allocate(options: {
    readonly issuerId: string;
    readonly purpose: StatusPurpose;
    readonly count?: number;
  }): Promise<StatusAllocation[]> {
    const count = options.count ?? 1;
    if (!Number.isSafeInteger(count) || count < 1 || count > MAX_ALLOCATION) {
      throw new ServerError(
        ServerErrorCode.RANGE_ERROR,
        `Allocate between 1 and ${MAX_ALLOCATION} entries at a time`,
      );
    }
    if (!isUuid(options.issuerId)) throw noIssuer(options.issuerId);
    const allocations: StatusAllocation[] = [];
    while (allocations.length < count) {
      const grant = await this.#grant(options.issuerId, options.purpose, count - allocations.length);
      for (const index of permutedStatusIndexes(grant)) {
        allocations.push({ statusListId: grant.statusListId, index });
      }
    }
    return allocations;
  }

  /**
   * Advances the open list's counter under its row lock, so concurrent allocators queue for a moment and
   * each gets its own positions. Outside a transaction this commits at once (an entry whose credential
   * is never stored just stays unused); inside one, the lock is held until it ends and a rollback gives
   * the positions back together with everything else, so an entry is still never used twice.
   */
  async #grant(issuerId: string, purpose: StatusPurpose, wanted: number): Promise<Grant> {
    return guarded('status list', () =>
      this.#db.transaction(async (tx) => {
        for (;;) {
          const [open] = await tx
            .select({
              id: statusLists.id,
              length: statusLists.length,
              nextPosition: statusLists.nextPosition,
              indexSeed: statusLists.indexSeed,
            })
            .from(statusLists)
            .where(
              and(
                eq(statusLists.issuerId, issuerId),
                eq(statusLists.purpose, purpose),
                eq(statusLists.isOpen, true),
              ),
            )
            .for('update');
          if (open !== undefined) {
            const to = Math.min(open.length, open.nextPosition + wanted);
            await tx
              .update(statusLists)
              .set({ nextPosition: to, isOpen: to < open.length })
              .where(eq(statusLists.id, open.id));
            return {
              statusListId: open.id,
              seed: open.indexSeed,
              length: open.length,
              from: open.nextPosition,
              to,
            };
          }
          // No open list: open one. A concurrent allocator may open it first; the partial unique index
          // turns our insert into a no-op and the next turn of the loop locks theirs.
          await tx
            .insert(statusLists)
            .values({
              issuerId,
              purpose,
              length: this.#listLength,
              bits: new Uint8Array(this.#listLength / 8),
              indexSeed: this.#randomBytes(32),
            })
            .onConflictDoNothing();
        }
      }),
    );
  }

  async setStatus(options: {
    readonly statusListId: string;
    readonly index: number;
    readonly value: boolean;
  }): Promise<{ readonly version: number; readonly changed: boolean }> {
    const { statusListId, index, value } = options;
    if (!isUuid(statusListId)) throw noList(statusListId);
    if (!Number.isSafeInteger(index) || index < 0 || index >= MAX_STATUS_LIST_LENGTH) throw outOfRange(index);
    // The spec numbers bits from the most significant bit of byte 0; PostgreSQL's get_bit/set_bit number
    // them from the least significant one. Flipping the low three bits maps one onto the other.
    const bit = index ^ 7;
    const wanted = value ? 1 : 0;
    const [row] = await guarded('status list', () =>
      this.#db
        .update(statusLists)
        .set({
          bits: sql`set_bit(${statusLists.bits}, ${bit}, ${wanted})`,
          version: sql`${statusLists.version} + 1`,
          updatedAt: sql`now()`,
        })
        // CASE keeps get_bit from running on an index past the end, which would raise an error.
        .where(
          and(
            eq(statusLists.id, statusListId),
            sql`case when ${index} < ${statusLists.length} then get_bit(${statusLists.bits}, ${bit}) <> ${wanted} else false end`,
          ),
        )
        .returning({ version: statusLists.version }),
    );
    if (row !== undefined) return { version: row.version, changed: true };

    const [current] = await guarded('status list', () =>
      this.#db
        .select({ version: statusLists.version, length: statusLists.length })
        .from(statusLists)
        .where(eq(statusLists.id, statusListId)),
    );
    if (current === undefined) throw noList(statusListId);
    if (index >= current.length) throw outOfRange(index);
    return { version: current.version, changed: false };
  }

  async findById(options: { readonly id: string }): Promise<StatusList | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('status list', () =>
      this.#db.select().from(statusLists).where(eq(statusLists.id, options.id)),
    );
    return row === undefined ? null : toStatusList(row);
  }

  async findHead(options: { readonly id: string }): Promise<StatusListHead | null> {
    if (!isUuid(options.id)) return null;
    const { bits: _bits, ...head } = getTableColumns(statusLists);
    const [row] = await guarded('status list', () =>
      this.#db.select(head).from(statusLists).where(eq(statusLists.id, options.id)),
    );
    return row === undefined ? null : toStatusListHead(row);
  }

  async list(options: {
    readonly issuerId: string;
    readonly purpose?: StatusPurpose;
  }): Promise<StatusList[]> {
    if (!isUuid(options.issuerId)) return [];
    const rows = await guarded('status list', () =>
      this.#db
        .select()
        .from(statusLists)
        .where(
          and(
            eq(statusLists.issuerId, options.issuerId),
            options.purpose === undefined ? undefined : eq(statusLists.purpose, options.purpose),
          ),
        )
        .orderBy(asc(statusLists.createdAt), asc(statusLists.id)),
    );
    return rows.map(toStatusList);
  }
}

function noIssuer(id: string): ServerError {
  return new ServerError(ServerErrorCode.NOT_FOUND, 'No such issuer', { details: { id } });
}

function noList(id: string): ServerError {
  return new ServerError(ServerErrorCode.NOT_FOUND, 'No such status list', { details: { id } });
}

function outOfRange(index: number): ServerError {
  return new ServerError(ServerErrorCode.RANGE_ERROR, 'The status index is outside the list', {
    details: { index },
  });
}

import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type {
  Endorsement,
  EndorsementRepository,
  NewEndorsement,
} from '../../domain/ports/endorsement-repository.js';
import type { Database } from '../database.js';
import { achievements } from '../schema/achievements.js';
import { endorsements } from '../schema/endorsements.js';
import { guarded, isUuid, onlyRow } from './query-helpers.js';

function toEndorsement(row: typeof endorsements.$inferSelect): Endorsement {
  return {
    id: row.id,
    endorserId: row.endorserId,
    achievementId: row.achievementId,
    endorsedIssuerId: row.endorsedIssuerId,
    comment: row.comment,
    document: row.document,
    statusListId: row.statusListId,
    statusIndex: row.statusIndex,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    withdrawnAt: row.withdrawnAt,
    withdrawnReason: row.withdrawnReason,
  };
}

/** `EndorsementRepository` on PostgreSQL or PGlite. */
export class PgEndorsementRepository implements EndorsementRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async insert(input: NewEndorsement): Promise<Endorsement> {
    const rows = await guarded('endorsement', () =>
      this.#db
        .insert(endorsements)
        .values({ ...input })
        .returning(),
    );
    return toEndorsement(onlyRow(rows, 'endorsement'));
  }

  async findById(options: { readonly id: string }): Promise<Endorsement | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('endorsement', () =>
      this.#db.select().from(endorsements).where(eq(endorsements.id, options.id)),
    );
    return row === undefined ? null : toEndorsement(row);
  }

  async list(options: {
    readonly achievementId?: string;
    readonly achievementIds?: readonly string[];
    readonly achievementIssuerId?: string;
    readonly endorsedIssuerId?: string;
    readonly endorserId?: string;
    readonly includeWithdrawn?: boolean;
  }): Promise<Endorsement[]> {
    const conditions: SQL[] = [];
    for (const [column, value] of [
      [endorsements.achievementId, options.achievementId],
      [endorsements.endorsedIssuerId, options.endorsedIssuerId],
      [endorsements.endorserId, options.endorserId],
    ] as const) {
      if (value === undefined) continue;
      if (!isUuid(value)) return [];
      conditions.push(eq(column, value));
    }
    if (options.achievementIds !== undefined) {
      const ids = options.achievementIds.filter(isUuid);
      if (ids.length === 0) return [];
      conditions.push(inArray(endorsements.achievementId, ids));
    }
    if (options.achievementIssuerId !== undefined) {
      if (!isUuid(options.achievementIssuerId)) return [];
      conditions.push(
        inArray(
          endorsements.achievementId,
          this.#db
            .select({ id: achievements.id })
            .from(achievements)
            .where(eq(achievements.issuerId, options.achievementIssuerId)),
        ),
      );
    }
    if (options.includeWithdrawn !== true) conditions.push(isNull(endorsements.withdrawnAt));
    const rows = await guarded('endorsement', () =>
      this.#db
        .select()
        .from(endorsements)
        .where(and(...conditions))
        .orderBy(desc(endorsements.createdAt), desc(endorsements.id)),
    );
    return rows.map(toEndorsement);
  }

  async withdraw(options: {
    readonly id: string;
    readonly at: Date;
    readonly reason: string | null;
  }): Promise<Endorsement | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('endorsement', () =>
      this.#db
        .update(endorsements)
        .set({
          withdrawnAt: sql`coalesce(${endorsements.withdrawnAt}, ${options.at.toISOString()}::timestamptz)`,
          withdrawnReason: sql`coalesce(${endorsements.withdrawnReason}, ${options.reason})`,
        })
        .where(eq(endorsements.id, options.id))
        .returning(),
    );
    return row === undefined ? null : toEndorsement(row);
  }
}

import { and, desc, eq, sql } from 'drizzle-orm';
import type {
  NewPathwayAward,
  PathwayAward,
  PathwayEarnerRepository,
  PathwayEnrollment,
} from '../../domain/ports/pathway-earner-repository.js';
import type { Database } from '../database.js';
import { pathwayAwards } from '../schema/pathway-awards.js';
import { pathwayEnrollments } from '../schema/pathway-enrollments.js';
import { guarded, isUuid, onlyRow } from './query-helpers.js';

type AwardRow = typeof pathwayAwards.$inferSelect;

function toAward(row: AwardRow): PathwayAward {
  return {
    id: row.id,
    pathwayId: row.pathwayId,
    achievementId: row.achievementId,
    earner: row.earner,
    generation: row.generation,
    version: row.version,
    credentialId: row.credentialId,
    state: row.state,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
  };
}

function toEnrollment(row: typeof pathwayEnrollments.$inferSelect): PathwayEnrollment {
  return {
    pathwayId: row.pathwayId,
    earner: row.earner,
    version: row.version,
    startedAt: row.startedAt,
    updatedAt: row.updatedAt,
  };
}

/** `PathwayEarnerRepository` on PostgreSQL or PGlite. */
export class PgPathwayEarnerRepository implements PathwayEarnerRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async findEnrollment(options: {
    readonly pathwayId: string;
    readonly earner: string;
  }): Promise<PathwayEnrollment | null> {
    if (!isUuid(options.pathwayId)) return null;
    const [row] = await guarded('pathway enrollment', () =>
      this.#db
        .select()
        .from(pathwayEnrollments)
        .where(
          and(
            eq(pathwayEnrollments.pathwayId, options.pathwayId),
            eq(pathwayEnrollments.earner, options.earner),
          ),
        ),
    );
    return row === undefined ? null : toEnrollment(row);
  }

  async lockEnrollment(options: {
    readonly pathwayId: string;
    readonly earner: string;
    readonly version: number;
  }): Promise<PathwayEnrollment> {
    return guarded('pathway enrollment', async () => {
      // Insert-if-missing, then lock: concurrent first evaluations both reach the one row, one at a time.
      await this.#db
        .insert(pathwayEnrollments)
        .values({ pathwayId: options.pathwayId, earner: options.earner, version: options.version })
        .onConflictDoNothing();
      const rows = await this.#db
        .select()
        .from(pathwayEnrollments)
        .where(
          and(
            eq(pathwayEnrollments.pathwayId, options.pathwayId),
            eq(pathwayEnrollments.earner, options.earner),
          ),
        )
        .for('update');
      return toEnrollment(onlyRow(rows, 'pathway enrollment'));
    });
  }

  async setEnrollmentVersion(options: {
    readonly pathwayId: string;
    readonly earner: string;
    readonly version: number;
  }): Promise<void> {
    await guarded('pathway enrollment', () =>
      this.#db
        .update(pathwayEnrollments)
        .set({ version: options.version, updatedAt: sql`now()` })
        .where(
          and(
            eq(pathwayEnrollments.pathwayId, options.pathwayId),
            eq(pathwayEnrollments.earner, options.earner),
          ),
        ),
    );
  }

  async listEnrollments(options: { readonly earner: string }): Promise<PathwayEnrollment[]> {
    const rows = await guarded('pathway enrollment', () =>
      this.#db
        .select()
        .from(pathwayEnrollments)
        .where(eq(pathwayEnrollments.earner, options.earner))
        .orderBy(pathwayEnrollments.startedAt),
    );
    return rows.map(toEnrollment);
  }

  async listAwards(options: {
    readonly pathwayId: string;
    readonly earner: string;
  }): Promise<PathwayAward[]> {
    if (!isUuid(options.pathwayId)) return [];
    const rows = await guarded('pathway award', () =>
      this.#db
        .select()
        .from(pathwayAwards)
        .where(and(eq(pathwayAwards.pathwayId, options.pathwayId), eq(pathwayAwards.earner, options.earner)))
        .orderBy(desc(pathwayAwards.generation), pathwayAwards.achievementId),
    );
    return rows.map(toAward);
  }

  async insertAward(
    input: NewPathwayAward,
  ): Promise<{ readonly award: PathwayAward; readonly created: boolean }> {
    return guarded('pathway award', async () => {
      const [row] = await this.#db.insert(pathwayAwards).values(input).onConflictDoNothing().returning();
      if (row !== undefined) return { award: toAward(row), created: true };
      const existing = await this.#db
        .select()
        .from(pathwayAwards)
        .where(
          and(
            eq(pathwayAwards.pathwayId, input.pathwayId),
            eq(pathwayAwards.achievementId, input.achievementId),
            eq(pathwayAwards.earner, input.earner),
            eq(pathwayAwards.generation, input.generation),
          ),
        );
      return { award: toAward(onlyRow(existing, 'pathway award')), created: false };
    });
  }

  async revokeAward(options: { readonly id: string; readonly at: Date }): Promise<void> {
    if (!isUuid(options.id)) return;
    await guarded('pathway award', () =>
      this.#db
        .update(pathwayAwards)
        .set({ state: 'revoked', revokedAt: options.at })
        .where(and(eq(pathwayAwards.id, options.id), eq(pathwayAwards.state, 'active'))),
    );
  }
}

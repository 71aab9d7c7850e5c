import { and, arrayContains, desc, eq, type SQL, sql } from 'drizzle-orm';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type {
  Achievement,
  AchievementPatch,
  AchievementRepository,
  AchievementStatus,
  NewAchievement,
} from '../../domain/ports/achievement-repository.js';
import type { Page } from '../../domain/ports/common.js';
import type { Database } from '../database.js';
import { achievements } from '../schema/achievements.js';
import { guarded, isUuid, onlyRow, pageLimit, pageOffset } from './query-helpers.js';

type AchievementRow = typeof achievements.$inferSelect;

function toAchievement(row: AchievementRow): Achievement {
  return {
    id: row.id,
    issuerId: row.issuerId,
    status: row.status,
    document: row.document,
    name: row.name,
    achievementType: row.achievementType,
    skills: row.skills,
    tags: row.tags,
    level: row.level,
    credits: row.credits,
    hours: row.hours,
    deliveryMode: row.deliveryMode,
    language: row.language,
    validityMonths: row.validityMonths,
    image: row.image,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** `AchievementRepository` on PostgreSQL or PGlite. */
export class PgAchievementRepository implements AchievementRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async create(input: NewAchievement): Promise<Achievement> {
    const rows = await guarded('achievement', () =>
      this.#db
        .insert(achievements)
        .values({
          id: input.id,
          issuerId: input.issuerId,
          status: input.status,
          document: input.document,
          name: input.name,
          achievementType: input.achievementType,
          skills: input.skills === undefined ? undefined : [...input.skills],
          tags: input.tags === undefined ? undefined : [...input.tags],
          level: input.level,
          credits: input.credits,
          hours: input.hours,
          deliveryMode: input.deliveryMode,
          language: input.language,
          validityMonths: input.validityMonths,
          image: input.image,
        })
        .returning(),
    );
    return toAchievement(onlyRow(rows, 'achievement'));
  }

  async findById(options: { readonly id: string }): Promise<Achievement | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('achievement', () =>
      this.#db.select().from(achievements).where(eq(achievements.id, options.id)),
    );
    return row === undefined ? null : toAchievement(row);
  }

  async list(
    options: Page & {
      readonly issuerId?: string;
      readonly status?: AchievementStatus;
      readonly tag?: string;
    },
  ): Promise<Achievement[]> {
    const filters: SQL[] = [];
    if (options.issuerId !== undefined) {
      if (!isUuid(options.issuerId)) return [];
      filters.push(eq(achievements.issuerId, options.issuerId));
    }
    if (options.status !== undefined) filters.push(eq(achievements.status, options.status));
    if (options.tag !== undefined) filters.push(arrayContains(achievements.tags, [options.tag]));
    const rows = await guarded('achievement', () =>
      this.#db
        .select()
        .from(achievements)
        .where(and(...filters))
        .orderBy(desc(achievements.createdAt), desc(achievements.id))
        .limit(pageLimit(options.limit, { fallback: 100, max: 500 }))
        .offset(pageOffset(options.offset)),
    );
    return rows.map(toAchievement);
  }

  async update(options: { readonly id: string; readonly patch: AchievementPatch }): Promise<Achievement> {
    const { patch } = options;
    if (!isUuid(options.id)) throw notFound(options.id);
    const [row] = await guarded('achievement', () =>
      this.#db
        .update(achievements)
        .set({
          status: patch.status,
          document: patch.document,
          name: patch.name,
          achievementType: patch.achievementType,
          skills: patch.skills === undefined ? undefined : [...patch.skills],
          tags: patch.tags === undefined ? undefined : [...patch.tags],
          level: patch.level,
          credits: patch.credits,
          hours: patch.hours,
          deliveryMode: patch.deliveryMode,
          language: patch.language,
          validityMonths: patch.validityMonths,
          image: patch.image,
          updatedAt: sql`now()`,
        })
        .where(eq(achievements.id, options.id))
        .returning(),
    );
    if (row === undefined) throw notFound(options.id);
    return toAchievement(row);
  }
}

function notFound(id: string): ServerError {
  return new ServerError(ServerErrorCode.NOT_FOUND, 'No such achievement', { details: { id } });
}

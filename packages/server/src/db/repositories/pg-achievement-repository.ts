import { and, arrayContains, desc, eq, type SQL, sql } from 'drizzle-orm';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type {
  Achievement,
  AchievementPatch,
  AchievementRepository,
  AchievementStatus,
  CatalogPage,
  CatalogQuery,
  NewAchievement,
} from '../../domain/ports/achievement-repository.js';
import type { Page } from '../../domain/ports/common.js';
import type { Database } from '../database.js';
import { achievements } from '../schema/achievements.js';
import { endorsements } from '../schema/endorsements.js';
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
    industry: row.industry,
    suspendable: row.suspendable,
    image: row.image,
    renewalUrl: row.renewalUrl,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * The columns an insert and an update both write, from a new achievement or a patch: what is undefined
 * is left to the column's default (insert) or as it is (update).
 */
function achievementColumns(fields: AchievementPatch) {
  return {
    status: fields.status,
    document: fields.document,
    name: fields.name,
    achievementType: fields.achievementType,
    skills: fields.skills === undefined ? undefined : [...fields.skills],
    tags: fields.tags === undefined ? undefined : [...fields.tags],
    level: fields.level,
    credits: fields.credits,
    hours: fields.hours,
    deliveryMode: fields.deliveryMode,
    language: fields.language,
    validityMonths: fields.validityMonths,
    industry: fields.industry,
    suspendable: fields.suspendable,
    image: fields.image,
    renewalUrl: fields.renewalUrl,
  } satisfies Partial<typeof achievements.$inferInsert>;
}

/**
 * The words of a catalogue search, as `to_tsquery` operands: letters and digits only, so that no input
 * can be read as tsquery syntax; at most 16 of them.
 */
function catalogWords(text: string | undefined): string[] {
  return (text ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 16);
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
          ...achievementColumns(input),
          id: input.id,
          issuerId: input.issuerId,
          document: input.document,
          name: input.name,
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

  async searchCatalog(query: CatalogQuery): Promise<CatalogPage> {
    const filters: SQL[] = [eq(achievements.status, 'published')];
    if (query.issuerId !== undefined) {
      if (!isUuid(query.issuerId)) return { achievements: [], total: 0 };
      filters.push(eq(achievements.issuerId, query.issuerId));
    }
    if (query.endorserId !== undefined) {
      if (!isUuid(query.endorserId)) return { achievements: [], total: 0 };
      filters.push(
        sql`exists (select 1 from ${endorsements} where ${endorsements.achievementId} = ${achievements.id} and ${endorsements.endorserId} = ${query.endorserId} and ${endorsements.withdrawnAt} is null)`,
      );
    }
    const words = catalogWords(query.text);
    const searchable = sql`to_tsvector('simple', ${achievements.name} || ' ' || coalesce(${achievements.document}->>'description', '') || ' ' || coalesce((select string_agg(skill->>'name', ' ') from jsonb_array_elements(${achievements.skills}) as skill), '') || ' ' || array_to_string(${achievements.tags}, ' '))`;
    const tsQuery = sql`to_tsquery('simple', ${words.map((word) => `${word}:*`).join(' & ')})`;
    if (words.length > 0) filters.push(sql`${searchable} @@ ${tsQuery}`);
    if (query.skill !== undefined) {
      filters.push(
        sql`exists (select 1 from jsonb_array_elements(${achievements.skills}) as skill where skill->>'url' = ${query.skill} or lower(skill->>'name') = lower(${query.skill}))`,
      );
    }
    if (query.level !== undefined) filters.push(sql`lower(${achievements.level}) = lower(${query.level})`);
    if (query.industry !== undefined)
      filters.push(sql`lower(${achievements.industry}) = lower(${query.industry})`);
    if (query.deliveryMode !== undefined) filters.push(eq(achievements.deliveryMode, query.deliveryMode));
    if (query.minHours !== undefined) filters.push(sql`${achievements.hours} >= ${query.minHours}`);
    if (query.maxHours !== undefined) filters.push(sql`${achievements.hours} <= ${query.maxHours}`);
    const rows = await guarded('achievement', () =>
      this.#db
        .select({ row: achievements, total: sql<number>`count(*) over ()`.mapWith(Number) })
        .from(achievements)
        .where(and(...filters))
        .orderBy(
          ...(words.length > 0 ? [sql`ts_rank(${searchable}, ${tsQuery}) desc`] : []),
          desc(achievements.createdAt),
          desc(achievements.id),
        )
        .limit(pageLimit(query.limit, { fallback: 20, max: 100 }))
        .offset(pageOffset(query.offset)),
    );
    return { achievements: rows.map(({ row }) => toAchievement(row)), total: rows[0]?.total ?? 0 };
  }

  async listAligned(options: {
    readonly skillUris: readonly string[];
    readonly limit: number;
  }): Promise<Achievement[]> {
    if (options.skillUris.length === 0) return [];
    const uris = sql`array[${sql.join(
      options.skillUris.map((uri) => sql`${uri}`),
      sql`, `,
    )}]::text[]`;
    const rows = await guarded('achievement', () =>
      this.#db
        .select()
        .from(achievements)
        .where(
          and(
            eq(achievements.status, 'published'),
            sql`exists (select 1 from jsonb_array_elements(${achievements.skills}) as skill where skill->>'url' = any(${uris}))`,
          ),
        )
        .orderBy(desc(achievements.createdAt), desc(achievements.id))
        .limit(pageLimit(options.limit, { fallback: 100, max: 1000 })),
    );
    return rows.map(toAchievement);
  }

  async update(options: { readonly id: string; readonly patch: AchievementPatch }): Promise<Achievement> {
    const { patch } = options;
    if (!isUuid(options.id)) throw notFound(options.id);
    const [row] = await guarded('achievement', () =>
      this.#db
        .update(achievements)
        .set({ ...achievementColumns(patch), updatedAt: sql`now()` })
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

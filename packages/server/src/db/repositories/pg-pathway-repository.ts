import { and, arrayOverlaps, desc, eq, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { Page } from '../../domain/ports/common.js';
import type {
  NewPathwayVersion,
  Pathway,
  PathwayRepository,
  PathwayStatus,
  PathwayVersion,
  PathwayWithVersion,
} from '../../domain/ports/pathway-repository.js';
import type { Database } from '../database.js';
import { pathwayVersions } from '../schema/pathway-versions.js';
import { pathways } from '../schema/pathways.js';
import { guarded, isUuid, onlyRow, pageLimit, pageOffset } from './query-helpers.js';

type PathwayRow = typeof pathways.$inferSelect;
type VersionRow = typeof pathwayVersions.$inferSelect;

function toPathway(row: PathwayRow): Pathway {
  return {
    id: row.id,
    issuerId: row.issuerId,
    name: row.name,
    description: row.description,
    status: row.status,
    currentVersion: row.currentVersion,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toVersion(row: VersionRow): PathwayVersion {
  return {
    pathwayId: row.pathwayId,
    version: row.version,
    rules: row.rules,
    requiredAchievementIds: row.requiredAchievementIds,
    milestoneAchievementIds: row.milestoneAchievementIds,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
  };
}

function versionValues(version: NewPathwayVersion) {
  return {
    rules: version.rules,
    completionAchievementId: version.rules.completionAchievementId,
    requiredAchievementIds: [...version.requiredAchievementIds],
    milestoneAchievementIds: [...version.milestoneAchievementIds],
  };
}

function notFound(id: string): ServerError {
  return new ServerError(ServerErrorCode.NOT_FOUND, 'No such pathway', { details: { id } });
}

/** `PathwayRepository` on PostgreSQL or PGlite. */
export class PgPathwayRepository implements PathwayRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async create(input: {
    readonly id?: string;
    readonly issuerId: string;
    readonly name: string;
    readonly description: string | null;
    readonly status: PathwayStatus;
    readonly version: NewPathwayVersion;
  }): Promise<PathwayWithVersion> {
    return guarded('pathway', () =>
      this.#db.transaction(async (tx) => {
        const pathway = onlyRow(
          await tx
            .insert(pathways)
            .values({
              id: input.id,
              issuerId: input.issuerId,
              name: input.name,
              description: input.description,
              status: input.status,
            })
            .returning(),
          'pathway',
        );
        const version = onlyRow(
          await tx
            .insert(pathwayVersions)
            .values({
              pathwayId: pathway.id,
              version: 1,
              ...versionValues(input.version),
              publishedAt: input.status === 'published' ? sql`now()` : null,
            })
            .returning(),
          'pathway version',
        );
        return { pathway: toPathway(pathway), version: toVersion(version) };
      }),
    );
  }

  async findById(options: { readonly id: string }): Promise<PathwayWithVersion | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('pathway', () =>
      this.#withCurrentVersion().where(eq(pathways.id, options.id)),
    );
    return row === undefined ? null : toPathwayWithVersion(row);
  }

  async findVersion(options: {
    readonly pathwayId: string;
    readonly version: number;
  }): Promise<PathwayVersion | null> {
    if (!isUuid(options.pathwayId) || !Number.isSafeInteger(options.version)) return null;
    const [row] = await guarded('pathway version', () =>
      this.#db
        .select()
        .from(pathwayVersions)
        .where(
          and(eq(pathwayVersions.pathwayId, options.pathwayId), eq(pathwayVersions.version, options.version)),
        ),
    );
    return row === undefined ? null : toVersion(row);
  }

  async list(
    options: Page & { readonly issuerId?: string; readonly status?: PathwayStatus },
  ): Promise<PathwayWithVersion[]> {
    const filters: SQL[] = [];
    if (options.issuerId !== undefined) {
      if (!isUuid(options.issuerId)) return [];
      filters.push(eq(pathways.issuerId, options.issuerId));
    }
    if (options.status !== undefined) filters.push(eq(pathways.status, options.status));
    const rows = await guarded('pathway', () =>
      this.#withCurrentVersion()
        .where(and(...filters))
        .orderBy(desc(pathways.createdAt), desc(pathways.id))
        .limit(pageLimit(options.limit, { fallback: 100, max: 500 }))
        .offset(pageOffset(options.offset)),
    );
    return rows.map(toPathwayWithVersion);
  }

  async updateDraft(options: {
    readonly id: string;
    readonly name?: string;
    readonly description?: string | null;
    readonly version?: NewPathwayVersion;
  }): Promise<PathwayWithVersion> {
    if (!isUuid(options.id)) throw notFound(options.id);
    await guarded('pathway', () =>
      this.#db.transaction(async (tx) => {
        const [row] = await tx
          .update(pathways)
          .set({ name: options.name, description: options.description, updatedAt: sql`now()` })
          .where(and(eq(pathways.id, options.id), eq(pathways.status, 'draft')))
          .returning();
        if (row === undefined) {
          const [existing] = await tx
            .select({ id: pathways.id })
            .from(pathways)
            .where(eq(pathways.id, options.id));
          if (existing === undefined) throw notFound(options.id);
          throw new ServerError(ServerErrorCode.CONFLICT, 'The pathway is published: edits add a version', {
            details: { id: options.id },
          });
        }
        if (options.version !== undefined) {
          await tx
            .update(pathwayVersions)
            .set(versionValues(options.version))
            .where(
              and(eq(pathwayVersions.pathwayId, row.id), eq(pathwayVersions.version, row.currentVersion)),
            );
        }
      }),
    );
    return this.#mustFind(options.id);
  }

  async addVersion(options: {
    readonly id: string;
    readonly expectedVersion: number;
    readonly name?: string;
    readonly description?: string | null;
    readonly version: NewPathwayVersion;
  }): Promise<PathwayWithVersion> {
    if (!isUuid(options.id)) throw notFound(options.id);
    await guarded('pathway', () =>
      this.#db.transaction(async (tx) => {
        const [row] = await tx
          .update(pathways)
          .set({
            name: options.name,
            description: options.description,
            currentVersion: options.expectedVersion + 1,
            updatedAt: sql`now()`,
          })
          .where(
            and(
              eq(pathways.id, options.id),
              eq(pathways.status, 'published'),
              eq(pathways.currentVersion, options.expectedVersion),
            ),
          )
          .returning();
        if (row === undefined) {
          const [existing] = await tx.select().from(pathways).where(eq(pathways.id, options.id));
          if (existing === undefined) throw notFound(options.id);
          throw new ServerError(
            ServerErrorCode.CONFLICT,
            existing.status === 'draft'
              ? 'The pathway is a draft: it is edited in place'
              : `The pathway was edited meanwhile: its current version is ${existing.currentVersion}`,
            { details: { id: options.id, currentVersion: existing.currentVersion } },
          );
        }
        await tx.insert(pathwayVersions).values({
          pathwayId: row.id,
          version: row.currentVersion,
          ...versionValues(options.version),
          publishedAt: sql`now()`,
        });
      }),
    );
    return this.#mustFind(options.id);
  }

  async publish(options: { readonly id: string; readonly at: Date }): Promise<PathwayWithVersion> {
    if (!isUuid(options.id)) throw notFound(options.id);
    await guarded('pathway', () =>
      this.#db.transaction(async (tx) => {
        const [row] = await tx
          .update(pathways)
          .set({ status: 'published', updatedAt: sql`now()` })
          .where(and(eq(pathways.id, options.id), eq(pathways.status, 'draft')))
          .returning();
        if (row === undefined) return;
        await tx
          .update(pathwayVersions)
          .set({ publishedAt: options.at })
          .where(and(eq(pathwayVersions.pathwayId, row.id), eq(pathwayVersions.version, row.currentVersion)));
      }),
    );
    return this.#mustFind(options.id);
  }

  async findReferencing(options: { readonly achievementIds: readonly string[] }): Promise<string[]> {
    const ids = options.achievementIds.filter(isUuid);
    if (ids.length === 0) return [];
    const rows = await guarded('pathway', () =>
      this.#db
        .selectDistinct({ id: pathwayVersions.pathwayId })
        .from(pathwayVersions)
        .innerJoin(pathways, eq(pathways.id, pathwayVersions.pathwayId))
        .where(
          and(
            eq(pathways.status, 'published'),
            isNotNull(pathwayVersions.publishedAt),
            arrayOverlaps(pathwayVersions.requiredAchievementIds, ids),
          ),
        ),
    );
    return rows.map((row) => row.id);
  }

  async findAwarding(options: { readonly achievementIds: readonly string[] }): Promise<PathwayWithVersion[]> {
    const ids = options.achievementIds.filter(isUuid);
    if (ids.length === 0) return [];
    const rows = await guarded('pathway', () =>
      this.#withCurrentVersion().where(
        and(
          eq(pathways.status, 'published'),
          or(
            inArray(pathwayVersions.completionAchievementId, ids),
            arrayOverlaps(pathwayVersions.milestoneAchievementIds, ids),
          ),
        ),
      ),
    );
    return rows.map(toPathwayWithVersion);
  }

  async rename(options: {
    readonly id: string;
    readonly name?: string;
    readonly description?: string | null;
  }): Promise<PathwayWithVersion> {
    if (!isUuid(options.id)) throw notFound(options.id);
    const rows = await guarded('pathway', () =>
      this.#db
        .update(pathways)
        .set({ name: options.name, description: options.description, updatedAt: sql`now()` })
        .where(eq(pathways.id, options.id))
        .returning({ id: pathways.id }),
    );
    if (rows.length === 0) throw notFound(options.id);
    return this.#mustFind(options.id);
  }

  /** Pathways joined to their current version: what every read that returns a pathway needs. */
  #withCurrentVersion() {
    return this.#db
      .select()
      .from(pathways)
      .innerJoin(
        pathwayVersions,
        and(eq(pathwayVersions.pathwayId, pathways.id), eq(pathwayVersions.version, pathways.currentVersion)),
      );
  }

  async #mustFind(id: string): Promise<PathwayWithVersion> {
    const found = await this.findById({ id });
    if (found === null) throw notFound(id);
    return found;
  }
}

function toPathwayWithVersion(row: {
  readonly pathways: typeof pathways.$inferSelect;
  readonly pathway_versions: typeof pathwayVersions.$inferSelect;
}): PathwayWithVersion {
  return { pathway: toPathway(row.pathways), version: toVersion(row.pathway_versions) };
}

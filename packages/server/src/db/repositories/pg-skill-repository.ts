import { eq, sql } from 'drizzle-orm';
import type {
  Occupation,
  SkillConcept,
  SkillRelation,
  SkillRepository,
  SkillsFramework,
  SkillsFrameworkData,
} from '../../domain/ports/skill-repository.js';
import type { Database } from '../database.js';
import { occupationSkills, occupations, skillConcepts, skillFrameworks } from '../schema/skills.js';
import { guarded } from './query-helpers.js';

// Rows per statement: a batch travels as one JSON parameter (json_to_recordset), so its size only
// bounds one statement's memory, never the number of parameters.
const BATCH = 10_000;

function batches<T>(rows: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < rows.length; start += BATCH) result.push(rows.slice(start, start + BATCH));
  return result;
}

type ConceptRow = typeof skillConcepts.$inferSelect;
type OccupationRow = typeof occupations.$inferSelect;

function toConcept(row: ConceptRow): SkillConcept {
  return {
    uri: row.uri,
    frameworkId: row.frameworkId,
    kind: row.kind,
    label: row.label,
    altLabels: row.altLabels,
    description: row.description,
    broaderUri: row.broaderUri,
    occupationCount: row.occupationCount,
  };
}

function toOccupation(row: OccupationRow): Occupation {
  return {
    uri: row.uri,
    frameworkId: row.frameworkId,
    label: row.label,
    code: row.code,
    altLabels: row.altLabels,
    description: row.description,
  };
}

function escapeLike(text: string): string {
  return text.toLowerCase().replace(/[\\%_]/g, '\\$&');
}

function likePattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** `SkillRepository` on PostgreSQL or PGlite. */
export class PgSkillRepository implements SkillRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async importFramework(data: SkillsFrameworkData, at: Date): Promise<SkillsFramework> {
    const id = data.framework.id;
    return guarded('skills framework', () =>
      this.#db.transaction(async (tx) => {
        const counts = {
          skills: data.concepts.filter((concept) => concept.kind !== 'group').length,
          occupations: data.occupations.length,
          relations: data.relations.length,
        };
        const framework = { ...data.framework, importedAt: at, ...counts };
        await tx
          .insert(skillFrameworks)
          .values(framework)
          .onConflictDoUpdate({ target: skillFrameworks.id, set: { ...framework } });
        for (const rows of batches(data.concepts)) {
          await tx.execute(sql`
            insert into skill_concepts (uri, framework_id, kind, label, alt_labels, description, broader_uri, occupation_count)
            select u.uri, ${id}, u.kind, u.label, u."altLabels", u.description, u."broaderUri", u."occupationCount"
            from json_to_recordset(${JSON.stringify(rows)}::json)
              as u(uri text, kind text, label text, "altLabels" text[], description text, "broaderUri" text, "occupationCount" int)
            on conflict (uri) do update set framework_id = excluded.framework_id, kind = excluded.kind,
              label = excluded.label, alt_labels = excluded.alt_labels, description = excluded.description,
              broader_uri = excluded.broader_uri, occupation_count = excluded.occupation_count`);
        }
        for (const rows of batches(data.occupations)) {
          await tx.execute(sql`
            insert into occupations (uri, framework_id, label, code, alt_labels, description)
            select u.uri, ${id}, u.label, u.code, u."altLabels", u.description
            from json_to_recordset(${JSON.stringify(rows)}::json)
              as u(uri text, label text, code text, "altLabels" text[], description text)
            on conflict (uri) do update set framework_id = excluded.framework_id, label = excluded.label,
              code = excluded.code, alt_labels = excluded.alt_labels, description = excluded.description`);
        }
        // Relations are replaced: what the new files no longer list must not linger.
        await tx.execute(sql`
          delete from occupation_skills
          where occupation_uri in (select uri from occupations where framework_id = ${id})`);
        for (const rows of batches(data.relations)) {
          await tx.execute(sql`
            insert into occupation_skills (occupation_uri, skill_uri, relation)
            select u."occupationUri", u."skillUri", u.relation
            from json_to_recordset(${JSON.stringify(rows)}::json)
              as u("occupationUri" text, "skillUri" text, relation text)
            on conflict do nothing`);
        }
        const keptConcepts = JSON.stringify(data.concepts.map((concept) => concept.uri));
        const keptOccupations = JSON.stringify(data.occupations.map((occupation) => occupation.uri));
        await tx.execute(sql`
          delete from skill_concepts where framework_id = ${id}
            and uri not in (select json_array_elements_text(${keptConcepts}::json))`);
        await tx.execute(sql`
          delete from occupations where framework_id = ${id}
            and uri not in (select json_array_elements_text(${keptOccupations}::json))`);
        return framework;
      }),
    );
  }

  async findFramework(options: { readonly id: string }): Promise<SkillsFramework | null> {
    const [row] = await this.#db.select().from(skillFrameworks).where(eq(skillFrameworks.id, options.id));
    return row ?? null;
  }

  async searchSkills(options: { readonly text: string; readonly limit: number }): Promise<SkillConcept[]> {
    const text = options.text.trim().toLowerCase();
    if (text === '') return [];
    const pattern = likePattern(text);
    const prefix = `${escapeLike(text)}%`;
    const rows = await this.#db
      .select()
      .from(skillConcepts)
      .where(
        sql`${skillConcepts.kind} <> 'group' and (lower(${skillConcepts.label}) like ${pattern}
          or exists (select 1 from unnest(${skillConcepts.altLabels}) as alt where lower(alt) like ${pattern}))`,
      )
      .orderBy(
        sql`lower(${skillConcepts.label}) = ${text} desc`,
        sql`lower(${skillConcepts.label}) like ${prefix} desc`,
        sql`lower(${skillConcepts.label}) like ${pattern} desc`,
        sql`${skillConcepts.occupationCount} desc`,
        sql`length(${skillConcepts.label})`,
        skillConcepts.uri,
      )
      .limit(Math.min(Math.max(options.limit, 1), 100));
    return rows.map(toConcept);
  }

  async findConcept(options: { readonly uri: string }): Promise<SkillConcept | null> {
    const [row] = await this.#db.select().from(skillConcepts).where(eq(skillConcepts.uri, options.uri));
    return row === undefined ? null : toConcept(row);
  }

  async findByLabels(options: { readonly labels: readonly string[] }): Promise<SkillConcept[]> {
    if (options.labels.length === 0) return [];
    const labels = JSON.stringify(options.labels.map((label) => label.trim().toLowerCase()));
    const rows = await this.#db
      .select()
      .from(skillConcepts)
      .where(
        sql`${skillConcepts.kind} <> 'group' and lower(${skillConcepts.label}) in (select json_array_elements_text(${labels}::json))`,
      );
    return rows.map(toConcept);
  }

  async listConcepts(options: { readonly frameworkId: string }): Promise<SkillConcept[]> {
    const rows = await this.#db
      .select()
      .from(skillConcepts)
      .where(sql`${skillConcepts.frameworkId} = ${options.frameworkId} and ${skillConcepts.kind} <> 'group'`)
      .orderBy(skillConcepts.uri);
    return rows.map(toConcept);
  }

  async findConcepts(options: { readonly uris: readonly string[] }): Promise<SkillConcept[]> {
    if (options.uris.length === 0) return [];
    const rows = await this.#db
      .select()
      .from(skillConcepts)
      .where(
        sql`${skillConcepts.uri} in (select json_array_elements_text(${JSON.stringify(options.uris)}::json))`,
      );
    return rows.map(toConcept);
  }

  async searchOccupations(options: { readonly text: string; readonly limit: number }): Promise<Occupation[]> {
    const text = options.text.trim().toLowerCase();
    if (text === '') return [];
    const pattern = likePattern(text);
    const prefix = `${escapeLike(text)}%`;
    // About 3,000 occupations: a scan answers in milliseconds, so no trigram index is needed.
    const rows = await this.#db
      .select()
      .from(occupations)
      .where(
        sql`lower(${occupations.label}) like ${pattern}
          or exists (select 1 from unnest(${occupations.altLabels}) as alt where lower(alt) like ${pattern})`,
      )
      .orderBy(
        sql`lower(${occupations.label}) = ${text} desc`,
        sql`lower(${occupations.label}) like ${prefix} desc`,
        sql`lower(${occupations.label}) like ${pattern} desc`,
        sql`length(${occupations.label})`,
        occupations.uri,
      )
      .limit(Math.min(Math.max(options.limit, 1), 100));
    return rows.map(toOccupation);
  }

  async findOccupation(options: { readonly uri: string }): Promise<Occupation | null> {
    const [row] = await this.#db.select().from(occupations).where(eq(occupations.uri, options.uri));
    return row === undefined ? null : toOccupation(row);
  }

  async listOccupationSkills(options: {
    readonly occupationUri: string;
  }): Promise<(SkillConcept & { readonly relation: SkillRelation })[]> {
    const rows = await this.#db
      .select({ concept: skillConcepts, relation: occupationSkills.relation })
      .from(occupationSkills)
      .innerJoin(skillConcepts, eq(skillConcepts.uri, occupationSkills.skillUri))
      .where(eq(occupationSkills.occupationUri, options.occupationUri))
      .orderBy(sql`${occupationSkills.relation} = 'essential' desc`, skillConcepts.label, skillConcepts.uri);
    return rows.map((row) => ({ ...toConcept(row.concept), relation: row.relation }));
  }

  async listOccupationsNeeding(options: {
    readonly skillUri: string;
    readonly limit: number;
  }): Promise<(Occupation & { readonly relation: SkillRelation })[]> {
    const rows = await this.#db
      .select({ occupation: occupations, relation: occupationSkills.relation })
      .from(occupationSkills)
      .innerJoin(occupations, eq(occupations.uri, occupationSkills.occupationUri))
      .where(eq(occupationSkills.skillUri, options.skillUri))
      .orderBy(sql`${occupationSkills.relation} = 'essential' desc`, occupations.label)
      .limit(Math.min(Math.max(options.limit, 1), 500));
    return rows.map((row) => ({ ...toOccupation(row.occupation), relation: row.relation }));
  }
}

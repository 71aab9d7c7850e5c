import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import {
  CONCEPT_KINDS,
  type ConceptKind,
  SKILL_RELATIONS,
  type SkillRelation,
} from '../../domain/ports/skill-repository.js';
import { oneOf, timestamptz } from './columns.js';

/** An imported skills framework and what its last import counted. */
export const skillFrameworks = pgTable('skill_frameworks', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  version: text('version').notNull(),
  attribution: text('attribution').notNull(),
  importedAt: timestamptz('imported_at').notNull(),
  skills: integer('skills').notNull(),
  occupations: integer('occupations').notNull(),
  relations: integer('relations').notNull(),
});

/** Skills, knowledge and their groups, by URI (ESCO URIs are stable identifiers). */
export const skillConcepts = pgTable(
  'skill_concepts',
  {
    uri: text('uri').primaryKey(),
    frameworkId: text('framework_id')
      .notNull()
      .references(() => skillFrameworks.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ConceptKind>().notNull(),
    label: text('label').notNull(),
    altLabels: text('alt_labels').array().notNull().default(sql`'{}'::text[]`),
    description: text('description'),
    broaderUri: text('broader_uri'),
    occupationCount: integer('occupation_count').notNull().default(0),
  },
  (t) => [
    index('skill_concepts_framework_idx').on(t.frameworkId, t.kind),
    index('skill_concepts_label_idx').on(sql`lower(${t.label})`),
    check('skill_concepts_kind', oneOf(t.kind, CONCEPT_KINDS)),
  ],
);

export const occupations = pgTable(
  'occupations',
  {
    uri: text('uri').primaryKey(),
    frameworkId: text('framework_id')
      .notNull()
      .references(() => skillFrameworks.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    code: text('code'),
    altLabels: text('alt_labels').array().notNull().default(sql`'{}'::text[]`),
    description: text('description'),
  },
  (t) => [index('occupations_framework_idx').on(t.frameworkId)],
);

/** Which skills an occupation needs; no foreign keys, so that a framework loads in any order, in bulk. */
export const occupationSkills = pgTable(
  'occupation_skills',
  {
    occupationUri: text('occupation_uri').notNull(),
    skillUri: text('skill_uri').notNull(),
    relation: text('relation').$type<SkillRelation>().notNull(),
  },
  (t) => [
    primaryKey({ name: 'occupation_skills_pk', columns: [t.occupationUri, t.skillUri] }),
    index('occupation_skills_skill_idx').on(t.skillUri),
    check('occupation_skills_relation', oneOf(t.relation, SKILL_RELATIONS)),
  ],
);

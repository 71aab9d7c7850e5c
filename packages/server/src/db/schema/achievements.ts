import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ACHIEVEMENT_STATUSES,
  type AchievementStatus,
  DELIVERY_MODES,
  type DeliveryMode,
  type Skill,
} from '../../domain/ports/achievement-repository.js';
import type { ImageRef, JsonObject } from '../../domain/ports/common.js';
import { oneOf, timestamptz } from './columns.js';
import { issuers } from './issuers.js';

export const achievements = pgTable(
  'achievements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => issuers.id),
    status: text('status').$type<AchievementStatus>().notNull().default('published'),
    document: jsonb('document').$type<JsonObject>().notNull(),
    name: text('name').notNull(),
    achievementType: text('achievement_type').notNull().default('Achievement'),
    skills: jsonb('skills').$type<Skill[]>().notNull().default([]),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    level: text('level'),
    credits: numeric('credits', { mode: 'number' }),
    hours: numeric('hours', { mode: 'number' }),
    deliveryMode: text('delivery_mode').$type<DeliveryMode>(),
    language: text('language'),
    validityMonths: integer('validity_months'),
    industry: text('industry'),
    // Credentials of a suspendable achievement carry a `suspension` status entry instead of `revocation`
    // (OB 3.0 allows one credentialStatus): they can be suspended and reinstated, and a revocation is then
    // a suspension that is never lifted.
    suspendable: boolean('suspendable').notNull().default(false),
    image: jsonb('image').$type<ImageRef>(),
    // Where an earner renews the credential; expiry reminders link to it.
    renewalUrl: text('renewal_url'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('achievements_issuer_status_idx').on(t.issuerId, t.status),
    // Target of the (achievement, issuer) foreign keys that keep credentials and bulk jobs from
    // naming another issuer's achievement.
    unique('achievements_id_issuer_unique').on(t.id, t.issuerId),
    index('achievements_tags_idx').using('gin', t.tags),
    check('achievements_status', oneOf(t.status, ACHIEVEMENT_STATUSES)),
    check('achievements_delivery_mode', oneOf(t.deliveryMode, DELIVERY_MODES)),
    check('achievements_validity_months', sql`${t.validityMonths} is null or ${t.validityMonths} > 0`),
    check('achievements_amounts', sql`coalesce(${t.credits}, 0) >= 0 and coalesce(${t.hours}, 0) >= 0`),
  ],
);

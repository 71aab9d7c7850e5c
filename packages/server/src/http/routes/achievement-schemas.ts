import { z } from '@hono/zod-openapi';
import {
  AchievementInputSchema,
  AchievementPatchSchema,
} from '../../domain/achievement/manage-achievements.js';
import { ACHIEVEMENT_STATUSES, type Achievement, DELIVERY_MODES } from '../../domain/ports/index.js';
import { ImageSchema, PageQuerySchema, timestamp } from './common-schemas.js';

export const AchievementCreateSchema = AchievementInputSchema.openapi('AchievementInput');
export const AchievementUpdateSchema = AchievementPatchSchema.openapi('AchievementPatch');

export const AchievementQuerySchema = PageQuerySchema.extend({
  issuerId: z.uuid().optional(),
  status: z.enum(ACHIEVEMENT_STATUSES).optional(),
  tag: z.string().max(100).optional(),
});

const SkillSchema = z.object({
  name: z.string(),
  framework: z.string().optional(),
  code: z.string().optional(),
  url: z.string().optional(),
});

export const AchievementSchema = z
  .object({
    id: z.uuid(),
    url: z.url().openapi({ description: 'The public OB 3.0 Achievement document (its `id`)' }),
    issuerId: z.uuid(),
    status: z.enum(ACHIEVEMENT_STATUSES),
    name: z.string(),
    achievementType: z.string(),
    skills: z.array(SkillSchema),
    tags: z.array(z.string()),
    level: z.string().nullable(),
    credits: z.number().nullable(),
    hours: z.number().nullable(),
    deliveryMode: z.enum(DELIVERY_MODES).nullable(),
    language: z.string().nullable(),
    validityMonths: z.number().int().nullable(),
    industry: z.string().nullable(),
    suspendable: z.boolean().openapi({
      description:
        'Whether its credentials carry a suspension status entry (can be suspended and reinstated)',
    }),
    image: ImageSchema.nullable(),
    renewalUrl: z
      .url()
      .nullable()
      .openapi({ description: 'Where earners renew; linked from expiry reminders' }),
    document: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'The OB 3.0 Achievement as credentials embed it' }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('Achievement');
export type AchievementJson = z.infer<typeof AchievementSchema>;

/** Field by field, so that a column added to storage is never published by accident. */
export function presentAchievement(achievement: Achievement): AchievementJson {
  return {
    id: achievement.id,
    url: String(achievement.document.id),
    issuerId: achievement.issuerId,
    status: achievement.status,
    name: achievement.name,
    achievementType: achievement.achievementType,
    skills: achievement.skills.map((skill) => ({ ...skill })),
    tags: [...achievement.tags],
    level: achievement.level,
    credits: achievement.credits,
    hours: achievement.hours,
    deliveryMode: achievement.deliveryMode,
    language: achievement.language,
    validityMonths: achievement.validityMonths,
    industry: achievement.industry,
    suspendable: achievement.suspendable,
    image: achievement.image === null ? null : { ...achievement.image },
    renewalUrl: achievement.renewalUrl,
    document: achievement.document,
    createdAt: achievement.createdAt.toISOString(),
    updatedAt: achievement.updatedAt.toISOString(),
  };
}

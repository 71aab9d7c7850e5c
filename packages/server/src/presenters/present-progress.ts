import { z } from '@hono/zod-openapi';
import type { EarnerPathwayProgress } from '../domain/pathway/get-pathway-progress.js';
import { REQUIREMENT_TYPES } from '../domain/pathway/model/requirement-node.js';
import { isoOrNull, timestamp } from './iso-timestamp.js';

const NodeProgressSchema = z
  .object({
    path: z.string().openapi({ example: 'requirement.children.2' }),
    type: z.enum(REQUIREMENT_TYPES),
    name: z.string().nullable(),
    met: z.boolean(),
    metAt: timestamp.nullable(),
    percent: z.number().int().min(0).max(100),
    threshold: z
      .number()
      .nullable()
      .openapi({ description: 'n of an n-of, the credits or hours of a sum, the children of an all-of' }),
    blocked: z.boolean().openapi({ description: 'An ordering predecessor is not met yet' }),
    achievementId: z.uuid().nullable(),
    milestoneAchievementId: z.uuid().nullable(),
    missingAchievementIds: z.array(z.uuid()),
    completingAchievementIds: z
      .array(z.uuid())
      .openapi({ description: 'Any one of these, earned now, would meet this node' }),
    credentialIds: z.array(z.uuid()).openapi({ description: "The earner's credentials this node counts" }),
  })
  .openapi('NodeProgress');

export const ProgressSchema = z
  .object({
    pathwayId: z.uuid(),
    version: z.number().int().openapi({ description: 'The version the earner is held to' }),
    startedVersion: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The version recorded for the earner (null until they start)' }),
    startedAt: timestamp.nullable(),
    met: z.boolean(),
    metAt: timestamp.nullable(),
    percent: z.number().int().min(0).max(100),
    nodes: z.array(NodeProgressSchema).openapi({ description: 'Every node, depth first, the root first' }),
    awards: z.array(
      z.object({
        achievementId: z.uuid(),
        credentialId: z.uuid(),
        generation: z.number().int(),
        version: z.number().int(),
        state: z.enum(['active', 'revoked']),
        createdAt: timestamp,
        revokedAt: timestamp.nullable(),
      }),
    ),
  })
  .openapi('PathwayProgress');

/** Field by field, as the API and `microcred pathway progress --json` show it. */
export function presentProgress(result: EarnerPathwayProgress): z.infer<typeof ProgressSchema> {
  const { progress } = result;
  return {
    pathwayId: result.pathway.pathway.id,
    version: result.version,
    startedVersion: result.startedVersion,
    startedAt: isoOrNull(result.startedAt),
    met: progress.met,
    metAt: isoOrNull(progress.metAt),
    percent: progress.percent,
    nodes: progress.nodes.map((node) => ({
      path: node.path,
      type: node.type,
      name: node.name,
      met: node.met,
      metAt: isoOrNull(node.metAt),
      percent: node.percent,
      threshold: node.threshold,
      blocked: node.blocked,
      achievementId: node.achievementId,
      milestoneAchievementId: node.milestoneAchievementId,
      missingAchievementIds: [...node.missingAchievementIds],
      completingAchievementIds: [...node.completingAchievementIds],
      credentialIds: [...node.credentialIds],
    })),
    awards: result.awards.map((award) => ({
      achievementId: award.achievementId,
      credentialId: award.credentialId,
      generation: award.generation,
      version: award.version,
      state: award.state,
      createdAt: award.createdAt.toISOString(),
      revokedAt: isoOrNull(award.revokedAt),
    })),
  };
}

import { z } from '@hono/zod-openapi';
import { toRequirementNode } from '../domain/pathway/engine/to-requirement-node.js';
import { REQUIREMENT_TYPES } from '../domain/pathway/model/requirement-node.js';
import { pathwayUrl } from '../domain/pathway/pathway-document.js';
import { PATHWAY_STATUSES, type PathwayWithVersion } from '../domain/ports/index.js';
import { timestamp } from './iso-timestamp.js';

/**
 * A requirement node as OpenAPI shows it. The domain's recursive validator checks the real thing
 * (`RequirementNodeSchema`); this flat description documents every field without a recursive schema,
 * which not every OpenAPI tool follows.
 */
export const RequirementNodeDocSchema = z.record(z.string(), z.unknown()).openapi('RequirementNode', {
  description:
    'A node of the requirement tree. `type` is one of ' +
    `${REQUIREMENT_TYPES.map((type) => `\`${type}\``).join(', ')}. ` +
    '`achievement`: `{type, achievementId}`; `pathway` (a published sub-pathway): `{type, pathwayId}`; ' +
    'groups: `{type, children: [RequirementNode], name?, milestoneAchievementId?, precedes?: [{before, after}]}` ' +
    'with `n` (n-of), `credits` (credits-at-least) or `hours` (hours-at-least). `precedes` pairs are child ' +
    'indexes: `before` must be earned no later than `after`.',
  example: {
    type: 'n-of',
    n: 3,
    children: [
      { type: 'achievement', achievementId: '0b5a3c1e-8d7f-4c2a-9e61-2f4b8a9c7d10' },
      { type: 'achievement', achievementId: '1c6b4d2f-9e80-4d3b-8f72-3a5c9b0d8e21' },
    ],
  },
});

export const PathwaySchema = z
  .object({
    id: z.uuid(),
    url: z.url().openapi({ description: 'The public pathway document (published pathways)' }),
    issuerId: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    status: z.enum(PATHWAY_STATUSES),
    version: z.number().int().openapi({
      description: 'The current version; earlier ones stay in force for earners who started on them',
    }),
    completionAchievementId: z.uuid(),
    requiredAchievementIds: z
      .array(z.uuid())
      .openapi({ description: 'Every achievement the requirement names, sub-pathways included' }),
    milestoneAchievementIds: z.array(z.uuid()),
    requirement: RequirementNodeDocSchema,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('Pathway');

/** Field by field, so that a column added to storage is never published by accident. */
export function presentPathway(publicUrl: string, found: PathwayWithVersion): z.infer<typeof PathwaySchema> {
  const { pathway, version } = found;
  return {
    id: pathway.id,
    url: pathwayUrl(publicUrl, pathway.id),
    issuerId: pathway.issuerId,
    name: pathway.name,
    description: pathway.description,
    status: pathway.status,
    version: version.version,
    completionAchievementId: version.rules.completionAchievementId,
    requiredAchievementIds: [...version.requiredAchievementIds],
    milestoneAchievementIds: [...version.milestoneAchievementIds],
    requirement: toRequirementNode(version.rules.requirement) as unknown as Record<string, unknown>,
    createdAt: pathway.createdAt.toISOString(),
    updatedAt: pathway.updatedAt.toISOString(),
  };
}

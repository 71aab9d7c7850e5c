import { z } from '@hono/zod-openapi';
import type { EarnerPathwayProgress } from '../../domain/pathway/get-pathway-progress.js';
import { ImportPathwayInputSchema } from '../../domain/pathway/import-pathway.js';
import { ClrRequestSchema } from '../../domain/pathway/issue-pathway-clr.js';
import { PathwayInputSchema, PathwayPatchSchema } from '../../domain/pathway/manage-pathways.js';
import { pathwayUrl } from '../../domain/pathway/pathway-document.js';
import { REQUIREMENT_TYPES } from '../../domain/pathway/requirement-node.js';
import { toRequirementNode } from '../../domain/pathway/to-requirement-node.js';
import { PATHWAY_STATUSES, type PathwayWithVersion } from '../../domain/ports/index.js';
import { isoOrNull, PageQuerySchema, timestamp } from './common-schemas.js';

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

export const PathwayCreateSchema = PathwayInputSchema.extend({
  requirement: RequirementNodeDocSchema,
}).openapi('PathwayInput');
export const PathwayUpdateSchema = PathwayPatchSchema.extend({
  requirement: RequirementNodeDocSchema.optional(),
}).openapi('PathwayPatch');
export const PathwayImportSchema = ImportPathwayInputSchema.openapi('PathwayImport');
export const ClrRequestBodySchema = ClrRequestSchema.openapi('ClrRequest');

export const PathwayQuerySchema = PageQuerySchema.extend({
  issuerId: z.uuid().optional(),
  status: z.enum(PATHWAY_STATUSES).optional(),
});

export const ProgressQuerySchema = z.object({
  recipient: z
    .string()
    .min(1)
    .max(500)
    .openapi({ description: "The earner's email address (matched through its keyed hash) or DID" }),
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

export const IssuedClrSchema = z
  .object({
    credential: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'The signed CLR 2.0 ClrCredential (Data Integrity, eddsa-rdfc-2022)' }),
    partial: z
      .boolean()
      .openapi({ description: "True when some of the earner's credentials could not be bundled (VC-JWTs)" }),
  })
  .openapi('IssuedClr');

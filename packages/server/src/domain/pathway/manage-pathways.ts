import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type Actor, authorize, issuerScope } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import type { PathwayStatus, PathwayWithVersion, Repositories } from '../ports/index.js';
import { toRequirementNode } from './engine/to-requirement-node.js';
import { RequirementNodeSchema } from './model/requirement-node.js';
import { PATHWAY_CHANGED_JOB } from './process-pathway-jobs.js';
import { resolvePathwayVersion } from './resolve-pathway-version.js';

const name = z.string().trim().min(1).max(200);
const description = z.string().trim().min(1).max(10_000);

export const PathwayInputSchema = z.strictObject({
  issuerId: z.uuid(),
  name,
  description: description.optional(),
  /** The stacked credential: one of the issuer's achievements (e.g. achievementType `Certificate`). */
  completionAchievementId: z.uuid(),
  requirement: RequirementNodeSchema,
  status: z.enum(['draft', 'published']).default('published'),
});
export type PathwayInput = z.input<typeof PathwayInputSchema>;

export const PathwayPatchSchema = z.strictObject({
  name: name.optional(),
  description: description.nullable().optional(),
  /** Drafts only: a published pathway keeps its completion achievement (start a new pathway instead). */
  completionAchievementId: z.uuid().optional(),
  requirement: RequirementNodeSchema.optional(),
  /** The version this edit is based on: when another edit came first, the edit is refused (CONFLICT). */
  expectedVersion: z.number().int().positive().optional(),
});
export type PathwayPatchInput = z.input<typeof PathwayPatchSchema>;

async function queuePathwayChanged(repositories: Pick<Repositories, 'jobs'>, pathwayId: string) {
  // Earners who already hold the credentials are settled in the background, after this commits.
  await repositories.jobs.enqueue({ kind: PATHWAY_CHANGED_JOB, payload: { pathwayId } });
}

/** Defines a pathway (issuer role). Published at once unless `status` is `draft`. */
export async function createPathway(
  context: PlatformContext,
  actor: Actor,
  raw: PathwayInput,
): Promise<PathwayWithVersion> {
  const input = PathwayInputSchema.parse(raw);
  authorize(actor, input.issuerId, 'issuer', { notFound: 'issuer' });
  const issuer = await context.storage.issuers.findById({ id: input.issuerId });
  if (issuer === null) throw resourceNotFound('issuer');
  const id = randomUUID();
  const version = await resolvePathwayVersion(context, {
    pathwayId: id,
    issuerId: issuer.id,
    completionAchievementId: input.completionAchievementId,
    requirement: input.requirement,
    publishing: input.status === 'published',
  });
  return context.storage.transaction(async (repositories) => {
    const created = await repositories.pathways.create({
      id,
      issuerId: issuer.id,
      name: input.name,
      description: input.description ?? null,
      status: input.status as PathwayStatus,
      version,
    });
    if (input.status === 'published') await queuePathwayChanged(repositories, id);
    return created;
  });
}

/** Published pathways are public; drafts only to their issuer's keys. */
export async function getPathway(
  context: PlatformContext,
  actor: Actor | null,
  id: string,
): Promise<PathwayWithVersion> {
  const found = await context.storage.pathways.findById({ id });
  if (found === null) throw resourceNotFound('pathway');
  if (actor === null) {
    if (found.pathway.status !== 'published') throw resourceNotFound('pathway');
  } else {
    authorize(actor, found.pathway.issuerId, 'viewer', { notFound: 'pathway' });
  }
  return found;
}

export async function listPathways(
  context: PlatformContext,
  actor: Actor,
  query: { issuerId?: string; status?: PathwayStatus; limit?: number; offset?: number },
): Promise<PathwayWithVersion[]> {
  const own = issuerScope(actor);
  if (own !== null && query.issuerId !== undefined && query.issuerId !== own) return [];
  const issuerId = own ?? query.issuerId;
  return context.storage.pathways.list({ ...query, ...(issuerId === undefined ? {} : { issuerId }) });
}

/**
 * Edits a pathway (issuer role). A draft changes in place. A published pathway's rules are never changed:
 * a new `requirement` becomes a new version, which applies to new earners at once and to earners who
 * started on an earlier version when it is no stricter for them (see `chooseEarnerVersion`). Name and
 * description change in place.
 */
export async function updatePathway(
  context: PlatformContext,
  actor: Actor,
  id: string,
  raw: PathwayPatchInput,
): Promise<PathwayWithVersion> {
  const patch = PathwayPatchSchema.parse(raw);
  const current = await getPathway(context, actor, id);
  const { pathway, version } = current;
  authorize(actor, pathway.issuerId, 'issuer', { notFound: 'pathway' });
  if (patch.expectedVersion !== undefined && patch.expectedVersion !== pathway.currentVersion) {
    throw new ServerError(
      ServerErrorCode.CONFLICT,
      `the pathway was edited meanwhile: its current version is ${pathway.currentVersion}`,
      { details: { currentVersion: pathway.currentVersion } },
    );
  }
  const details = {
    ...(patch.name === undefined ? {} : { name: patch.name }),
    ...(patch.description === undefined ? {} : { description: patch.description }),
  };
  const completionAchievementId = patch.completionAchievementId ?? version.rules.completionAchievementId;
  if (pathway.status === 'draft') {
    const rules =
      patch.requirement === undefined && patch.completionAchievementId === undefined
        ? undefined
        : await resolvePathwayVersion(context, {
            pathwayId: id,
            issuerId: pathway.issuerId,
            completionAchievementId,
            requirement: patch.requirement ?? toRequirementNode(version.rules.requirement),
            publishing: false,
          });
    return context.storage.pathways.updateDraft({
      id,
      ...details,
      ...(rules === undefined ? {} : { version: rules }),
    });
  }
  if (completionAchievementId !== version.rules.completionAchievementId) {
    throw new ServerError(
      ServerErrorCode.CONFLICT,
      'a published pathway keeps its completion achievement: define a new pathway for another one',
      {
        details: {
          errors: [{ path: 'completionAchievementId', in: 'body', message: 'cannot change once published' }],
        },
      },
    );
  }
  if (patch.requirement === undefined) return context.storage.pathways.rename({ id, ...details });
  const next = await resolvePathwayVersion(context, {
    pathwayId: id,
    issuerId: pathway.issuerId,
    completionAchievementId,
    requirement: patch.requirement,
    publishing: true,
  });
  return context.storage.transaction(async (repositories) => {
    const updated = await repositories.pathways.addVersion({
      id,
      expectedVersion: pathway.currentVersion,
      ...details,
      version: next,
    });
    await queuePathwayChanged(repositories, id);
    return updated;
  });
}

/**
 * Publishes a draft (issuer role): its rules are checked again as for publication (every achievement
 * published) and taken afresh (credits and hours as they are now). Publishing twice is harmless.
 */
export async function publishPathway(
  context: PlatformContext,
  actor: Actor,
  id: string,
): Promise<PathwayWithVersion> {
  const { pathway, version } = await getPathway(context, actor, id);
  authorize(actor, pathway.issuerId, 'issuer', { notFound: 'pathway' });
  if (pathway.status === 'published') return { pathway, version };
  const rules = await resolvePathwayVersion(context, {
    pathwayId: id,
    issuerId: pathway.issuerId,
    completionAchievementId: version.rules.completionAchievementId,
    requirement: toRequirementNode(version.rules.requirement),
    publishing: true,
  });
  return context.storage.transaction(async (repositories) => {
    await repositories.pathways.updateDraft({ id, version: rules });
    const published = await repositories.pathways.publish({ id, at: context.now() });
    await queuePathwayChanged(repositories, id);
    return published;
  });
}

import { ASSOCIATION_TYPES, ErrorCode, MicrocredError } from '@microcred/vc';
import { z } from 'zod';
import { type Actor, authorize } from '../auth/actor.js';
import type { PlatformContext } from '../platform-context.js';
import type { PathwayWithVersion } from '../ports/index.js';
import { fromPortableRequirement, PortableRequirementSchema } from './engine/portable-requirement.js';
import { createPathway } from './manage-pathways.js';
import type { RequirementNode } from './model/requirement-node.js';

export const ImportPathwayInputSchema = z.strictObject({
  /** The issuer the imported pathway belongs to. */
  issuerId: z.uuid(),
  /** A pathway document, as `GET /pathways/{id}` serves it. */
  document: z.record(z.string(), z.unknown()),
  status: z.enum(['draft', 'published']).default('draft'),
});
export type ImportPathwayInput = z.input<typeof ImportPathwayInputSchema>;

const PathwayDocumentSchema = z.looseObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(10_000).optional(),
  completionAchievement: z.url(),
  requirement: PortableRequirementSchema.optional(),
  association: z
    .array(
      z.looseObject({
        associationType: z.enum(ASSOCIATION_TYPES),
        sourceId: z.string(),
        targetId: z.string(),
      }),
    )
    .optional(),
});

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

function localId(publicUrl: string, kind: 'achievements' | 'pathways', url: string): string | undefined {
  const prefix = `${publicUrl}/${kind}/`;
  if (!url.startsWith(prefix)) return undefined;
  const rest = url.slice(prefix.length);
  return new RegExp(`^${UUID}$`, 'i').test(rest) ? rest.toLowerCase() : undefined;
}

function refuse(path: string, message: string): never {
  throw new MicrocredError(ErrorCode.VALIDATION_ERROR, `${path}: ${message}`, {
    details: { errors: [{ path, in: 'body', message }] },
  });
}

/**
 * Without a `requirement` (a document from elsewhere that only has Associations): all of the
 * achievements the completion achievement `isParentOf`, in their `precedes` order.
 */
function fromAssociations(
  completion: string,
  associations: readonly { associationType: string; sourceId: string; targetId: string }[],
  idOf: (url: string) => string | undefined,
): RequirementNode {
  const targets = associations
    .filter((item) => item.associationType === 'isParentOf' && item.sourceId === completion)
    .map((item) => item.targetId);
  if (targets.length === 0) {
    refuse(
      'document',
      'the document has neither a requirement nor isParentOf associations from its completion achievement',
    );
  }
  const children = targets.map((url, index): RequirementNode => {
    const id = idOf(url);
    if (id === undefined)
      refuse(`document.association.${index}.targetId`, `no achievement of this platform is at ${url}`);
    return { type: 'achievement', achievementId: id };
  });
  const precedes = associations
    .filter((item) => item.associationType === 'precedes')
    .map((item) => ({ before: targets.indexOf(item.sourceId), after: targets.indexOf(item.targetId) }))
    .filter(({ before, after }) => before >= 0 && after >= 0);
  return { type: 'all-of', children, ...(precedes.length === 0 ? {} : { precedes }) };
}

/**
 * Creates a pathway from a pathway document (issuer role). Achievements and sub-pathways are named by
 * URL; each must be one of this platform's, or the import is refused, naming every URL it could not map.
 * Then the definition is checked like any other (published, consented, no cycles).
 */
export async function importPathway(
  context: PlatformContext,
  actor: Actor,
  raw: ImportPathwayInput,
): Promise<PathwayWithVersion> {
  const input = ImportPathwayInputSchema.parse(raw);
  authorize(actor, input.issuerId, 'issuer', { notFound: 'issuer' });
  const parsed = PathwayDocumentSchema.safeParse(input.document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    refuse(
      ['document', ...(issue?.path ?? []).map(String)].join('.'),
      issue?.message ?? 'not a pathway document',
    );
  }
  const document = parsed.data;
  const achievementId = (url: string) => localId(context.publicUrl, 'achievements', url);
  const completionAchievementId = achievementId(document.completionAchievement);
  if (completionAchievementId === undefined) {
    refuse(
      'document.completionAchievement',
      `no achievement of this platform is at ${document.completionAchievement}`,
    );
  }
  let requirement: RequirementNode;
  if (document.requirement === undefined) {
    requirement = fromAssociations(document.completionAchievement, document.association ?? [], achievementId);
  } else {
    const mapped = fromPortableRequirement(
      document.requirement,
      { achievement: achievementId, pathway: (url) => localId(context.publicUrl, 'pathways', url) },
      'document.requirement',
    );
    if (mapped.unknown.length > 0) {
      const first = mapped.unknown[0];
      throw new MicrocredError(ErrorCode.VALIDATION_ERROR, `${first?.path}: ${first?.message}`, {
        details: { errors: mapped.unknown.map((item) => ({ ...item, in: 'body' })) },
      });
    }
    requirement = mapped.requirement;
  }
  return createPathway(context, actor, {
    issuerId: input.issuerId,
    name: document.name,
    ...(document.description === undefined ? {} : { description: document.description }),
    completionAchievementId,
    requirement,
    status: input.status,
  });
}

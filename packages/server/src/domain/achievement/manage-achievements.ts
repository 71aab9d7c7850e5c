import { randomUUID } from 'node:crypto';
import { buildAchievement, type Achievement as ObAchievement } from '@microcred/vc';
import { z } from 'zod';
import { type Actor, authorize, issuerScope } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import { prepareImage } from '../image/prepare-image.js';
import { issuerIdentity } from '../issuer/issuer-identity.js';
import { ImageInputSchema } from '../issuer/manage-issuers.js';
import { notifyNewAchievement } from '../notify/notify-new-achievement.js';
import type { PlatformContext } from '../platform-context.js';
import {
  ACHIEVEMENT_STATUSES,
  type Achievement,
  type AchievementStatus,
  DELIVERY_MODES,
  type Issuer,
  type JsonObject,
  type Skill,
} from '../ports/index.js';

const ACHIEVEMENT_TYPE = /^(?:[A-Z][A-Za-z]+|ext:[A-Za-z0-9.\-_]+)$/;

export const SkillInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  framework: z.string().trim().max(200).optional(),
  code: z.string().trim().max(200).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
});

const achievementFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(10_000),
  criteria: z
    .strictObject({
      narrative: z.string().trim().min(1).max(20_000).optional(),
      url: z.url({ protocol: /^https?$/ }).optional(),
    })
    .refine((criteria) => criteria.narrative !== undefined || criteria.url !== undefined, {
      error: 'criteria needs a narrative (Markdown) or a url',
    }),
  achievementType: z.string().regex(ACHIEVEMENT_TYPE, 'an OB 3.0 AchievementType or ext:Name'),
  image: ImageInputSchema,
  skills: z.array(SkillInputSchema).max(100),
  tags: z.array(z.string().trim().min(1).max(100)).max(50),
  level: z.string().trim().max(100),
  hours: z.number().positive().max(100_000),
  credits: z.number().positive().max(1000),
  deliveryMode: z.enum(DELIVERY_MODES),
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag'),
  validityMonths: z.number().int().positive().max(1200).nullable(),
  // Catalogue metadata only: OB 3.0 has no industry field, so it is not signed into credentials.
  industry: z.string().trim().min(1).max(200),
  suspendable: z.boolean(),
  // Not signed either: a page of the issuer's, linked from expiry reminders (https only, as it is mailed).
  renewalUrl: z.url({ protocol: /^https$/ }).max(2000),
};

export const AchievementInputSchema = z.strictObject({
  ...achievementFields,
  issuerId: z.uuid(),
  achievementType: achievementFields.achievementType.default('MicroCredential'),
  image: achievementFields.image.optional(),
  skills: achievementFields.skills.default([]),
  tags: achievementFields.tags.default([]),
  level: achievementFields.level.optional(),
  hours: achievementFields.hours.optional(),
  credits: achievementFields.credits.optional(),
  deliveryMode: achievementFields.deliveryMode.optional(),
  language: achievementFields.language.optional(),
  validityMonths: achievementFields.validityMonths.optional(),
  industry: achievementFields.industry.optional(),
  renewalUrl: achievementFields.renewalUrl.optional(),
  suspendable: achievementFields.suspendable.default(false),
  status: z.enum(['draft', 'published']).default('published'),
});
export type AchievementInput = z.input<typeof AchievementInputSchema>;

/** Every field optional and without defaults: what is absent stays as it is; null clears an optional one. */
export const AchievementPatchSchema = z
  .strictObject({
    ...achievementFields,
    level: achievementFields.level.nullable(),
    hours: achievementFields.hours.nullable(),
    credits: achievementFields.credits.nullable(),
    deliveryMode: achievementFields.deliveryMode.nullable(),
    language: achievementFields.language.nullable(),
    industry: achievementFields.industry.nullable(),
    renewalUrl: achievementFields.renewalUrl.nullable(),
    status: z.enum(ACHIEVEMENT_STATUSES),
  })
  .partial();
export type AchievementPatchInput = z.infer<typeof AchievementPatchSchema>;

/** The public URL of an achievement: its OB 3.0 `id`. */
export function achievementUrl(publicUrl: string, id: string): string {
  return `${publicUrl}/achievements/${id}`;
}

function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'skill'
  );
}

/** Builds the signed-into-credentials OB 3.0 Achievement: skills become Alignments, credits creditsAvailable. */
function achievementDocument(
  context: Pick<PlatformContext, 'publicUrl'>,
  issuer: Issuer,
  id: string,
  input: z.output<typeof AchievementInputSchema>,
): ObAchievement {
  const identity = issuerIdentity({ publicUrl: context.publicUrl, slug: issuer.slug });
  const url = achievementUrl(context.publicUrl, id);
  return buildAchievement({
    id: url,
    name: input.name,
    description: input.description,
    criteria: {
      ...(input.criteria.url === undefined ? {} : { id: input.criteria.url }),
      ...(input.criteria.narrative === undefined ? {} : { narrative: input.criteria.narrative }),
    },
    achievementType: input.achievementType,
    // Images are served by the platform so credentials stay small; uploads are kept in the database.
    image: { id: `${url}/image`, caption: input.image?.caption ?? input.name },
    creator: { id: identity.did, type: ['Profile'], name: issuer.name },
    ...(input.skills.length === 0
      ? {}
      : {
          alignment: input.skills.map((skill) => ({
            targetName: skill.name,
            // OB requires targetUrl; without one, point at the platform's page for that skill.
            targetUrl:
              skill.url ??
              `${context.publicUrl}/skills/${slugify(skill.framework ?? 'local')}/${slugify(skill.code ?? skill.name)}`,
            ...(skill.framework === undefined ? {} : { targetFramework: skill.framework }),
            ...(skill.code === undefined ? {} : { targetCode: skill.code }),
            targetType: 'ceasn:Competency',
          })),
        }),
    ...(input.tags.length === 0 ? {} : { tag: input.tags }),
    ...(input.credits === undefined ? {} : { creditsAvailable: input.credits }),
    ...(input.language === undefined ? {} : { inLanguage: input.language }),
  } as Parameters<typeof buildAchievement>[0]);
}

const ESCO_SKILL = 'http://data.europa.eu/esco/skill/';

type SkillInput = z.output<typeof SkillInputSchema>;

/**
 * Skills aligned to ESCO are marked as ESCO's, and checked against the imported framework when there is
 * one: a mistyped URI would otherwise be signed into every credential as an alignment nobody can follow.
 * Without an imported framework there is nothing to check them against, so they are taken as given; nor
 * are those `stored` already checked again (a later import may have dropped them, which must not block
 * every other edit of the achievement).
 */
async function escoAligned(
  context: PlatformContext,
  skills: readonly SkillInput[],
  stored: readonly Skill[] = [],
): Promise<SkillInput[]> {
  const isEsco = (skill: SkillInput) => skill.url?.startsWith(ESCO_SKILL) === true;
  const storedUrls = new Set(stored.map((skill) => skill.url));
  const unchecked = (skill: SkillInput) => isEsco(skill) && !storedUrls.has(skill.url);
  const uris = [...new Set(skills.filter(unchecked).map((skill) => skill.url ?? ''))];
  if (uris.length > 0 && (await context.storage.skills.findFramework({ id: 'esco' })) !== null) {
    const known = new Set((await context.storage.skills.findConcepts({ uris })).map((skill) => skill.uri));
    const errors = skills.flatMap((skill, index) =>
      unchecked(skill) && !known.has(skill.url ?? '')
        ? [
            {
              path: `skills.${index}.url`,
              in: 'body',
              message: `${skill.url} is not a skill of the imported ESCO framework`,
            },
          ]
        : [],
    );
    const [first] = errors;
    if (first !== undefined) {
      throw new ServerError(ServerErrorCode.VALIDATION_ERROR, first.message, { details: { errors } });
    }
  }
  return skills.map((skill) => (isEsco(skill) ? { ...skill, framework: 'ESCO' } : skill));
}

async function issuerFor(context: PlatformContext, issuerId: string): Promise<Issuer> {
  const issuer = await context.storage.issuers.findById({ id: issuerId });
  if (issuer === null) throw resourceNotFound('issuer');
  return issuer;
}

export async function createAchievement(
  context: PlatformContext,
  actor: Actor,
  raw: AchievementInput,
): Promise<Achievement> {
  const parsed = AchievementInputSchema.parse(raw);
  authorize(actor, parsed.issuerId, 'issuer', { notFound: 'issuer' });
  const issuer = await issuerFor(context, parsed.issuerId);
  const input = { ...parsed, skills: await escoAligned(context, parsed.skills) };
  const id = randomUUID();
  const created = await context.storage.achievements.create({
    id,
    issuerId: issuer.id,
    status: input.status,
    document: achievementDocument(context, issuer, id, input) as unknown as JsonObject,
    name: input.name,
    achievementType: input.achievementType,
    skills: input.skills as Skill[],
    tags: input.tags,
    level: input.level ?? null,
    credits: input.credits ?? null,
    hours: input.hours ?? null,
    deliveryMode: input.deliveryMode ?? null,
    language: input.language ?? null,
    validityMonths: input.validityMonths ?? null,
    industry: input.industry ?? null,
    suspendable: input.suspendable,
    image: input.image === undefined ? null : prepareImage(input.image),
    renewalUrl: input.renewalUrl ?? null,
  });
  await announcePublished(context, created);
  return created;
}

/**
 * Mails the followers of pathways with the same skills about a newly published achievement. After the
 * write, and best effort: the achievement stands even if the mails cannot be written.
 */
async function announcePublished(context: PlatformContext, achievement: Achievement): Promise<void> {
  if (achievement.status !== 'published') return;
  try {
    await notifyNewAchievement(context, achievement);
  } catch (error) {
    context.logger.warn(
      { err: error, achievementId: achievement.id },
      'could not mail new-achievement notices',
    );
  }
}

/** Published achievements are public; drafts and archived ones only to their issuer's keys. */
export async function getAchievement(
  context: PlatformContext,
  actor: Actor | null,
  id: string,
): Promise<Achievement> {
  const achievement = await context.storage.achievements.findById({ id });
  if (achievement === null) throw resourceNotFound('achievement');
  if (actor === null) {
    if (achievement.status !== 'published') throw resourceNotFound('achievement');
  } else {
    authorize(actor, achievement.issuerId, 'viewer', { notFound: 'achievement' });
  }
  return achievement;
}

export async function listAchievements(
  context: PlatformContext,
  actor: Actor,
  query: { issuerId?: string; status?: AchievementStatus; tag?: string; limit?: number; offset?: number },
): Promise<Achievement[]> {
  const own = issuerScope(actor);
  const issuerId = own ?? query.issuerId;
  if (own !== null && query.issuerId !== undefined && query.issuerId !== own) return [];
  return context.storage.achievements.list({ ...query, ...(issuerId === undefined ? {} : { issuerId }) });
}

/** A patched value: absent keeps the current one, null clears it. */
function kept<T>(next: T | null | undefined, now: T | null): T | null {
  return next === undefined ? now : next;
}

/** `{ [key]: value }`, or nothing for a cleared (null or empty) value. */
function optional<K extends string, T>(key: K, value: T | null): Partial<Record<K, T>> {
  return value === null || value === '' ? {} : ({ [key]: value } as Record<K, T>);
}

/**
 * Edits an achievement. Credentials already issued keep the Achievement they were signed with; the
 * public document at the achievement's URL shows the current version.
 */
export async function updateAchievement(
  context: PlatformContext,
  actor: Actor,
  id: string,
  raw: AchievementPatchInput,
): Promise<Achievement> {
  const patch = AchievementPatchSchema.parse(raw);
  const current = await getAchievement(context, actor, id);
  authorize(actor, current.issuerId, 'issuer', { notFound: 'achievement' });
  if (patch.suspendable !== undefined && patch.suspendable !== current.suspendable) {
    // Fixed at creation: every credential of an achievement then has the same kind of status entry,
    // including those a bulk job allocated before an edit.
    throw new ServerError(
      ServerErrorCode.CONFLICT,
      'whether credentials can be suspended is chosen when the achievement is created',
    );
  }
  const issuer = await issuerFor(context, current.issuerId);
  const skills =
    patch.skills === undefined ? current.skills : await escoAligned(context, patch.skills, current.skills);
  // An image stored before today's rules is kept as it is when the patch leaves it alone, so that an
  // unrelated edit (or archiving) still works; it is checked again whenever it is served.
  const image = patch.image === undefined ? current.image : prepareImage(patch.image);
  const stored = current.document as unknown as ObAchievement & {
    criteria: { id?: string; narrative?: string };
  };
  const merged = AchievementInputSchema.parse({
    issuerId: current.issuerId,
    name: patch.name ?? current.name,
    description: patch.description ?? stored.description,
    criteria: patch.criteria ?? {
      ...(stored.criteria.id ? { url: stored.criteria.id } : {}),
      ...(stored.criteria.narrative ? { narrative: stored.criteria.narrative } : {}),
    },
    achievementType: patch.achievementType ?? current.achievementType,
    skills,
    tags: patch.tags ?? current.tags,
    ...optional('level', kept(patch.level, current.level)),
    ...optional('hours', kept(patch.hours, current.hours)),
    ...optional('credits', kept(patch.credits, current.credits)),
    ...optional('deliveryMode', kept(patch.deliveryMode, current.deliveryMode)),
    ...optional('language', kept(patch.language, current.language)),
    validityMonths: kept(patch.validityMonths, current.validityMonths),
    ...optional('industry', kept(patch.industry, current.industry)),
    ...optional('renewalUrl', kept(patch.renewalUrl, current.renewalUrl)),
    suspendable: patch.suspendable ?? current.suspendable,
  });
  const updated = await context.storage.achievements.update({
    id,
    patch: {
      status: patch.status ?? current.status,
      document: achievementDocument(
        context,
        issuer,
        id,
        image === null ? merged : { ...merged, image },
      ) as unknown as JsonObject,
      name: merged.name,
      achievementType: merged.achievementType,
      skills: merged.skills as Skill[],
      tags: merged.tags,
      level: merged.level ?? null,
      credits: merged.credits ?? null,
      hours: merged.hours ?? null,
      deliveryMode: merged.deliveryMode ?? null,
      language: merged.language ?? null,
      validityMonths: merged.validityMonths ?? null,
      industry: merged.industry ?? null,
      suspendable: merged.suspendable,
      image,
      renewalUrl: merged.renewalUrl ?? null,
    },
  });
  if (current.status !== 'published') await announcePublished(context, updated);
  return updated;
}

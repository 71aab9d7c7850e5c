import { randomUUID } from 'node:crypto';
import { buildEndorsementCredential } from '@microcred/vc';
import { z } from 'zod';
import { type Actor, authorize } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import type { IssueDependencies } from '../credential/issue-credential.js';
import { issuerProfile } from '../credential/issue-credential.js';
import { authorizeEmployer } from '../employer/employer-access.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import { issuerIdentity } from '../issuer/issuer-identity.js';
import { addIssuerKey } from '../issuer/issuer-keys.js';
import type { PlatformContext } from '../platform-context.js';
import type { Employer, Endorsement, Issuer, JsonObject } from '../ports/index.js';

/** Long enough for a paragraph; an endorsement is a statement, not a document. */
export const MAX_COMMENT = 2000;

export const EndorseInputSchema = z
  .strictObject({
    /** The organisation that endorses: an issuer's id, or an employer's. */
    endorserId: z.uuid(),
    achievementId: z.uuid().optional(),
    /** Endorse an issuer as a whole rather than one achievement. */
    issuerId: z.uuid().optional(),
    comment: z.string().trim().min(1).max(MAX_COMMENT),
  })
  .refine((input) => (input.achievementId === undefined) !== (input.issuerId === undefined), {
    message: 'name exactly one of achievementId and issuerId',
    path: ['achievementId'],
  });

export const WithdrawEndorsementSchema = z.strictObject({
  reason: z.string().trim().max(500).optional(),
});

/** An endorsement with who gives it and what it is about, as pages and the API show it. */
export interface EndorsementView extends Endorsement {
  readonly endorser: { readonly id: string; readonly name: string; readonly kind: 'issuer' | 'employer' };
  readonly subject: { readonly kind: 'achievement' | 'issuer'; readonly id: string; readonly name: string };
}

/** An organisation that may sign: the profile it signs as and, for an employer, the employer. */
interface Endorser {
  readonly profile: Issuer;
  readonly employer: Employer | null;
}

/** A free issuer slug for an employer's signing profile: the employer's own when no issuer has it. */
async function profileSlug(context: PlatformContext, employer: Employer): Promise<string> {
  for (const candidate of [employer.slug, `${employer.slug.slice(0, 54)}-employer`]) {
    if ((await context.storage.issuers.findBySlug({ slug: candidate })) === null) return candidate;
  }
  return `${employer.slug.slice(0, 45)}-${randomUUID().slice(0, 8)}-employer`;
}

/**
 * The profile an employer signs as: made (with its did:web and first key) the first time it is needed,
 * once however many endorsements race for it.
 */
async function employerProfile(context: PlatformContext, employer: Employer): Promise<Issuer> {
  if (employer.profileIssuerId !== null) {
    const profile = await context.storage.issuers.findById({ id: employer.profileIssuerId });
    if (profile !== null) return profile;
  }
  const slug = await profileSlug(context, employer);
  const made = await context.storage
    .transaction(async (repositories) => {
      const profile = await repositories.issuers.create({
        slug,
        name: employer.name,
        url: employer.website,
        description: employer.description,
        kind: 'employer',
      });
      await addIssuerKey(context, repositories, profile);
      // Set only if still unset: when a concurrent request made one first, this one is rolled back.
      const linked = await repositories.employers.setProfile({
        id: employer.id,
        profileIssuerId: profile.id,
      });
      return linked.profileIssuerId === profile.id ? profile : null;
    })
    .catch(async (error: unknown) => {
      const current = await context.storage.employers.findById({ id: employer.id });
      if (current?.profileIssuerId == null) throw error;
      return null;
    });
  if (made !== null) return made;
  const current = await context.storage.employers.findById({ id: employer.id });
  const profile =
    current?.profileIssuerId == null
      ? null
      : await context.storage.issuers.findById({ id: current.profileIssuerId });
  if (profile === null)
    throw new ServerError(ServerErrorCode.CONFLICT, 'the employer has no signing profile; try again');
  return profile;
}

/**
 * Who `endorserId` is, if `actor` may speak for it: an issuer's staff (issuer role and up) for their
 * issuer, an employer's recruiters and owners (and its keys) for their employer, the administrator for
 * any. Anyone else gets NOT_FOUND, as for an organisation that does not exist.
 */
async function endorserFor(context: PlatformContext, actor: Actor, endorserId: string): Promise<Endorser> {
  const issuer = await context.storage.issuers.findById({ id: endorserId });
  if (issuer !== null && issuer.kind === 'issuer') {
    authorize(actor, issuer.id, 'issuer', { notFound: 'issuer' });
    return { profile: issuer, employer: null };
  }
  const employer = await context.storage.employers.findById({ id: endorserId });
  if (employer === null) throw resourceNotFound('issuer');
  authorizeEmployer(actor, employer.id, 'recruiter');
  return { profile: await employerProfile(context, employer), employer };
}

/** What an endorsement is about: a published achievement (of another issuer) or another issuer. */
async function subjectOf(
  context: PlatformContext,
  endorser: Endorser,
  input: z.output<typeof EndorseInputSchema>,
): Promise<{ readonly id: string; readonly name: string }> {
  if (input.achievementId !== undefined) {
    const achievement = await context.storage.achievements.findById({ id: input.achievementId });
    if (achievement === null) throw resourceNotFound('achievement');
    if (achievement.status !== 'published') {
      throw new ServerError(ServerErrorCode.CONFLICT, 'only a published achievement can be endorsed');
    }
    if (achievement.issuerId === endorser.profile.id) {
      throw new ServerError(
        ServerErrorCode.VALIDATION_ERROR,
        'an issuer does not endorse its own achievement',
      );
    }
    return { id: String(achievement.document.id), name: achievement.name };
  }
  const issuer = await context.storage.issuers.findById({ id: input.issuerId ?? '' });
  if (issuer === null || issuer.kind !== 'issuer') throw resourceNotFound('issuer');
  if (issuer.id === endorser.profile.id) {
    throw new ServerError(ServerErrorCode.VALIDATION_ERROR, 'an issuer does not endorse itself');
  }
  return { id: issuerIdentity({ publicUrl: context.publicUrl, slug: issuer.slug }).did, name: issuer.name };
}

/** The public address of an endorsement: its HTML page and, by content negotiation, its JSON. */
export function endorsementUrl(publicUrl: string, id: string): string {
  return `${publicUrl}/endorsements/${id}`;
}

/**
 * Endorses an achievement or an issuer: issues an OB 3.0 EndorsementCredential signed eddsa-rdfc-2022 by
 * the endorser's key, with a revocation entry of its own in the endorser's status list. Credentials of the
 * achievement issued from now on carry it.
 */
export async function endorse(
  context: PlatformContext,
  dependencies: IssueDependencies,
  actor: Actor,
  raw: z.input<typeof EndorseInputSchema>,
): Promise<EndorsementView> {
  const input = EndorseInputSchema.parse(raw);
  const endorser = await endorserFor(context, actor, input.endorserId);
  const subject = await subjectOf(context, endorser, input);
  const [allocation] = await context.storage.statusLists.allocate({
    issuerId: endorser.profile.id,
    purpose: 'revocation',
  });
  if (allocation === undefined)
    throw new ServerError(ServerErrorCode.INTERNAL, 'no status entry was allocated');
  const id = randomUUID();
  const now = new Date(Math.floor(context.now().getTime() / 1000) * 1000);
  const identity = issuerIdentity({ publicUrl: context.publicUrl, slug: endorser.profile.slug });
  const unsigned = buildEndorsementCredential({
    id: endorsementUrl(context.publicUrl, id),
    issuer: issuerProfile(context, endorser.profile),
    name: `${endorser.profile.name} endorses ${subject.name}`,
    subject: { id: subject.id, endorsementComment: input.comment },
    validFrom: now,
    credentialStatus: {
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: allocation.index,
      statusListCredential: `${identity.statusListBase}/${allocation.statusListId}`,
    },
  }) as unknown as JsonObject;
  const signed = await dependencies.signer.sign({
    document: unsigned,
    signingKey: await dependencies.activeSigningKey(endorser.profile),
    format: 'di',
    created: now,
  });
  const endorsement = await context.storage.endorsements.insert({
    id,
    endorserId: endorser.profile.id,
    achievementId: input.achievementId ?? null,
    endorsedIssuerId: input.issuerId ?? null,
    comment: input.comment,
    document: signed.document,
    statusListId: allocation.statusListId,
    statusIndex: allocation.index,
    createdBy: actor.label ?? null,
  });
  return viewOf(context, endorsement);
}

/** The organisation behind a signing profile, as a reader should know it (an employer by its own id). */
async function endorserOf(context: PlatformContext, profileId: string): Promise<EndorsementView['endorser']> {
  const profile = await context.storage.issuers.findById({ id: profileId });
  if (profile?.kind === 'employer') {
    const employer = await context.storage.employers.findByProfile({ profileIssuerId: profileId });
    if (employer !== null) return { id: employer.id, name: employer.name, kind: 'employer' };
  }
  return { id: profileId, name: profile?.name ?? '', kind: 'issuer' };
}

async function viewOf(context: PlatformContext, endorsement: Endorsement): Promise<EndorsementView> {
  const endorser = await endorserOf(context, endorsement.endorserId);
  if (endorsement.achievementId !== null) {
    const achievement = await context.storage.achievements.findById({ id: endorsement.achievementId });
    return {
      ...endorsement,
      endorser,
      subject: { kind: 'achievement', id: endorsement.achievementId, name: achievement?.name ?? '' },
    };
  }
  const issuer = await context.storage.issuers.findById({ id: endorsement.endorsedIssuerId ?? '' });
  return {
    ...endorsement,
    endorser,
    subject: { kind: 'issuer', id: endorsement.endorsedIssuerId ?? '', name: issuer?.name ?? '' },
  };
}

/** One endorsement, withdrawn or not (public: what it says is public). */
export async function getEndorsement(context: PlatformContext, id: string): Promise<EndorsementView> {
  const endorsement = await context.storage.endorsements.findById({ id });
  if (endorsement === null) throw resourceNotFound('endorsement');
  return viewOf(context, endorsement);
}

/**
 * The endorsements in force (withdrawn ones too when asked) of an achievement, an issuer, or by an
 * organisation (public), newest first.
 * `endorserId` is an issuer's or an employer's id, as the API names organisations.
 */
export async function listEndorsements(
  context: PlatformContext,
  query: {
    readonly achievementId?: string;
    /** Those of any of these achievements (a page of the catalogue), none when empty. */
    readonly achievementIds?: readonly string[];
    /** Those of any achievement of this issuer (what its achievements receive). */
    readonly achievementIssuerId?: string;
    readonly issuerId?: string;
    readonly endorserId?: string;
    /** Withdrawn ones too (public as well: each stays readable at its address, marked withdrawn). */
    readonly includeWithdrawn?: boolean;
  },
): Promise<EndorsementView[]> {
  let endorserId = query.endorserId;
  if (endorserId !== undefined) {
    const employer = await context.storage.employers.findById({ id: endorserId });
    if (employer !== null) {
      if (employer.profileIssuerId === null) return [];
      endorserId = employer.profileIssuerId;
    }
  }
  const endorsements = await context.storage.endorsements.list({
    ...(query.achievementId === undefined ? {} : { achievementId: query.achievementId }),
    ...(query.achievementIds === undefined ? {} : { achievementIds: query.achievementIds }),
    ...(query.achievementIssuerId === undefined ? {} : { achievementIssuerId: query.achievementIssuerId }),
    ...(query.issuerId === undefined ? {} : { endorsedIssuerId: query.issuerId }),
    ...(endorserId === undefined ? {} : { endorserId }),
    ...(query.includeWithdrawn === true ? { includeWithdrawn: true } : {}),
  });
  return Promise.all(endorsements.map((endorsement) => viewOf(context, endorsement)));
}

/**
 * Withdraws an endorsement: its revocation bit is set, so every copy (served or embedded in credentials
 * issued before) verifies as revoked from now on; credentials issued afterwards no longer carry it.
 */
export async function withdrawEndorsement(
  context: PlatformContext,
  actor: Actor,
  id: string,
  raw: z.input<typeof WithdrawEndorsementSchema> = {},
): Promise<EndorsementView> {
  const input = WithdrawEndorsementSchema.parse(raw);
  const endorsement = await context.storage.endorsements.findById({ id });
  if (endorsement === null) throw resourceNotFound('endorsement');
  const endorser = await endorserOf(context, endorsement.endorserId);
  // The same rule as endorsing: only who may speak for the endorser takes its word back.
  try {
    await endorserFor(context, actor, endorser.id);
  } catch (error) {
    if (error instanceof ServerError && error.code === ServerErrorCode.NOT_FOUND)
      throw resourceNotFound('endorsement');
    throw error;
  }
  const withdrawn = await context.storage.transaction(async (repositories) => {
    await repositories.statusLists.setStatus({
      statusListId: endorsement.statusListId,
      index: endorsement.statusIndex,
      value: true,
    });
    return repositories.endorsements.withdraw({ id, at: context.now(), reason: input.reason ?? null });
  });
  if (withdrawn === null) throw resourceNotFound('endorsement');
  return viewOf(context, withdrawn);
}

/** The signed endorsements a new credential of `achievementId` embeds (`achievement.endorsement`). */
export async function endorsementsToEmbed(
  context: Pick<PlatformContext, 'storage'>,
  achievementId: string,
): Promise<JsonObject[]> {
  return (await context.storage.endorsements.list({ achievementId })).map((item) => item.document);
}

/** The signed endorsements of `issuerId` as a whole a new credential of it embeds (`issuer.endorsement`). */
export async function issuerEndorsementsToEmbed(
  context: Pick<PlatformContext, 'storage'>,
  issuerId: string,
): Promise<JsonObject[]> {
  return (await context.storage.endorsements.list({ endorsedIssuerId: issuerId })).map(
    (item) => item.document,
  );
}

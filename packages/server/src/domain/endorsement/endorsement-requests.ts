import { z } from 'zod';
import { type Actor, authorize } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import type { IssueDependencies } from '../credential/issue-credential.js';
import { authorizeEmployer } from '../employer/employer-access.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import { normalizeEmail } from '../identity/normalize-email.js';
import type { PlatformContext } from '../platform-context.js';
import type { Employer, EndorsementRequest, Issuer, NewMail, Repositories } from '../ports/index.js';
import { endorsementAnswerMail, endorsementRequestMail } from './endorsement-request-mails.js';
import { endorse, listEndorsements } from './endorsements.js';

/** As long as an endorsement's comment: a request is a letter, not a dossier. */
const MAX_TEXT = 2000;

export const EndorsementRequestInputSchema = z
  .strictObject({
    /** A published achievement of the requesting issuer. */
    achievementId: z.uuid(),
    /** The organisation asked: an employer, another issuer, or an address when it is not on the platform. */
    employerId: z.uuid().optional(),
    issuerId: z.uuid().optional(),
    email: z.email().max(320).optional(),
    message: z.string().trim().max(MAX_TEXT).default(''),
    /** One of the achievement's credentials, shown to the organisation as an example. */
    sampleCredentialId: z.uuid().optional(),
  })
  .refine(
    (input) =>
      [input.employerId, input.issuerId, input.email].filter((target) => target !== undefined).length === 1,
    { message: 'name exactly one of employerId, issuerId and email', path: ['employerId'] },
  );

export const EndorsementRequestCommentSchema = z.strictObject({
  comment: z.string().trim().min(1).max(MAX_TEXT),
});

export const EndorsementRequestDeclineSchema = z.strictObject({
  comment: z.string().trim().max(MAX_TEXT).optional(),
});

/** A request with the names a reader needs: the achievement, who asks, who is asked. */
export interface EndorsementRequestView extends EndorsementRequest {
  readonly achievement: { readonly id: string; readonly name: string };
  readonly requester: { readonly id: string; readonly slug: string; readonly name: string };
  /** `email` while no employer has answered the invited address; `id` null then. */
  readonly target: {
    readonly kind: 'employer' | 'issuer' | 'email';
    readonly id: string | null;
    readonly name: string;
  };
}

/** The organisation whose requests a list reads, or who answers one. */
type Organisation =
  | { readonly kind: 'employer'; readonly employer: Employer }
  | { readonly kind: 'issuer'; readonly issuer: Issuer };

/** An issuer (never an employer's signing profile) or an employer, by the id the API knows it by. */
async function organisationOf(context: PlatformContext, id: string): Promise<Organisation | null> {
  const issuer = await context.storage.issuers.findById({ id });
  if (issuer !== null && issuer.kind === 'issuer') return { kind: 'issuer', issuer };
  const employer = await context.storage.employers.findById({ id });
  return employer === null ? null : { kind: 'employer', employer };
}

/**
 * The address an employer's actor may answer for: a request sent to an address (an organisation not on
 * the platform yet) is the business of the person who holds it, signed in to a workspace as the staff
 * member with that very address (staff are added without their say, so listing an address among an
 * employer's staff is not enough). Not of their colleagues, nor of an API key (whose label its owner
 * writes). Once they answer, the request is their employer's.
 */
function invitedAddressOf(actor: Actor): string | null {
  if (actor.kind !== 'employer' || actor.apiKeyId !== undefined || actor.label === undefined) return null;
  return normalizeEmail(actor.label);
}

/** Whether the request is addressed to `organisation`, as `actor` acts for it. */
function isAddressedTo(actor: Actor, request: EndorsementRequest, organisation: Organisation): boolean {
  if (organisation.kind === 'issuer') return request.targetIssuerId === organisation.issuer.id;
  if (request.targetEmployerId !== null) return request.targetEmployerId === organisation.employer.id;
  return request.invitedEmail !== null && request.invitedEmail === invitedAddressOf(actor);
}

async function viewsOf(
  context: PlatformContext,
  requests: readonly EndorsementRequest[],
): Promise<EndorsementRequestView[]> {
  const achievements = new Map<string, string>();
  const issuers = new Map<string, Issuer | null>();
  const employers = new Map<string, Employer | null>();
  const issuer = async (id: string) => {
    if (!issuers.has(id)) issuers.set(id, await context.storage.issuers.findById({ id }));
    return issuers.get(id) ?? null;
  };
  const employer = async (id: string) => {
    if (!employers.has(id)) employers.set(id, await context.storage.employers.findById({ id }));
    return employers.get(id) ?? null;
  };
  const views: EndorsementRequestView[] = [];
  for (const request of requests) {
    if (!achievements.has(request.achievementId)) {
      const found = await context.storage.achievements.findById({ id: request.achievementId });
      achievements.set(request.achievementId, found?.name ?? '');
    }
    const requester = await issuer(request.requesterIssuerId);
    let target: EndorsementRequestView['target'];
    if (request.targetEmployerId !== null) {
      const found = await employer(request.targetEmployerId);
      target = { kind: 'employer', id: request.targetEmployerId, name: found?.name ?? '' };
    } else if (request.targetIssuerId !== null) {
      const found = await issuer(request.targetIssuerId);
      target = { kind: 'issuer', id: request.targetIssuerId, name: found?.name ?? '' };
    } else {
      target = { kind: 'email', id: null, name: request.invitedEmail ?? '' };
    }
    views.push({
      ...request,
      achievement: { id: request.achievementId, name: achievements.get(request.achievementId) ?? '' },
      requester: {
        id: request.requesterIssuerId,
        slug: requester?.slug ?? '',
        name: requester?.name ?? '',
      },
      target,
    });
  }
  return views;
}

async function viewOf(
  context: PlatformContext,
  request: EndorsementRequest,
): Promise<EndorsementRequestView> {
  const [view] = await viewsOf(context, [request]);
  if (view === undefined) throw resourceNotFound('endorsement request');
  return view;
}

/** Who hears of a new request: an employer's owners and recruiters, an issuer's owners. */
async function staffToTell(
  repositories: Repositories,
  target: { readonly employerId?: string; readonly issuerId?: string },
): Promise<string[]> {
  if (target.employerId !== undefined) {
    const members = await repositories.employers.listMembers({ employerId: target.employerId });
    return members.filter((member) => member.role !== 'viewer').map((member) => member.email);
  }
  if (target.issuerId === undefined) return [];
  const memberships = await repositories.users.listMemberships({ issuerId: target.issuerId });
  const addresses: string[] = [];
  for (const membership of memberships.filter((item) => item.role === 'owner')) {
    const user = await repositories.users.findById({ id: membership.userId });
    if (user !== null) addresses.push(user.email);
  }
  return addresses;
}

/**
 * Who hears the answer: the person who asked, when they are known by their address (a console member);
 * otherwise (an API key) the requesting issuer's owners.
 */
async function requesterToTell(repositories: Repositories, request: EndorsementRequest): Promise<string[]> {
  const asker = request.createdBy;
  if (asker !== null && z.email().safeParse(asker).success) return [normalizeEmail(asker)];
  return staffToTell(repositories, { issuerId: request.requesterIssuerId });
}

/** The organisation asked, checked: it exists, and it is not the requester itself. */
async function targetOf(
  context: PlatformContext,
  requesterIssuerId: string,
  input: z.output<typeof EndorsementRequestInputSchema>,
): Promise<
  | { readonly kind: 'employer'; readonly employer: Employer }
  | { readonly kind: 'issuer'; readonly issuer: Issuer }
  | { readonly kind: 'email'; readonly email: string }
> {
  if (input.employerId !== undefined) {
    const employer = await context.storage.employers.findById({ id: input.employerId });
    if (employer === null) throw resourceNotFound('employer');
    return { kind: 'employer', employer };
  }
  if (input.issuerId !== undefined) {
    const issuer = await context.storage.issuers.findById({ id: input.issuerId });
    if (issuer === null || issuer.kind !== 'issuer') throw resourceNotFound('issuer');
    if (issuer.id === requesterIssuerId) {
      throw new ServerError(
        ServerErrorCode.VALIDATION_ERROR,
        'an issuer does not endorse its own achievement',
      );
    }
    return { kind: 'issuer', issuer };
  }
  return { kind: 'email', email: normalizeEmail(input.email ?? '') };
}

/**
 * An issuer's staff (issuer role and up) ask an organisation to endorse one of the issuer's published
 * achievements: an employer, another issuer, or an address for an organisation not on the platform yet.
 * One request at a time per achievement and organisation; its staff (or the address) hear of it by mail.
 */
export async function requestEndorsement(
  context: PlatformContext,
  actor: Actor,
  raw: z.input<typeof EndorsementRequestInputSchema>,
  options: { readonly locale: string } = { locale: 'en' },
): Promise<EndorsementRequestView> {
  const input = EndorsementRequestInputSchema.parse(raw);
  const achievement = await context.storage.achievements.findById({ id: input.achievementId });
  if (achievement === null) throw resourceNotFound('achievement');
  authorize(actor, achievement.issuerId, 'issuer', { notFound: 'achievement' });
  if (achievement.status !== 'published') {
    throw new ServerError(ServerErrorCode.CONFLICT, 'only a published achievement can be endorsed');
  }
  const requester = await context.storage.issuers.findById({ id: achievement.issuerId });
  if (requester === null) throw resourceNotFound('achievement');
  const target = await targetOf(context, requester.id, input);
  if (input.sampleCredentialId !== undefined) {
    const sample = await context.storage.credentials.findById({ id: input.sampleCredentialId });
    // Only a credential of this very achievement, in force, stands for what earners receive.
    if (sample === null || sample.achievementId !== achievement.id || sample.revokedAt !== null) {
      throw new ServerError(
        ServerErrorCode.VALIDATION_ERROR,
        'the sample must be a credential of this achievement that is not revoked',
      );
    }
  }
  const targetKey =
    target.kind === 'employer'
      ? { targetEmployerId: target.employer.id }
      : target.kind === 'issuer'
        ? { targetIssuerId: target.issuer.id }
        : { invitedEmail: target.email };
  if (
    (await context.storage.endorsementRequests.findPending({
      achievementId: achievement.id,
      ...targetKey,
    })) !== null
  ) {
    throw new ServerError(ServerErrorCode.CONFLICT, 'a request to this organisation is already pending');
  }
  if (target.kind !== 'email') {
    const endorserId = target.kind === 'employer' ? target.employer.id : target.issuer.id;
    const inForce = await listEndorsements(context, { achievementId: achievement.id, endorserId });
    if (inForce.length > 0) {
      throw new ServerError(ServerErrorCode.CONFLICT, 'this organisation endorses the achievement already');
    }
  }
  const request = await context.storage.transaction(async (repositories) => {
    const created = await repositories.endorsementRequests.insert({
      achievementId: achievement.id,
      requesterIssuerId: requester.id,
      targetEmployerId: target.kind === 'employer' ? target.employer.id : null,
      targetIssuerId: target.kind === 'issuer' ? target.issuer.id : null,
      invitedEmail: target.kind === 'email' ? target.email : null,
      message: input.message,
      sampleCredentialId: input.sampleCredentialId ?? null,
      createdBy: actor.label ?? null,
    });
    const mail = (to: string, organisationName: string | null, link: string): NewMail =>
      endorsementRequestMail({
        to,
        locale: options.locale,
        issuerName: requester.name,
        achievementName: achievement.name,
        organisationName,
        message: input.message,
        link,
      });
    let mails: NewMail[];
    if (target.kind === 'employer') {
      const link = `${context.publicUrl}/employer/${target.employer.slug}/endorsement-requests/${created.id}`;
      mails = (await staffToTell(repositories, { employerId: target.employer.id })).map((to) =>
        mail(to, target.employer.name, link),
      );
    } else if (target.kind === 'issuer') {
      const link = `${context.publicUrl}/console/${target.issuer.slug}/endorsement-requests/${created.id}`;
      mails = (await staffToTell(repositories, { issuerId: target.issuer.id })).map((to) =>
        mail(to, target.issuer.name, link),
      );
    } else {
      // Someone with no account yet: the employer workspace asks them to sign in with this address.
      mails = [mail(target.email, null, `${context.publicUrl}/employer`)];
    }
    await repositories.mailOutbox.enqueue(mails);
    return created;
  });
  return viewOf(context, request);
}

/** What a list of requests reads: those an issuer sent, or those an organisation received. */
export const EndorsementRequestQuerySchema = z.strictObject({
  direction: z.enum(['incoming', 'outgoing']),
  organisationId: z.uuid(),
});

/**
 * The requests an issuer sent (`outgoing`), or those an employer or an issuer received (`incoming`; for
 * an employer, also those sent to an address its staff have proven), newest first. Every member reads.
 */
export async function listEndorsementRequests(
  context: PlatformContext,
  actor: Actor,
  raw: z.input<typeof EndorsementRequestQuerySchema>,
): Promise<EndorsementRequestView[]> {
  const query = EndorsementRequestQuerySchema.parse(raw);
  const organisation = await organisationOf(context, query.organisationId);
  if (organisation === null) throw resourceNotFound('issuer');
  if (organisation.kind === 'employer') authorizeEmployer(actor, organisation.employer.id, 'viewer');
  else authorize(actor, organisation.issuer.id, 'viewer', { notFound: 'issuer' });
  if (query.direction === 'outgoing') {
    // Only issuers ask: an employer has sent none.
    if (organisation.kind === 'employer') return [];
    return viewsOf(
      context,
      await context.storage.endorsementRequests.listByRequester({
        requesterIssuerId: organisation.issuer.id,
      }),
    );
  }
  const requests =
    organisation.kind === 'issuer'
      ? await context.storage.endorsementRequests.listByTarget({ issuerId: organisation.issuer.id })
      : await context.storage.endorsementRequests.listByTarget({
          employerId: organisation.employer.id,
          invitedEmails: [invitedAddressOf(actor)].filter((address) => address !== null),
        });
  return viewsOf(context, requests);
}

/**
 * The organisation `actor` speaks for on this request, if it is one the request is addressed to; NOT_FOUND
 * otherwise (as for a request that does not exist). The administrator speaks for the organisation named.
 */
async function responderFor(
  context: PlatformContext,
  actor: Actor,
  request: EndorsementRequest,
): Promise<Organisation> {
  let organisation: Organisation | null = null;
  if (actor.kind === 'employer') {
    const employer = await context.storage.employers.findById({ id: actor.employerId });
    organisation = employer === null ? null : { kind: 'employer', employer };
  } else if (actor.kind === 'member') {
    const issuer = await context.storage.issuers.findById({ id: actor.issuerId });
    organisation = issuer === null ? null : { kind: 'issuer', issuer };
  } else {
    const id = request.targetEmployerId ?? request.targetIssuerId;
    organisation = id === null ? null : await organisationOf(context, id);
  }
  if (organisation === null || !isAddressedTo(actor, request, organisation)) {
    throw resourceNotFound('endorsement request');
  }
  return organisation;
}

/** A request `actor` may read: one its issuer sent, or one its organisation received. */
export async function getEndorsementRequest(
  context: PlatformContext,
  actor: Actor,
  id: string,
): Promise<EndorsementRequestView> {
  const request = await context.storage.endorsementRequests.findById({ id });
  if (request === null) throw resourceNotFound('endorsement request');
  const sentByActor =
    actor.kind === 'admin' || (actor.kind === 'member' && actor.issuerId === request.requesterIssuerId);
  if (!sentByActor) await responderFor(context, actor, request);
  return viewOf(context, request);
}

/** A pending request the actor may answer for its organisation (recruiters and owners; issuer role and up). */
async function answerable(
  context: PlatformContext,
  actor: Actor,
  id: string,
): Promise<{ readonly request: EndorsementRequest; readonly organisation: Organisation }> {
  const request = await context.storage.endorsementRequests.findById({ id });
  if (request === null) throw resourceNotFound('endorsement request');
  const organisation = await responderFor(context, actor, request);
  if (organisation.kind === 'employer') authorizeEmployer(actor, organisation.employer.id, 'recruiter');
  else authorize(actor, organisation.issuer.id, 'issuer', { notFound: 'endorsement request' });
  if (request.state !== 'pending') throw answeredAlready();
  return { request, organisation };
}

function answeredAlready(): ServerError {
  return new ServerError(ServerErrorCode.CONFLICT, 'the request is no longer pending');
}

/** Records the answer and tells the requester, in one transaction (the outbox sends only what stays). */
async function recordAnswer(
  context: PlatformContext,
  actor: Actor,
  answered: { readonly request: EndorsementRequest; readonly organisation: Organisation },
  answer: {
    readonly kind: 'endorsed' | 'declined' | 'commented';
    readonly comment: string | null;
    readonly endorsementId: string | null;
  },
  options: { readonly locale: string },
): Promise<EndorsementRequestView> {
  const { request, organisation } = answered;
  const achievement = await context.storage.achievements.findById({ id: request.achievementId });
  const requester = await context.storage.issuers.findById({ id: request.requesterIssuerId });
  const updated = await context.storage.transaction(async (repositories) => {
    const responded = await repositories.endorsementRequests.respond({
      id: request.id,
      state: answer.kind === 'commented' ? 'pending' : answer.kind,
      responseComment: answer.comment,
      endorsementId: answer.endorsementId,
      // An employer that settles a request sent to an address takes it over; a comment alone leaves it open.
      targetEmployerId:
        organisation.kind === 'employer' && answer.kind !== 'commented' ? organisation.employer.id : null,
      respondedBy: actor.label ?? null,
      at: context.now(),
    });
    if (responded === null) throw answeredAlready();
    await repositories.mailOutbox.enqueue(
      (await requesterToTell(repositories, request)).map((to) =>
        endorsementAnswerMail({
          to,
          locale: options.locale,
          answer: answer.kind,
          organisationName:
            organisation.kind === 'employer' ? organisation.employer.name : organisation.issuer.name,
          achievementName: achievement?.name ?? '',
          comment: answer.comment,
          link: `${context.publicUrl}/console/${requester?.slug ?? ''}/endorsement-requests`,
        }),
      ),
    );
    return responded;
  });
  return viewOf(context, updated);
}

/**
 * The organisation endorses the achievement as asked: a signed endorsement (as `endorse` makes it) with
 * the comment, linked to the request, which is then `endorsed`; the requester hears of it.
 */
export async function endorseRequest(
  context: PlatformContext,
  dependencies: IssueDependencies,
  actor: Actor,
  id: string,
  raw: z.input<typeof EndorsementRequestCommentSchema>,
  options: { readonly locale: string } = { locale: 'en' },
): Promise<EndorsementRequestView> {
  const input = EndorsementRequestCommentSchema.parse(raw);
  const answered = await answerable(context, actor, id);
  const { organisation, request } = answered;
  // Signed before the request is settled: should another answer settle it in between, the endorsement
  // stands on its own (it is the organisation's word either way) and this answer is refused as CONFLICT.
  const endorsement = await endorse(context, dependencies, actor, {
    endorserId: organisation.kind === 'employer' ? organisation.employer.id : organisation.issuer.id,
    achievementId: request.achievementId,
    comment: input.comment,
  });
  return recordAnswer(
    context,
    actor,
    answered,
    { kind: 'endorsed', comment: input.comment, endorsementId: endorsement.id },
    options,
  );
}

/** The organisation declines, saying why if it wishes; the requester hears of it. */
export async function declineRequest(
  context: PlatformContext,
  actor: Actor,
  id: string,
  raw: z.input<typeof EndorsementRequestDeclineSchema> = {},
  options: { readonly locale: string } = { locale: 'en' },
): Promise<EndorsementRequestView> {
  const input = EndorsementRequestDeclineSchema.parse(raw);
  const answered = await answerable(context, actor, id);
  const comment = input.comment === undefined || input.comment === '' ? null : input.comment;
  return recordAnswer(context, actor, answered, { kind: 'declined', comment, endorsementId: null }, options);
}

/** The organisation answers without deciding (a question, a condition): the request stays pending. */
export async function commentOnRequest(
  context: PlatformContext,
  actor: Actor,
  id: string,
  raw: z.input<typeof EndorsementRequestCommentSchema>,
  options: { readonly locale: string } = { locale: 'en' },
): Promise<EndorsementRequestView> {
  const input = EndorsementRequestCommentSchema.parse(raw);
  const answered = await answerable(context, actor, id);
  return recordAnswer(
    context,
    actor,
    answered,
    { kind: 'commented', comment: input.comment, endorsementId: null },
    options,
  );
}

/** The requesting issuer's staff (issuer role and up) take back a pending request. */
export async function cancelRequest(
  context: PlatformContext,
  actor: Actor,
  id: string,
): Promise<EndorsementRequestView> {
  const request = await context.storage.endorsementRequests.findById({ id });
  if (request === null) throw resourceNotFound('endorsement request');
  authorize(actor, request.requesterIssuerId, 'issuer', { notFound: 'endorsement request' });
  if (request.state !== 'pending') throw answeredAlready();
  const cancelled = await context.storage.endorsementRequests.respond({
    id,
    state: 'cancelled',
    responseComment: null,
    endorsementId: null,
    targetEmployerId: null,
    respondedBy: actor.label ?? null,
    at: context.now(),
  });
  if (cancelled === null) throw answeredAlready();
  return viewOf(context, cancelled);
}

/**
 * Who an issuer may ask, for its request form: every employer and every other issuer, by name. Names only:
 * they are public wherever these organisations endorse.
 */
export async function endorsementRequestTargets(
  context: PlatformContext,
  actor: Actor,
  issuerId: string,
): Promise<{
  readonly employers: readonly { readonly id: string; readonly name: string }[];
  readonly issuers: readonly { readonly id: string; readonly name: string }[];
}> {
  authorize(actor, issuerId, 'viewer', { notFound: 'issuer' });
  const [employers, issuers] = await Promise.all([
    context.storage.employers.list({ limit: 500 }),
    context.storage.issuers.list({ limit: 500 }),
  ]);
  return {
    employers: employers.map(({ id, name }) => ({ id, name })),
    issuers: issuers.filter((issuer) => issuer.id !== issuerId).map(({ id, name }) => ({ id, name })),
  };
}

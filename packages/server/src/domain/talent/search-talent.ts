import { createHash } from 'node:crypto';
import { ErrorCode, MicrocredError } from '@microcred/vc';
import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import { listPortfolio } from '../earner/portfolio.js';
import { searchingEmployer } from '../employer/employer-access.js';
import { ESSENTIAL_WEIGHT, OPTIONAL_WEIGHT } from '../employer/saved-roles.js';
import type { PlatformContext } from '../platform-context.js';
import type { TalentAudience, TalentConsent, TalentProof } from '../ports/index.js';
import { type ClosedSkillGap, closeSkillGap, frameworkSkills, type GapSkill } from '../skills/skill-gap.js';

const MAX_SKILLS = 100;

const SkillAskSchema = z.union([
  z.string().trim().min(1).max(500),
  z.strictObject({
    id: z.string().trim().min(1).max(500),
    essential: z.boolean().optional(),
    /** Overrides the essential / optional weight. */
    weight: z.number().positive().max(10).optional(),
  }),
]);

export const TalentSearchSchema = z.strictObject({
  /** Framework URIs, or `{id, essential, weight}`; a bare URI is essential. */
  skills: z.array(SkillAskSchema).min(1).max(MAX_SKILLS),
  /** Candidates must prove each of these. */
  required: z.array(z.string().trim().min(1).max(500)).max(MAX_SKILLS).optional(),
  issuer: z.string().trim().min(1).max(200).optional(),
  /** Only credentials issued since this date count. */
  since: z.coerce.date().optional(),
  location: z.string().trim().min(1).max(100).optional(),
  limit: z.number().int().min(1).max(100).default(20),
  offset: z.number().int().min(0).max(10_000).default(0),
});

export interface AskedSkill extends GapSkill {
  readonly essential: boolean;
  readonly weight: number;
}

/** How a candidate presents to one employer: what their consent shows, and nothing else. */
export interface CandidateIdentity {
  readonly earnerId: string;
  /** Stable per employer, so that two employers cannot link a pseudonymous candidate by it. */
  readonly reference: string;
  /** Null unless the consent shows it. */
  readonly name: string | null;
  readonly contact: string | null;
  readonly location: string | null;
  /** For an internal candidate: their team, as the employer filed them. */
  readonly team?: string | null;
}

export interface TalentCandidate extends CandidateIdentity {
  readonly score: number;
  /** Proven skills over asked skills; essential ones apart. */
  readonly coverage: {
    readonly matched: number;
    readonly asked: number;
    readonly essentialMatched: number;
    readonly essentialAsked: number;
  };
  readonly matched: readonly { readonly skill: AskedSkill; readonly proofs: readonly TalentProof[] }[];
}

export interface TalentSearchResult {
  readonly skills: readonly AskedSkill[];
  readonly total: number;
  readonly candidates: readonly TalentCandidate[];
}

function referenceOf(employerId: string | null, earnerId: string): string {
  const digest = createHash('sha256')
    .update(`${employerId ?? 'directory'} ${earnerId}`)
    .digest('hex');
  return digest.slice(0, 8).toUpperCase();
}

/** A candidate as their consent lets `employerId` see them. */
async function identityOf(
  context: PlatformContext,
  employerId: string | null,
  consent: TalentConsent,
): Promise<CandidateIdentity> {
  const earner = consent.showName ? await context.storage.earners.findById({ id: consent.earnerId }) : null;
  const contact = consent.showContact
    ? ((await context.storage.earnerEmails.list({ earnerId: consent.earnerId })).find(
        (address) => address.verifiedAt !== null,
      )?.email ?? null)
    : null;
  return {
    earnerId: consent.earnerId,
    reference: referenceOf(employerId, consent.earnerId),
    name: earner?.displayName ?? null,
    contact,
    location: consent.location,
  };
}

/** The skills a search asks for, labelled from the framework, each with its weight; `required` checked. */
export async function askedSkills(
  context: PlatformContext,
  input: Pick<z.output<typeof TalentSearchSchema>, 'skills' | 'required'>,
): Promise<AskedSkill[]> {
  const asks = new Map<string, { essential: boolean; weight: number }>();
  for (const ask of input.skills) {
    const id = typeof ask === 'string' ? ask : ask.id;
    const essential = typeof ask === 'string' ? true : (ask.essential ?? true);
    const weight =
      typeof ask === 'string'
        ? ESSENTIAL_WEIGHT
        : (ask.weight ?? (essential ? ESSENTIAL_WEIGHT : OPTIONAL_WEIGHT));
    if (!asks.has(id)) asks.set(id, { essential, weight });
  }
  const concepts = await frameworkSkills(context, [...asks.keys()]);
  const notAsked = (input.required ?? []).filter((uri) => !asks.has(uri));
  if (notAsked.length > 0) {
    throw new MicrocredError(
      ErrorCode.VALIDATION_ERROR,
      `required skills must be among the skills asked: ${notAsked.join(', ')}`,
    );
  }
  return [...asks].map(([id, ask]) => ({ id, label: concepts.get(id)?.label ?? id, ...ask }));
}

/**
 * One ranking for talent search and internal candidates: `audience` says whose evidence counts, and
 * `present` how each candidate is shown (null: no longer visible, e.g. a consent withdrawn since).
 */
export async function rankCandidates(
  context: PlatformContext,
  audience: TalentAudience,
  skills: readonly AskedSkill[],
  input: Omit<z.output<typeof TalentSearchSchema>, 'skills'>,
  present: (earnerId: string) => Promise<CandidateIdentity | null>,
): Promise<TalentSearchResult> {
  const page = await context.storage.talent.search({
    audience,
    skills: skills.map((skill) => ({ uri: skill.id, weight: skill.weight })),
    requiredSkills: input.required ?? [],
    ...(input.issuer === undefined ? {} : { issuer: input.issuer }),
    ...(input.since === undefined ? {} : { issuedSince: input.since }),
    ...(input.location === undefined ? {} : { location: input.location }),
    now: context.now(),
    limit: input.limit,
    offset: input.offset,
  });
  const bySkill = new Map(skills.map((skill) => [skill.id, skill]));
  const essentialAsked = skills.filter((skill) => skill.essential).length;
  const candidates: TalentCandidate[] = [];
  for (const match of page.matches) {
    const identity = await present(match.earnerId);
    if (identity === null) continue;
    const matched = match.matched.flatMap((item) => {
      const skill = bySkill.get(item.skillUri);
      return skill === undefined ? [] : [{ skill, proofs: item.proofs }];
    });
    candidates.push({
      ...identity,
      score: match.score,
      coverage: {
        matched: matched.length,
        asked: skills.length,
        essentialMatched: matched.filter((item) => item.skill.essential).length,
        essentialAsked,
      },
      matched,
    });
  }
  return { skills, total: page.total, candidates };
}

/**
 * Candidates for a set of skills, best first: only earners who consented (to this employer or to the
 * public directory), only the credentials their consent shows, only verified, unexpired, unrevoked ones.
 * Each skill weighs its weight (essential 2, optional 1); each match names the credentials that prove it.
 */
export async function searchTalent(
  context: PlatformContext,
  actor: Actor,
  raw: z.input<typeof TalentSearchSchema>,
): Promise<TalentSearchResult> {
  const employerId = searchingEmployer(actor);
  const input = TalentSearchSchema.parse(raw);
  const skills = await askedSkills(context, input);
  const audience: TalentAudience =
    employerId === null ? { kind: 'directory' } : { kind: 'employer', employerId };
  return rankCandidates(context, audience, skills, input, async (earnerId) => {
    const consent = await context.storage.talent.findVisibleConsent({ earnerId, employerId });
    // Withdrawn between the search and now: gone at once.
    return consent === null ? null : identityOf(context, employerId, consent);
  });
}

export const CandidateGapSchema = z.strictObject({
  skills: z.array(z.string().trim().min(1).max(500)).min(1).max(MAX_SKILLS),
});

export interface CandidateView extends CandidateIdentity {
  readonly gap: ClosedSkillGap;
}

/**
 * One candidate for an employer: who they are as far as their consent shows, which of the role's skills
 * the credentials they chose to show prove, which are missing, and the micro-credentials and pathways that
 * would close the gap. NOT_FOUND for anyone who did not consent (as for no one at all).
 */
export async function viewCandidate(
  context: PlatformContext,
  actor: Actor,
  earnerId: string,
  raw: z.input<typeof CandidateGapSchema>,
): Promise<CandidateView> {
  const employerId = searchingEmployer(actor);
  const input = CandidateGapSchema.parse(raw);
  const consent = await context.storage.talent.findVisibleConsent({ earnerId, employerId });
  if (consent === null) throw resourceNotFound('candidate');
  const uris = [...new Set(input.skills)];
  const concepts = await frameworkSkills(context, uris);
  const shown = consent.credentialIds === null ? null : new Set(consent.credentialIds);
  const items = (await listPortfolio(context, earnerId)).filter(
    (item) => shown === null || shown.has(item.kind === 'issued' ? item.credential.id : item.imported.id),
  );
  const gap = await closeSkillGap(context, {
    earnerId,
    items,
    skills: uris.map((uri) => ({ id: uri, label: concepts.get(uri)?.label ?? uri })),
    pathways: true,
  });
  return { ...(await identityOf(context, employerId, consent)), gap };
}

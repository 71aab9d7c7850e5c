import { ErrorCode, MicrocredError } from '@microcred/vc';
import { z } from 'zod';
import { type Actor, requireAdmin } from '../auth/actor.js';
import { recipientLookupHash } from '../credential/recipient-lookup-hash.js';
import { listPortfolio } from '../earner/portfolio.js';
import type { PlatformContext } from '../platform-context.js';
import type { Achievement } from '../ports/index.js';
import { skillsWallet } from './skills-wallet.js';

const MAX_SKILLS = 100;
const MAX_RECOMMENDATIONS = 20;
// Achievements read per missing skill: a skill taught by more than this many is not where a gap lies.
const ACHIEVEMENTS_PER_SKILL = 100;

export const SkillGapSchema = z.strictObject({
  recipient: z.strictObject({ email: z.email().max(320) }),
  skills: z.array(z.string().trim().min(1).max(500)).min(1).max(MAX_SKILLS),
});

export interface GapSkill {
  readonly id: string;
  readonly label: string;
}

export interface Recommendation {
  readonly achievementId: string;
  readonly name: string;
  /** The missing skills (URIs) it aligns to, in the order they were asked for. */
  readonly covers: readonly string[];
  readonly hours: number | null;
}

export interface SkillGap {
  /** The skills asked for that the person proves, each with the ids of the credentials that prove it. */
  readonly have: readonly (GapSkill & { readonly evidence: readonly string[] })[];
  readonly missing: readonly GapSkill[];
  readonly recommendations: readonly Recommendation[];
}

/**
 * Orders achievements by how many of the missing skills each covers, then by effort (fewer hours first; no
 * hours given last), then by name; those covering none are left out. Pure.
 */
export function rankRecommendations(
  missing: readonly string[],
  achievements: readonly Pick<Achievement, 'id' | 'name' | 'hours' | 'skills'>[],
): Recommendation[] {
  const recommendations = new Map<string, Recommendation>();
  for (const achievement of achievements) {
    if (recommendations.has(achievement.id)) continue;
    const aligned = new Set(
      achievement.skills.flatMap((skill) => (skill.url === undefined ? [] : [skill.url])),
    );
    const covers = missing.filter((uri) => aligned.has(uri));
    if (covers.length === 0) continue;
    recommendations.set(achievement.id, {
      achievementId: achievement.id,
      name: achievement.name,
      covers,
      hours: achievement.hours,
    });
  }
  return [...recommendations.values()].sort(
    (a, b) =>
      b.covers.length - a.covers.length ||
      (a.hours ?? Number.POSITIVE_INFINITY) - (b.hours ?? Number.POSITIVE_INFINITY) ||
      a.name.localeCompare(b.name) ||
      a.achievementId.localeCompare(b.achievementId),
  );
}

/**
 * Which of a role's skills a person proves (by the verified credentials of the earner account that verified
 * the address), which are missing, and the published achievements that would close the gap, best first.
 * A person with no account proves nothing. Unknown skill URIs are refused (VALIDATION_ERROR).
 */
export async function skillGap(
  context: PlatformContext,
  actor: Actor,
  raw: z.input<typeof SkillGapSchema>,
): Promise<SkillGap> {
  requireAdmin(actor);
  const input = SkillGapSchema.parse(raw);
  const uris = [...new Set(input.skills)];
  const concepts = new Map(
    (await context.storage.skills.findConcepts({ uris }))
      .filter((concept) => concept.kind !== 'group')
      .map((concept) => [concept.uri, concept]),
  );
  const unknown = uris.filter((uri) => !concepts.has(uri));
  if (unknown.length > 0) {
    throw new MicrocredError(
      ErrorCode.VALIDATION_ERROR,
      `not skills of the framework: ${unknown.join(', ')}`,
      {
        details: { errors: [{ path: 'skills', in: 'body', message: 'ESCO skill or knowledge URIs' }] },
      },
    );
  }
  const address = await context.storage.earnerEmails.findVerified({
    lookupHash: recipientLookupHash(context.recipientPepper, input.recipient.email),
  });
  const wallet = address === null ? [] : skillsWallet(await listPortfolio(context, address.earnerId));
  const proven = new Map(
    wallet.flatMap((skill) => (skill.url === null ? [] : [[skill.url, skill.evidence] as const])),
  );
  const have: SkillGap['have'][number][] = [];
  const missing: GapSkill[] = [];
  for (const uri of uris) {
    const label = concepts.get(uri)?.label ?? uri;
    const evidence = proven.get(uri);
    if (evidence === undefined) missing.push({ id: uri, label });
    else have.push({ id: uri, label, evidence: evidence.map((item) => item.id) });
  }
  const candidates: Achievement[] = [];
  for (const skill of missing) {
    const page = await context.storage.achievements.searchCatalog({
      skill: skill.id,
      limit: ACHIEVEMENTS_PER_SKILL,
      offset: 0,
    });
    candidates.push(...page.achievements);
  }
  const recommendations = rankRecommendations(
    missing.map((skill) => skill.id),
    candidates,
  ).slice(0, MAX_RECOMMENDATIONS);
  return { have, missing, recommendations };
}

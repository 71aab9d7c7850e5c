import { ErrorCode, MicrocredError } from '@microcred/vc';
import { z } from 'zod';
import { type Actor, requireAdmin } from '../auth/actor.js';
import { recipientLookupHash } from '../credential/recipient-lookup-hash.js';
import { listPortfolio, type PortfolioItem } from '../earner/portfolio.js';
import type { PathwayRules, RuleNode } from '../pathway/model/pathway-rules.js';
import { isGroup } from '../pathway/model/requirement-node.js';
import type { PlatformContext } from '../platform-context.js';
import type { Achievement, PathwayWithVersion, SkillConcept } from '../ports/index.js';
import { type SkillEvidence, skillsWallet } from './skills-wallet.js';

const MAX_SKILLS = 100;
const MAX_RECOMMENDATIONS = 20;
// Achievements read for one gap: enough to rank a platform's whole catalogue for most roles, bounded for all.
const MAX_CANDIDATES = 1000;
// Pathways read: enough for every pathway built on the recommended achievements of one platform.
const MAX_PATHWAYS_READ = 200;

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

export interface PathwayRecommendation {
  readonly pathwayId: string;
  readonly name: string;
  /** The missing skills (URIs) its achievements align to, in the order they were asked for. */
  readonly covers: readonly string[];
  /** The hours of every achievement it requires, as its current version keeps them; null when one has none. */
  readonly hours: number | null;
  /** Its achievements that cover a missing skill, best first. */
  readonly achievementIds: readonly string[];
  /** What it awards: that achievement's page says how the pathway earns it. */
  readonly completionAchievementId: string;
}

export interface SkillGap {
  /** The skills asked for that the person proves, each with the ids of the credentials that prove it. */
  readonly have: readonly (GapSkill & { readonly evidence: readonly string[] })[];
  readonly missing: readonly GapSkill[];
  readonly recommendations: readonly Recommendation[];
}

/** What `closeSkillGap` finds: the evidence in full, and pathways too when asked for. */
export interface ClosedSkillGap {
  readonly have: readonly (GapSkill & { readonly evidence: readonly SkillEvidence[] })[];
  readonly missing: readonly GapSkill[];
  readonly recommendations: readonly Recommendation[];
  readonly pathways: readonly PathwayRecommendation[];
}

/** More missing skills covered first, then less effort (no hours given last), then by name and id. */
function byCoverThenEffort(
  a: { readonly covers: readonly string[]; readonly hours: number | null; readonly name: string },
  b: { readonly covers: readonly string[]; readonly hours: number | null; readonly name: string },
): number {
  return (
    b.covers.length - a.covers.length ||
    (a.hours ?? Number.POSITIVE_INFINITY) - (b.hours ?? Number.POSITIVE_INFINITY) ||
    a.name.localeCompare(b.name)
  );
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
    (a, b) => byCoverThenEffort(a, b) || a.achievementId.localeCompare(b.achievementId),
  );
}

/** The hours of every distinct achievement a version's tree requires, embedded sub-pathways included. */
function requiredHours(rules: PathwayRules): number | null {
  const hours = new Map<string, number | null>();
  const visit = (node: RuleNode): void => {
    if (node.type === 'achievement') hours.set(node.achievementId, node.hours);
    else if (isGroup(node)) node.children.forEach(visit);
    else visit(node.requirement);
  };
  visit(rules.requirement);
  let total = 0;
  for (const value of hours.values()) {
    // A total that left out a course would understate the effort: unknown is ranked as unknown.
    if (value === null) return null;
    total += value;
  }
  return total;
}

/**
 * Orders published pathways the way `rankRecommendations` orders achievements: by how many missing skills
 * the achievements of their current version (required, milestones, completion) cover together, then by
 * the hours of what they require, then by name. `ranked` is the achievements' own ranking: a pathway covers
 * what its ranked achievements cover. Drafts and pathways covering nothing are left out. Pure.
 */
export function rankPathwayRecommendations(
  missing: readonly string[],
  pathways: readonly Pick<PathwayWithVersion, 'pathway' | 'version'>[],
  ranked: readonly Recommendation[],
): PathwayRecommendation[] {
  const recommendations = new Map<string, PathwayRecommendation>();
  for (const { pathway, version } of pathways) {
    if (pathway.status !== 'published' || recommendations.has(pathway.id)) continue;
    const named = new Set([
      ...version.requiredAchievementIds,
      ...version.milestoneAchievementIds,
      version.rules.completionAchievementId,
    ]);
    const covering = ranked.filter((item) => named.has(item.achievementId));
    const covered = new Set(covering.flatMap((item) => item.covers));
    const covers = missing.filter((uri) => covered.has(uri));
    if (covers.length === 0) continue;
    recommendations.set(pathway.id, {
      pathwayId: pathway.id,
      name: pathway.name,
      covers,
      hours: requiredHours(version.rules),
      achievementIds: covering.map((item) => item.achievementId),
      completionAchievementId: version.rules.completionAchievementId,
    });
  }
  return [...recommendations.values()].sort(
    (a, b) => byCoverThenEffort(a, b) || a.pathwayId.localeCompare(b.pathwayId),
  );
}

/**
 * Few recommendations that together cover the most of `skills`, and what they cover (in the order of
 * `skills`): "these N micro-credentials close M more". Greedy (set cover is NP-hard): each step takes the
 * one closing the most skills still open, the fewest hours on a tie, the best ranked after that. Pure.
 */
export function closingSet(
  skills: readonly string[],
  ranked: readonly Recommendation[],
): { readonly achievementIds: string[]; readonly closes: string[] } {
  const open = new Set(skills);
  const chosen: string[] = [];
  for (;;) {
    let best: Recommendation | undefined;
    let bestGain = 0;
    for (const item of ranked) {
      const gain = item.covers.filter((uri) => open.has(uri)).length;
      const less = (item.hours ?? Number.POSITIVE_INFINITY) < (best?.hours ?? Number.POSITIVE_INFINITY);
      if (gain > bestGain || (gain === bestGain && gain > 0 && less)) {
        best = item;
        bestGain = gain;
      }
    }
    if (best === undefined) break;
    chosen.push(best.achievementId);
    for (const uri of best.covers) open.delete(uri);
  }
  return { achievementIds: chosen, closes: skills.filter((uri) => !open.has(uri)) };
}

/**
 * The framework concepts for these URIs, by URI. Unknown ones, and skill groups (which no credential proves),
 * are refused together (VALIDATION_ERROR), named.
 */
export async function frameworkSkills(
  context: PlatformContext,
  uris: readonly string[],
): Promise<Map<string, SkillConcept>> {
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
  return concepts;
}

/**
 * The shared core of every skill gap: which of `skills` an earner proves (their skills wallet: verified,
 * unexpired, unrevoked credentials only; `earnerId` null proves nothing), which are missing, the published
 * achievements that would close them, best first, and, when `pathways` is set, the published pathways
 * built on those achievements, ranked the same way.
 */
export async function closeSkillGap(
  context: PlatformContext,
  options: {
    readonly earnerId: string | null;
    /** The portfolio items that may count, when not all of the earner's do (what a consent shows). */
    readonly items?: readonly PortfolioItem[];
    readonly skills: readonly GapSkill[];
    readonly pathways: boolean;
  },
): Promise<ClosedSkillGap> {
  const items =
    options.items ?? (options.earnerId === null ? [] : await listPortfolio(context, options.earnerId));
  const wallet = skillsWallet(items);
  const proven = new Map(
    wallet.flatMap((skill) => (skill.url === null ? [] : [[skill.url, skill.evidence] as const])),
  );
  const have: ClosedSkillGap['have'][number][] = [];
  const missing: GapSkill[] = [];
  for (const skill of options.skills) {
    const evidence = proven.get(skill.id);
    if (evidence === undefined) missing.push(skill);
    else have.push({ ...skill, evidence });
  }
  const candidates: readonly Achievement[] = await context.storage.achievements.listAligned({
    skillUris: missing.map((skill) => skill.id),
    limit: MAX_CANDIDATES,
  });
  const missingUris = missing.map((skill) => skill.id);
  const ranked = rankRecommendations(missingUris, candidates);
  if (!options.pathways || ranked.length === 0) {
    return { have, missing, recommendations: ranked.slice(0, MAX_RECOMMENDATIONS), pathways: [] };
  }
  const ids = ranked.map((item) => item.achievementId);
  const awarding = await context.storage.pathways.findAwarding({ achievementIds: ids });
  const known = new Set(awarding.map((item) => item.pathway.id));
  const referencing = (await context.storage.pathways.findReferencing({ achievementIds: ids })).filter(
    (id) => !known.has(id),
  );
  const pathways: PathwayWithVersion[] = [...awarding];
  for (const id of referencing.slice(0, Math.max(0, MAX_PATHWAYS_READ - pathways.length))) {
    const found = await context.storage.pathways.findById({ id });
    if (found !== null) pathways.push(found);
  }
  return {
    have,
    missing,
    recommendations: ranked.slice(0, MAX_RECOMMENDATIONS),
    pathways: rankPathwayRecommendations(missingUris, pathways, ranked).slice(0, MAX_RECOMMENDATIONS),
  };
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
  const concepts = await frameworkSkills(context, uris);
  const address = await context.storage.earnerEmails.findVerified({
    lookupHash: recipientLookupHash(context.recipientPepper, input.recipient.email),
  });
  const gap = await closeSkillGap(context, {
    earnerId: address?.earnerId ?? null,
    skills: uris.map((uri) => ({ id: uri, label: concepts.get(uri)?.label ?? uri })),
    pathways: false,
  });
  return {
    have: gap.have.map((skill) => ({
      id: skill.id,
      label: skill.label,
      evidence: skill.evidence.map((item) => item.id),
    })),
    missing: gap.missing,
    recommendations: gap.recommendations,
  };
}

import { z } from 'zod';
import type { RuleNode } from '../model/pathway-rules.js';
import { isGroup, MAX_CHILDREN, type RequirementNode } from '../model/requirement-node.js';

/**
 * A requirement tree as published and exported: achievements and sub-pathways named by their public
 * URLs instead of local ids, so the tree means the same on any platform that can read those URLs.
 */
export type PortableRequirement =
  | { readonly type: 'achievement'; readonly achievement: string }
  | { readonly type: 'pathway'; readonly pathway: string }
  | ({
      readonly name?: string;
      readonly milestoneAchievement?: string;
      readonly precedes?: readonly { readonly before: number; readonly after: number }[];
      readonly children: readonly PortableRequirement[];
    } & (
      | { readonly type: 'all-of' }
      | { readonly type: 'n-of'; readonly n: number }
      | { readonly type: 'credits-at-least'; readonly credits: number }
      | { readonly type: 'hours-at-least'; readonly hours: number }
    ));

const url = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });
const group = {
  name: z.string().trim().min(1).max(200).optional(),
  milestoneAchievement: url.optional(),
  precedes: z
    .array(z.strictObject({ before: z.number().int().min(0), after: z.number().int().min(0) }))
    .max(MAX_CHILDREN)
    .optional(),
  children: z.lazy(() => z.array(PortableRequirementSchema).min(1).max(MAX_CHILDREN)),
};

export const PortableRequirementSchema: z.ZodType<PortableRequirement> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('achievement'), achievement: url }),
  z.object({ type: z.literal('pathway'), pathway: url }),
  z.object({ type: z.literal('all-of'), ...group }),
  z.object({ type: z.literal('n-of'), n: z.number().int().min(1), ...group }),
  z.object({ type: z.literal('credits-at-least'), credits: z.number().positive(), ...group }),
  z.object({ type: z.literal('hours-at-least'), hours: z.number().positive(), ...group }),
]);

/** The portable form of a saved tree; `urlOf` names achievements, `pathwayUrlOf` sub-pathways. */
export function toPortableRequirement(
  node: RuleNode,
  names: { readonly achievementUrl: (id: string) => string; readonly pathwayUrl: (id: string) => string },
): PortableRequirement {
  if (node.type === 'achievement')
    return { type: 'achievement', achievement: names.achievementUrl(node.achievementId) };
  if (!isGroup(node)) return { type: 'pathway', pathway: names.pathwayUrl(node.pathwayId) };
  const { children, milestoneAchievementId, ...rest } = node;
  return {
    ...rest,
    ...(milestoneAchievementId === undefined
      ? {}
      : { milestoneAchievement: names.achievementUrl(milestoneAchievementId) }),
    children: children.map((child) => toPortableRequirement(child, names)),
  } as PortableRequirement;
}

/**
 * Back to local ids. `idOf` maps a URL to a local achievement or pathway id, or returns undefined;
 * every URL it cannot map is reported (with its path) in `unknown`, and stands as given in the result.
 */
export function fromPortableRequirement(
  node: PortableRequirement,
  idOf: {
    readonly achievement: (url: string) => string | undefined;
    readonly pathway: (url: string) => string | undefined;
  },
  path = 'requirement',
  unknown: { path: string; message: string }[] = [],
): { requirement: RequirementNode; unknown: { path: string; message: string }[] } {
  const map = (kind: 'achievement' | 'pathway', value: string, at: string) => {
    const id = idOf[kind](value);
    if (id === undefined) unknown.push({ path: at, message: `no ${kind} of this platform is at ${value}` });
    return id ?? value;
  };
  if (node.type === 'achievement') {
    return {
      requirement: {
        type: 'achievement',
        achievementId: map('achievement', node.achievement, `${path}.achievement`),
      },
      unknown,
    };
  }
  if (node.type === 'pathway') {
    return {
      requirement: { type: 'pathway', pathwayId: map('pathway', node.pathway, `${path}.pathway`) },
      unknown,
    };
  }
  const { children, milestoneAchievement, ...rest } = node;
  const requirement = {
    ...rest,
    ...(milestoneAchievement === undefined
      ? {}
      : { milestoneAchievementId: map('achievement', milestoneAchievement, `${path}.milestoneAchievement`) }),
    children: children.map(
      (child, index) =>
        fromPortableRequirement(child, idOf, `${path}.children.${index}`, unknown).requirement,
    ),
  } as RequirementNode;
  return { requirement, unknown };
}

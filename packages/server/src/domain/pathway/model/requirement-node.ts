import { z } from 'zod';

/** The kinds of requirement node a pathway is built from. */
export const REQUIREMENT_TYPES = [
  'achievement',
  'all-of',
  'n-of',
  'credits-at-least',
  'hours-at-least',
  'pathway',
] as const;
export type RequirementType = (typeof REQUIREMENT_TYPES)[number];

/** Deeper trees are refused: nobody designs them, and recursion stays bounded. */
export const MAX_REQUIREMENT_DEPTH = 8;
export const MAX_CHILDREN = 100;

/** A leaf: holding a valid credential for this achievement. */
export interface AchievementRequirement {
  readonly type: 'achievement';
  readonly achievementId: string;
}

/** Ordering between two children of one group, by index: `before` must be met no later than `after` is earned. */
export interface Precedence {
  readonly before: number;
  readonly after: number;
}

interface GroupFields<Leaf, Sub> {
  /** Shown in progress views. */
  readonly name?: string;
  /** Awarded automatically when this (inner) node is met. */
  readonly milestoneAchievementId?: string;
  readonly precedes?: readonly Precedence[];
  readonly children: readonly RequirementTree<Leaf, Sub>[];
}

export interface AllOfRequirement<Leaf, Sub> extends GroupFields<Leaf, Sub> {
  readonly type: 'all-of';
}
export interface NOfRequirement<Leaf, Sub> extends GroupFields<Leaf, Sub> {
  readonly type: 'n-of';
  readonly n: number;
}
export interface CreditsRequirement<Leaf, Sub> extends GroupFields<Leaf, Sub> {
  readonly type: 'credits-at-least';
  readonly credits: number;
}
export interface HoursRequirement<Leaf, Sub> extends GroupFields<Leaf, Sub> {
  readonly type: 'hours-at-least';
  readonly hours: number;
}

export type GroupRequirement<Leaf, Sub> =
  | AllOfRequirement<Leaf, Sub>
  | NOfRequirement<Leaf, Sub>
  | CreditsRequirement<Leaf, Sub>
  | HoursRequirement<Leaf, Sub>;

/**
 * A requirement tree, generic in its leaves and its sub-pathway nodes: as an author writes it
 * (`RequirementNode`) and as a published version stores it (`RuleNode`, in `pathway-rules.ts`).
 */
export type RequirementTree<Leaf, Sub> = Leaf | GroupRequirement<Leaf, Sub> | Sub;

/** A nested sub-pathway: met when that pathway's own requirement is. */
export interface PathwayReference {
  readonly type: 'pathway';
  readonly pathwayId: string;
}

/** A requirement as an author writes it. */
export type RequirementNode = RequirementTree<AchievementRequirement, PathwayReference>;

export function isGroup<Leaf extends object, Sub extends object>(
  node: RequirementTree<Leaf, Sub>,
): node is GroupRequirement<Leaf, Sub> {
  return 'children' in node;
}

const uuid = z.uuid({ error: 'must be an id (UUID)' });

const groupFields = {
  name: z.string().trim().min(1).max(200).optional(),
  milestoneAchievementId: uuid.optional(),
  precedes: z
    .array(
      z.strictObject({
        before: z.number().int().min(0),
        after: z.number().int().min(0),
      }),
    )
    .max(MAX_CHILDREN)
    .optional(),
  children: z.lazy(() =>
    z.array(RequirementNodeSchema).min(1, 'a group needs at least one child').max(MAX_CHILDREN),
  ),
};

/**
 * The requirement tree an author submits. Structure only: `checkRequirementStructure` enforces the rules
 * that need the whole tree (n ≤ m, ordering without cycles, depth), and the use cases those that need
 * storage (achievements exist, are published, partnership consent).
 */
export const RequirementNodeSchema: z.ZodType<RequirementNode> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('achievement'), achievementId: uuid }),
  z.strictObject({ type: z.literal('all-of'), ...groupFields }),
  z.strictObject({ type: z.literal('n-of'), n: z.number().int().min(1), ...groupFields }),
  z.strictObject({
    type: z.literal('credits-at-least'),
    credits: z.number().positive().max(100_000),
    ...groupFields,
  }),
  z.strictObject({
    type: z.literal('hours-at-least'),
    hours: z.number().positive().max(1_000_000),
    ...groupFields,
  }),
  z.strictObject({ type: z.literal('pathway'), pathwayId: uuid }),
]);

import { ZodError } from 'zod';
import { isServerError, ServerErrorCode } from '../../../domain/error/server-error.js';
import { checkRequirementStructure } from '../../../domain/pathway/engine/check-requirement-structure.js';
import { toRequirementNode } from '../../../domain/pathway/engine/to-requirement-node.js';
import type { RuleNode } from '../../../domain/pathway/model/pathway-rules.js';
import {
  isGroup,
  type RequirementNode,
  RequirementNodeSchema,
} from '../../../domain/pathway/model/requirement-node.js';
import type { Achievement, PathwayWithVersion } from '../../../domain/ports/index.js';
import { formField } from '../../shared/web-context.js';

/** What the pathway form holds, exactly as typed (kept when the form comes back with errors). */
export interface PathwayFormValues {
  readonly name: string;
  readonly description: string;
  readonly completionAchievementId: string;
  /** The requirement tree as JSON text. */
  readonly requirement: string;
}

/** One reason a definition was refused, at the JSON path the domain names (`requirement.children.1.n`). */
export interface PathwayIssue {
  readonly path: string;
  readonly message: string;
}

export function blankPathwayValues(): PathwayFormValues {
  return { name: '', description: '', completionAchievementId: '', requirement: '' };
}

export function pathwayValuesOf(found: PathwayWithVersion): PathwayFormValues {
  return {
    name: found.pathway.name,
    description: found.pathway.description ?? '',
    completionAchievementId: found.version.rules.completionAchievementId,
    requirement: JSON.stringify(toRequirementNode(found.version.rules.requirement), null, 2),
  };
}

export function readPathwayValues(form: Readonly<Record<string, unknown>>): PathwayFormValues {
  return {
    name: formField(form, 'name'),
    description: formField(form, 'description'),
    completionAchievementId: formField(form, 'completionAchievementId'),
    requirement: formField(form, 'requirement'),
  };
}

/** Thrown when the tree text is not JSON at all: the domain never sees it. */
export class RequirementJsonError extends Error {}

/** The tree text as a value for the domain to check (it alone decides whether it is a valid tree). */
export function parseRequirementJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RequirementJsonError(error instanceof Error ? error.message : String(error));
  }
}

function pathOf(segments: readonly PropertyKey[]): string {
  return segments.map(String).join('.');
}

/** The field-level reasons of a domain refusal, or null when it is not about the definition (a fault). */
export function pathwayIssuesOf(error: unknown): PathwayIssue[] | null {
  if (error instanceof ZodError) {
    return error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message }));
  }
  if (!isServerError(error) || error.code === ServerErrorCode.INTERNAL) return null;
  if (error.code === ServerErrorCode.NOT_FOUND || error.code === ServerErrorCode.FORBIDDEN) return null;
  const listed = (error.details as { errors?: unknown } | undefined)?.errors;
  if (Array.isArray(listed) && listed.length > 0) {
    return listed.map((entry: { path?: unknown; message?: unknown }) => ({
      path: typeof entry.path === 'string' ? entry.path : '',
      message: typeof entry.message === 'string' ? entry.message : error.message,
    }));
  }
  return [{ path: '', message: error.message }];
}

/**
 * The checks a preview runs without saving: the tree's schema and its structure rules, as the domain
 * states them. Those that need storage (achievements published, partnerships) run only on save.
 */
export function previewRequirement(
  requirement: unknown,
  completionAchievementId: string,
): { readonly node: RequirementNode | null; readonly issues: PathwayIssue[] } {
  const parsed = RequirementNodeSchema.safeParse(requirement);
  if (!parsed.success) {
    return {
      node: null,
      issues: parsed.error.issues.map((issue) => ({
        path: pathOf(['requirement', ...issue.path]),
        message: issue.message,
      })),
    };
  }
  const issues = checkRequirementStructure({ requirement: parsed.data, completionAchievementId });
  return { node: issues.length === 0 ? parsed.data : null, issues };
}

/**
 * A posted tree as a version would store it, for drawing only: amounts from the issuer's achievements
 * (none for others'), sub-pathways as their current rules; an unknown sub-pathway is an issue.
 */
export function toPreviewRules(
  node: RequirementNode,
  achievements: ReadonlyMap<string, Achievement>,
  subPathways: ReadonlyMap<string, PathwayWithVersion>,
  unknownPathway: string,
  path = 'requirement',
): { readonly rule: RuleNode | null; readonly issues: PathwayIssue[] } {
  if (node.type === 'achievement') {
    const known = achievements.get(node.achievementId);
    return {
      rule: { ...node, credits: known?.credits ?? null, hours: known?.hours ?? null },
      issues: [],
    };
  }
  if (!isGroup(node)) {
    const sub = subPathways.get(node.pathwayId);
    if (sub === undefined)
      return { rule: null, issues: [{ path: `${path}.pathwayId`, message: unknownPathway }] };
    return {
      rule: {
        type: 'pathway',
        pathwayId: node.pathwayId,
        version: sub.version.version,
        completionAchievementId: sub.version.rules.completionAchievementId,
        requirement: sub.version.rules.requirement,
      },
      issues: [],
    };
  }
  const children = node.children.map((child, index) =>
    toPreviewRules(child, achievements, subPathways, unknownPathway, `${path}.children.${index}`),
  );
  const issues = children.flatMap((child) => child.issues);
  const rules = children.flatMap((child) => (child.rule === null ? [] : [child.rule]));
  if (issues.length > 0) return { rule: null, issues };
  return { rule: { ...node, children: rules }, issues: [] };
}

/** Every sub-pathway id a tree names, to look up before drawing it. */
export function subPathwayIds(node: RequirementNode): string[] {
  if (node.type === 'achievement') return [];
  if (!isGroup(node)) return [node.pathwayId];
  return [...new Set(node.children.flatMap(subPathwayIds))];
}

/** Every achievement a stored tree names (leaves and milestones), embedded sub-pathways included. */
export function namedAchievementIds(node: RuleNode): string[] {
  if (node.type === 'achievement') return [node.achievementId];
  if (!isGroup(node)) return [node.completionAchievementId, ...namedAchievementIds(node.requirement)];
  return [
    ...new Set([
      ...(node.milestoneAchievementId === undefined ? [] : [node.milestoneAchievementId]),
      ...node.children.flatMap(namedAchievementIds),
    ]),
  ];
}

function byOrder(a: unknown, b: unknown): number {
  const pair = (value: unknown) => (value ?? {}) as { before?: unknown; after?: unknown };
  return Number(pair(a).after) - Number(pair(b).after) || Number(pair(a).before) - Number(pair(b).before);
}

/**
 * Key order left out (storage may reorder an object's keys) and ordering pairs sorted (the editor lists
 * them by child), so that an untouched tree compares equal.
 */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => [
        key,
        key === 'precedes' && Array.isArray(entry)
          ? [...entry].sort(byOrder).map(canonical)
          : canonical(entry),
      ]),
  );
}

/** True when a posted tree says the same as a stored one. */
export function sameRequirement(posted: unknown, stored: RequirementNode): boolean {
  return JSON.stringify(canonical(posted)) === JSON.stringify(canonical(stored));
}

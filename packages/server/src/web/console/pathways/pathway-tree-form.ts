import {
  isGroup,
  MAX_CHILDREN,
  MAX_REQUIREMENT_DEPTH,
  type Precedence,
  type RequirementNode,
} from '../../../domain/pathway/model/requirement-node.js';

/**
 * The requirement tree as the structured editor holds it: every value as typed, so that a form that comes
 * back with errors shows what was entered. The domain alone decides whether it is a valid tree; this module
 * only turns form fields into the JSON the API would send and applies the editor's buttons.
 */
export type EditableNode = EditableAchievement | EditablePathway | EditableGroup;

export interface EditableAchievement {
  readonly kind: 'achievement';
  readonly achievementId: string;
}

export interface EditablePathway {
  readonly kind: 'pathway';
  readonly pathwayId: string;
}

export const GROUP_RULES = ['all-of', 'n-of', 'credits-at-least', 'hours-at-least'] as const;
export type GroupRule = (typeof GROUP_RULES)[number];

export interface EditableGroup {
  readonly kind: 'group';
  readonly rule: GroupRule;
  /** n, credits or hours, as typed; unused by `all-of`. */
  readonly amount: string;
  readonly name: string;
  readonly milestoneAchievementId: string;
  readonly precedes: readonly Precedence[];
  readonly children: readonly EditableNode[];
}

/** Where a node sits: child positions from the root, which is `[]`. */
export type NodePath = readonly number[];

export const ADDABLE_KINDS = ['achievement', 'group', 'pathway'] as const;
export type AddableKind = (typeof ADDABLE_KINDS)[number];

/** A button of the editor, applied on the server so that the editor works without JavaScript. */
export type TreeOperation =
  | { readonly type: 'add'; readonly path: NodePath; readonly kind: AddableKind }
  | { readonly type: 'remove' | 'up' | 'down'; readonly path: NodePath };

// Enough for any tree the domain accepts (it refuses more than 500 nodes): a bigger post is cut off here.
const MAX_FORM_NODES = 1000;
const FIELD = /^tree\.(0(?:\.\d{1,3})*)\.kind$/;

export function newGroup(): EditableGroup {
  return {
    kind: 'group',
    rule: 'all-of',
    amount: '',
    name: '',
    milestoneAchievementId: '',
    precedes: [],
    children: [],
  };
}

function newNode(kind: AddableKind): EditableNode {
  if (kind === 'achievement') return { kind, achievementId: '' };
  if (kind === 'pathway') return { kind, pathwayId: '' };
  return newGroup();
}

/** A stored or posted tree, ready to edit. */
export function editableOf(node: RequirementNode): EditableNode {
  if (node.type === 'achievement') return { kind: 'achievement', achievementId: node.achievementId };
  if (!isGroup(node)) return { kind: 'pathway', pathwayId: node.pathwayId };
  const amount =
    node.type === 'n-of'
      ? node.n
      : node.type === 'credits-at-least'
        ? node.credits
        : node.type === 'hours-at-least'
          ? node.hours
          : null;
  return {
    kind: 'group',
    rule: node.type,
    amount: amount === null ? '' : String(amount),
    name: node.name ?? '',
    milestoneAchievementId: node.milestoneAchievementId ?? '',
    precedes: node.precedes ?? [],
    children: node.children.map(editableOf),
  };
}

function amountValue(typed: string): unknown {
  const trimmed = typed.trim();
  // Anything but a plain number goes to the domain as typed, which refuses it with its own reason.
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed === '' ? undefined : trimmed;
}

/** The tree as the API takes it, empty optional fields left out. */
export function requirementInputOf(node: EditableNode): unknown {
  if (node.kind === 'achievement') return { type: 'achievement', achievementId: node.achievementId.trim() };
  if (node.kind === 'pathway') return { type: 'pathway', pathwayId: node.pathwayId.trim() };
  const amountKey =
    node.rule === 'n-of'
      ? 'n'
      : node.rule === 'credits-at-least'
        ? 'credits'
        : node.rule === 'hours-at-least'
          ? 'hours'
          : null;
  const name = node.name.trim();
  const milestone = node.milestoneAchievementId.trim();
  return {
    type: node.rule,
    ...(amountKey === null ? {} : { [amountKey]: amountValue(node.amount) }),
    ...(name === '' ? {} : { name }),
    ...(milestone === '' ? {} : { milestoneAchievementId: milestone }),
    ...(node.precedes.length === 0 ? {} : { precedes: node.precedes }),
    children: node.children.map(requirementInputOf),
  };
}

/** `[1, 0]` → `0.1.0`: the key of a node's fields in the form (the root is `0`). */
export function fieldKey(path: NodePath): string {
  return ['0', ...path.map(String)].join('.');
}

function text(form: Readonly<Record<string, unknown>>, key: string): string {
  const value = form[key];
  return typeof value === 'string' ? value : '';
}

function isGroupRule(value: string): value is GroupRule {
  return (GROUP_RULES as readonly string[]).includes(value);
}

/**
 * The tree the editor posted, or null when the form has none (a post of the JSON field alone, as scripts
 * and the advanced editor send). Children are taken in index order; a gap in the numbering closes up.
 */
export function readEditableTree(form: Readonly<Record<string, unknown>>): EditableNode | null {
  const keys = Object.keys(form)
    .flatMap((name) => {
      const match = FIELD.exec(name);
      return match?.[1] === undefined ? [] : [match[1]];
    })
    .slice(0, MAX_FORM_NODES);
  if (!keys.includes('0')) return null;
  const childrenOf = new Map<string, number[]>();
  for (const key of keys) {
    const cut = key.lastIndexOf('.');
    if (cut < 0) continue;
    const parent = key.slice(0, cut);
    const list = childrenOf.get(parent) ?? [];
    list.push(Number(key.slice(cut + 1)));
    childrenOf.set(parent, list);
  }
  const build = (key: string, depth: number): EditableNode => {
    const field = (name: string) => text(form, `tree.${key}.${name}`);
    const kind = field('kind');
    if (kind === 'achievement') {
      const other = field('otherId').trim();
      return { kind, achievementId: other === '' ? field('achievementId') : other };
    }
    if (kind === 'pathway') {
      const other = field('otherId').trim();
      return { kind, pathwayId: other === '' ? field('pathwayId') : other };
    }
    const indices =
      depth > MAX_REQUIREMENT_DEPTH
        ? []
        : [...new Set(childrenOf.get(key) ?? [])].sort((a, b) => a - b).slice(0, MAX_CHILDREN);
    const children = indices.map((index) => build(`${key}.${index}`, depth + 1));
    // Each child says which of its siblings it must follow: that is the group's `precedes`.
    const precedes: Precedence[] = [];
    indices.forEach((index, after) => {
      indices.forEach((sibling, before) => {
        if (before !== after && field(`${index}.after.${sibling}`) !== '') precedes.push({ before, after });
      });
    });
    const rule = field('rule');
    return {
      kind: 'group',
      rule: isGroupRule(rule) ? rule : 'all-of',
      amount: field('amount'),
      name: field('name'),
      milestoneAchievementId: field('milestoneAchievementId'),
      precedes: precedes.sort((a, b) => a.after - b.after || a.before - b.before),
      children,
    };
  };
  return build('0', 0);
}

/** `add:0.1:group`, `remove:0.1.2`, `up:0.3`: an editor button's value, or null when it is none of them. */
export function parseTreeOperation(value: string): TreeOperation | null {
  const match = /^(add|remove|up|down):(0(?:\.\d{1,3}){0,9})(?::(achievement|group|pathway))?$/.exec(value);
  if (match === null) return null;
  const [, type, key, kind] = match;
  const path = (key ?? '0').split('.').slice(1).map(Number);
  if (type === 'add') return kind === undefined ? null : { type, path, kind: kind as AddableKind };
  if (kind !== undefined || path.length === 0) return null;
  return { type: type as 'remove' | 'up' | 'down', path };
}

/** The group's ordering once child `from` moved to `to` (a swap of neighbours) or was removed (`to` null). */
function remapPrecedes(precedes: readonly Precedence[], from: number, to: number | null): Precedence[] {
  const position = (index: number): number | null => {
    if (to === null) return index === from ? null : index > from ? index - 1 : index;
    if (index === from) return to;
    if (index === to) return from;
    return index;
  };
  return precedes.flatMap(({ before, after }) => {
    const b = position(before);
    const a = position(after);
    return b === null || a === null ? [] : [{ before: b, after: a }];
  });
}

function updateAt(
  node: EditableNode,
  path: NodePath,
  change: (group: EditableGroup) => EditableGroup,
): EditableNode {
  if (node.kind !== 'group') return node;
  const [head, ...rest] = path;
  if (head === undefined) return change(node);
  const child = node.children[head];
  if (child === undefined) return node;
  const children = [...node.children];
  children[head] = updateAt(child, rest, change);
  return { ...node, children };
}

/**
 * The tree after one editor button. Adding appends to a group; removing and moving act on a child within
 * its group, keeping the group's ordering pairs pointed at the same children. A path that names nothing
 * (a stale page) leaves the tree as it was.
 */
export function applyTreeOperation(root: EditableNode, operation: TreeOperation): EditableNode {
  if (operation.type === 'add') {
    return updateAt(root, operation.path, (group) =>
      group.children.length >= MAX_CHILDREN || operation.path.length >= MAX_REQUIREMENT_DEPTH
        ? group
        : { ...group, children: [...group.children, newNode(operation.kind)] },
    );
  }
  const parentPath = operation.path.slice(0, -1);
  const index = operation.path[operation.path.length - 1] ?? 0;
  return updateAt(root, parentPath, (group) => {
    if (index >= group.children.length) return group;
    if (operation.type === 'remove') {
      return {
        ...group,
        children: group.children.filter((_, position) => position !== index),
        precedes: remapPrecedes(group.precedes, index, null),
      };
    }
    const target = operation.type === 'up' ? index - 1 : index + 1;
    const moving = group.children[index];
    const other = group.children[target];
    if (moving === undefined || other === undefined) return group;
    const children = [...group.children];
    children[target] = moving;
    children[index] = other;
    return { ...group, children, precedes: remapPrecedes(group.precedes, index, target) };
  });
}

/**
 * The editor node a domain issue is about, and the field within it: `requirement.children.1.n` is field
 * `n` of the node at `[1]`. Null for issues outside the tree (the name, the completion achievement).
 */
export function issueLocation(issuePath: string): { readonly path: NodePath; readonly field: string } | null {
  const segments = issuePath.split('.');
  if (segments[0] !== 'requirement') return null;
  const path: number[] = [];
  let at = 1;
  while (
    segments[at] === 'children' &&
    segments[at + 1] !== undefined &&
    /^\d+$/.test(segments[at + 1] ?? '')
  ) {
    path.push(Number(segments[at + 1]));
    at += 2;
  }
  return { path, field: segments.slice(at).join('.') };
}

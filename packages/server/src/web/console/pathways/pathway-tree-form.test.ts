import { describe, expect, it } from 'vitest';
import type { RequirementNode } from '../../../domain/pathway/model/requirement-node.js';
import {
  applyTreeOperation,
  type EditableGroup,
  type EditableNode,
  editableOf,
  issueLocation,
  parseTreeOperation,
  readEditableTree,
  requirementInputOf,
} from './pathway-tree-form.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';
const P = '44444444-4444-4444-8444-444444444444';

const TREE: RequirementNode = {
  type: 'all-of',
  precedes: [{ before: 0, after: 2 }],
  children: [
    { type: 'achievement', achievementId: A },
    {
      type: 'n-of',
      n: 1,
      name: 'Electives',
      milestoneAchievementId: C,
      children: [
        { type: 'achievement', achievementId: B },
        { type: 'pathway', pathwayId: P },
      ],
    },
    { type: 'credits-at-least', credits: 2.5, children: [{ type: 'achievement', achievementId: C }] },
  ],
};

function group(node: EditableNode): EditableGroup {
  if (node.kind !== 'group') throw new Error(`not a group: ${node.kind}`);
  return node;
}

/** The fields the editor renders for a tree, as a browser posts them. */
function fieldsOf(node: EditableNode, key = '0', into: Record<string, string> = {}): Record<string, string> {
  into[`tree.${key}.kind`] = node.kind;
  if (node.kind === 'achievement') into[`tree.${key}.achievementId`] = node.achievementId;
  else if (node.kind === 'pathway') into[`tree.${key}.pathwayId`] = node.pathwayId;
  else {
    Object.assign(into, {
      [`tree.${key}.rule`]: node.rule,
      [`tree.${key}.amount`]: node.amount,
      [`tree.${key}.name`]: node.name,
      [`tree.${key}.milestoneAchievementId`]: node.milestoneAchievementId,
    });
    for (const { before, after } of node.precedes) into[`tree.${key}.${after}.after.${before}`] = 'on';
    node.children.forEach((child, index) => {
      fieldsOf(child, `${key}.${index}`, into);
    });
  }
  return into;
}

describe('the structured pathway editor', () => {
  it('round-trips a tree through its form fields to the same API input', () => {
    const posted = readEditableTree(fieldsOf(editableOf(TREE)));
    expect(posted).not.toBeNull();
    expect(requirementInputOf(posted as EditableNode)).toEqual(TREE);
  });

  it('reads no tree from a form that posts only the JSON field', () => {
    expect(readEditableTree({ requirement: '{}', name: 'x' })).toBeNull();
  });

  it('leaves a typed amount that is not a number for the domain to refuse, and drops empty options', () => {
    const fields = {
      'tree.0.kind': 'group',
      'tree.0.rule': 'n-of',
      'tree.0.amount': 'two',
      'tree.0.name': '  ',
    };
    expect(requirementInputOf(readEditableTree(fields) as EditableNode)).toEqual({
      type: 'n-of',
      n: 'two',
      children: [],
    });
  });

  it('takes a partner id typed beside a choice over the choice', () => {
    const tree = readEditableTree({
      'tree.0.kind': 'group',
      'tree.0.0.kind': 'achievement',
      'tree.0.0.achievementId': A,
      'tree.0.0.otherId': ` ${B} `,
    });
    expect(group(tree as EditableNode).children[0]).toEqual({ kind: 'achievement', achievementId: B });
  });

  it('keeps ordering pairs on the same children when a child moves or is removed', () => {
    const root = editableOf(TREE);
    const down = group(applyTreeOperation(root, { type: 'down', path: [0] }));
    expect(down.children[1]).toEqual({ kind: 'achievement', achievementId: A });
    expect(down.precedes).toEqual([{ before: 1, after: 2 }]);
    const removedFirst = group(applyTreeOperation(root, { type: 'remove', path: [0] }));
    expect(removedFirst.children).toHaveLength(2);
    expect(removedFirst.precedes).toEqual([]);
    const removedMiddle = group(applyTreeOperation(root, { type: 'remove', path: [1] }));
    expect(removedMiddle.precedes).toEqual([{ before: 0, after: 1 }]);
  });

  it('adds to the group a path names, and ignores a path that names nothing', () => {
    const root = editableOf(TREE);
    const added = group(applyTreeOperation(root, { type: 'add', path: [1], kind: 'group' }));
    expect(group(added.children[1] as EditableNode).children).toHaveLength(3);
    expect(applyTreeOperation(root, { type: 'add', path: [7], kind: 'achievement' })).toEqual(root);
    expect(applyTreeOperation(root, { type: 'up', path: [0] })).toEqual(root);
    expect(applyTreeOperation(root, { type: 'remove', path: [0, 5] })).toEqual(root);
  });

  it('parses only the buttons the editor renders', () => {
    expect(parseTreeOperation('add:0.1:pathway')).toEqual({ type: 'add', path: [1], kind: 'pathway' });
    expect(parseTreeOperation('up:0.2.0')).toEqual({ type: 'up', path: [2, 0] });
    for (const bad of ['remove:0', 'add:0', 'add:0:badge', 'up:1.0', 'down:0.x', 'remove:0.1:group', '']) {
      expect(parseTreeOperation(bad)).toBeNull();
    }
  });

  it('places a domain issue at the node and field it names', () => {
    expect(issueLocation('requirement.children.1.children.0.achievementId')).toEqual({
      path: [1, 0],
      field: 'achievementId',
    });
    expect(issueLocation('requirement')).toEqual({ path: [], field: '' });
    expect(issueLocation('requirement.precedes.0.after')).toEqual({ path: [], field: 'precedes.0.after' });
    expect(issueLocation('completionAchievementId')).toBeNull();
  });
});

import type { Context, Hono } from 'hono';
import type { Actor } from '../../../domain/auth/actor.js';
import { resourceNotFound } from '../../../domain/auth/resource-not-found.js';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import { isServerError, ServerError, ServerErrorCode } from '../../../domain/error/server-error.js';
import { toRequirementNode } from '../../../domain/pathway/engine/to-requirement-node.js';
import type { PathwayInput } from '../../../domain/pathway/manage-pathways.js';
import { RequirementNodeSchema } from '../../../domain/pathway/model/requirement-node.js';
import type { Platform } from '../../../domain/platform.js';
import type { Achievement, PathwayWithVersion } from '../../../domain/ports/index.js';
import { userMessage } from '../../shared/user-message.js';
import { formField, readForm } from '../../shared/web-context.js';
import type { WebDeps, WebEnv } from '../../shared/web-env.js';
import { consolePath, consoleWorkspace } from '../console-context.js';
import {
  blankPathwayValues,
  namedAchievementIds,
  type PathwayFormValues,
  type PathwayIssue,
  parseRequirementJson,
  pathwayIssuesOf,
  pathwayValuesOf,
  previewRequirement,
  RequirementJsonError,
  readPathwayValues,
  sameRequirement,
  subPathwayIds,
  toPreviewRules,
} from './pathway-form.js';
import {
  mayEditPathways,
  PATHWAY_DONE,
  type PathwayDone,
  PathwayFormPage,
  PathwayListPage,
  PathwayViewPage,
} from './pathway-pages.js';
import {
  applyTreeOperation,
  type EditableNode,
  editableOf,
  newGroup,
  parseTreeOperation,
  readEditableTree,
  requirementInputOf,
} from './pathway-tree-form.js';

// An issuer's catalogue is small; pathways and the completion select list them all at once.
const LIST_LIMIT = 500;

function requireEditor(workspace: Workspace): void {
  if (!mayEditPathways(workspace)) {
    throw new ServerError(ServerErrorCode.FORBIDDEN, 'the role viewer may not change pathways');
  }
}

/** A pathway of this workspace's issuer, or NOT_FOUND (the administrator may read every issuer's). */
async function ownPathway(platform: Platform, actor: Actor, workspace: Workspace, id: string) {
  const found = await platform.pathways.get(actor, id);
  if (found.pathway.issuerId !== workspace.issuerId) throw resourceNotFound('pathway');
  return found;
}

function issuerAchievements(platform: Platform, actor: Actor, workspace: Workspace) {
  return platform.achievements.list(actor, { issuerId: workspace.issuerId, limit: LIST_LIMIT });
}

function doneOf(c: Context<WebEnv>): PathwayDone | undefined {
  const done = c.req.query('done');
  return done !== undefined && Object.hasOwn(PATHWAY_DONE, done) ? (done as PathwayDone) : undefined;
}

/** A sub-pathway a preview draws: the issuer's own (drafts included), else a published one of anybody. */
async function findSubPathway(platform: Platform, actor: Actor, id: string) {
  for (const viewer of [actor, null]) {
    try {
      return await platform.pathways.get(viewer, id);
    } catch (error) {
      if (!isServerError(error) || error.code !== ServerErrorCode.NOT_FOUND) throw error;
    }
  }
  return null;
}

/** What the form page shows besides the posted values: the tree, the issues, a note, the preview. */
interface FormView {
  readonly tree: EditableNode;
  readonly issues?: readonly PathwayIssue[];
  readonly message?: string;
  readonly jsonOpen?: boolean;
  readonly preview?: Parameters<typeof PathwayFormPage>[0]['preview'];
}

/** The posted JSON field as an editable tree, or the reasons it is not one. */
function treeFromJson(
  c: Context<WebEnv>,
  text: string,
): { readonly tree: EditableNode } | { readonly issues: PathwayIssue[] } {
  let posted: unknown;
  try {
    posted = parseRequirementJson(text);
  } catch (error) {
    if (!(error instanceof RequirementJsonError)) throw error;
    const message = c.get('t')('console.pathways.badJson', { detail: error.message });
    return { issues: [{ path: 'requirement', message }] };
  }
  const parsed = RequirementNodeSchema.safeParse(posted);
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((issue) => ({
        path: ['requirement', ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
    };
  }
  return { tree: editableOf(parsed.data) };
}

/**
 * A post of the pathway form. The structured editor's fields are the tree (the JSON field stands in only
 * when they are absent, as scripts post it); an editor button re-renders the changed tree, unsaved; a
 * preview re-renders it in words and drawn; a save the domain refuses re-renders it with the domain's
 * reasons at the nodes they concern; a save that works redirects.
 */
async function postPathwayForm(
  c: Context<WebEnv>,
  platform: Platform,
  actor: Actor,
  workspace: Workspace,
  found: PathwayWithVersion | null,
  save: (
    values: PathwayFormValues,
    requirement: unknown,
    form: Readonly<Record<string, unknown>>,
  ) => Promise<string>,
): Promise<Response> {
  const t = c.get('t');
  const form = await readForm(c);
  const posted = readPathwayValues(form);
  const achievements: Achievement[] = await issuerAchievements(platform, actor, workspace);
  const pathways = await otherPathways(platform, actor, workspace, found);
  const render = (view: FormView, status: 200 | 400 = (view.issues ?? []).length === 0 ? 200 : 400) => {
    // The JSON field mirrors the tree, except when it was what failed: then it keeps what was typed.
    const values =
      view.jsonOpen === true
        ? posted
        : { ...posted, requirement: JSON.stringify(requirementInputOf(view.tree), null, 2) };
    return c.html(
      <PathwayFormPage
        c={c}
        workspace={workspace}
        found={found}
        values={values}
        achievements={achievements}
        pathways={pathways}
        {...view}
      />,
      status,
    );
  };

  const op = formField(form, 'op');
  let tree = readEditableTree(form);
  if (op === 'json' || tree === null) {
    const fromJson = treeFromJson(c, posted.requirement);
    if ('issues' in fromJson) {
      return render({ tree: tree ?? newGroup(), issues: fromJson.issues, jsonOpen: true });
    }
    tree = fromJson.tree;
    if (op === 'json') return render({ tree, message: t('console.pathways.done.op') });
  } else if (op !== '') {
    const operation = parseTreeOperation(op);
    if (operation === null) {
      return render({ tree, issues: [{ path: '', message: t('console.pathways.badOp') }] });
    }
    return render({ tree: applyTreeOperation(tree, operation), message: t('console.pathways.done.op') });
  }
  const requirement = requirementInputOf(tree);

  if (formField(form, 'intent') === 'preview') {
    const checked = previewRequirement(requirement, posted.completionAchievementId);
    if (checked.node === null) return render({ tree, issues: checked.issues });
    const subPathways = new Map<string, PathwayWithVersion>();
    for (const id of subPathwayIds(checked.node)) {
      const sub = await findSubPathway(platform, actor, id);
      if (sub !== null) subPathways.set(id, sub);
    }
    const drawn = toPreviewRules(
      checked.node,
      new Map(achievements.map((achievement) => [achievement.id, achievement])),
      subPathways,
      t('console.pathways.unknownPathway'),
    );
    if (drawn.rule === null) return render({ tree, issues: drawn.issues });
    const rules = { completionAchievementId: posted.completionAchievementId, requirement: drawn.rule };
    const names = await platform.achievements.names(namedAchievementIds(drawn.rule));
    return render({ tree, preview: { rules, names } });
  }

  try {
    return c.redirect(await save(posted, requirement, form), 303);
  } catch (error) {
    const issues = pathwayIssuesOf(error);
    if (issues === null) throw error;
    return render({ tree, issues });
  }
}

/** The issuer's pathways a step of this one may nest (all but itself; the domain refuses cycles). */
async function otherPathways(
  platform: Platform,
  actor: Actor,
  workspace: Workspace,
  found: PathwayWithVersion | null,
): Promise<PathwayWithVersion[]> {
  const all = await platform.pathways.list(actor, { issuerId: workspace.issuerId, limit: LIST_LIMIT });
  return all.filter((other) => other.pathway.id !== found?.pathway.id);
}

/** The ids of the issuer's own achievements: those the diagram opens in the console. */
async function ownAchievementIds(platform: Platform, actor: Actor, workspace: Workspace) {
  return new Set((await issuerAchievements(platform, actor, workspace)).map((achievement) => achievement.id));
}

/** The names a stored version's words and diagram need. */
function namesOf(platform: Platform, found: PathwayWithVersion) {
  return platform.achievements.names([
    found.version.rules.completionAchievementId,
    ...namedAchievementIds(found.version.rules.requirement),
  ]);
}

/** `/console/{slug}/pathways…`: the issuer's pathways, their definition (tree editor with preview), publishing. */
export function mountConsolePathwayRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/console/:slug/pathways', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    const pathways = await platform.pathways.list(actor, { issuerId: workspace.issuerId, limit: LIST_LIMIT });
    const names = await platform.achievements.names(
      pathways.map((found) => found.version.rules.completionAchievementId),
    );
    return c.html(<PathwayListPage c={c} workspace={workspace} pathways={pathways} names={names} />);
  });

  web.get('/console/:slug/pathways/new', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    requireEditor(workspace);
    return c.html(
      <PathwayFormPage
        c={c}
        workspace={workspace}
        found={null}
        values={blankPathwayValues()}
        tree={newGroup()}
        achievements={await issuerAchievements(platform, actor, workspace)}
        pathways={await otherPathways(platform, actor, workspace, null)}
      />,
    );
  });

  web.post('/console/:slug/pathways', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    requireEditor(workspace);
    return postPathwayForm(c, platform, actor, workspace, null, async (values, requirement) => {
      const created = await platform.pathways.create(actor, {
        issuerId: workspace.issuerId,
        name: values.name,
        ...(values.description.trim() === '' ? {} : { description: values.description }),
        completionAchievementId: values.completionAchievementId,
        // The domain checks the tree: whatever JSON was posted goes to it as the API would send it.
        requirement: requirement as PathwayInput['requirement'],
        status: 'draft',
      });
      return consolePath(workspace, `/pathways/${created.pathway.id}?done=created`);
    });
  });

  web.get('/console/:slug/pathways/:id', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    const found = await ownPathway(platform, actor, workspace, c.req.param('id'));
    const done = doneOf(c);
    return c.html(
      <PathwayViewPage
        c={c}
        workspace={workspace}
        found={found}
        names={await namesOf(platform, found)}
        ownAchievementIds={await ownAchievementIds(platform, actor, workspace)}
        {...(done === undefined ? {} : { done })}
      />,
    );
  });

  web.get('/console/:slug/pathways/:id/edit', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    requireEditor(workspace);
    const found = await ownPathway(platform, actor, workspace, c.req.param('id'));
    return c.html(
      <PathwayFormPage
        c={c}
        workspace={workspace}
        found={found}
        values={pathwayValuesOf(found)}
        tree={editableOf(toRequirementNode(found.version.rules.requirement))}
        achievements={await issuerAchievements(platform, actor, workspace)}
        pathways={await otherPathways(platform, actor, workspace, found)}
      />,
    );
  });

  web.post('/console/:slug/pathways/:id', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    requireEditor(workspace);
    const found = await ownPathway(platform, actor, workspace, c.req.param('id'));
    return postPathwayForm(c, platform, actor, workspace, found, async (values, requirement, form) => {
      // An unchanged tree is left out: on a published pathway it would otherwise make a new version.
      const unchanged = sameRequirement(requirement, toRequirementNode(found.version.rules.requirement));
      const expected = Number.parseInt(formField(form, 'expectedVersion'), 10);
      await platform.pathways.update(actor, found.pathway.id, {
        name: values.name,
        description: values.description.trim() === '' ? null : values.description,
        completionAchievementId: values.completionAchievementId,
        ...(unchanged ? {} : { requirement: requirement as PathwayInput['requirement'] }),
        ...(Number.isNaN(expected) ? {} : { expectedVersion: expected }),
      });
      return consolePath(workspace, `/pathways/${found.pathway.id}?done=saved`);
    });
  });

  web.post('/console/:slug/pathways/:id/publish', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    requireEditor(workspace);
    await readForm(c);
    const found = await ownPathway(platform, actor, workspace, c.req.param('id'));
    try {
      await platform.pathways.publish(actor, found.pathway.id);
    } catch (error) {
      const refusal = userMessage(error, c.get('t'));
      if (refusal === null) throw error;
      return c.html(
        <PathwayViewPage
          c={c}
          workspace={workspace}
          found={found}
          names={await namesOf(platform, found)}
          ownAchievementIds={await ownAchievementIds(platform, actor, workspace)}
          error={refusal}
        />,
        400,
      );
    }
    return c.redirect(consolePath(workspace, `/pathways/${found.pathway.id}?done=published`), 303);
  });
}

import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import { evaluatePathway, type NodeProgress } from '../../../domain/pathway/engine/evaluate-pathway.js';
import type { PathwayRules, RuleNode } from '../../../domain/pathway/model/pathway-rules.js';
import { isGroup } from '../../../domain/pathway/model/requirement-node.js';
import type { Achievement, PathwayStatus, PathwayWithVersion } from '../../../domain/ports/index.js';
import type { MessageKey } from '../../../i18n/messages/en.js';
import { PostForm } from '../../shared/layout.js';
import { Notes } from '../../shared/notes.js';
import { describeRule } from '../../shared/pathway-diagram/describe-rule.js';
import type { PathwayDiagramInput } from '../../shared/pathway-diagram/pathway-node-view.js';
import { PathwayStepList } from '../../shared/pathway-diagram/pathway-step-list.js';
import { renderPathwayDiagram } from '../../shared/pathway-diagram/render-pathway-diagram.js';
import type { WebEnv } from '../../shared/web-env.js';
import { consolePath } from '../console-context.js';
import { ConsoleLayout } from '../console-layout.js';
import type { PathwayFormValues, PathwayIssue } from './pathway-form.js';
import { nodeAnchor, nodeLabel, RequirementTreeEditor } from './pathway-tree-editor.js';
import { type EditableNode, issueLocation } from './pathway-tree-form.js';

export const PATHWAY_DONE = {
  created: 'console.pathways.done.created',
  saved: 'console.pathways.done.saved',
  published: 'console.pathways.done.published',
} as const satisfies Record<string, MessageKey>;
export type PathwayDone = keyof typeof PATHWAY_DONE;

const STATUS_LABELS = {
  draft: 'console.pathways.status.draft',
  published: 'console.pathways.status.published',
} as const satisfies Record<PathwayStatus, MessageKey>;

/** Viewers read; owners and issuers define pathways. */
export function mayEditPathways(workspace: Workspace): boolean {
  return workspace.role !== 'viewer';
}

// Written out so that the form's help cannot drift from what the schema accepts.
const EXAMPLE_TREE = JSON.stringify(
  {
    type: 'n-of',
    n: 2,
    precedes: [{ before: 0, after: 1 }],
    children: [
      { type: 'achievement', achievementId: '11111111-1111-4111-8111-111111111111' },
      { type: 'achievement', achievementId: '22222222-2222-4222-8222-222222222222' },
      { type: 'achievement', achievementId: '33333333-3333-4333-8333-333333333333' },
    ],
  },
  null,
  2,
);

function Heading(props: {
  readonly nested: boolean | undefined;
  readonly id: string;
  readonly text: string;
}) {
  return props.nested === true ? <h3 id={props.id}>{props.text}</h3> : <h2 id={props.id}>{props.text}</h2>;
}

/**
 * The tree as a learner who has earned nothing yet would see it drawn (a list on a phone). Each box leads to
 * an achievement: a step to its own, the root and every milestone group to the one it awards; the issuer's
 * own achievements open in the console, a partner's on its public page.
 */
function Diagram(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly title: string;
  readonly rules: PathwayRules;
  readonly names: ReadonlyMap<string, string>;
  /** The issuer's own achievements, which have a console page. */
  readonly ownAchievementIds: ReadonlySet<string>;
  /** Under the preview heading: its headings one level down. */
  readonly nested?: boolean;
}) {
  const { c, workspace, rules } = props;
  const t = c.get('t');
  const progress = evaluatePathway({ pathway: rules, credentials: [], now: new Date() });
  const awardOf = (node: NodeProgress): string | null =>
    node.path === progress.root.path ? rules.completionAchievementId : node.milestoneAchievementId;
  const input: PathwayDiagramInput = {
    progress,
    achievementName: (id) => props.names.get(id) ?? t('console.pathways.unknownAchievement'),
    awardOf,
    linkOf: (node) => {
      const id = node.type === 'achievement' ? node.achievementId : awardOf(node);
      if (id === null) return null;
      return props.ownAchievementIds.has(id)
        ? consolePath(workspace, `/achievements/${id}`)
        : `/achievements/${id}`;
    },
    labels: {
      done: t('pathway.state.done'),
      inProgress: t('pathway.state.inProgress'),
      missing: t('pathway.state.missing'),
      blocked: t('pathway.state.blocked'),
      title: props.title,
      describeRule: (node) => describeRule(c, node),
      stepsDone: (done, total) => t('pathway.stepsDone', { done, total }),
      awards: (name) => t('console.pathways.awards', { name }),
    },
  };
  return (
    <section aria-labelledby="pathway-diagram-heading">
      <Heading nested={props.nested} id="pathway-diagram-heading" text={t('console.pathways.diagram')} />
      <p class="hint">{t('console.pathways.diagramHint')}</p>
      <div class="diagram pathway-diagram">
        {raw(renderPathwayDiagram(input))}
        <PathwayStepList input={input} />
      </div>
    </section>
  );
}

/** One node of the tree in words; children are numbered as `precedes` counts them (from 1 here). */
function RuleWords(props: {
  readonly c: Context<WebEnv>;
  readonly node: RuleNode;
  readonly names: ReadonlyMap<string, string>;
}) {
  const { c, node, names } = props;
  const t = c.get('t');
  const nameOf = (id: string) => names.get(id) ?? t('console.pathways.unknownAchievement');
  if (node.type === 'achievement') {
    const amounts = [
      node.credits === null
        ? null
        : node.credits === 1
          ? t('console.pathways.oneCredit')
          : t('pathway.rule.credits', { n: node.credits }),
      node.hours === null
        ? null
        : node.hours === 1
          ? t('console.pathways.oneHour')
          : t('pathway.rule.hours', { n: node.hours }),
    ].filter((amount) => amount !== null);
    return (
      <>
        {nameOf(node.achievementId)}
        {amounts.length === 0 ? null : <span class="muted"> ({amounts.join(', ')})</span>}
      </>
    );
  }
  if (!isGroup(node)) {
    return (
      <>
        {t('console.pathways.rule.pathway', {
          name: nameOf(node.completionAchievementId),
          version: node.version,
        })}
        <ul>
          <li>
            <RuleWords c={c} node={node.requirement} names={names} />
          </li>
        </ul>
      </>
    );
  }
  const rule =
    node.type === 'all-of'
      ? t('console.pathways.rule.all')
      : node.type === 'n-of'
        ? t('console.pathways.rule.nOf', { n: node.n, m: node.children.length })
        : node.type === 'credits-at-least'
          ? t('console.pathways.rule.credits', { n: node.credits })
          : t('console.pathways.rule.hours', { n: node.hours });
  return (
    <>
      {node.name === undefined ? null : (
        <strong>{t('console.pathways.rule.named', { name: node.name })} </strong>
      )}
      {rule}
      {node.milestoneAchievementId === undefined ? null : (
        <> {t('console.pathways.rule.milestone', { name: nameOf(node.milestoneAchievementId) })}</>
      )}
      {(node.precedes ?? []).map((pair) => (
        <> {t('console.pathways.rule.order', { before: pair.before + 1, after: pair.after + 1 })}</>
      ))}
      <ol>
        {node.children.map((child) => (
          <li>
            <RuleWords c={c} node={child} names={names} />
          </li>
        ))}
      </ol>
    </>
  );
}

function TreeInWords(props: {
  readonly c: Context<WebEnv>;
  readonly rules: PathwayRules;
  readonly names: ReadonlyMap<string, string>;
  /** Under the preview heading: its headings one level down. */
  readonly nested?: boolean;
}) {
  const t = props.c.get('t');
  return (
    <section aria-labelledby="pathway-tree-heading">
      <Heading nested={props.nested} id="pathway-tree-heading" text={t('console.pathways.requirements')} />
      <div class="pathway-tree">
        <RuleWords c={props.c} node={props.rules.requirement} names={props.names} />
      </div>
    </section>
  );
}

/** `/console/{slug}/pathways`: the issuer's pathways. */
export function PathwayListPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly pathways: readonly PathwayWithVersion[];
  readonly names: ReadonlyMap<string, string>;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  const title = t('console.pathways.title', { name: workspace.name });
  const base = consolePath(workspace, '/pathways');
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <h1>{title}</h1>
      {mayEditPathways(workspace) ? (
        <p>
          <a class="button" href={`${base}/new`}>
            {t('console.pathways.new')}
          </a>
        </p>
      ) : null}
      {props.pathways.length === 0 ? (
        <p class="notice">{t('console.pathways.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data stack">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console.pathways.name')}</th>
                <th scope="col">{t('console.pathways.status')}</th>
                <th scope="col">{t('console.pathways.version')}</th>
                <th scope="col">{t('console.pathways.completion')}</th>
              </tr>
            </thead>
            <tbody>
              {props.pathways.map(({ pathway, version }) => (
                <tr>
                  <th scope="row">
                    <a href={`${base}/${pathway.id}`}>{pathway.name}</a>
                  </th>
                  <td data-label={t('console.pathways.status')} data-pathway-status={pathway.status}>
                    {t(STATUS_LABELS[pathway.status])}
                  </td>
                  <td data-label={t('console.pathways.version')}>{pathway.currentVersion}</td>
                  <td data-label={t('console.pathways.completion')}>
                    {props.names.get(version.rules.completionAchievementId) ??
                      t('console.pathways.unknownAchievement')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ConsoleLayout>
  );
}

/** `/console/{slug}/pathways/{id}`: one pathway's rules in words and drawn, its versions, its actions. */
export function PathwayViewPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly found: PathwayWithVersion;
  readonly names: ReadonlyMap<string, string>;
  /** The issuer's own achievements, which the diagram links to in the console. */
  readonly ownAchievementIds: ReadonlySet<string>;
  readonly done?: PathwayDone;
  /** Why publishing was refused (an achievement still a draft, …). */
  readonly error?: string;
}) {
  const { c, workspace, found } = props;
  const { pathway, version } = found;
  const t = c.get('t');
  const base = consolePath(workspace, `/pathways/${pathway.id}`);
  return (
    <ConsoleLayout c={c} workspace={workspace} title={pathway.name}>
      <p>
        <a href={consolePath(workspace, '/pathways')}>{t('console.pathways.back')}</a>
      </p>
      <h1>{pathway.name}</h1>
      <Notes
        message={props.done === undefined ? undefined : t(PATHWAY_DONE[props.done])}
        error={props.error}
      />
      {pathway.description === null ? null : <p>{pathway.description}</p>}
      <dl class="facts">
        <dt>{t('console.pathways.status')}</dt>
        <dd data-pathway-status={pathway.status}>{t(STATUS_LABELS[pathway.status])}</dd>
        <dt>{t('console.pathways.completion')}</dt>
        <dd>
          {props.names.get(version.rules.completionAchievementId) ?? t('console.pathways.unknownAchievement')}
        </dd>
        <dt>{t('console.pathways.version')}</dt>
        <dd>
          {pathway.status === 'draft'
            ? t('console.pathways.versionsDraft')
            : t('console.pathways.versions', { version: pathway.currentVersion })}
          {version.publishedAt === null
            ? null
            : ` ${t('console.pathways.publishedAt', { date: version.publishedAt.toISOString().slice(0, 10) })}`}
        </dd>
      </dl>
      {mayEditPathways(workspace) ? (
        <div class="actions">
          <a class="button secondary" href={`${base}/edit`}>
            {t('console.pathways.edit')}
          </a>
          {pathway.status === 'draft' ? (
            <PostForm c={c} action={`${base}/publish`} confirm={t('console.pathways.publishConfirm')}>
              <button type="submit">{t('console.pathways.publish')}</button>
            </PostForm>
          ) : null}
        </div>
      ) : null}
      <TreeInWords c={c} rules={version.rules} names={props.names} />
      <Diagram
        c={c}
        workspace={workspace}
        title={pathway.name}
        rules={version.rules}
        names={props.names}
        ownAchievementIds={props.ownAchievementIds}
      />
    </ConsoleLayout>
  );
}

/** Where an issue is, in the person's words: the step it concerns (linked) or the path the domain named. */
function IssueWhere(props: { readonly c: Context<WebEnv>; readonly issue: PathwayIssue }) {
  const location = issueLocation(props.issue.path);
  if (location === null) return props.issue.path === '' ? null : <code>{props.issue.path}: </code>;
  return (
    <>
      <a href={`#${nodeAnchor(location.path)}`}>{nodeLabel(props.c, location.path)}</a>
      {location.field === '' ? null : (
        <>
          {' '}
          (<code>{location.field}</code>)
        </>
      )}
      {props.c.get('t')('punctuation.colon')}
    </>
  );
}

/** The new or edit form: values as typed, the tree editor, the domain's reasons, the posted tree's preview. */
export function PathwayFormPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  /** Null for a new pathway. */
  readonly found: PathwayWithVersion | null;
  readonly values: PathwayFormValues;
  readonly tree: EditableNode;
  readonly achievements: readonly Achievement[];
  /** The issuer's other pathways, which a step may nest. */
  readonly pathways: readonly PathwayWithVersion[];
  readonly issues?: readonly PathwayIssue[];
  /** Said after an editor button changed the tree. */
  readonly message?: string;
  /** The JSON field was posted and refused: it opens, showing what was typed. */
  readonly jsonOpen?: boolean;
  /** The posted tree, ready to draw, when a preview was asked for and it is a valid tree. */
  readonly preview?: { readonly rules: PathwayRules; readonly names: ReadonlyMap<string, string> };
}) {
  const { c, workspace, found, values } = props;
  const t = c.get('t');
  const issues = props.issues ?? [];
  const title =
    found === null
      ? t('console.pathways.newTitle')
      : t('console.pathways.editTitle', { name: found.pathway.name });
  const action = consolePath(workspace, found === null ? '/pathways' : `/pathways/${found.pathway.id}`);
  const jsonInvalid =
    props.jsonOpen === true && issues.length > 0
      ? { 'aria-invalid': 'true', 'aria-describedby': 'pathway-errors' }
      : {};
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <p>
        <a href={consolePath(workspace, found === null ? '/pathways' : `/pathways/${found.pathway.id}`)}>
          {found === null ? t('console.pathways.back') : found.pathway.name}
        </a>
      </p>
      <h1>{title}</h1>
      {props.message === undefined ? null : (
        <p class="notice" role="status">
          {props.message}
        </p>
      )}
      {issues.length === 0 ? null : (
        <div class="error-box" role="alert" id="pathway-errors">
          <p>{t('console.pathways.errors')}</p>
          <ul>
            {issues.map((issue) => (
              <li>
                <IssueWhere c={c} issue={issue} />
                {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <PostForm c={c} action={action} class="stack">
        {/* Enter in a text field submits the first button: make that a preview, not an editor button. */}
        <button type="submit" name="intent" value="preview" class="visually-hidden" tabindex={-1}>
          {t('console.pathways.preview')}
        </button>
        {found === null ? null : (
          <input type="hidden" name="expectedVersion" value={String(found.pathway.currentVersion)} />
        )}
        <label for="pathway-name">{t('console.pathways.name')}</label>
        <input id="pathway-name" type="text" name="name" value={values.name} required maxlength={200} />
        <label for="pathway-description">{t('console.pathways.description')}</label>
        <textarea id="pathway-description" name="description" rows={3}>
          {values.description}
        </textarea>
        <label for="pathway-completion">{t('console.pathways.completion')}</label>
        <select
          id="pathway-completion"
          name="completionAchievementId"
          required
          aria-describedby="pathway-completion-hint"
        >
          <option value="">{t('console.pathways.choose')}</option>
          {props.achievements.map((achievement) => (
            <option value={achievement.id} selected={achievement.id === values.completionAchievementId}>
              {achievement.name}
            </option>
          ))}
        </select>
        <p class="hint" id="pathway-completion-hint">
          {t('console.pathways.completionHint')}
        </p>
        <h2 id="pathway-tree-editor-heading">{t('console.pathways.treeEditor')}</h2>
        <p class="hint" id="pathway-tree-help">
          {t('console.pathways.treeEditorHelp')}
        </p>
        <RequirementTreeEditor
          c={c}
          tree={props.tree}
          achievements={props.achievements}
          pathways={props.pathways}
          issues={issues}
        />
        <details open={props.jsonOpen === true}>
          <summary>{t('console.pathways.jsonEditor')}</summary>
          <label for="pathway-requirement">{t('console.pathways.tree')}</label>
          <p class="hint" id="pathway-requirement-hint">
            {t('console.pathways.treeHelp')}
          </p>
          <textarea
            id="pathway-requirement"
            name="requirement"
            rows={12}
            spellcheck={false}
            aria-describedby="pathway-requirement-hint"
            {...jsonInvalid}
          >
            {values.requirement}
          </textarea>
          <p>
            <button type="submit" name="op" value="json" class="secondary">
              {t('console.pathways.applyJson')}
            </button>
          </p>
          <details>
            <summary>{t('console.pathways.example')}</summary>
            <pre>{EXAMPLE_TREE}</pre>
          </details>
          <details>
            <summary>{t('console.pathways.ids')}</summary>
            <ul>
              {props.achievements.map((achievement) => (
                <li>
                  {achievement.name}: <code>{achievement.id}</code>
                </li>
              ))}
            </ul>
          </details>
        </details>
        <div class="actions">
          <button type="submit" name="intent" value="preview" class="secondary">
            {t('console.pathways.preview')}
          </button>
          <button type="submit" name="intent" value="save">
            {found === null ? t('console.pathways.save') : t('console.pathways.saveChanges')}
          </button>
        </div>
      </PostForm>
      {props.preview === undefined ? null : (
        <section class="preview" aria-labelledby="pathway-preview-heading">
          <h2 id="pathway-preview-heading">{t('console.pathways.preview')}</h2>
          <p class="notice" role="status">
            {t('console.pathways.previewNote')}
          </p>
          <TreeInWords c={c} rules={props.preview.rules} names={props.preview.names} nested />
          <Diagram
            c={c}
            workspace={workspace}
            title={values.name}
            rules={props.preview.rules}
            names={props.preview.names}
            ownAchievementIds={new Set(props.achievements.map((achievement) => achievement.id))}
            nested
          />
        </section>
      )}
    </ConsoleLayout>
  );
}

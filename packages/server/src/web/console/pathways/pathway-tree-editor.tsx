import type { Context } from 'hono';
import type { Precedence } from '../../../domain/pathway/model/requirement-node.js';
import { MAX_REQUIREMENT_DEPTH } from '../../../domain/pathway/model/requirement-node.js';
import type { Achievement, PathwayWithVersion } from '../../../domain/ports/index.js';
import type { MessageKey } from '../../../i18n/messages/en.js';
import type { WebEnv } from '../../shared/web-env.js';
import type { PathwayIssue } from './pathway-form.js';
import {
  type EditableNode,
  fieldKey,
  GROUP_RULES,
  type GroupRule,
  issueLocation,
  type NodePath,
} from './pathway-tree-form.js';

const RULE_LABELS = {
  'all-of': 'console.pathways.editor.rule.all',
  'n-of': 'console.pathways.editor.rule.nOf',
  'credits-at-least': 'console.pathways.editor.rule.credits',
  'hours-at-least': 'console.pathways.editor.rule.hours',
} as const satisfies Record<GroupRule, MessageKey>;

const AMOUNT_LABELS = {
  'n-of': 'console.pathways.editor.amount.n',
  'credits-at-least': 'console.pathways.editor.amount.credits',
  'hours-at-least': 'console.pathways.editor.amount.hours',
} as const satisfies Record<Exclude<GroupRule, 'all-of'>, MessageKey>;

/** What every node of one editor needs: the choices offered and the issues to show where they belong. */
interface EditorScope {
  readonly c: Context<WebEnv>;
  readonly achievements: readonly Achievement[];
  readonly pathways: readonly PathwayWithVersion[];
  readonly issues: readonly PathwayIssue[];
}

/** `[0, 2]` → "Step 1.3"; the root is the whole pathway. */
export function nodeLabel(c: Context<WebEnv>, path: NodePath): string {
  const t = c.get('t');
  return path.length === 0
    ? t('console.pathways.editor.root')
    : t('console.pathways.editor.step', { number: path.map((index) => index + 1).join('.') });
}

/** The id a node's fieldset has, for the error summary's links. */
export function nodeAnchor(path: NodePath): string {
  return `node-${fieldKey(path).replaceAll('.', '-')}`;
}

function issuesAt(scope: EditorScope, path: NodePath): PathwayIssue[] {
  const key = fieldKey(path);
  return scope.issues.filter((issue) => {
    const location = issueLocation(issue.path);
    return location !== null && fieldKey(location.path) === key;
  });
}

function NodeErrors(props: { readonly id: string; readonly issues: readonly PathwayIssue[] }) {
  if (props.issues.length === 0) return null;
  return (
    <ul class="field-error" id={props.id}>
      {props.issues.map((issue) => (
        <li>{issue.message}</li>
      ))}
    </ul>
  );
}

/** The buttons that change a node's place: up, down, remove (the root has none). */
function PlaceButtons(props: {
  readonly c: Context<WebEnv>;
  readonly path: NodePath;
  readonly siblings: number;
}) {
  const t = props.c.get('t');
  const index = props.path[props.path.length - 1];
  if (index === undefined) return null;
  const key = fieldKey(props.path);
  const label = nodeLabel(props.c, props.path);
  return (
    <div class="actions tree-actions">
      {index > 0 ? (
        <button type="submit" name="op" value={`up:${key}`} class="secondary">
          {t('console.pathways.editor.up')}
          <span class="visually-hidden"> ({label})</span>
        </button>
      ) : null}
      {index < props.siblings - 1 ? (
        <button type="submit" name="op" value={`down:${key}`} class="secondary">
          {t('console.pathways.editor.down')}
          <span class="visually-hidden"> ({label})</span>
        </button>
      ) : null}
      <button type="submit" name="op" value={`remove:${key}`} class="secondary danger">
        {t('console.pathways.editor.remove')}
        <span class="visually-hidden"> ({label})</span>
      </button>
    </div>
  );
}

/** Which siblings this child must follow: the group's ordering, asked of each child in plain words. */
function OrderChoices(props: {
  readonly scope: EditorScope;
  readonly path: NodePath;
  readonly siblings: number;
  readonly precedes: readonly Precedence[];
}) {
  const { scope, path } = props;
  const t = scope.c.get('t');
  const index = path[path.length - 1];
  if (index === undefined || props.siblings < 2) return null;
  const key = fieldKey(path);
  const parent = path.slice(0, -1);
  return (
    <fieldset class="tree-order">
      <legend>{t('console.pathways.editor.after')}</legend>
      {Array.from({ length: props.siblings }, (_, sibling) => sibling)
        .filter((sibling) => sibling !== index)
        .map((sibling) => {
          const id = `${nodeAnchor(path)}-after-${sibling}`;
          const checked = props.precedes.some((pair) => pair.before === sibling && pair.after === index);
          return (
            <label class="choice" for={id}>
              <input
                type="checkbox"
                id={id}
                name={`tree.${key}.after.${sibling}`}
                value="on"
                checked={checked}
              />{' '}
              {nodeLabel(scope.c, [...parent, sibling])}
            </label>
          );
        })}
    </fieldset>
  );
}

/** A select of the issuer's achievements, or an id typed for a partner's (which the domain checks). */
function ChoiceOrId(props: {
  readonly c: Context<WebEnv>;
  readonly path: NodePath;
  readonly field: 'achievementId' | 'pathwayId';
  readonly value: string;
  readonly options: readonly { readonly id: string; readonly label: string }[];
  readonly label: string;
  readonly otherLabel: string;
  readonly invalid: boolean;
  readonly errorsId: string;
}) {
  const t = props.c.get('t');
  const key = fieldKey(props.path);
  const anchor = nodeAnchor(props.path);
  const own = props.options.some((option) => option.id === props.value);
  const other = own ? '' : props.value;
  const invalid = props.invalid ? { 'aria-invalid': 'true', 'aria-describedby': props.errorsId } : {};
  return (
    <div class="field-grid">
      <label for={`${anchor}-choice`}>{props.label}</label>
      <select id={`${anchor}-choice`} name={`tree.${key}.${props.field}`} {...invalid}>
        <option value="">{t('console.pathways.editor.choose')}</option>
        {props.options.map((option) => (
          <option value={option.id} selected={option.id === props.value}>
            {option.label}
          </option>
        ))}
      </select>
      <label for={`${anchor}-other`}>{props.otherLabel}</label>
      <input
        id={`${anchor}-other`}
        type="text"
        name={`tree.${key}.otherId`}
        value={other}
        spellcheck={false}
        autocomplete="off"
        {...invalid}
      />
    </div>
  );
}

function NodeEditor(props: {
  readonly scope: EditorScope;
  readonly node: EditableNode;
  readonly path: NodePath;
  readonly siblings: number;
  readonly parentPrecedes: readonly Precedence[];
}) {
  const { scope, node, path } = props;
  const { c } = scope;
  const t = c.get('t');
  const key = fieldKey(path);
  const anchor = nodeAnchor(path);
  const label = nodeLabel(c, path);
  const issues = issuesAt(scope, path);
  const errorsId = `${anchor}-errors`;
  const invalidIf = (field: string) =>
    issues.some((issue) => issueLocation(issue.path)?.field === field)
      ? { 'aria-invalid': 'true', 'aria-describedby': errorsId }
      : {};
  const order = (
    <OrderChoices scope={scope} path={path} siblings={props.siblings} precedes={props.parentPrecedes} />
  );

  if (node.kind === 'achievement' || node.kind === 'pathway') {
    const isAchievement = node.kind === 'achievement';
    return (
      <fieldset class="tree-node" id={anchor}>
        <legend>
          {label}:{' '}
          {t(isAchievement ? 'console.pathways.editor.achievement' : 'console.pathways.editor.pathway')}
        </legend>
        <input type="hidden" name={`tree.${key}.kind`} value={node.kind} />
        <NodeErrors id={errorsId} issues={issues} />
        <ChoiceOrId
          c={c}
          path={path}
          field={isAchievement ? 'achievementId' : 'pathwayId'}
          value={isAchievement ? node.achievementId : node.pathwayId}
          options={
            isAchievement
              ? scope.achievements.map((achievement) => ({
                  id: achievement.id,
                  label:
                    achievement.status === 'published'
                      ? achievement.name
                      : t('console.pathways.editor.notPublished', { name: achievement.name }),
                }))
              : scope.pathways.map((found) => ({
                  id: found.pathway.id,
                  label:
                    found.pathway.status === 'published'
                      ? found.pathway.name
                      : t('console.pathways.editor.notPublished', { name: found.pathway.name }),
                }))
          }
          label={t(isAchievement ? 'console.pathways.editor.achievement' : 'console.pathways.editor.pathway')}
          otherLabel={t(
            isAchievement
              ? 'console.pathways.editor.otherAchievement'
              : 'console.pathways.editor.otherPathway',
          )}
          invalid={issues.length > 0}
          errorsId={errorsId}
        />
        {order}
        <PlaceButtons c={c} path={path} siblings={props.siblings} />
      </fieldset>
    );
  }

  const amountLabel = node.rule === 'all-of' ? null : t(AMOUNT_LABELS[node.rule]);
  const canNest = path.length < MAX_REQUIREMENT_DEPTH;
  return (
    <fieldset class="tree-node tree-group" id={anchor}>
      <legend>
        {label}
        {t('punctuation.colon')}
        {t('console.pathways.editor.group')}
      </legend>
      <input type="hidden" name={`tree.${key}.kind`} value="group" />
      <NodeErrors id={errorsId} issues={issues} />
      <div class="field-grid">
        <label for={`${anchor}-rule`}>{t('console.pathways.editor.rule')}</label>
        <select id={`${anchor}-rule`} name={`tree.${key}.rule`} {...invalidIf('type')}>
          {GROUP_RULES.map((rule) => (
            <option value={rule} selected={rule === node.rule}>
              {t(RULE_LABELS[rule])}
            </option>
          ))}
        </select>
        <label for={`${anchor}-amount`}>{amountLabel ?? t('console.pathways.editor.amount')}</label>
        <input
          id={`${anchor}-amount`}
          type="text"
          inputmode="decimal"
          name={`tree.${key}.amount`}
          value={node.amount}
          aria-describedby="pathway-tree-help"
          {...invalidIf(node.rule === 'n-of' ? 'n' : node.rule === 'credits-at-least' ? 'credits' : 'hours')}
        />
        <label for={`${anchor}-name`}>{t('console.pathways.editor.name')}</label>
        <input
          id={`${anchor}-name`}
          type="text"
          name={`tree.${key}.name`}
          value={node.name}
          maxlength={200}
          {...invalidIf('name')}
        />
        {path.length === 0 ? null : (
          <>
            <label for={`${anchor}-milestone`}>{t('console.pathways.editor.milestone')}</label>
            <select
              id={`${anchor}-milestone`}
              name={`tree.${key}.milestoneAchievementId`}
              {...invalidIf('milestoneAchievementId')}
            >
              <option value="">{t('console.pathways.editor.noMilestone')}</option>
              {scope.achievements.map((achievement) => (
                <option value={achievement.id} selected={achievement.id === node.milestoneAchievementId}>
                  {achievement.name}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {node.children.length === 0 ? (
        <p class="hint">{t('console.pathways.editor.empty')}</p>
      ) : (
        <ol class="tree-children">
          {node.children.map((child, index) => (
            <li>
              <NodeEditor
                scope={scope}
                node={child}
                path={[...path, index]}
                siblings={node.children.length}
                parentPrecedes={node.precedes}
              />
            </li>
          ))}
        </ol>
      )}
      <div class="actions tree-actions">
        <button type="submit" name="op" value={`add:${key}:achievement`} class="secondary">
          {t('console.pathways.editor.addAchievement')}
          <span class="visually-hidden"> ({label})</span>
        </button>
        {canNest ? (
          <button type="submit" name="op" value={`add:${key}:group`} class="secondary">
            {t('console.pathways.editor.addGroup')}
            <span class="visually-hidden"> ({label})</span>
          </button>
        ) : null}
        <button type="submit" name="op" value={`add:${key}:pathway`} class="secondary">
          {t('console.pathways.editor.addPathway')}
          <span class="visually-hidden"> ({label})</span>
        </button>
      </div>
      {order}
      <PlaceButtons c={c} path={path} siblings={props.siblings} />
    </fieldset>
  );
}

/**
 * The requirement tree as nested fieldsets: a rule per group, a choice per leaf, the order between
 * siblings as checkboxes, and buttons that add, move and remove nodes (each a submit the server applies,
 * so that it works without JavaScript). The issues the domain found are shown at the node they concern.
 */
export function RequirementTreeEditor(props: {
  readonly c: Context<WebEnv>;
  readonly tree: EditableNode;
  readonly achievements: readonly Achievement[];
  readonly pathways: readonly PathwayWithVersion[];
  readonly issues: readonly PathwayIssue[];
}) {
  const scope: EditorScope = {
    c: props.c,
    achievements: props.achievements,
    pathways: props.pathways,
    issues: props.issues,
  };
  return (
    <div class="tree-editor">
      <NodeEditor scope={scope} node={props.tree} path={[]} siblings={1} parentPrecedes={[]} />
    </div>
  );
}

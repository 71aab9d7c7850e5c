import { ACHIEVEMENT_TYPES } from '@microcred/vc';
import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { BADGE_SHAPES, type BadgeShape } from '../../../domain/achievement/design-badge.js';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import {
  ACHIEVEMENT_STATUSES,
  type Achievement,
  type AchievementStatus,
  DELIVERY_MODES,
  type DeliveryMode,
} from '../../../domain/ports/index.js';
import { renderMarkdown } from '../../../edge/render-markdown.js';
import type { MessageKey } from '../../../i18n/messages/en.js';
import type { Translator } from '../../../i18n/translate.js';
import { achievementTypeWords } from '../../shared/achievement-words.js';
import { PostForm } from '../../shared/layout.js';
import { Notes } from '../../shared/notes.js';
import type { WebEnv } from '../../shared/web-env.js';
import { consolePath } from '../console-context.js';
import { ConsoleLayout } from '../console-layout.js';
import { type AchievementFormValues, EMPTY_SKILL_ROWS, type FieldError } from './achievement-form.js';
import { type EscoPickerState, EscoSkillPicker } from './esco-skill-picker.js';

export const STATUS_LABELS = {
  draft: 'console.achievements.status.draft',
  published: 'console.achievements.status.published',
  archived: 'console.achievements.status.archived',
} as const satisfies Record<AchievementStatus, MessageKey>;

const DELIVERY_LABELS = {
  online: 'console.achievements.delivery.online',
  'in-person': 'console.achievements.delivery.inPerson',
  hybrid: 'console.achievements.delivery.hybrid',
} as const satisfies Record<DeliveryMode, MessageKey>;

const SHAPE_LABELS = {
  circle: 'console.achievements.shape.circle',
  shield: 'console.achievements.shape.shield',
  hexagon: 'console.achievements.shape.hexagon',
  'rounded-square': 'console.achievements.shape.roundedSquare',
} as const satisfies Record<BadgeShape, MessageKey>;

/** What the last action did, after its redirect (`?done=`): fixed words, never text from the address. */
export const DONE_MESSAGES = {
  created: 'console.achievements.done.created',
  saved: 'console.achievements.done.saved',
  published: 'console.achievements.done.published',
  archived: 'console.achievements.done.archived',
  restored: 'console.achievements.done.restored',
} as const satisfies Record<string, MessageKey>;
export type Done = keyof typeof DONE_MESSAGES;

/** Only issuers and owners change achievements; viewers read them. */
export function mayEdit(workspace: Workspace): boolean {
  return workspace.role !== 'viewer';
}

function StatusLabel(props: { readonly c: Context<WebEnv>; readonly status: AchievementStatus }) {
  return (
    <span class={`achievement-status achievement-${props.status}`} data-status={props.status}>
      {props.c.get('t')(STATUS_LABELS[props.status])}
    </span>
  );
}

/** `/console/{slug}/achievements`: the issuer's achievements, newest first, filtered by status. */
export function AchievementListPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly achievements: readonly Achievement[];
  readonly status: AchievementStatus | undefined;
  readonly page: number;
  readonly hasNext: boolean;
}) {
  const { c, workspace, status, page } = props;
  const t = c.get('t');
  const title = t('console.achievements.title');
  const base = consolePath(workspace, '/achievements');
  const pageLink = (to: number) =>
    `${base}?${new URLSearchParams({ ...(status ? { status } : {}), page: String(to) })}`;
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <h1>{title}</h1>
      {mayEdit(workspace) ? (
        <p>
          <a class="button" href={`${base}/new`}>
            {t('console.achievements.new')}
          </a>
        </p>
      ) : (
        <p class="muted">{t('console.achievements.readOnly')}</p>
      )}
      <form method="get" action={base} class="actions">
        <label for="status-filter">{t('console.achievements.filter')}</label>
        <select id="status-filter" name="status">
          <option value="">{t('console.achievements.filter.all')}</option>
          {ACHIEVEMENT_STATUSES.map((option) => (
            <option value={option} selected={option === status}>
              {t(STATUS_LABELS[option])}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">
          {t('console.achievements.filter.apply')}
        </button>
      </form>
      {props.achievements.length === 0 ? (
        <p class="notice">{t('console.achievements.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data stack">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console.achievements.field.name')}</th>
                <th scope="col">{t('console.achievements.column.status')}</th>
                <th scope="col">{t('console.achievements.field.type')}</th>
                <th scope="col">{t('console.achievements.field.level')}</th>
                <th scope="col">{t('console.achievements.field.hours')}</th>
                <th scope="col">{t('console.achievements.column.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {props.achievements.map((achievement) => (
                <tr data-achievement={achievement.id}>
                  <th scope="row">
                    <a href={`${base}/${achievement.id}`}>{achievement.name}</a>
                  </th>
                  <td data-label={t('console.achievements.column.status')}>
                    <StatusLabel c={c} status={achievement.status} />
                  </td>
                  <td data-label={t('console.achievements.field.type')}>
                    {achievementTypeWords(t, achievement.achievementType)}
                  </td>
                  <td data-label={t('console.achievements.field.level')}>{achievement.level ?? ''}</td>
                  <td data-label={t('console.achievements.field.hours')}>{achievement.hours ?? ''}</td>
                  <td data-label={t('console.achievements.column.updated')}>
                    {t.date(achievement.updatedAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page > 1 || props.hasNext ? (
        <nav class="actions" aria-label={t('console.achievements.pages')}>
          {page > 1 ? <a href={pageLink(page - 1)}>{t('console.achievements.previous')}</a> : null}
          {props.hasNext ? <a href={pageLink(page + 1)}>{t('console.achievements.next')}</a> : null}
        </nav>
      ) : null}
    </ConsoleLayout>
  );
}

/** The badge as it will be shown: a URL the page may load, the `<img>` label, and a caption. */
export interface BadgePicture {
  readonly src: string;
  readonly alt: string;
}

function Badge(props: { readonly picture: BadgePicture }) {
  return <img class="badge" src={props.picture.src} alt={props.picture.alt} width="160" height="160" />;
}

/** The read-only view of an achievement (for viewers), every field the form has. */
function AchievementFacts(props: { readonly c: Context<WebEnv>; readonly achievement: Achievement }) {
  const { c, achievement } = props;
  const t = c.get('t');
  const document = achievement.document as {
    description?: unknown;
    criteria?: { id?: unknown; narrative?: unknown };
  };
  const narrative = typeof document.criteria?.narrative === 'string' ? document.criteria.narrative : null;
  const criteriaUrl = typeof document.criteria?.id === 'string' ? document.criteria.id : null;
  const none = t('console.achievements.none.value');
  return (
    <>
      <p>{typeof document.description === 'string' ? document.description : ''}</p>
      <dl class="facts">
        <dt>{t('console.achievements.field.type')}</dt>
        <dd>{achievementTypeWords(t, achievement.achievementType)}</dd>
        <dt>{t('console.achievements.field.level')}</dt>
        <dd>{achievement.level ?? none}</dd>
        <dt>{t('console.achievements.field.hours')}</dt>
        <dd>{achievement.hours ?? none}</dd>
        <dt>{t('console.achievements.field.credits')}</dt>
        <dd>{achievement.credits ?? none}</dd>
        <dt>{t('console.achievements.field.deliveryMode')}</dt>
        <dd>{achievement.deliveryMode === null ? none : t(DELIVERY_LABELS[achievement.deliveryMode])}</dd>
        <dt>{t('console.achievements.field.language')}</dt>
        <dd>{achievement.language ?? none}</dd>
        <dt>{t('console.achievements.field.tags')}</dt>
        <dd>{achievement.tags.length === 0 ? none : achievement.tags.join(', ')}</dd>
        <dt>{t('console.achievements.field.validity')}</dt>
        <dd>
          {achievement.validityMonths === null
            ? t('console.achievements.validity.never')
            : t('console.achievements.validity.months', { months: achievement.validityMonths })}
        </dd>
        <dt>{t('console.achievements.field.industry')}</dt>
        <dd>{achievement.industry ?? none}</dd>
        <dt>{t('console.achievements.field.renewalUrl')}</dt>
        <dd>{achievement.renewalUrl ?? none}</dd>
        <dt>{t('console.achievements.field.suspendable')}</dt>
        <dd>{t(achievement.suspendable ? 'console.achievements.yes' : 'console.achievements.no')}</dd>
        <dt>{t('console.achievements.field.criteriaUrl')}</dt>
        <dd>{criteriaUrl === null ? none : <a href={criteriaUrl}>{criteriaUrl}</a>}</dd>
      </dl>
      <h2>{t('console.achievements.field.skills')}</h2>
      {achievement.skills.length === 0 ? (
        <p class="muted">{none}</p>
      ) : (
        <ul class="skills">
          {achievement.skills.map((skill) => (
            <li>{skill.url === undefined ? skill.name : <a href={skill.url}>{skill.name}</a>}</li>
          ))}
        </ul>
      )}
      {narrative === null ? null : (
        <>
          <h2>{t('console.achievements.field.narrative')}</h2>
          <div class="markdown">{raw(renderMarkdown(narrative))}</div>
        </>
      )}
    </>
  );
}

/** Publish, archive or restore: the one that fits the achievement's status. */
function StatusActions(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly achievement: Achievement;
}) {
  const { c, achievement } = props;
  const t = c.get('t');
  const action = consolePath(props.workspace, `/achievements/${achievement.id}/status`);
  const button =
    achievement.status === 'draft'
      ? { value: 'publish', label: t('console.achievements.publish') }
      : achievement.status === 'published'
        ? { value: 'archive', label: t('console.achievements.archive') }
        : { value: 'restore', label: t('console.achievements.restore') };
  const hint =
    achievement.status === 'draft'
      ? t('console.achievements.publishHint')
      : achievement.status === 'published'
        ? t('console.achievements.archiveHint')
        : t('console.achievements.restoreHint');
  return (
    <PostForm c={c} action={action} class="actions">
      <button
        type="submit"
        name="action"
        value={button.value}
        class={button.value === 'archive' ? 'secondary' : undefined}
      >
        {button.label}
      </button>
      <span class="hint">{hint}</span>
    </PostForm>
  );
}

/** `/console/{slug}/achievements/{id}` for a viewer: everything, nothing to change. */
export function AchievementViewPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly achievement: Achievement;
  readonly badge: BadgePicture;
  /** The career outcomes section (see achievement-outcomes-section.tsx). */
  readonly outcomes?: Child;
}) {
  const { c, workspace, achievement } = props;
  const t = c.get('t');
  return (
    <ConsoleLayout c={c} workspace={workspace} title={achievement.name}>
      <p>
        <a href={consolePath(workspace, '/achievements')}>{t('console.achievements.back')}</a>
      </p>
      <h1>{achievement.name}</h1>
      <p>
        <StatusLabel c={c} status={achievement.status} />
      </p>
      <Badge picture={props.badge} />
      <AchievementFacts c={c} achievement={achievement} />
      {props.outcomes}
    </ConsoleLayout>
  );
}

const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  'achievement-name': 'console.achievements.field.name',
  'achievement-description': 'console.achievements.field.description',
  'achievement-type': 'console.achievements.field.type',
  'achievement-narrative': 'console.achievements.field.narrative',
  'achievement-criteria-url': 'console.achievements.field.criteriaUrl',
  'achievement-level': 'console.achievements.field.level',
  'achievement-hours': 'console.achievements.field.hours',
  'achievement-credits': 'console.achievements.field.credits',
  'achievement-delivery-mode': 'console.achievements.field.deliveryMode',
  'achievement-language': 'console.achievements.field.language',
  'achievement-tags': 'console.achievements.field.tags',
  'achievement-validity': 'console.achievements.field.validity',
  'achievement-industry': 'console.achievements.field.industry',
  'achievement-renewal-url': 'console.achievements.field.renewalUrl',
  'achievement-suspendable': 'console.achievements.field.suspendable',
  'achievement-image-file': 'console.achievements.image.file',
  'badge-shape': 'console.achievements.design.shape',
  'badge-background': 'console.achievements.design.background',
  'badge-foreground': 'console.achievements.design.foreground',
  'badge-initials': 'console.achievements.design.initials',
  'skill-search': 'console.achievements.esco.search',
};

/** The words of the input a refusal is about, as its label says them. */
function fieldLabel(t: Translator, field: string): string {
  const skill = /^skill-(name|url)-(\d+)$/.exec(field);
  if (skill !== null) {
    const number = Number(skill[2]) + 1;
    return t(skill[1] === 'url' ? 'console.achievements.skill.urlOf' : 'console.achievements.skill.nameOf', {
      number,
    });
  }
  const key = FIELD_LABELS[field];
  return key === undefined ? field : t(key);
}

function errorFor(errors: readonly FieldError[], field: string): FieldError | undefined {
  return errors.find((error) => error.field === field);
}

/** `aria-invalid` and the id of its message, for an input the last submit got wrong. */
function invalid(errors: readonly FieldError[], field: string) {
  return errorFor(errors, field) === undefined
    ? {}
    : { 'aria-invalid': 'true' as const, 'aria-describedby': `${field}-error` };
}

function FieldMessage(props: { readonly errors: readonly FieldError[]; readonly field: string }) {
  const error = errorFor(props.errors, props.field);
  return error === undefined ? null : (
    <p class="field-error" id={`${props.field}-error`}>
      {error.message}
    </p>
  );
}

/**
 * `/console/{slug}/achievements/new` and the edit page of `/console/{slug}/achievements/{id}`: every
 * field of the API, the criteria's Markdown previewed by the server, the badge uploaded or designed.
 */
export function AchievementFormPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  /** null: a new achievement. */
  readonly achievement: Achievement | null;
  readonly values: AchievementFormValues;
  readonly errors?: readonly FieldError[];
  /** The badge stored now (an existing achievement). */
  readonly currentBadge?: BadgePicture;
  /** The badge the form would save, shown beside the designer after a preview. */
  readonly badge?: BadgePicture;
  readonly preview?: boolean;
  readonly done?: Done;
  /** null: no ESCO framework is imported, so skills are typed in only. */
  readonly escoPicker: EscoPickerState | null;
  /** The career outcomes section of an existing achievement (see achievement-outcomes-section.tsx). */
  readonly outcomes?: Child;
}) {
  const { c, workspace, achievement, values } = props;
  const errors = props.errors ?? [];
  const t = c.get('t');
  const base = consolePath(workspace, '/achievements');
  const title = achievement === null ? t('console.achievements.newTitle') : achievement.name;
  const rows = [...values.skills, ...Array.from({ length: EMPTY_SKILL_ROWS }, () => ({ name: '', url: '' }))];
  const labelled = (field: string, key: MessageKey) => <label for={field}>{t(key)}</label>;
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <p>
        <a href={base}>{t('console.achievements.back')}</a>
      </p>
      <h1>{title}</h1>
      <Notes
        message={props.done === undefined ? undefined : t(DONE_MESSAGES[props.done])}
        error={undefined}
      />
      {errors.length === 0 ? null : (
        <div class="error-box" role="alert">
          <p>{t('console.achievements.errors')}</p>
          <ul>
            {errors.map((error) => (
              <li>
                {error.field === null ? (
                  error.message
                ) : (
                  <a href={`#${error.field}`}>{`${fieldLabel(t, error.field)}: ${error.message}`}</a>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {achievement === null ? null : (
        <section aria-labelledby="status-heading">
          <h2 id="status-heading">
            {t('console.achievements.column.status')}
            {t('punctuation.colon')}
            <StatusLabel c={c} status={achievement.status} />
          </h2>
          {props.currentBadge === undefined ? null : <Badge picture={props.currentBadge} />}
          <StatusActions c={c} workspace={workspace} achievement={achievement} />
          {achievement.status === 'published' ? (
            <p>
              <a href={`/achievements/${achievement.id}`}>{t('console.achievements.publicPage')}</a>
            </p>
          ) : null}
        </section>
      )}
      <PostForm
        c={c}
        action={achievement === null ? base : `${base}/${achievement.id}`}
        class="stack"
        multipart
      >
        <h2>{t('console.achievements.section.about')}</h2>
        {labelled('achievement-name', 'console.achievements.field.name')}
        <input
          id="achievement-name"
          name="name"
          type="text"
          required
          maxlength={200}
          value={values.name}
          {...invalid(errors, 'achievement-name')}
        />
        <FieldMessage errors={errors} field="achievement-name" />
        {labelled('achievement-description', 'console.achievements.field.description')}
        <textarea
          id="achievement-description"
          name="description"
          required
          maxlength={10000}
          {...invalid(errors, 'achievement-description')}
        >
          {values.description}
        </textarea>
        <FieldMessage errors={errors} field="achievement-description" />
        {labelled('achievement-type', 'console.achievements.field.type')}
        <select id="achievement-type" name="achievementType" {...invalid(errors, 'achievement-type')}>
          {(ACHIEVEMENT_TYPES as readonly string[]).includes(values.achievementType) ? null : (
            <option value={values.achievementType} selected>
              {values.achievementType}
            </option>
          )}
          {ACHIEVEMENT_TYPES.map((type) => (
            <option value={type} selected={type === values.achievementType}>
              {achievementTypeWords(t, type)}
            </option>
          ))}
        </select>
        <FieldMessage errors={errors} field="achievement-type" />

        <h2>{t('console.achievements.section.criteria')}</h2>
        {labelled('achievement-narrative', 'console.achievements.field.narrative')}
        <p class="hint" id="achievement-narrative-hint">
          {t('console.achievements.narrativeHint')}
        </p>
        <textarea
          id="achievement-narrative"
          name="narrative"
          maxlength={20000}
          aria-describedby="achievement-narrative-hint"
          {...invalid(errors, 'achievement-narrative')}
        >
          {values.narrative}
        </textarea>
        <FieldMessage errors={errors} field="achievement-narrative" />
        <p>
          <button type="submit" name="intent" value="preview" class="secondary">
            {t('console.achievements.preview')}
          </button>
        </p>
        {props.preview === true ? (
          <section class="preview" aria-labelledby="preview-heading">
            <h3 id="preview-heading">{t('console.achievements.previewHeading')}</h3>
            {values.narrative.trim() === '' ? (
              <p class="muted">{t('console.achievements.previewEmpty')}</p>
            ) : (
              <div class="markdown">{raw(renderMarkdown(values.narrative))}</div>
            )}
          </section>
        ) : null}
        {labelled('achievement-criteria-url', 'console.achievements.field.criteriaUrl')}
        <input
          id="achievement-criteria-url"
          name="criteriaUrl"
          type="url"
          value={values.criteriaUrl}
          {...invalid(errors, 'achievement-criteria-url')}
        />
        <FieldMessage errors={errors} field="achievement-criteria-url" />

        <h2>{t('console.achievements.section.details')}</h2>
        {labelled('achievement-level', 'console.achievements.field.level')}
        <input
          id="achievement-level"
          name="level"
          type="text"
          maxlength={100}
          value={values.level}
          {...invalid(errors, 'achievement-level')}
        />
        <FieldMessage errors={errors} field="achievement-level" />
        {labelled('achievement-hours', 'console.achievements.field.hours')}
        <input
          id="achievement-hours"
          name="hours"
          type="text"
          inputmode="decimal"
          value={values.hours}
          {...invalid(errors, 'achievement-hours')}
        />
        <FieldMessage errors={errors} field="achievement-hours" />
        {labelled('achievement-credits', 'console.achievements.field.credits')}
        <input
          id="achievement-credits"
          name="credits"
          type="text"
          inputmode="decimal"
          value={values.credits}
          {...invalid(errors, 'achievement-credits')}
        />
        <FieldMessage errors={errors} field="achievement-credits" />
        {labelled('achievement-delivery-mode', 'console.achievements.field.deliveryMode')}
        <select
          id="achievement-delivery-mode"
          name="deliveryMode"
          {...invalid(errors, 'achievement-delivery-mode')}
        >
          <option value="">{t('console.achievements.delivery.unset')}</option>
          {DELIVERY_MODES.map((mode) => (
            <option value={mode} selected={mode === values.deliveryMode}>
              {t(DELIVERY_LABELS[mode])}
            </option>
          ))}
        </select>
        <FieldMessage errors={errors} field="achievement-delivery-mode" />
        {labelled('achievement-language', 'console.achievements.field.language')}
        <p class="hint" id="achievement-language-hint">
          {t('console.achievements.languageHint')}
        </p>
        <input
          id="achievement-language"
          name="language"
          type="text"
          maxlength={35}
          value={values.language}
          aria-describedby="achievement-language-hint"
          {...invalid(errors, 'achievement-language')}
        />
        <FieldMessage errors={errors} field="achievement-language" />
        {labelled('achievement-tags', 'console.achievements.field.tags')}
        <p class="hint" id="achievement-tags-hint">
          {t('console.achievements.tagsHint')}
        </p>
        <input
          id="achievement-tags"
          name="tags"
          type="text"
          value={values.tags}
          aria-describedby="achievement-tags-hint"
          {...invalid(errors, 'achievement-tags')}
        />
        <FieldMessage errors={errors} field="achievement-tags" />
        {labelled('achievement-validity', 'console.achievements.field.validity')}
        <p class="hint" id="achievement-validity-hint">
          {t('console.achievements.validityHint')}
        </p>
        <input
          id="achievement-validity"
          name="validityMonths"
          type="text"
          inputmode="numeric"
          value={values.validityMonths}
          aria-describedby="achievement-validity-hint"
          {...invalid(errors, 'achievement-validity')}
        />
        <FieldMessage errors={errors} field="achievement-validity" />
        {labelled('achievement-industry', 'console.achievements.field.industry')}
        <input
          id="achievement-industry"
          name="industry"
          type="text"
          maxlength={200}
          value={values.industry}
          {...invalid(errors, 'achievement-industry')}
        />
        <FieldMessage errors={errors} field="achievement-industry" />
        {labelled('achievement-renewal-url', 'console.achievements.field.renewalUrl')}
        <p class="hint" id="achievement-renewal-url-hint">
          {t('console.achievements.hint.renewalUrl')}
        </p>
        <input
          id="achievement-renewal-url"
          name="renewalUrl"
          type="url"
          maxlength={2000}
          value={values.renewalUrl}
          aria-describedby="achievement-renewal-url-hint"
          {...invalid(errors, 'achievement-renewal-url')}
        />
        <FieldMessage errors={errors} field="achievement-renewal-url" />
        {achievement === null ? (
          <>
            <p class="checkbox">
              <input
                id="achievement-suspendable"
                name="suspendable"
                type="checkbox"
                checked={values.suspendable}
                aria-describedby="achievement-suspendable-hint"
              />
              <label for="achievement-suspendable">{t('console.achievements.field.suspendable')}</label>
            </p>
            <p class="hint" id="achievement-suspendable-hint">
              {t('console.achievements.suspendableHint')}
            </p>
          </>
        ) : (
          <>
            <h3>{t('console.achievements.field.suspendable')}</h3>
            <p data-suspendable={String(achievement.suspendable)}>
              <strong>
                {t(achievement.suspendable ? 'console.achievements.yes' : 'console.achievements.no')}
              </strong>{' '}
              {t('console.achievements.suspendableFixed')}
            </p>
          </>
        )}

        <fieldset>
          <legend>{t('console.achievements.field.skills')}</legend>
          <p class="hint">{t('console.achievements.skillsHint')}</p>
          {props.escoPicker === null ? null : (
            <EscoSkillPicker
              t={t}
              state={props.escoPicker}
              query={values.skillQuery}
              addedUrls={values.skills.map((row) => row.url)}
              errors={errors}
            />
          )}
          <table class="data skills-table">
            <thead>
              <tr>
                <th scope="col">{t('console.achievements.skill.name')}</th>
                <th scope="col">{t('console.achievements.skill.url')}</th>
              </tr>
            </thead>
            <tbody id="skill-rows" data-skill-rows>
              {rows.map((row, index) => (
                <tr>
                  <td>
                    <label class="visually-hidden" for={`skill-name-${index}`}>
                      {t('console.achievements.skill.nameOf', { number: index + 1 })}
                    </label>
                    <input
                      id={`skill-name-${index}`}
                      name={`skill-name-${index}`}
                      type="text"
                      maxlength={200}
                      value={row.name}
                      {...invalid(errors, `skill-name-${index}`)}
                    />
                    <FieldMessage errors={errors} field={`skill-name-${index}`} />
                  </td>
                  <td>
                    <label class="visually-hidden" for={`skill-url-${index}`}>
                      {t('console.achievements.skill.urlOf', { number: index + 1 })}
                    </label>
                    <input
                      id={`skill-url-${index}`}
                      name={`skill-url-${index}`}
                      type="url"
                      value={row.url}
                      {...invalid(errors, `skill-url-${index}`)}
                    />
                    <FieldMessage errors={errors} field={`skill-url-${index}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>

        <fieldset>
          <legend>{t('console.achievements.section.badge')}</legend>
          <p class="radio">
            <input
              id="image-keep"
              type="radio"
              name="imageSource"
              value="keep"
              checked={values.imageSource === 'keep'}
            />
            <label for="image-keep">
              {t(
                achievement === null
                  ? 'console.achievements.image.generated'
                  : 'console.achievements.image.keep',
              )}
            </label>
          </p>
          <p class="radio">
            <input
              id="image-upload"
              type="radio"
              name="imageSource"
              value="upload"
              checked={values.imageSource === 'upload'}
            />
            <label for="image-upload">{t('console.achievements.image.upload')}</label>
          </p>
          <label for="achievement-image-file">{t('console.achievements.image.file')}</label>
          <input
            id="achievement-image-file"
            name="image"
            type="file"
            accept="image/png,image/svg+xml"
            aria-describedby="achievement-image-hint"
            {...invalid(errors, 'achievement-image-file')}
          />
          <p class="hint" id="achievement-image-hint">
            {t(
              values.pendingImage === ''
                ? 'console.achievements.image.fileHint'
                : 'console.achievements.image.pending',
            )}
          </p>
          <FieldMessage errors={errors} field="achievement-image-file" />
          {values.pendingImage === '' ? null : (
            <input type="hidden" name="pendingImage" value={values.pendingImage} />
          )}
          <p class="radio">
            <input
              id="image-design"
              type="radio"
              name="imageSource"
              value="design"
              checked={values.imageSource === 'design'}
            />
            <label for="image-design">{t('console.achievements.image.design')}</label>
          </p>
          <div class="badge-designer">
            <label for="badge-shape">{t('console.achievements.design.shape')}</label>
            <select id="badge-shape" name="shape" {...invalid(errors, 'badge-shape')}>
              {BADGE_SHAPES.map((shape) => (
                <option value={shape} selected={shape === values.shape}>
                  {t(SHAPE_LABELS[shape])}
                </option>
              ))}
            </select>
            <label for="badge-background">{t('console.achievements.design.background')}</label>
            <input
              id="badge-background"
              name="background"
              type="color"
              value={values.background}
              {...invalid(errors, 'badge-background')}
            />
            <FieldMessage errors={errors} field="badge-background" />
            <label for="badge-foreground">{t('console.achievements.design.foreground')}</label>
            <input
              id="badge-foreground"
              name="foreground"
              type="color"
              value={values.foreground}
              {...invalid(errors, 'badge-foreground')}
            />
            <FieldMessage errors={errors} field="badge-foreground" />
            <label for="badge-initials">{t('console.achievements.design.initials')}</label>
            <input
              id="badge-initials"
              name="initials"
              type="text"
              maxlength={3}
              value={values.initials}
              {...invalid(errors, 'badge-initials')}
            />
            <FieldMessage errors={errors} field="badge-initials" />
          </div>
          {props.badge === undefined ? null : (
            <figure class="badge-preview">
              <Badge picture={props.badge} />
              <figcaption>{t('console.achievements.image.previewCaption')}</figcaption>
            </figure>
          )}
          <p>
            <button type="submit" name="intent" value="preview" class="secondary">
              {t('console.achievements.previewBadge')}
            </button>
          </p>
        </fieldset>

        {achievement === null ? (
          <fieldset>
            <legend>{t('console.achievements.field.status')}</legend>
            <p class="radio">
              <input
                id="status-draft"
                type="radio"
                name="status"
                value="draft"
                checked={values.status === 'draft'}
              />
              <label for="status-draft">{t('console.achievements.create.draft')}</label>
            </p>
            <p class="radio">
              <input
                id="status-published"
                type="radio"
                name="status"
                value="published"
                checked={values.status === 'published'}
              />
              <label for="status-published">{t('console.achievements.create.published')}</label>
            </p>
          </fieldset>
        ) : null}
        <p>
          <button type="submit" name="intent" value="save">
            {t(achievement === null ? 'console.achievements.create' : 'console.achievements.save')}
          </button>
        </p>
      </PostForm>
      {props.outcomes}
    </ConsoleLayout>
  );
}

import type { Context } from 'hono';
import type { EmployerWorkspace } from '../../domain/employer/employer-access.js';
import { ESSENTIAL_WEIGHT, OPTIONAL_WEIGHT } from '../../domain/employer/saved-roles.js';
import type { SavedRole } from '../../domain/ports/index.js';
import { PostForm } from '../shared/layout.js';
import type { WebEnv } from '../shared/web-env.js';
import { employerPath } from './employer-context.js';
import { EmployerLayout } from './employer-layout.js';
import { MAX_SKILL_QUERY, SkillCheckbox, SkillName } from './role-pages.js';
import { roleQueryString } from './role-query.js';

export const MAX_ROLE_TITLE = 200;
export const MAX_WEIGHT = 10;

/** One skill row of the saving form, as typed (`weight` '' for the essential / optional default). */
export interface RoleFormSkill {
  readonly id: string;
  readonly label: string;
  readonly include: boolean;
  readonly essential: boolean;
  readonly weight: string;
  readonly required: boolean;
}

/** What the saving form holds: a title, the skills, and the occupation the role came from, if any. */
export interface RoleFormValues {
  readonly title: string;
  readonly occupationUri: string;
  readonly skills: readonly RoleFormSkill[];
}

/** Whether a page offers changes: recruiters and owners save roles and manage employees; viewers read. */
export function canEdit(workspace: EmployerWorkspace): boolean {
  return workspace.role !== 'viewer';
}

/** Where a saved role's pages live. */
export function rolePath(workspace: EmployerWorkspace, role: Pick<SavedRole, 'id'>, rest = ''): string {
  return employerPath(workspace, `/roles/${role.id}${rest}`);
}

/** The talent search for a saved role: its skills, essential and required ones, as the search's address. */
export function roleSearchPath(workspace: EmployerWorkspace, role: SavedRole): string {
  const query = roleQueryString({
    skills: role.skills.map((skill) => skill.id),
    essential: role.skills.filter((skill) => skill.essential).map((skill) => skill.id),
    required: role.skills.filter((skill) => skill.required).map((skill) => skill.id),
    occupation: role.occupationUri ?? '',
    weights: role.skills.flatMap((skill) =>
      skill.weight === (skill.essential ? ESSENTIAL_WEIGHT : OPTIONAL_WEIGHT)
        ? []
        : [[skill.id, skill.weight] as const],
    ),
    issuer: '',
    since: '',
    location: '',
    page: 1,
  });
  return `${employerPath(workspace, '/talent')}${query}`;
}

/**
 * The saving form (a new role, or a saved one edited): its title, then each skill with whether to keep it,
 * whether it is essential, its weight and whether candidates must prove it; more skills are found by name
 * through the server (`intent=add`), so that the form works without script.
 */
function RoleForm(props: {
  readonly c: Context<WebEnv>;
  readonly action: string;
  readonly values: RoleFormValues;
  readonly add: string;
  readonly submit: string;
}) {
  const { c, values } = props;
  const t = c.get('t');
  return (
    <PostForm c={c} action={props.action} class="role-review">
      <input type="hidden" name="occupation" value={values.occupationUri} />
      <label for="role-title">{t('employer.savedRoles.form.title')}</label>
      <input
        id="role-title"
        name="title"
        type="text"
        required
        maxlength={MAX_ROLE_TITLE}
        value={values.title}
      />
      <div class="table-scroll">
        <table class="data stack" data-role-form>
          <caption class="visually-hidden">{t('employer.review.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('employer.savedRoles.form.skill')}</th>
              <th scope="col">{t('employer.review.essential')}</th>
              <th scope="col">{t('employer.savedRoles.form.weight')}</th>
              <th scope="col">{t('employer.review.required')}</th>
            </tr>
          </thead>
          <tbody>
            {values.skills.map((skill, index) => (
              <tr data-skill={skill.id}>
                <th scope="row">
                  <input type="hidden" name={`skill-${index}`} value={skill.id} />
                  <label class="choice" for={`keep-${index}`}>
                    <input
                      id={`keep-${index}`}
                      type="checkbox"
                      name={`keep-${index}`}
                      value="yes"
                      checked={skill.include}
                    />{' '}
                    {skill.label}
                  </label>
                </th>
                <td data-label={t('employer.review.essential')}>
                  <SkillCheckbox
                    id={`role-essential-${index}`}
                    name={`essential-${index}`}
                    value="yes"
                    checked={skill.essential}
                    label={t('employer.review.essentialOf', { skill: skill.label })}
                  />
                </td>
                <td data-label={t('employer.savedRoles.form.weight')}>
                  <label class="visually-hidden" for={`weight-${index}`}>
                    {t('employer.savedRoles.form.weightOf', { skill: skill.label })}
                  </label>
                  <input
                    id={`weight-${index}`}
                    name={`weight-${index}`}
                    type="number"
                    class="weight"
                    min="0.5"
                    max={MAX_WEIGHT}
                    step="0.5"
                    inputmode="decimal"
                    value={skill.weight}
                    aria-describedby="role-weight-hint"
                  />
                </td>
                <td data-label={t('employer.review.required')}>
                  <SkillCheckbox
                    id={`role-required-${index}`}
                    name={`required-${index}`}
                    value="yes"
                    checked={skill.required}
                    label={t('employer.review.requiredOf', { skill: skill.label })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="hint" id="role-weight-hint">
        {t('employer.savedRoles.form.hint')}
      </p>
      <p>
        <button type="submit" name="intent" value="save">
          {props.submit}
        </button>
      </p>
      <fieldset class="filters">
        <legend>{t('employer.savedRoles.form.more')}</legend>
        <label for="role-add">{t('employer.review.add')}</label>
        <div class="role-add">
          <input id="role-add" name="add" type="text" maxlength={MAX_SKILL_QUERY} value={props.add} />
          <button type="submit" class="secondary" name="intent" value="add">
            {t('employer.review.addFind')}
          </button>
        </div>
      </fieldset>
    </PostForm>
  );
}

/** `/employer/{slug}/roles/new` and `/roles/{id}/edit`: the saving form, prefilled. */
export function RoleFormPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  /** The role edited; undefined for a new one. */
  readonly role?: SavedRole | undefined;
  readonly values: RoleFormValues;
  readonly add?: string | undefined;
  readonly message?: string | undefined;
  readonly error?: string | undefined;
}) {
  const { c, workspace, role } = props;
  const t = c.get('t');
  return (
    <EmployerLayout
      c={c}
      workspace={workspace}
      title={
        role === undefined
          ? t('employer.savedRoles.new.title')
          : t('employer.savedRoles.edit.title', { title: role.title })
      }
      message={props.message}
      error={props.error}
      before={
        <p>
          {role === undefined ? (
            <a href={employerPath(workspace, '/roles')}>{t('employer.savedRoles.back')}</a>
          ) : (
            <a href={rolePath(workspace, role)}>{t('employer.savedRoles.backTo', { title: role.title })}</a>
          )}
        </p>
      }
    >
      <p class="lead">
        {t(role === undefined ? 'employer.savedRoles.new.lead' : 'employer.savedRoles.edit.lead')}
      </p>
      <RoleForm
        c={c}
        action={role === undefined ? employerPath(workspace, '/roles') : rolePath(workspace, role)}
        values={props.values}
        add={props.add ?? ''}
        submit={t(role === undefined ? 'employer.savedRoles.new.save' : 'employer.savedRoles.edit.save')}
      />
      <p class="muted">
        <small>{t('skill.attribution')}</small>
      </p>
    </EmployerLayout>
  );
}

/** `/employer/{slug}/roles`: the employer's saved roles, by title. */
export function RolesPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly roles: readonly SavedRole[];
  readonly message?: string | undefined;
}) {
  const { c, workspace, roles } = props;
  const t = c.get('t');
  return (
    <EmployerLayout
      c={c}
      workspace={workspace}
      title={t('employer.savedRoles.title')}
      message={props.message}
    >
      <p class="lead">{t('employer.savedRoles.lead')}</p>
      {canEdit(workspace) ? null : <p class="hint">{t('employer.savedRoles.readOnly')}</p>}
      {roles.length === 0 ? (
        <p data-roles-empty>{t('employer.savedRoles.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data" data-roles>
            <caption class="visually-hidden">{t('employer.savedRoles.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('employer.savedRoles.form.title')}</th>
                <th scope="col">{t('employer.savedRoles.skills')}</th>
                <th scope="col">{t('employer.savedRoles.updatedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {roles.map((role) => (
                <tr data-role={role.id}>
                  <th scope="row">
                    <a href={rolePath(workspace, role)}>{role.title}</a>
                  </th>
                  <td>{role.skills.length}</td>
                  <td>{t.date(role.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={employerPath(workspace)}>{t('employer.savedRoles.describe')}</a>
      </p>
    </EmployerLayout>
  );
}

/** `/employer/{slug}/roles/{id}`: a saved role's skills, and what to do with it. */
export function SavedRolePage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly role: SavedRole;
  readonly message?: string | undefined;
}) {
  const { c, workspace, role } = props;
  const t = c.get('t');
  return (
    <EmployerLayout
      c={c}
      workspace={workspace}
      title={role.title}
      message={props.message}
      before={
        <p>
          <a href={employerPath(workspace, '/roles')}>{t('employer.savedRoles.back')}</a>
        </p>
      }
    >
      <p class="lead">
        {t('employer.savedRoles.summary', { count: role.skills.length, date: t.date(role.updatedAt) })}
      </p>
      <ul class="role-actions" data-role-actions>
        <li>
          <a href={roleSearchPath(workspace, role)}>{t('employer.savedRoles.find')}</a>
        </li>
        <li>
          <a href={`${employerPath(workspace, '/workforce/candidates')}?role=${role.id}`}>
            {t('employer.savedRoles.internal')}
          </a>
        </li>
        <li>
          <a href={`${employerPath(workspace, '/workforce')}?role=${role.id}`}>
            {t('employer.savedRoles.measure')}
          </a>
        </li>
      </ul>
      <div class="table-scroll">
        <table class="data stack" data-role-skills>
          <caption>{t('employer.savedRoles.skillsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('employer.savedRoles.skill')}</th>
              <th scope="col">{t('employer.review.essential')}</th>
              <th scope="col">{t('employer.savedRoles.form.weight')}</th>
              <th scope="col">{t('employer.review.required')}</th>
            </tr>
          </thead>
          <tbody>
            {role.skills.map((skill) => (
              <tr data-skill={skill.id}>
                <th scope="row">
                  <SkillName skill={skill} />
                </th>
                <td data-label={t('employer.review.essential')} data-essential={String(skill.essential)}>
                  {t(skill.essential ? 'skill.essential' : 'skill.optional')}
                </td>
                <td data-label={t('employer.savedRoles.form.weight')}>{skill.weight}</td>
                <td data-label={t('employer.review.required')} data-required={String(skill.required)}>
                  {t(skill.required ? 'employer.savedRoles.yes' : 'employer.savedRoles.no')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit(workspace) ? (
        <p class="actions">
          <a href={rolePath(workspace, role, '/edit')}>{t('employer.savedRoles.editLink')}</a> ·{' '}
          <a href={rolePath(workspace, role, '/delete')}>{t('employer.savedRoles.deleteLink')}</a>
        </p>
      ) : (
        <p class="hint">{t('employer.savedRoles.readOnly')}</p>
      )}
      <p class="muted">
        <small>{t('skill.attribution')}</small>
      </p>
    </EmployerLayout>
  );
}

/** `/employer/{slug}/roles/{id}/delete`: the confirmation, a page of its own so that it needs no script. */
export function DeleteRolePage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly role: SavedRole;
}) {
  const { c, workspace, role } = props;
  const t = c.get('t');
  return (
    <EmployerLayout
      c={c}
      workspace={workspace}
      title={t('employer.savedRoles.delete.title', { title: role.title })}
    >
      <p>{t('employer.savedRoles.delete.text')}</p>
      <PostForm c={c} action={rolePath(workspace, role, '/delete')}>
        <p>
          <button type="submit" class="danger">
            {t('employer.savedRoles.delete.confirm')}
          </button>{' '}
          <a href={rolePath(workspace, role)}>{t('employer.savedRoles.delete.cancel')}</a>
        </p>
      </PostForm>
    </EmployerLayout>
  );
}

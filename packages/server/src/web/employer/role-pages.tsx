import type { Context } from 'hono';
import type { EmployerWorkspace } from '../../domain/employer/employer-access.js';
import type { Occupation } from '../../domain/ports/index.js';
import { PostForm } from '../shared/layout.js';
import type { WebEnv } from '../shared/web-env.js';
import { employerPath } from './employer-context.js';
import { EmployerLayout } from './employer-layout.js';

export const ESCO_OCCUPATION = 'http://data.europa.eu/esco/occupation/';
const ESCO_SKILL = 'http://data.europa.eu/esco/skill/';
export const MAX_OCCUPATION_QUERY = 200;
export const MAX_SKILL_QUERY = 200;
/** As much as the matcher reads (MAX_MATCH_TEXT_LENGTH): the field says so before the server has to. */
export const MAX_ROLE_TEXT = 20_000;

/** A skill's name, linked to its public `/skills/{id}` page when it is an ESCO skill. */
export function SkillName(props: { readonly skill: { readonly id: string; readonly label: string } }) {
  const { skill } = props;
  return skill.id.startsWith(ESCO_SKILL) ? (
    <a href={`/skills/${skill.id.slice(ESCO_SKILL.length)}`}>{skill.label}</a>
  ) : (
    <span>{skill.label}</span>
  );
}

/** One skill of the review step, as the form offers it. */
export interface ReviewSkill {
  readonly id: string;
  readonly label: string;
  readonly include: boolean;
  readonly essential: boolean;
  readonly required: boolean;
  /** A weight of the employer's own (a saved role's), carried along; none: the default. */
  readonly weight?: number;
}

/** The filters of the review step, as typed. */
export interface ReviewFilters {
  readonly issuer: string;
  readonly since: string;
  readonly location: string;
}

export const NO_FILTERS: ReviewFilters = { issuer: '', since: '', location: '' };

/** A checkbox in a skills table whose label is read out but not shown (the column header says it). */
export function SkillCheckbox(props: {
  readonly id: string;
  readonly name: string;
  readonly value: string;
  readonly checked: boolean;
  readonly label: string;
}) {
  return (
    <label class="choice" for={props.id}>
      <input id={props.id} type="checkbox" name={props.name} value={props.value} checked={props.checked} />{' '}
      <span class="visually-hidden">{props.label}</span>
    </label>
  );
}

/**
 * The review step: each skill with whether to include it, whether it is essential (weighs double) and
 * whether every candidate must prove it, then the filters. Sent by GET, so the result has an address to share.
 */
export function ReviewForm(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly skills: readonly ReviewSkill[];
  readonly filters: ReviewFilters;
  /** What was last looked up to add. */
  readonly add?: string;
  /** The ESCO occupation the role started from, kept for saving it. */
  readonly occupationUri?: string;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  return (
    <form method="get" action={employerPath(workspace, '/talent')} class="role-review">
      {props.occupationUri === undefined || props.occupationUri === '' ? null : (
        <input type="hidden" name="occupation" value={props.occupationUri} />
      )}
      <div class="table-scroll">
        <table class="data" data-review>
          <caption class="visually-hidden">{t('employer.review.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('employer.review.skill')}</th>
              <th scope="col">{t('employer.review.essential')}</th>
              <th scope="col">{t('employer.review.required')}</th>
            </tr>
          </thead>
          <tbody>
            {props.skills.map((skill, index) => (
              <tr data-skill={skill.id}>
                <th scope="row">
                  <label class="choice" for={`skill-${index}`}>
                    <input
                      id={`skill-${index}`}
                      type="checkbox"
                      name="skill"
                      value={skill.id}
                      checked={skill.include}
                    />{' '}
                    {skill.label}
                  </label>
                  {skill.weight === undefined ? null : (
                    <input type="hidden" name="weight" value={`${skill.weight} ${skill.id}`} />
                  )}
                </th>
                <td>
                  <SkillCheckbox
                    id={`essential-${index}`}
                    name="essential"
                    value={skill.id}
                    checked={skill.essential}
                    label={t('employer.review.essentialOf', { skill: skill.label })}
                  />
                </td>
                <td>
                  <SkillCheckbox
                    id={`required-${index}`}
                    name="required"
                    value={skill.id}
                    checked={skill.required}
                    label={t('employer.review.requiredOf', { skill: skill.label })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="hint">{t('employer.review.hint')}</p>
      {/* Its own address, so that a role is edited without script: the skills ticked so far come along. */}
      <label for="role-add">{t('employer.review.add')}</label>
      <div class="role-add">
        <input id="role-add" name="add" type="text" maxlength={MAX_SKILL_QUERY} value={props.add ?? ''} />
        <button type="submit" class="secondary" formaction={employerPath(workspace, '/review')}>
          {t('employer.review.addFind')}
        </button>
      </div>
      <fieldset class="filters">
        <legend>{t('employer.filters')}</legend>
        <label for="filter-issuer">{t('employer.filters.issuer')}</label>
        <input id="filter-issuer" name="issuer" type="text" maxlength={200} value={props.filters.issuer} />
        <label for="filter-since">{t('employer.filters.since')}</label>
        <input id="filter-since" name="since" type="date" value={props.filters.since} />
        <label for="filter-location">{t('employer.filters.location')}</label>
        <input
          id="filter-location"
          name="location"
          type="text"
          maxlength={100}
          value={props.filters.location}
        />
      </fieldset>
      <p>
        <button type="submit">{t('employer.review.search')}</button>
        {/* Saving posts a form token, which this GET form would put in its address: this opens the
            saving form instead, with the skills as ticked here. */}
        {workspace.role === 'viewer' ? null : (
          <>
            {' '}
            <button type="submit" class="secondary" formaction={employerPath(workspace, '/roles/new')}>
              {t('employer.savedRoles.review.save')}
            </button>
          </>
        )}
      </p>
    </form>
  );
}

/** `/employer/{slug}`: describe a role, by its job description or by an ESCO occupation. */
export function DescribeRolePage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly text?: string;
  readonly q: string;
  readonly occupations: readonly Occupation[];
  readonly error?: string | undefined;
}) {
  const { c, workspace, q } = props;
  const t = c.get('t');
  const listed = props.occupations.filter((occupation) => occupation.uri.startsWith(ESCO_OCCUPATION));
  return (
    <EmployerLayout c={c} workspace={workspace} title={t('employer.describe.title')} error={props.error}>
      <p class="lead">{t('employer.describe.lead')}</p>
      <section aria-labelledby="describe-text">
        <h2 id="describe-text">{t('employer.describe.byText')}</h2>
        <PostForm c={c} action={employerPath(workspace, '/role')}>
          <label for="role-text">{t('employer.describe.text')}</label>
          <p class="hint" id="role-text-hint">
            {t('employer.describe.textHint', { max: MAX_ROLE_TEXT })}
          </p>
          <textarea
            id="role-text"
            name="text"
            required
            maxlength={MAX_ROLE_TEXT}
            rows={8}
            aria-describedby="role-text-hint"
          >
            {props.text ?? ''}
          </textarea>
          <p>
            <button type="submit">{t('employer.describe.match')}</button>
          </p>
        </PostForm>
      </section>
      <section aria-labelledby="describe-occupation">
        <h2 id="describe-occupation">{t('employer.describe.byOccupation')}</h2>
        <form method="get" action={employerPath(workspace)} class="catalogue-search">
          <label for="occupation-q">{t('employer.describe.occupation')}</label>
          <input
            id="occupation-q"
            name="q"
            type="search"
            maxlength={MAX_OCCUPATION_QUERY}
            value={q}
            required
          />
          <p>
            <button type="submit" class="secondary">
              {t('employer.describe.find')}
            </button>
          </p>
        </form>
        {q === '' ? null : q.length > MAX_OCCUPATION_QUERY ? (
          <p class="notice">{t('employer.describe.tooLong', { max: MAX_OCCUPATION_QUERY })}</p>
        ) : listed.length === 0 ? (
          <p>{t('employer.describe.noOccupation', { q })}</p>
        ) : (
          <ul data-occupations>
            {listed.map((occupation) => (
              <li>
                <a
                  href={employerPath(
                    workspace,
                    `/occupations/${occupation.uri.slice(ESCO_OCCUPATION.length)}`,
                  )}
                >
                  {occupation.label}
                </a>
                {occupation.altLabels.length === 0 ? null : (
                  <span class="muted"> · {occupation.altLabels.slice(0, 3).join(', ')}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p class="muted">
        <small>{t('skill.attribution')}</small>
      </p>
    </EmployerLayout>
  );
}

/** The review step, after matching a text or picking an occupation. */
export function ReviewRolePage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  /** Where the skills come from, in words. */
  readonly lead: string;
  readonly skills: readonly ReviewSkill[];
  readonly filters?: ReviewFilters;
  readonly add?: string;
  /** What looking up `add` found. */
  readonly message?: string | undefined;
  readonly occupationUri?: string;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  return (
    <EmployerLayout
      c={c}
      workspace={workspace}
      title={t('employer.review.title')}
      message={props.message}
      before={
        <p>
          <a href={employerPath(workspace)}>{t('employer.review.back')}</a>
        </p>
      }
    >
      <p class="lead">{props.lead}</p>
      <ReviewForm
        c={c}
        workspace={workspace}
        skills={props.skills}
        filters={props.filters ?? NO_FILTERS}
        {...(props.add === undefined ? {} : { add: props.add })}
        {...(props.occupationUri === undefined ? {} : { occupationUri: props.occupationUri })}
      />
      <p class="muted">
        <small>{t('skill.attribution')}</small>
      </p>
    </EmployerLayout>
  );
}

import type { Context } from 'hono';
import type { EmployerWorkspace } from '../../domain/employer/employer-access.js';
import type { EmployeeStatus, SavedRole } from '../../domain/ports/index.js';
import type { TalentSearchResult } from '../../domain/talent/search-talent.js';
import type { EmployeeView } from '../../domain/workforce/employees.js';
import type { WorkforceInventory } from '../../domain/workforce/inventory.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { PostForm } from '../shared/layout.js';
import { RecommendationItem } from '../shared/recommendation-item.js';
import type { WebEnv } from '../shared/web-env.js';
import { employerPath } from './employer-context.js';
import { EmployerLayout } from './employer-layout.js';
import { SkillName } from './role-pages.js';
import { canEdit, rolePath } from './saved-role-pages.js';
import { CandidateList, PAGE_SIZE, Pager, PathwayList } from './talent-pages.js';

export const MAX_INVITE_TEXT = 50_000;
export const MAX_TEAM = 100;

const STATUS_LABELS = {
  invited: 'employer.workforce.status.invited',
  connected: 'employer.workforce.status.connected',
  declined: 'employer.workforce.status.declined',
} as const satisfies Record<EmployeeStatus, MessageKey>;

/** The inventory's filters, as the address carries them ('' for none). */
export interface InventoryFilters {
  readonly team: string;
  readonly role: string;
}

/** The address of the inventory (or its CSV, with `path`) for these filters. */
export function inventoryPath(
  workspace: EmployerWorkspace,
  filters: InventoryFilters,
  path = '/workforce',
): string {
  const params = new URLSearchParams();
  if (filters.team !== '') params.set('team', filters.team);
  if (filters.role !== '') params.set('role', filters.role);
  const query = params.toString();
  return `${employerPath(workspace, path)}${query === '' ? '' : `?${query}`}`;
}

/** How an employee is named: by their display name once connected, else by the address invited. */
function employeeName(employee: Pick<EmployeeView, 'name' | 'email'>): string {
  return employee.name ?? employee.email;
}

/** The two pages of the workforce section, the current one marked. */
function WorkforceTabs(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly current: 'inventory' | 'employees';
}) {
  const { c, workspace, current } = props;
  const t = c.get('t');
  return (
    <nav class="subnav" aria-label={t('employer.workforce.tabs')}>
      <ul>
        <li>
          <a
            href={employerPath(workspace, '/workforce')}
            aria-current={current === 'inventory' ? 'page' : undefined}
          >
            {t('employer.workforce.inventory.title')}
          </a>
        </li>
        <li>
          <a
            href={employerPath(workspace, '/workforce/employees')}
            aria-current={current === 'employees' ? 'page' : undefined}
          >
            {t('employer.workforce.employees.title')}
          </a>
        </li>
      </ul>
    </nav>
  );
}

/** One refused line of the invitation list: its number (from 1), what it said, and why. */
export interface InviteLineError {
  readonly line: number;
  readonly text: string;
  readonly reason: string;
}

/** `/employer/{slug}/workforce/employees`: everyone invited, by team; recruiters invite, move and remove. */
export function EmployeesPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly employees: readonly EmployeeView[];
  readonly invites?: string;
  readonly lineErrors?: readonly InviteLineError[];
  readonly message?: string | undefined;
  readonly error?: string | undefined;
}) {
  const { c, workspace, employees } = props;
  const t = c.get('t');
  const canChange = canEdit(workspace);
  const lineErrors = props.lineErrors ?? [];
  // By team as the list comes (team, then address); those without a team last.
  const teams = [...new Set(employees.map((employee) => employee.team))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b),
  );
  return (
    <EmployerLayout
      c={c}
      workspace={workspace}
      title={t('employer.workforce.employees.title')}
      message={props.message}
      error={props.error}
    >
      <WorkforceTabs c={c} workspace={workspace} current="employees" />
      <p class="lead">{t('employer.workforce.employees.lead')}</p>
      {canChange ? null : <p class="hint">{t('employer.workforce.employees.readOnly')}</p>}
      {employees.length === 0 ? <p data-employees-empty>{t('employer.workforce.employees.none')}</p> : null}
      {teams.map((team, group) => {
        const members = employees.filter((employee) => employee.team === team);
        return (
          <section aria-labelledby={`team-${group}`} data-team={team ?? ''}>
            <h2 id={`team-${group}`}>
              {team ?? t('employer.workforce.employees.noTeam')} <span class="muted">({members.length})</span>
            </h2>
            <div class="table-scroll">
              <table class="data stack">
                <thead>
                  <tr>
                    <th scope="col">{t('employer.workforce.employees.person')}</th>
                    <th scope="col">{t('employer.workforce.employees.status')}</th>
                    <th scope="col">{t('employer.workforce.employees.invitedOn')}</th>
                    {canChange ? <th scope="col">{t('employer.members.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {members.map((employee) => (
                    <tr data-employee={employee.email}>
                      <th scope="row" class="address">
                        {employee.name === null ? (
                          employee.email
                        ) : (
                          <>
                            {employee.name}
                            <br />
                            <span class="muted">{employee.email}</span>
                          </>
                        )}
                      </th>
                      <td data-label={t('employer.workforce.employees.status')} data-status={employee.status}>
                        {t(STATUS_LABELS[employee.status])}
                      </td>
                      <td data-label={t('employer.workforce.employees.invitedOn')}>
                        {t.date(employee.invitedAt)}
                      </td>
                      {canChange ? (
                        <td>
                          <PostForm
                            c={c}
                            action={employerPath(workspace, `/workforce/employees/${employee.id}/team`)}
                            class="inline"
                          >
                            <label class="visually-hidden" for={`team-of-${employee.id}`}>
                              {t('employer.workforce.employees.teamOf', { who: employeeName(employee) })}
                            </label>
                            <input
                              id={`team-of-${employee.id}`}
                              name="team"
                              type="text"
                              class="team-input"
                              maxlength={MAX_TEAM}
                              value={employee.team ?? ''}
                            />{' '}
                            <button type="submit" class="secondary">
                              {t('employer.workforce.employees.changeTeam')}
                            </button>
                          </PostForm>{' '}
                          <a
                            class="remove-link"
                            href={employerPath(workspace, `/workforce/employees/${employee.id}/remove`)}
                          >
                            {t('employer.workforce.employees.remove')}
                            <span class="visually-hidden"> {employeeName(employee)}</span>
                          </a>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      {canChange ? (
        <section aria-labelledby="invite-heading">
          <h2 id="invite-heading">{t('employer.workforce.invite.heading')}</h2>
          <PostForm c={c} action={employerPath(workspace, '/workforce/employees')} class="stack">
            <label for="invite-lines">{t('employer.workforce.invite.label')}</label>
            <p class="hint" id="invite-hint">
              {t('employer.workforce.invite.hint')}
            </p>
            {lineErrors.length === 0 ? null : (
              <ul class="error-box" id="invite-errors" data-invite-errors>
                {lineErrors.map((error) => (
                  <li data-line={error.line}>
                    {t('employer.workforce.invite.lineError', {
                      line: error.line,
                      text: error.text,
                      reason: error.reason,
                    })}
                  </li>
                ))}
              </ul>
            )}
            <textarea
              id="invite-lines"
              name="invites"
              rows={6}
              required
              maxlength={MAX_INVITE_TEXT}
              aria-describedby={lineErrors.length === 0 ? 'invite-hint' : 'invite-hint invite-errors'}
              aria-invalid={lineErrors.length === 0 ? undefined : 'true'}
            >
              {props.invites ?? ''}
            </textarea>
            <p>
              <button type="submit">{t('employer.workforce.invite.submit')}</button>
            </p>
          </PostForm>
        </section>
      ) : null}
    </EmployerLayout>
  );
}

/** `/employer/{slug}/workforce/employees/{id}/remove`: the confirmation, a page of its own (no script). */
export function RemoveEmployeePage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly employee: EmployeeView;
}) {
  const { c, workspace, employee } = props;
  const t = c.get('t');
  const back = employerPath(workspace, '/workforce/employees');
  return (
    <EmployerLayout
      c={c}
      workspace={workspace}
      title={t('employer.workforce.remove.title', { who: employeeName(employee) })}
    >
      <p>{t('employer.workforce.remove.text')}</p>
      <PostForm c={c} action={employerPath(workspace, `/workforce/employees/${employee.id}/remove`)}>
        <p>
          <button type="submit" class="danger">
            {t('employer.workforce.remove.confirm')}
          </button>{' '}
          <a href={back}>{t('employer.savedRoles.delete.cancel')}</a>
        </p>
      </PostForm>
    </EmployerLayout>
  );
}

/** A matrix cell: the newest proof's achievement (its page, when issued here) and issuer, or a dash. */
function MatrixCell(props: {
  readonly c: Context<WebEnv>;
  readonly skillId: string;
  readonly proof:
    | {
        readonly credentialKind: 'issued' | 'imported';
        readonly credentialId: string;
        readonly achievementName: string;
        readonly issuerName: string;
      }
    | undefined;
}) {
  const { proof } = props;
  const t = props.c.get('t');
  if (proof === undefined) {
    return (
      <td data-skill={props.skillId} data-proven="no">
        <span aria-hidden="true">—</span>
        <span class="visually-hidden">{t('employer.workforce.inventory.notProven')}</span>
      </td>
    );
  }
  return (
    <td data-skill={props.skillId} data-proven="yes">
      {proof.credentialKind === 'issued' ? (
        <a href={`/credentials/${proof.credentialId}`}>{proof.achievementName}</a>
      ) : (
        proof.achievementName
      )}
      <br />
      <span class="muted">{proof.issuerName}</span>
    </td>
  );
}

/**
 * `/employer/{slug}/workforce`: the verified skills matrix of the connected employees (of a team, when
 * chosen), and against a saved role each one's coverage and what would close the skills nobody proves.
 */
export function InventoryPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly inventory: WorkforceInventory;
  readonly roles: readonly SavedRole[];
  readonly filters: InventoryFilters;
}) {
  const { c, workspace, inventory, filters } = props;
  const t = c.get('t');
  const { role, gap } = inventory;
  const names = new Map(gap?.recommendations.map((item) => [item.achievementId, item.name]) ?? []);
  return (
    <EmployerLayout c={c} workspace={workspace} title={t('employer.workforce.inventory.title')}>
      <WorkforceTabs c={c} workspace={workspace} current="inventory" />
      <p class="lead">{t('employer.workforce.inventory.lead')}</p>
      <form method="get" action={employerPath(workspace, '/workforce')} class="filters">
        <div>
          <label for="inventory-team">{t('employer.workforce.filter.team')}</label>
          <select id="inventory-team" name="team">
            <option value="">{t('employer.workforce.filter.allTeams')}</option>
            {inventory.teams.map((team) => (
              <option value={team} selected={team === filters.team}>
                {team}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="inventory-role">{t('employer.workforce.filter.role')}</label>
          <select id="inventory-role" name="role">
            <option value="">{t('employer.workforce.filter.noRole')}</option>
            {props.roles.map((saved) => (
              <option value={saved.id} selected={saved.id === filters.role}>
                {saved.title}
              </option>
            ))}
          </select>
        </div>
        <div class="filter-actions">
          <button type="submit">{t('employer.workforce.filter.show')}</button>
        </div>
      </form>
      <p data-counts>
        {t('employer.workforce.inventory.counts', { people: inventory.people.length })}{' '}
        <span data-not-connected={inventory.notConnected}>
          {t('employer.workforce.inventory.notConnected', { count: inventory.notConnected })}
        </span>
      </p>
      {inventory.people.length === 0 ? (
        <p class="notice" data-matrix-empty>
          {t('employer.workforce.inventory.nobody')}{' '}
          <a href={employerPath(workspace, '/workforce/employees')}>
            {t('employer.workforce.invite.heading')}
          </a>
        </p>
      ) : inventory.skills.length === 0 ? (
        <p class="notice">{t('employer.workforce.inventory.noSkills')}</p>
      ) : (
        // Wider than a phone: the region scrolls on its own, and is focusable so a keyboard can scroll it.
        <section class="table-scroll matrix" tabindex={0} aria-labelledby="matrix-caption">
          <table class="data" data-matrix>
            <caption id="matrix-caption">
              {role === null
                ? t('employer.workforce.matrix.caption')
                : t('employer.workforce.matrix.captionRole', { title: role.title })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('employer.workforce.employees.person')}</th>
                {role === null ? null : <th scope="col">{t('employer.workforce.matrix.coverage')}</th>}
                {inventory.skills.map((skill) => (
                  <th scope="col" data-skill={skill.id}>
                    <SkillName skill={skill} />
                    {skill.role === null ? null : (
                      <span class="muted">
                        {' '}
                        ({t(skill.role.essential ? 'skill.essential' : 'skill.optional')}
                        {skill.role.required ? `, ${t('employer.workforce.matrix.mustProve')}` : ''})
                      </span>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {inventory.people.map((person) => (
                <tr data-employee={person.employee.email}>
                  <th scope="row">
                    {employeeName(person.employee)}
                    {person.employee.team === null ? null : (
                      <>
                        <br />
                        <span class="muted">{person.employee.team}</span>
                      </>
                    )}
                  </th>
                  {person.roleCoverage === null ? null : (
                    <td data-coverage>
                      {t('employer.workforce.matrix.coverageOf', {
                        held: person.roleCoverage.essentialHeld,
                        asked: person.roleCoverage.essentialAsked,
                      })}
                    </td>
                  )}
                  {inventory.skills.map((skill) => (
                    <MatrixCell c={c} skillId={skill.id} proof={person.skills.get(skill.id)?.[0]} />
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('employer.workforce.matrix.holders')}</th>
                {role === null ? null : <td></td>}
                {inventory.skills.map((skill) => (
                  <td data-holders={skill.id}>{skill.holders}</td>
                ))}
              </tr>
            </tfoot>
          </table>
        </section>
      )}
      {inventory.people.length === 0 ? null : (
        <p>
          <a href={inventoryPath(workspace, filters, '/workforce/inventory.csv')} download>
            {t('employer.workforce.inventory.csv')}
          </a>
        </p>
      )}
      {role === null || gap === null ? null : (
        <section aria-labelledby="inventory-gap">
          <h2 id="inventory-gap">{t('employer.workforce.gap.title', { title: role.title })}</h2>
          {gap.uncovered.length === 0 ? (
            <p class="notice">{t('employer.workforce.gap.none')}</p>
          ) : (
            <>
              <ul data-uncovered>
                {gap.uncovered.map((skill) => (
                  <li data-skill={skill.id}>
                    <SkillName skill={skill} />
                  </li>
                ))}
              </ul>
              <h3>{t('employer.workforce.gap.close')}</h3>
              {gap.recommendations.length === 0 && gap.pathways.length === 0 ? (
                <p>{t('employer.candidate.noRecommendations')}</p>
              ) : null}
              {gap.recommendations.length === 0 ? null : (
                <ul data-recommendations>
                  {gap.recommendations.map((item) => (
                    <RecommendationItem c={c} item={item} />
                  ))}
                </ul>
              )}
              <PathwayList c={c} pathways={gap.pathways} names={names} />
            </>
          )}
          <p>
            <a href={`${employerPath(workspace, '/workforce/candidates')}?role=${role.id}`}>
              {t('employer.savedRoles.internal')}
            </a>{' '}
            · <a href={rolePath(workspace, role)}>{t('employer.workforce.gap.rolePage')}</a>
          </p>
        </section>
      )}
      <p class="muted">
        <small>{t('skill.attribution')}</small>
      </p>
    </EmployerLayout>
  );
}

/** `/employer/{slug}/workforce/candidates?role=…`: the connected employees ranked for a saved role. */
export function InternalCandidatesPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly role: SavedRole;
  readonly teams: readonly string[];
  readonly team: string;
  readonly page: number;
  readonly result: TalentSearchResult;
}) {
  const { c, workspace, role, result, page } = props;
  const t = c.get('t');
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const first = (page - 1) * PAGE_SIZE;
  const pageHref = (to: number) => {
    const params = new URLSearchParams({ role: role.id });
    if (props.team !== '') params.set('team', props.team);
    if (to > 1) params.set('page', String(to));
    return `${employerPath(workspace, '/workforce/candidates')}?${params.toString()}`;
  };
  return (
    <EmployerLayout
      c={c}
      workspace={workspace}
      title={t('employer.workforce.candidates.title', { title: role.title })}
      before={
        <p>
          <a href={rolePath(workspace, role)}>{t('employer.savedRoles.backTo', { title: role.title })}</a>
        </p>
      }
    >
      <form method="get" action={employerPath(workspace, '/workforce/candidates')} class="filters">
        <input type="hidden" name="role" value={role.id} />
        <div>
          <label for="candidates-team">{t('employer.workforce.filter.team')}</label>
          <select id="candidates-team" name="team">
            <option value="">{t('employer.workforce.filter.allTeams')}</option>
            {props.teams.map((team) => (
              <option value={team} selected={team === props.team}>
                {team}
              </option>
            ))}
          </select>
        </div>
        <div class="filter-actions">
          <button type="submit">{t('employer.workforce.filter.show')}</button>
        </div>
      </form>
      <p class="lead" data-total={result.total}>
        {result.total === 0
          ? t('employer.workforce.candidates.none')
          : t('employer.workforce.candidates.count', {
              total: result.total,
              from: Math.min(first + 1, result.total),
              to: Math.min(first + result.candidates.length, result.total),
            })}
      </p>
      <CandidateList c={c} candidates={result.candidates} first={first} />
      <Pager c={c} page={page} pages={pages} href={pageHref} />
    </EmployerLayout>
  );
}

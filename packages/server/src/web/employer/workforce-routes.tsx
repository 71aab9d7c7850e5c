import type { Context, Hono } from 'hono';
import { resourceNotFound } from '../../domain/auth/resource-not-found.js';
import { authorizeEmployer } from '../../domain/employer/employer-access.js';
import { EmployeeInvitesSchema } from '../../domain/workforce/employees.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import type { Translator } from '../../i18n/translate.js';
import { inventoryCsv } from '../../presenters/inventory-csv.js';
import { correctableMessage } from '../shared/user-message.js';
import { formField, readForm } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { employerPath, employerWorkspace } from './employer-context.js';
import { doneNote, UUID } from './saved-role-routes.js';
import { PAGE_SIZE } from './talent-pages.js';
import {
  EmployeesPage,
  InternalCandidatesPage,
  type InventoryFilters,
  InventoryPage,
  type InviteLineError,
  MAX_INVITE_TEXT,
  MAX_TEAM,
  RemoveEmployeePage,
} from './workforce-pages.js';

const EMPLOYEES_DONE = {
  invited: 'employer.workforce.done.invited',
  team: 'employer.workforce.done.team',
  removed: 'employer.workforce.done.removed',
} as const satisfies Record<string, MessageKey>;

// As many as one invitation takes (EmployeeInvitesSchema).
const MAX_INVITE_LINES = 500;
const MAX_PAGE = 500;
// The domain's own rule for one line, so that the page refuses exactly what the use case would.
const InviteLineSchema = EmployeeInvitesSchema.shape.employees.element;

/**
 * The invitation list as typed: one person a line, `email, team` (a semicolon or a tab, as a spreadsheet
 * pastes, also separates); blank lines are skipped. Every bad line is named, so that all are fixed at once.
 */
export function readInviteLines(
  text: string,
  t: Translator,
): { readonly invites: { email: string; team: string | null }[]; readonly errors: InviteLineError[] } {
  const invites: { email: string; team: string | null }[] = [];
  const errors: InviteLineError[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const split = line.search(/[,;\t]/);
    const email = (split < 0 ? line : line.slice(0, split)).trim();
    const team = split < 0 ? '' : line.slice(split + 1).trim();
    const parsed = InviteLineSchema.safeParse({ email, team });
    if (parsed.success) {
      invites.push({ email: parsed.data.email, team: parsed.data.team });
      return;
    }
    const badTeam = parsed.error.issues.every((issue) => issue.path[0] === 'team');
    errors.push({
      line: index + 1,
      text: line,
      reason: badTeam
        ? t('employer.workforce.invite.longTeam', { max: MAX_TEAM })
        : t('employer.workforce.invite.badEmail'),
    });
  });
  return { invites, errors };
}

/** The inventory's filters from the address: a role that is not a UUID is no role of this employer. */
function readFilters(c: Context<WebEnv>): InventoryFilters {
  const filters = { team: (c.req.query('team') ?? '').trim(), role: (c.req.query('role') ?? '').trim() };
  if (filters.role !== '' && !UUID.test(filters.role)) throw resourceNotFound('role');
  return filters;
}

function inventoryQuery(filters: InventoryFilters) {
  return {
    ...(filters.team === '' ? {} : { team: filters.team }),
    ...(filters.role === '' ? {} : { roleId: filters.role }),
  };
}

/**
 * `/employer/{slug}/workforce`: the verified skills inventory of the employer's connected employees (and
 * its CSV), `/workforce/employees` (invite several at once, move between teams, remove) and
 * `/workforce/candidates?role=…` (internal candidates for a saved role). Every member reads; recruiters and
 * owners change: the use cases refuse anyone else.
 */
export function mountWorkforceRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/employer/:slug/workforce', async (c) => {
    const { actor, workspace } = employerWorkspace(c);
    const filters = readFilters(c);
    const [inventory, roles] = await Promise.all([
      platform.workforce.inventory(actor, workspace.employerId, inventoryQuery(filters)),
      platform.savedRoles.list(actor, workspace.employerId),
    ]);
    return c.html(
      <InventoryPage c={c} workspace={workspace} inventory={inventory} roles={roles} filters={filters} />,
    );
  });

  web.get('/employer/:slug/workforce/inventory.csv', async (c) => {
    const { actor, workspace } = employerWorkspace(c);
    const inventory = await platform.workforce.inventory(
      actor,
      workspace.employerId,
      inventoryQuery(readFilters(c)),
    );
    c.header('Content-Type', 'text/csv; charset=utf-8; header=present');
    c.header('Content-Disposition', `attachment; filename="${workspace.slug}-skills-inventory.csv"`);
    return c.body(inventoryCsv(inventory));
  });

  async function renderEmployees(
    c: Context<WebEnv>,
    refused?: {
      readonly message: string;
      readonly invites: string;
      readonly lineErrors?: readonly InviteLineError[];
    },
  ) {
    const { actor, workspace } = employerWorkspace(c);
    const employees = await platform.workforce.employees(actor, workspace.employerId);
    return c.html(
      <EmployeesPage
        c={c}
        workspace={workspace}
        employees={employees}
        {...(refused === undefined ? {} : { invites: refused.invites, lineErrors: refused.lineErrors ?? [] })}
        message={refused === undefined ? doneNote(c, EMPLOYEES_DONE) : undefined}
        error={refused?.message}
      />,
      refused === undefined ? 200 : 400,
    );
  }

  const employeesDone = (c: Context<WebEnv>, what: keyof typeof EMPLOYEES_DONE) =>
    c.redirect(`${employerPath(employerWorkspace(c).workspace, '/workforce/employees')}?done=${what}`, 303);

  /** The employee a row names, among this employer's (NOT_FOUND for anyone else's). */
  async function employeeOf(c: Context<WebEnv>) {
    const { actor, workspace } = employerWorkspace(c);
    const id = c.req.param('employeeId') ?? '';
    if (!UUID.test(id)) throw resourceNotFound('employee');
    const employee = (await platform.workforce.employees(actor, workspace.employerId)).find(
      (candidate) => candidate.id === id,
    );
    if (employee === undefined) throw resourceNotFound('employee');
    return { actor, workspace, employee };
  }

  web.get('/employer/:slug/workforce/employees', (c) => renderEmployees(c));

  web.post('/employer/:slug/workforce/employees', async (c) => {
    const { actor, workspace } = employerWorkspace(c);
    // A viewer is refused before reading what they sent (403), as the use case would.
    authorizeEmployer(actor, workspace.employerId, 'recruiter');
    const t = c.get('t');
    const text = formField(await readForm(c), 'invites');
    if (text.length > MAX_INVITE_TEXT) {
      return renderEmployees(c, {
        message: t('employer.workforce.invite.tooLong', { max: MAX_INVITE_TEXT }),
        invites: '',
      });
    }
    const { invites, errors } = readInviteLines(text, t);
    // Nothing is invited while a line is wrong: the list comes back to be corrected, then sent whole.
    if (errors.length > 0) {
      return renderEmployees(c, {
        message: t('employer.workforce.invite.refused', { count: errors.length }),
        invites: text,
        lineErrors: errors,
      });
    }
    if (invites.length === 0)
      return renderEmployees(c, { message: t('employer.workforce.invite.empty'), invites: text });
    if (invites.length > MAX_INVITE_LINES) {
      return renderEmployees(c, {
        message: t('employer.workforce.invite.tooMany', { max: MAX_INVITE_LINES }),
        invites: text,
      });
    }
    try {
      await platform.workforce.invite(
        actor,
        workspace.employerId,
        { employees: invites },
        { locale: t.locale },
      );
    } catch (error) {
      const message = correctableMessage(error, t);
      if (message === null) throw error;
      return renderEmployees(c, { message, invites: text });
    }
    return employeesDone(c, 'invited');
  });

  web.post('/employer/:slug/workforce/employees/:employeeId/team', async (c) => {
    const { actor, workspace, employee } = await employeeOf(c);
    const team = formField(await readForm(c), 'team');
    try {
      await platform.workforce.setTeam(actor, workspace.employerId, employee.id, { team });
    } catch (error) {
      const message = correctableMessage(error, c.get('t'));
      if (message === null) throw error;
      return renderEmployees(c, { message, invites: '' });
    }
    return employeesDone(c, 'team');
  });

  web.get('/employer/:slug/workforce/employees/:employeeId/remove', async (c) => {
    const { actor, workspace, employee } = await employeeOf(c);
    authorizeEmployer(actor, workspace.employerId, 'recruiter');
    return c.html(<RemoveEmployeePage c={c} workspace={workspace} employee={employee} />);
  });

  web.post('/employer/:slug/workforce/employees/:employeeId/remove', async (c) => {
    const { actor, workspace, employee } = await employeeOf(c);
    await readForm(c);
    await platform.workforce.remove(actor, workspace.employerId, employee.id);
    return employeesDone(c, 'removed');
  });

  web.get('/employer/:slug/workforce/candidates', async (c) => {
    const { actor, workspace } = employerWorkspace(c);
    const roleId = (c.req.query('role') ?? '').trim();
    // No role chosen: the roles to choose one from.
    if (roleId === '') return c.redirect(employerPath(workspace, '/roles'), 303);
    if (!UUID.test(roleId)) throw resourceNotFound('role');
    const team = (c.req.query('team') ?? '').trim();
    const asked = Number.parseInt(c.req.query('page') ?? '', 10);
    const page = Number.isSafeInteger(asked) && asked >= 1 ? Math.min(asked, MAX_PAGE) : 1;
    const [role, result, employees] = await Promise.all([
      platform.savedRoles.get(actor, workspace.employerId, roleId),
      platform.workforce.internalCandidates(actor, workspace.employerId, roleId, {
        ...(team === '' ? {} : { team }),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
      platform.workforce.employees(actor, workspace.employerId),
    ]);
    const teams = [
      ...new Set(employees.flatMap((employee) => (employee.team === null ? [] : [employee.team]))),
    ].sort((a, b) => a.localeCompare(b));
    return c.html(
      <InternalCandidatesPage
        c={c}
        workspace={workspace}
        role={role}
        teams={teams}
        team={team}
        page={page}
        result={result}
      />,
    );
  });
}

import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import { employeeInvitationMail } from '../earner/earner-mails.js';
import { authorizeEmployer } from '../employer/employer-access.js';
import { normalizeEmail } from '../identity/normalize-email.js';
import { verifiedAddressesOf } from '../identity/verified-addresses.js';
import type { PlatformContext } from '../platform-context.js';
import { type Employee, type EmployeeStatus, type Employer, employeeStatus } from '../ports/index.js';
import { assertOwnCredentials } from '../talent/talent-consents.js';
import { refreshTalentEvidence } from '../talent/talent-evidence.js';

const MAX_INVITES = 500;
const MAX_CHOSEN_CREDENTIALS = 500;

const TeamSchema = z
  .string()
  .trim()
  .max(100)
  .nullable()
  .transform((team) => (team === null || team === '' ? null : team));

export const EmployeeInvitesSchema = z.strictObject({
  employees: z
    .array(z.strictObject({ email: z.email().max(320), team: TeamSchema.default(null) }))
    .min(1)
    .max(MAX_INVITES),
});

export const EmployeeTeamSchema = z.strictObject({ team: TeamSchema });

export const ConnectionInputSchema = z.strictObject({
  /** Null: every credential the employee holds, now and later. */
  credentialIds: z.array(z.uuid()).min(1).max(MAX_CHOSEN_CREDENTIALS).nullable(),
});

/** An employee as the employer sees them: the earner's display name only once they connected. */
export interface EmployeeView extends Employee {
  readonly status: EmployeeStatus;
  readonly name: string | null;
}

/** Employees as the employer sees them, with the connected ones' names read in one query. */
async function viewsOf(context: PlatformContext, employees: readonly Employee[]): Promise<EmployeeView[]> {
  const ids = employees.flatMap((employee) => (employee.earnerId === null ? [] : [employee.earnerId]));
  const names = new Map(
    (await context.storage.earners.findByIds({ ids })).map((earner) => [earner.id, earner.displayName]),
  );
  return employees.map((employee) => ({
    ...employee,
    status: employeeStatus(employee),
    name: employee.earnerId === null ? null : (names.get(employee.earnerId) ?? null),
  }));
}

async function viewOf(context: PlatformContext, employee: Employee): Promise<EmployeeView> {
  const [view] = await viewsOf(context, [employee]);
  return view as EmployeeView;
}

/**
 * Invites people by address to connect their portfolio (recruiters and owners). Each gets a mail; an
 * address already invited keeps its connection and takes the new team; one that declined is asked again.
 */
export async function inviteEmployees(
  context: PlatformContext,
  actor: Actor,
  employerId: string,
  raw: z.input<typeof EmployeeInvitesSchema>,
  options: { readonly locale: string } = { locale: 'en' },
): Promise<EmployeeView[]> {
  authorizeEmployer(actor, employerId, 'recruiter');
  const input = EmployeeInvitesSchema.parse(raw);
  const employer = await context.storage.employers.findById({ id: employerId });
  if (employer === null) throw resourceNotFound('employer');
  const invites = new Map(input.employees.map((item) => [normalizeEmail(item.email), item.team]));
  const invited = await context.storage.transaction(async (repositories) => {
    const employees: Employee[] = [];
    for (const [email, team] of invites) {
      const employee = await repositories.employees.invite({
        employerId,
        email,
        team,
        invitedBy: actor.label ?? null,
      });
      employees.push(employee);
      if (employee.earnerId === null) {
        await repositories.mailOutbox.enqueue([
          employeeInvitationMail({
            to: email,
            locale: options.locale,
            employerName: employer.name,
            link: `${context.publicUrl}/account/sharing#workforce`,
          }),
        ]);
      }
    }
    return employees;
  });
  return viewsOf(context, invited);
}

/** Everyone invited, by team then address (viewers and up). */
export async function listEmployees(
  context: PlatformContext,
  actor: Actor,
  employerId: string,
): Promise<EmployeeView[]> {
  authorizeEmployer(actor, employerId, 'viewer');
  return viewsOf(context, await context.storage.employees.list({ employerId }));
}

export async function setEmployeeTeam(
  context: PlatformContext,
  actor: Actor,
  employerId: string,
  employeeId: string,
  raw: z.input<typeof EmployeeTeamSchema>,
): Promise<EmployeeView> {
  authorizeEmployer(actor, employerId, 'recruiter');
  const input = EmployeeTeamSchema.parse(raw);
  const employee = await context.storage.employees.setTeam({ employerId, id: employeeId, team: input.team });
  if (employee === null) throw resourceNotFound('employee');
  return viewOf(context, employee);
}

/** Removes someone from the inventory; their portfolio stops being read at once. */
export async function removeEmployee(
  context: PlatformContext,
  actor: Actor,
  employerId: string,
  employeeId: string,
): Promise<void> {
  authorizeEmployer(actor, employerId, 'recruiter');
  if (!(await context.storage.employees.remove({ employerId, id: employeeId }))) {
    throw resourceNotFound('employee');
  }
}

/** An invitation or connection as the earner sees it. */
export interface WorkforceInvitation extends Employee {
  readonly status: EmployeeStatus;
  readonly employer: Employer;
}

/**
 * The employers that invited one of the earner's verified addresses, and those the earner is connected
 * to: what each one sees, and the way to change it.
 */
export async function listWorkforceInvitations(
  context: PlatformContext,
  earnerId: string,
): Promise<WorkforceInvitation[]> {
  const employees = await context.storage.employees.listOf({
    earnerId,
    emails: await verifiedAddressesOf(context, earnerId),
  });
  const invitations: WorkforceInvitation[] = [];
  for (const employee of employees) {
    // Connected to someone else (an address that changed hands): not this earner's to answer.
    if (employee.earnerId !== null && employee.earnerId !== earnerId) continue;
    const employer = await context.storage.employers.findById({ id: employee.employerId });
    if (employer !== null) invitations.push({ ...employee, status: employeeStatus(employee), employer });
  }
  return invitations.sort((a, b) => a.employer.name.localeCompare(b.employer.name));
}

/** The invitation if it is this earner's to answer: sent to one of their verified addresses, or theirs. */
async function ownInvitation(
  context: PlatformContext,
  earnerId: string,
  employeeId: string,
): Promise<Employee> {
  const employee = await context.storage.employees.findById({ id: employeeId });
  if (employee === null) throw resourceNotFound('invitation');
  if (employee.earnerId === earnerId) return employee;
  if (employee.earnerId === null && (await verifiedAddressesOf(context, earnerId)).includes(employee.email)) {
    return employee;
  }
  throw resourceNotFound('invitation');
}

/**
 * Accepts an invitation (or changes what a connection shows): the employer's inventory counts the
 * credentials chosen (all, now and later, when null), only the earner's own accepted ones.
 */
export async function connectToEmployer(
  context: PlatformContext,
  earnerId: string,
  employeeId: string,
  raw: z.input<typeof ConnectionInputSchema>,
): Promise<WorkforceInvitation> {
  const input = ConnectionInputSchema.parse(raw);
  await ownInvitation(context, earnerId, employeeId);
  if (input.credentialIds !== null) await assertOwnCredentials(context, earnerId, input.credentialIds);
  // Evidence exists for every earner who changed their portfolio since it was introduced; make sure.
  await refreshTalentEvidence(context, earnerId);
  const employee = await context.storage.employees.connect({
    id: employeeId,
    earnerId,
    credentialIds: input.credentialIds === null ? null : [...new Set(input.credentialIds)],
  });
  const employer = await context.storage.employers.findById({ id: employee.employerId });
  if (employer === null) throw resourceNotFound('invitation');
  return { ...employee, status: employeeStatus(employee), employer };
}

/** Declines an invitation or disconnects: the employer sees nothing of the earner from this instant. */
export async function declineEmployer(
  context: PlatformContext,
  earnerId: string,
  employeeId: string,
): Promise<WorkforceInvitation> {
  await ownInvitation(context, earnerId, employeeId);
  const employee = await context.storage.employees.decline({ id: employeeId });
  const employer = await context.storage.employers.findById({ id: employee.employerId });
  if (employer === null) throw resourceNotFound('invitation');
  return { ...employee, status: employeeStatus(employee), employer };
}

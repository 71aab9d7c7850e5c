import type { Context, Hono } from 'hono';
import { resourceNotFound } from '../../domain/auth/resource-not-found.js';
import { EmployerMemberInputSchema } from '../../domain/employer/manage-employers.js';
import { isServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import { normalizeEmail } from '../../domain/identity/normalize-email.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { doneNote } from '../shared/done-note.js';
import { correctableMessage } from '../shared/user-message.js';
import { formField, readForm } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { employerPath, employerWorkspace } from './employer-context.js';
import { ApiKeyCreatedPage, ApiKeysPage, MembersPage } from './team-pages.js';

const MEMBERS_DONE = {
  invited: 'employer.members.invited',
  role: 'employer.members.roleChanged',
  removed: 'employer.members.removed',
} as const satisfies Record<string, MessageKey>;

const KEYS_DONE = { revoked: 'employer.apiKeys.revoked' } as const satisfies Record<string, MessageKey>;

interface Refusal {
  readonly status: 400 | 409;
  readonly message: string;
}

/**
 * What the person can correct on the form (bad input, the last owner kept): shown on it. A role that may
 * not act, another employer, a fault, go on to the error pages (403, 404, 500).
 */
function refusal(c: Context<WebEnv>, error: unknown): Refusal {
  const message = correctableMessage(error, c.get('t'));
  if (message === null) throw error;
  return { status: isServerError(error) && error.code === ServerErrorCode.CONFLICT ? 409 : 400, message };
}

/**
 * `/employer/{slug}/members` (every member reads; owners invite, change roles, remove; the last owner
 * stays) and `/employer/{slug}/api-keys` (owners only: the use cases refuse anyone else).
 */
export function mountTeamRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  async function renderMembers(
    c: Context<WebEnv>,
    refused?: Refusal & { readonly values?: Readonly<Record<string, string>> },
  ) {
    const { actor, workspace } = employerWorkspace(c);
    const members = await platform.employers.members(actor, workspace.employerId);
    return c.html(
      <MembersPage
        c={c}
        workspace={workspace}
        members={members}
        {...(refused?.values === undefined ? {} : { values: refused.values })}
        message={refused === undefined ? doneNote(c, MEMBERS_DONE) : undefined}
        error={refused?.message}
      />,
      refused?.status ?? 200,
    );
  }

  const membersDone = (c: Context<WebEnv>, what: keyof typeof MEMBERS_DONE) =>
    c.redirect(`${employerPath(employerWorkspace(c).workspace, '/members')}?done=${what}`, 303);

  /** The member a row's form names, among this employer's (NOT_FOUND for anyone else). */
  async function memberOf(c: Context<WebEnv>, email: string) {
    const { actor, workspace } = employerWorkspace(c);
    const members = await platform.employers.members(actor, workspace.employerId);
    const member = members.find((candidate) => candidate.email === normalizeEmail(email));
    if (member === undefined) throw resourceNotFound('member');
    return { actor, workspace, member };
  }

  web.get('/employer/:slug/members', (c) => renderMembers(c));

  web.post('/employer/:slug/members', async (c) => {
    const { actor, workspace } = employerWorkspace(c);
    const form = await readForm(c);
    const values = { email: formField(form, 'email').trim(), role: formField(form, 'role') };
    try {
      await platform.employers.invite(
        actor,
        workspace.employerId,
        { email: values.email, role: EmployerMemberInputSchema.shape.role.parse(values.role) },
        { locale: c.get('t').locale },
      );
    } catch (error) {
      return renderMembers(c, { ...refusal(c, error), values });
    }
    return membersDone(c, 'invited');
  });

  web.post('/employer/:slug/members/role', async (c) => {
    const form = await readForm(c);
    const { actor, workspace, member } = await memberOf(c, formField(form, 'email'));
    try {
      await platform.employers.invite(
        actor,
        workspace.employerId,
        { email: member.email, role: EmployerMemberInputSchema.shape.role.parse(formField(form, 'role')) },
        { locale: c.get('t').locale, mail: false },
      );
    } catch (error) {
      return renderMembers(c, refusal(c, error));
    }
    return membersDone(c, 'role');
  });

  web.post('/employer/:slug/members/remove', async (c) => {
    const form = await readForm(c);
    const { actor, workspace, member } = await memberOf(c, formField(form, 'email'));
    try {
      await platform.employers.removeMember(actor, workspace.employerId, member.email);
    } catch (error) {
      return renderMembers(c, refusal(c, error));
    }
    return membersDone(c, 'removed');
  });

  async function renderKeys(
    c: Context<WebEnv>,
    refused?: Refusal & { readonly values: Readonly<Record<string, string>> },
  ) {
    const { actor, workspace } = employerWorkspace(c);
    const keys = await platform.employers.apiKeys(actor, workspace.employerId);
    return c.html(
      <ApiKeysPage
        c={c}
        workspace={workspace}
        keys={keys}
        {...(refused === undefined ? {} : { values: refused.values })}
        message={refused === undefined ? doneNote(c, KEYS_DONE) : undefined}
        error={refused?.message}
      />,
      refused?.status ?? 200,
    );
  }

  web.get('/employer/:slug/api-keys', (c) => renderKeys(c));

  web.post('/employer/:slug/api-keys', async (c) => {
    const { actor, workspace } = employerWorkspace(c);
    const form = await readForm(c);
    const values = { name: formField(form, 'name').trim() };
    try {
      const created = await platform.employers.createApiKey(actor, workspace.employerId, values);
      // Answered here rather than after a redirect: the token exists only in this response.
      return c.html(
        <ApiKeyCreatedPage c={c} workspace={workspace} name={created.apiKey.name} token={created.token} />,
        201,
      );
    } catch (error) {
      return renderKeys(c, { ...refusal(c, error), values });
    }
  });

  web.post('/employer/:slug/api-keys/:keyId/revoke', async (c) => {
    const { actor, workspace } = employerWorkspace(c);
    await readForm(c);
    await platform.employers.revokeApiKey(actor, workspace.employerId, c.req.param('keyId'));
    return c.redirect(`${employerPath(workspace, '/api-keys')}?done=revoked`, 303);
  });
}

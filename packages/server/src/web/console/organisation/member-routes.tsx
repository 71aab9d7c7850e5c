import type { Context, Hono } from 'hono';
import { resourceNotFound } from '../../../domain/auth/resource-not-found.js';
import { MemberInputSchema } from '../../../domain/issuer/manage-members.js';
import type { MessageKey } from '../../../i18n/messages/en.js';
import { formField, readForm } from '../../shared/web-context.js';
import type { WebDeps, WebEnv } from '../../shared/web-env.js';
import { consolePath, consoleWorkspace } from '../console-context.js';
import { type FormRefusal, formRefusal } from './form-refusal.js';
import { MembersPage } from './member-pages.js';
import { doneNote } from './organisation-layout.js';

const DONE = {
  invited: 'console.organisation.members.invited',
  role: 'console.organisation.members.roleChanged',
  removed: 'console.organisation.members.removed',
} as const satisfies Record<string, MessageKey>;

/**
 * `/console/{slug}/organisation/members`: every member sees who works for the issuer; inviting, changing
 * a role and removing go through the members use cases, which allow them to owners only and keep the
 * last owner.
 */
export function mountMemberRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  async function render(
    c: Context<WebEnv>,
    refused?: FormRefusal & { readonly values?: Readonly<Record<string, string>> },
  ) {
    const { actor, workspace } = consoleWorkspace(c);
    const members = await platform.members.list(actor, workspace.issuerId);
    return c.html(
      <MembersPage
        c={c}
        workspace={workspace}
        members={members}
        {...(refused?.values === undefined ? {} : { values: refused.values })}
        message={refused === undefined ? doneNote(c, DONE) : undefined}
        error={refused?.message}
      />,
      refused?.status ?? 200,
    );
  }

  const done = (c: Context<WebEnv>, what: keyof typeof DONE) =>
    c.redirect(`${consolePath(consoleWorkspace(c).workspace, '/organisation/members')}?done=${what}`, 303);

  /** The member a row's form names, found among this issuer's (NOT_FOUND for anyone else). */
  async function memberOf(c: Context<WebEnv>) {
    const { actor, workspace } = consoleWorkspace(c);
    const members = await platform.members.list(actor, workspace.issuerId);
    const member = members.find((candidate) => candidate.userId === c.req.param('userId'));
    if (member === undefined) throw resourceNotFound('member');
    return { actor, workspace, member };
  }

  web.get('/console/:slug/organisation/members', (c) => render(c));

  web.post('/console/:slug/organisation/members', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    const form = await readForm(c);
    const values = {
      email: formField(form, 'email').trim(),
      name: formField(form, 'name').trim(),
      role: formField(form, 'role'),
    };
    try {
      await platform.members.invite(
        actor,
        workspace.issuerId,
        {
          email: values.email,
          role: MemberInputSchema.shape.role.parse(values.role),
          ...(values.name === '' ? {} : { name: values.name }),
        },
        { locale: c.get('t').locale },
      );
    } catch (error) {
      return render(c, { ...formRefusal(error, c.get('t')), values });
    }
    return done(c, 'invited');
  });

  web.post('/console/:slug/organisation/members/:userId/role', async (c) => {
    const form = await readForm(c);
    const { actor, workspace, member } = await memberOf(c);
    try {
      await platform.members.add(actor, workspace.issuerId, {
        email: member.email,
        role: MemberInputSchema.shape.role.parse(formField(form, 'role')),
      });
    } catch (error) {
      return render(c, formRefusal(error, c.get('t')));
    }
    return done(c, 'role');
  });

  web.post('/console/:slug/organisation/members/:userId/remove', async (c) => {
    await readForm(c);
    const { actor, workspace, member } = await memberOf(c);
    try {
      await platform.members.remove(actor, workspace.issuerId, member.userId);
    } catch (error) {
      return render(c, formRefusal(error, c.get('t')));
    }
    return done(c, 'removed');
  });
}

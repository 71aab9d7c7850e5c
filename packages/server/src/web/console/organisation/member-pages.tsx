import type { Context } from 'hono';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import type { Member } from '../../../domain/issuer/manage-members.js';
import { MEMBERSHIP_ROLES, type MembershipRole } from '../../../domain/ports/index.js';
import type { MessageKey } from '../../../i18n/messages/en.js';
import { PostForm } from '../../shared/layout.js';
import type { WebEnv } from '../../shared/web-env.js';
import { consolePath } from '../console-context.js';
import { OrganisationLayout } from './organisation-layout.js';

export const ROLE_LABELS = {
  owner: 'console.role.owner',
  issuer: 'console.role.issuer',
  viewer: 'console.role.viewer',
} as const satisfies Record<MembershipRole, MessageKey>;

/** A role picker with the roles in the domain's order. */
export function RoleSelect(props: {
  readonly c: Context<WebEnv>;
  readonly id: string;
  readonly selected: string;
}) {
  const t = props.c.get('t');
  return (
    <select id={props.id} name="role">
      {MEMBERSHIP_ROLES.map((role) => (
        <option value={role} selected={role === props.selected}>
          {t(ROLE_LABELS[role])}
        </option>
      ))}
    </select>
  );
}

/** `/console/{slug}/organisation/members`: who works for the issuer; owners invite, change roles, remove. */
export function MembersPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly members: readonly Member[];
  readonly values?: Readonly<Record<string, string>>;
  readonly message?: string | undefined;
  readonly error?: string | undefined;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  const owner = workspace.role === 'owner';
  const value = (name: string) => props.values?.[name] ?? '';
  const memberPath = (member: Member, action: string) =>
    consolePath(workspace, `/organisation/members/${member.userId}/${action}`);
  return (
    <OrganisationLayout
      c={c}
      workspace={workspace}
      title={t('console.organisation.members.title', { name: workspace.name })}
      message={props.message}
      error={props.error}
    >
      <p>{t('console.organisation.members.lead')}</p>
      <div class="table-scroll">
        <table class="data stack">
          <thead>
            <tr>
              <th scope="col">{t('console.organisation.members.email')}</th>
              <th scope="col">{t('console.organisation.members.name')}</th>
              <th scope="col">{t('console.organisation.members.role')}</th>
              <th scope="col">{t('console.organisation.members.since')}</th>
              {owner ? <th scope="col">{t('console.organisation.members.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.members.map((member) => (
              <tr data-member={member.email}>
                <th scope="row" class="address">
                  {member.email}
                </th>
                <td data-label={t('console.organisation.members.name')}>{member.name ?? ''}</td>
                <td data-label={t('console.organisation.members.role')} data-role={member.role}>
                  {t(ROLE_LABELS[member.role])}
                </td>
                <td data-label={t('console.organisation.members.since')}>{t.date(member.since)}</td>
                {owner ? (
                  <td>
                    <PostForm c={c} action={memberPath(member, 'role')} class="inline">
                      <label class="visually-hidden" for={`role-${member.userId}`}>
                        {t('console.organisation.members.roleOf', { email: member.email })}
                      </label>
                      <RoleSelect c={c} id={`role-${member.userId}`} selected={member.role} />{' '}
                      <button type="submit" class="secondary">
                        {t('console.organisation.members.changeRole')}
                      </button>
                    </PostForm>{' '}
                    <PostForm
                      c={c}
                      action={memberPath(member, 'remove')}
                      class="inline"
                      confirm={t('console.organisation.members.confirmRemove', { email: member.email })}
                    >
                      <button
                        type="submit"
                        class="danger"
                        aria-label={`${t('console.organisation.members.remove')} ${member.email}`}
                      >
                        {t('console.organisation.members.remove')}
                      </button>
                    </PostForm>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {owner ? (
        <section aria-labelledby="invite-heading">
          <h2 id="invite-heading">{t('console.organisation.members.inviteHeading')}</h2>
          <p class="hint">{t('console.organisation.members.inviteHint')}</p>
          <PostForm c={c} action={consolePath(workspace, '/organisation/members')} class="stack">
            <label for="invite-email">{t('console.organisation.members.email')}</label>
            <input
              id="invite-email"
              name="email"
              type="email"
              required
              maxlength={320}
              value={value('email')}
            />
            <label for="invite-name">{t('console.organisation.members.inviteName')}</label>
            <input id="invite-name" name="name" type="text" maxlength={200} value={value('name')} />
            <label for="invite-role">{t('console.organisation.members.role')}</label>
            <RoleSelect c={c} id="invite-role" selected={value('role') || 'viewer'} />
            <p>
              <button type="submit">{t('console.organisation.members.invite')}</button>
            </p>
          </PostForm>
        </section>
      ) : null}
    </OrganisationLayout>
  );
}

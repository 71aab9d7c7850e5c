import type { Context } from 'hono';
import type { EmployerWorkspace } from '../../domain/employer/employer-access.js';
import { type ApiKey, EMPLOYER_ROLES, type EmployerMember } from '../../domain/ports/index.js';
import { PostForm } from '../shared/layout.js';
import type { WebEnv } from '../shared/web-env.js';
import { employerPath } from './employer-context.js';
import { EMPLOYER_ROLE_LABELS, EmployerLayout } from './employer-layout.js';

function RoleSelect(props: { readonly c: Context<WebEnv>; readonly id: string; readonly selected: string }) {
  const t = props.c.get('t');
  return (
    <select id={props.id} name="role">
      {EMPLOYER_ROLES.map((role) => (
        <option value={role} selected={role === props.selected}>
          {t(EMPLOYER_ROLE_LABELS[role])}
        </option>
      ))}
    </select>
  );
}

/** `/employer/{slug}/members`: who works for the employer; owners invite, change roles and remove. */
export function MembersPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly members: readonly EmployerMember[];
  readonly values?: Readonly<Record<string, string>>;
  readonly message?: string | undefined;
  readonly error?: string | undefined;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  const owner = workspace.role === 'owner';
  const value = (name: string) => props.values?.[name] ?? '';
  return (
    <EmployerLayout
      c={c}
      workspace={workspace}
      title={t('employer.members.title', { name: workspace.name })}
      message={props.message}
      error={props.error}
    >
      <p>{t('employer.members.lead')}</p>
      {owner ? null : <p class="hint">{t('employer.members.readOnly')}</p>}
      <div class="table-scroll">
        <table class="data stack">
          <thead>
            <tr>
              <th scope="col">{t('employer.members.email')}</th>
              <th scope="col">{t('employer.members.role')}</th>
              <th scope="col">{t('employer.members.since')}</th>
              {owner ? <th scope="col">{t('employer.members.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.members.map((member, index) => (
              <tr data-member={member.email}>
                <th scope="row" class="address">
                  {member.email}
                </th>
                <td data-label={t('employer.members.role')} data-role={member.role}>
                  {t(EMPLOYER_ROLE_LABELS[member.role])}
                </td>
                <td data-label={t('employer.members.since')}>{t.date(member.createdAt)}</td>
                {owner ? (
                  <td>
                    <PostForm c={c} action={employerPath(workspace, '/members/role')} class="inline">
                      <input type="hidden" name="email" value={member.email} />
                      <label class="visually-hidden" for={`role-${index}`}>
                        {t('employer.members.roleOf', { email: member.email })}
                      </label>
                      <RoleSelect c={c} id={`role-${index}`} selected={member.role} />{' '}
                      <button type="submit" class="secondary">
                        {t('employer.members.changeRole')}
                      </button>
                    </PostForm>{' '}
                    <PostForm
                      c={c}
                      action={employerPath(workspace, '/members/remove')}
                      class="inline"
                      confirm={t('employer.members.confirmRemove', { email: member.email })}
                    >
                      <input type="hidden" name="email" value={member.email} />
                      <button
                        type="submit"
                        class="danger"
                        aria-label={t('employer.members.removeLabel', { email: member.email })}
                      >
                        {t('employer.members.remove')}
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
          <h2 id="invite-heading">{t('employer.members.inviteHeading')}</h2>
          <p class="hint">{t('employer.members.inviteHint')}</p>
          <PostForm c={c} action={employerPath(workspace, '/members')} class="stack">
            <label for="invite-email">{t('employer.members.email')}</label>
            <input
              id="invite-email"
              name="email"
              type="email"
              required
              maxlength={320}
              value={value('email')}
            />
            <label for="invite-role">{t('employer.members.role')}</label>
            <RoleSelect c={c} id="invite-role" selected={value('role') || 'recruiter'} />
            <p>
              <button type="submit">{t('employer.members.invite')}</button>
            </p>
          </PostForm>
        </section>
      ) : null}
    </EmployerLayout>
  );
}

/** `/employer/{slug}/api-keys`: the employer's keys (never their secrets), for owners; create and revoke. */
export function ApiKeysPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly keys: readonly Omit<ApiKey, 'hash'>[];
  readonly values?: Readonly<Record<string, string>>;
  readonly message?: string | undefined;
  readonly error?: string | undefined;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  return (
    <EmployerLayout
      c={c}
      workspace={workspace}
      title={t('employer.apiKeys.title', { name: workspace.name })}
      message={props.message}
      error={props.error}
    >
      <p>{t('employer.apiKeys.lead')}</p>
      {props.keys.length === 0 ? (
        <p class="muted">{t('employer.apiKeys.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t('employer.apiKeys.name')}</th>
                <th scope="col">{t('employer.apiKeys.key')}</th>
                <th scope="col">{t('employer.apiKeys.created')}</th>
                <th scope="col">{t('employer.apiKeys.lastUsed')}</th>
                <th scope="col">{t('employer.apiKeys.state')}</th>
              </tr>
            </thead>
            <tbody>
              {props.keys.map((key) => (
                <tr data-api-key={key.id}>
                  <th scope="row">{key.name}</th>
                  <td>
                    <code>{`mc_${key.prefix}…`}</code>
                  </td>
                  <td>{t.date(key.createdAt)}</td>
                  <td>{key.lastUsedAt === null ? t('employer.apiKeys.never') : t.date(key.lastUsedAt)}</td>
                  <td>
                    {key.revokedAt !== null ? (
                      t('employer.apiKeys.revokedOn', { date: t.date(key.revokedAt) })
                    ) : (
                      <>
                        {t('employer.apiKeys.active')}{' '}
                        <PostForm
                          c={c}
                          action={employerPath(workspace, `/api-keys/${key.id}/revoke`)}
                          class="inline"
                          confirm={t('employer.apiKeys.confirmRevoke', { name: key.name })}
                        >
                          <button
                            type="submit"
                            class="danger"
                            aria-label={t('employer.apiKeys.revokeLabel', { name: key.name })}
                          >
                            {t('employer.apiKeys.revoke')}
                          </button>
                        </PostForm>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="create-key-heading">
        <h2 id="create-key-heading">{t('employer.apiKeys.createHeading')}</h2>
        <PostForm c={c} action={employerPath(workspace, '/api-keys')} class="stack">
          <label for="key-name">{t('employer.apiKeys.name')}</label>
          <input
            id="key-name"
            name="name"
            type="text"
            required
            maxlength={200}
            value={props.values?.name ?? ''}
          />
          <p>
            <button type="submit">{t('employer.apiKeys.create')}</button>
          </p>
        </PostForm>
      </section>
    </EmployerLayout>
  );
}

/** The answer to creating a key: its token, this once (the page is not cached, the token not stored). */
export function ApiKeyCreatedPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly name: string;
  readonly token: string;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  return (
    <EmployerLayout c={c} workspace={workspace} title={t('employer.apiKeys.createdTitle')}>
      <p class="notice" role="status">
        {t('employer.apiKeys.createdText', { name: props.name })}
      </p>
      <pre class="snippet" id="new-api-token" data-api-token>
        {props.token}
      </pre>
      <p class="actions">
        <button
          type="button"
          class="secondary"
          data-copy="new-api-token"
          data-copied={t('employer.apiKeys.copied')}
          hidden
        >
          {t('employer.apiKeys.copy')}
        </button>
        <span id="new-api-token-status" role="status"></span>
      </p>
      <p>
        <a href={employerPath(workspace, '/api-keys')}>{t('employer.apiKeys.back')}</a>
      </p>
    </EmployerLayout>
  );
}

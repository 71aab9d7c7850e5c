import type { Context } from 'hono';
import { API_SCOPES } from '../../../domain/auth/api-scopes.js';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import type { ApiKey } from '../../../domain/ports/index.js';
import { PostForm } from '../../shared/layout.js';
import type { WebEnv } from '../../shared/web-env.js';
import { consolePath } from '../console-context.js';
import { CodeChoice } from './code-choice.js';
import { RoleSelect } from './member-pages.js';
import { OrganisationLayout } from './organisation-layout.js';

/** The form field of a scope's checkbox (one field each: a form reader keeps one value per name). */
export function scopeField(scope: string): string {
  return `scope:${scope}`;
}

const ROLE_LABELS = {
  admin: 'console.admin',
  owner: 'console.role.owner',
  issuer: 'console.role.issuer',
  viewer: 'console.role.viewer',
  employer: 'console.role.employer',
} as const;

/** `/console/{slug}/organisation/api-keys`: the issuer's keys (never their secrets); create and revoke. */
export function ApiKeysPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly keys: readonly Omit<ApiKey, 'hash'>[];
  readonly values?: Readonly<Record<string, string>>;
  readonly message?: string | undefined;
  readonly error?: string | undefined;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  const value = (name: string) => props.values?.[name] ?? '';
  return (
    <OrganisationLayout
      c={c}
      workspace={workspace}
      title={t('console.organisation.apiKeys.title', { name: workspace.name })}
      message={props.message}
      error={props.error}
    >
      <p>{t('console.organisation.apiKeys.lead')}</p>
      {props.keys.length === 0 ? (
        <p class="muted">{t('console.organisation.apiKeys.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t('console.organisation.apiKeys.name')}</th>
                <th scope="col">{t('console.organisation.apiKeys.key')}</th>
                <th scope="col">{t('console.organisation.apiKeys.role')}</th>
                <th scope="col">{t('console.organisation.apiKeys.scopes')}</th>
                <th scope="col">{t('console.organisation.apiKeys.created')}</th>
                <th scope="col">{t('console.organisation.apiKeys.lastUsed')}</th>
                <th scope="col">{t('console.organisation.apiKeys.state')}</th>
              </tr>
            </thead>
            <tbody>
              {props.keys.map((key) => (
                <tr data-api-key={key.id}>
                  <th scope="row">{key.name}</th>
                  <td>
                    <code>{`mc_${key.prefix}…`}</code>
                  </td>
                  <td>{t(ROLE_LABELS[key.role])}</td>
                  <td>
                    {key.scopes.length === 0 ? (
                      t('console.organisation.apiKeys.allScopes')
                    ) : (
                      <code>{key.scopes.join(' ')}</code>
                    )}
                  </td>
                  <td>{t.date(key.createdAt)}</td>
                  <td>
                    {key.lastUsedAt === null
                      ? t('console.organisation.apiKeys.never')
                      : t.date(key.lastUsedAt)}
                  </td>
                  <td>
                    {key.revokedAt !== null ? (
                      t('console.organisation.apiKeys.revokedOn', { date: t.date(key.revokedAt) })
                    ) : (
                      <>
                        {t('console.organisation.apiKeys.active')}{' '}
                        <PostForm
                          c={c}
                          action={consolePath(workspace, `/organisation/api-keys/${key.id}/revoke`)}
                          class="inline"
                          confirm={t('console.organisation.apiKeys.confirmRevoke', { name: key.name })}
                        >
                          <button
                            type="submit"
                            class="danger"
                            aria-label={t('console.organisation.apiKeys.revokeLabel', { name: key.name })}
                          >
                            {t('console.organisation.apiKeys.revoke')}
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
        <h2 id="create-key-heading">{t('console.organisation.apiKeys.createHeading')}</h2>
        <PostForm c={c} action={consolePath(workspace, '/organisation/api-keys')} class="stack">
          <label for="key-name">{t('console.organisation.apiKeys.name')}</label>
          <input id="key-name" name="name" type="text" required maxlength={200} value={value('name')} />
          <label for="key-role">{t('console.organisation.apiKeys.role')}</label>
          <RoleSelect c={c} id="key-role" selected={value('role') || 'issuer'} />
          <fieldset class="scopes">
            <legend>{t('console.organisation.apiKeys.scopesLegend')}</legend>
            {API_SCOPES.map((scope) => (
              <CodeChoice
                id={`key-${scope.replace(':', '-')}`}
                name={scopeField(scope)}
                code={scope}
                checked={value(scopeField(scope)) === 'yes'}
              />
            ))}
          </fieldset>
          <p>
            <button type="submit">{t('console.organisation.apiKeys.create')}</button>
          </p>
        </PostForm>
      </section>
    </OrganisationLayout>
  );
}

/** The answer to creating a key: its token, this once (the page is not cached, the token not stored). */
export function ApiKeyCreatedPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly name: string;
  readonly token: string;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  return (
    <OrganisationLayout c={c} workspace={workspace} title={t('console.organisation.apiKeys.createdTitle')}>
      <p class="notice" role="status">
        {t('console.organisation.apiKeys.createdText', { name: props.name })}
      </p>
      <pre class="snippet" id="new-api-token" data-api-token>
        {props.token}
      </pre>
      <p class="actions">
        <button
          type="button"
          class="secondary"
          data-copy="new-api-token"
          data-copied={t('console.organisation.apiKeys.copied')}
          hidden
        >
          {t('console.organisation.apiKeys.copy')}
        </button>
        <span id="new-api-token-status" role="status"></span>
      </p>
      <p>
        <a href={consolePath(workspace, '/organisation/api-keys')}>
          {t('console.organisation.apiKeys.back')}
        </a>
      </p>
    </OrganisationLayout>
  );
}

import type { Context } from 'hono';
import type { AuthorizationRequest } from '../../domain/ob-api/authorize-client.js';
import { OB_SCOPES } from '../../domain/ob-api/ob-api-scopes.js';
import type { ConnectedApp } from '../../domain/ports/index.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { Layout, PostForm } from '../shared/layout.js';
import { Notes } from '../shared/notes.js';
import type { WebEnv } from '../shared/web-env.js';

const SCOPE_WORDS: Readonly<Record<string, MessageKey>> = {
  [OB_SCOPES.credentialReadonly]: 'apps.scope.credentialReadonly',
  [OB_SCOPES.credentialUpsert]: 'apps.scope.credentialUpsert',
  [OB_SCOPES.profileReadonly]: 'apps.scope.profileReadonly',
  [OB_SCOPES.profileUpdate]: 'apps.scope.profileUpdate',
};

function ScopeList(props: { readonly c: Context<WebEnv>; readonly scopes: readonly string[] }) {
  const t = props.c.get('t');
  return (
    <ul>
      {props.scopes.map((scope) => {
        const key = SCOPE_WORDS[scope];
        return <li>{key === undefined ? scope : t(key)}</li>;
      })}
    </ul>
  );
}

/** The fields an authorization request is answered with: the request itself, sent back as it came. */
export const AUTHORIZATION_FIELDS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
] as const;

/**
 * The earner's consent to an app: who asks (its name and the host it sends them back to, which the
 * registration tied to its own), what it asks for, and allow or deny.
 */
export function ConsentPage(props: {
  readonly c: Context<WebEnv>;
  readonly request: AuthorizationRequest;
  readonly fields: Readonly<Record<string, string>>;
}) {
  const { c, request } = props;
  const t = c.get('t');
  const name = request.client.name;
  const host = new URL(request.redirectUri).host;
  return (
    <Layout c={c} title={t('apps.consent.title', { name })}>
      <h1>{t('apps.consent.title', { name })}</h1>
      <p>{t('apps.consent.lead', { name, host })}</p>
      <ScopeList c={c} scopes={request.scopes} />
      <p>{t('apps.consent.redirect', { host })}</p>
      <PostForm c={c} action="/account/apps/authorize">
        {AUTHORIZATION_FIELDS.map((field) =>
          props.fields[field] === undefined ? null : (
            <input type="hidden" name={field} value={props.fields[field]} />
          ),
        )}
        <div class="actions">
          <button type="submit" name="decision" value="allow">
            {t('apps.consent.allow')}
          </button>
          <button type="submit" name="decision" value="deny" class="secondary">
            {t('apps.consent.deny')}
          </button>
        </div>
      </PostForm>
    </Layout>
  );
}

/** `/account/apps`: the apps the earner connected, each with what it may do and a way to disconnect it. */
export function ConnectedAppsPage(props: {
  readonly c: Context<WebEnv>;
  readonly apps: readonly ConnectedApp[];
  readonly message?: string;
  /** Why the last "Connect another backpack" was refused, with the address as typed. */
  readonly backpackError?: { readonly url: string; readonly message: string };
}) {
  const { c } = props;
  const t = c.get('t');
  return (
    <Layout c={c} title={t('apps.title')}>
      <h1>{t('apps.title')}</h1>
      <Notes message={props.message} error={undefined} />
      <p>{t('apps.lead')}</p>
      {props.apps.length === 0 ? (
        <p>{t('apps.none')}</p>
      ) : (
        <table class="data stack">
          <thead>
            <tr>
              <th scope="col">{t('apps.app')}</th>
              <th scope="col">{t('apps.access')}</th>
              <th scope="col">{t('apps.since')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('apps.disconnect')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.apps.map((app) => (
              <tr>
                <td>
                  {app.client.name}
                  <br />
                  <small>{new URL(app.client.clientUri).host}</small>
                </td>
                <td data-label={t('apps.access')}>
                  <ScopeList c={c} scopes={app.scopes} />
                </td>
                <td data-label={t('apps.since')}>{t.date(app.connectedAt)}</td>
                <td>
                  <PostForm
                    c={c}
                    action={`/account/apps/${encodeURIComponent(app.client.clientId)}/disconnect`}
                    confirm={t('apps.disconnectConfirm', { name: app.client.name })}
                  >
                    <button type="submit" class="link">
                      {t('apps.disconnect')}
                      <span class="visually-hidden"> {app.client.name}</span>
                    </button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="backpacks-heading">
        <h2 id="backpacks-heading">{t('backpacks.heading')}</h2>
        <p>{t('backpacks.lead')}</p>
        <Notes message={undefined} error={props.backpackError?.message} />
        <PostForm c={c} action="/account/backpacks/connect">
          <label for="backpack-url">{t('backpacks.url')}</label>
          <input
            id="backpack-url"
            type="url"
            name="url"
            required
            placeholder="https://"
            value={props.backpackError?.url}
          />
          <div class="actions">
            <button type="submit">{t('backpacks.connect')}</button>
          </div>
        </PostForm>
      </section>
    </Layout>
  );
}

/**
 * The step between this platform and the other host's consent page: a link, not a redirect, because
 * the page's CSP lets its forms lead only here (and a form's redirect elsewhere would be blocked).
 */
export function ContinueToHostPage(props: {
  readonly c: Context<WebEnv>;
  readonly host: string;
  readonly authorizationUrl: string;
}) {
  const { c, host } = props;
  const t = c.get('t');
  return (
    <Layout c={c} title={t('backpacks.continueTitle', { host })}>
      <h1>{t('backpacks.continueTitle', { host })}</h1>
      <p>{t('backpacks.continueText', { host })}</p>
      <p>
        <a class="button" href={props.authorizationUrl} rel="noreferrer">
          {t('backpacks.continue', { host })}
        </a>
      </p>
    </Layout>
  );
}

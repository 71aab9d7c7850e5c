import type { Context, Hono } from 'hono';
import type { AuthorizationQuery } from '../../domain/ob-api/authorize-client.js';
import { AuthorizationRefused } from '../../domain/ob-api/authorize-client.js';
import { isOAuthError } from '../../domain/ob-api/oauth-error.js';
import { rememberAfterSignIn } from '../shared/after-sign-in.js';
import { doneNote } from '../shared/done-note.js';
import { MessagePage } from '../shared/message-page.js';
import { allowFormRedirectTo, formField, readForm, requireEarner } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { AUTHORIZATION_FIELDS, ConnectedAppsPage, ConsentPage } from './connected-apps-pages.js';

function authorizationQuery(read: (name: string) => string | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const field of AUTHORIZATION_FIELDS) {
    const value = read(field);
    if (value !== undefined) fields[field] = value;
  }
  return fields;
}

/**
 * A request that cannot be answered: back to the app with the error when its redirect URI is one it
 * registered, else a page here (RFC 6749 §4.1.2.1: never redirect to an address nobody registered).
 */
function refuse(c: Context<WebEnv>, error: unknown, status: 302 | 303) {
  if (error instanceof AuthorizationRefused) return c.redirect(error.redirectTo, status);
  if (!isOAuthError(error)) throw error;
  const t = c.get('t');
  return c.html(
    <MessagePage
      c={c}
      title={t('apps.title')}
      text={t('apps.consent.refused', { reason: error.message })}
      status="error"
    />,
    400,
  );
}

const APPS_DONE = { disconnected: 'apps.disconnected' } as const;

/**
 * The earner's side of the OB 3.0 API: the consent page an app sends them to (its authorization URL),
 * and the apps they connected, each of which they may disconnect.
 */
export function mountConnectedAppsRoutes(web: Hono<WebEnv>, { platform, options }: WebDeps): void {
  web.get('/account/apps/authorize', async (c) => {
    if (c.get('earner') === null) {
      // The app's request is in the query, which the sign-in mail cannot carry: back here after it.
      const url = new URL(c.req.url);
      rememberAfterSignIn(c, `${url.pathname}${url.search}`, { secure: options.secureCookies });
      return c.redirect('/signin', 303);
    }
    const fields = authorizationQuery((name) => c.req.query(name));
    try {
      const request = await platform.obApi.checkAuthorization(fields as AuthorizationQuery);
      // The answer is a redirect to the app: this page's form may lead there, and nowhere else.
      allowFormRedirectTo(c, new URL(request.redirectUri).origin);
      return c.html(<ConsentPage c={c} request={request} fields={fields} />);
    } catch (error) {
      return refuse(c, error, 302);
    }
  });
  web.post('/account/apps/authorize', async (c) => {
    const earner = requireEarner(c);
    const form = await readForm(c);
    const fields = authorizationQuery((name) => (name in form ? formField(form, name) : undefined));
    try {
      const target = await platform.obApi.answerAuthorization(
        earner.id,
        fields as AuthorizationQuery,
        formField(form, 'decision') === 'allow',
      );
      return c.redirect(target, 303);
    } catch (error) {
      return refuse(c, error, 303);
    }
  });
  web.get('/account/apps', async (c) => {
    const earner = requireEarner(c);
    const apps = await platform.obApi.connectedApps(earner.id);
    const message = doneNote(c, APPS_DONE);
    return c.html(<ConnectedAppsPage c={c} apps={apps} {...(message === undefined ? {} : { message })} />);
  });
  web.post('/account/apps/:clientId/disconnect', async (c) => {
    const earner = requireEarner(c);
    await readForm(c);
    await platform.obApi.disconnect(earner.id, c.req.param('clientId'));
    return c.redirect('/account/apps?done=disconnected', 303);
  });
}

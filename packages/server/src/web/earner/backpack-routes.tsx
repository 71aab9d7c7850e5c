import type { Hono } from 'hono';
import { MessagePage } from '../shared/message-page.js';
import { userMessage } from '../shared/user-message.js';
import { formField, readForm, requireEarner } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { ConnectedAppsPage, ContinueToHostPage } from './connected-apps-pages.js';

/**
 * "Connect another backpack": the earner names another OB 3.0 host, agrees there, and comes back to
 * `/account/backpacks/callback`, where their credentials from it are read and imported.
 */
export function mountBackpackRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.post('/account/backpacks/connect', async (c) => {
    const earner = requireEarner(c);
    const form = await readForm(c);
    const url = formField(form, 'url');
    try {
      const started = await platform.obApi.startBackpackConnection(earner.id, { url });
      return c.html(
        <ContinueToHostPage c={c} host={started.host} authorizationUrl={started.authorizationUrl} />,
      );
    } catch (error) {
      const message = userMessage(error, c.get('t'));
      if (message === null) throw error;
      const apps = await platform.obApi.connectedApps(earner.id);
      return c.html(<ConnectedAppsPage c={c} apps={apps} backpackError={{ url, message }} />, 400);
    }
  });
  web.get('/account/backpacks/callback', async (c) => {
    const earner = requireEarner(c);
    const t = c.get('t');
    const pulled = await platform.obApi.finishBackpackConnection(earner.id, {
      state: c.req.query('state') ?? '',
      code: c.req.query('code'),
      error: c.req.query('error'),
    });
    return c.html(
      <MessagePage
        c={c}
        title={t('backpacks.doneTitle', { host: pulled.host })}
        text={t('backpacks.done', {
          host: pulled.host,
          received: pulled.received,
          added: pulled.added,
          verified: pulled.verified,
        })}
        status="info"
        link={{ href: '/account', label: t('backpacks.toAccount') }}
      />,
    );
  });
}

import type { Context, Hono } from 'hono';
import { EVENT_TYPES } from '../../../domain/ports/event-repository.js';
import { formField, readForm } from '../../shared/web-context.js';
import type { WebDeps, WebEnv } from '../../shared/web-env.js';
import { consolePath, consoleWorkspace } from '../console-context.js';
import { type FormRefusal, formRefusal } from './form-refusal.js';
import { eventField, WebhookCreatedPage, WebhooksPage } from './webhook-pages.js';

const SHOWN_DELIVERIES = 10;

/**
 * `/console/{slug}/organisation/webhooks`: owners add and remove endpoints; members see the delivery log
 * and replay. Every change goes through the same use cases as the API.
 */
export function mountWebhookRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  async function render(
    c: Context<WebEnv>,
    refused?: FormRefusal & { readonly values: Readonly<Record<string, string>> },
  ) {
    const { actor, workspace } = consoleWorkspace(c);
    const endpoints = await platform.webhooks.list(actor, { issuerId: workspace.issuerId });
    const withDeliveries = await Promise.all(
      endpoints.map(async (endpoint) => ({
        endpoint,
        deliveries: await platform.webhooks.deliveries(actor, endpoint.id, { limit: SHOWN_DELIVERIES }),
      })),
    );
    return c.html(
      <WebhooksPage
        c={c}
        workspace={workspace}
        endpoints={withDeliveries}
        {...(refused === undefined ? {} : { values: refused.values })}
        error={refused?.message}
      />,
      refused?.status ?? 200,
    );
  }

  web.get('/console/:slug/organisation/webhooks', (c) => render(c));

  web.post('/console/:slug/organisation/webhooks', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    const form = await readForm(c);
    const events = EVENT_TYPES.filter((type) => formField(form, eventField(type)) === 'yes');
    const values = {
      url: formField(form, 'url').trim(),
      ...Object.fromEntries(events.map((type) => [eventField(type), 'yes'])),
    };
    try {
      const created = await platform.webhooks.create(actor, {
        issuerId: workspace.issuerId,
        url: values.url,
        events,
      });
      c.header('Cache-Control', 'no-store');
      return c.html(<WebhookCreatedPage c={c} workspace={workspace} secret={created.secret} />, 201);
    } catch (error) {
      return render(c, { ...formRefusal(error, c.get('t')), values });
    }
  });

  web.post('/console/:slug/organisation/webhooks/:id/delete', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    await readForm(c);
    await platform.webhooks.delete(actor, c.req.param('id'));
    return c.redirect(consolePath(workspace, '/organisation/webhooks'), 303);
  });

  web.post('/console/:slug/organisation/webhooks/:id/deliveries/:deliveryId/replay', async (c) => {
    const { actor, workspace } = consoleWorkspace(c);
    await readForm(c);
    await platform.webhooks.replay(actor, c.req.param('id'), c.req.param('deliveryId'));
    return c.redirect(consolePath(workspace, '/organisation/webhooks'), 303);
  });
}

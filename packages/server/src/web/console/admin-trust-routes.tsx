import type { Hono } from 'hono';
import { consoleAdminActor } from '../../domain/auth/staff-access.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { formField, readForm } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { AdminIssuersPage } from './admin-issuers-page.js';
import { requireStaff } from './console-context.js';

const DONE: Readonly<Record<string, MessageKey>> = {
  vetted: 'console.trust.done.vetted',
  unvetted: 'console.trust.done.unvetted',
};

/** The administrator's list of issuers, where issuers are vetted (the platform's own trust registry). */
export function mountAdminTrustRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/console/admin/issuers', async (c) => {
    const actor = consoleAdminActor(requireStaff(c));
    const issuers = await platform.issuers.list(actor, { limit: 500 });
    const done = DONE[c.req.query('done') ?? ''];
    return c.html(
      <AdminIssuersPage
        c={c}
        issuers={issuers}
        message={done === undefined ? undefined : c.get('t')(done)}
      />,
    );
  });
  web.post('/console/admin/issuers/:id/vetting', async (c) => {
    const actor = consoleAdminActor(requireStaff(c));
    const form = await readForm(c);
    const vet = formField(form, 'vetted') === 'yes';
    const id = c.req.param('id');
    if (vet) await platform.trust.vet(actor, id);
    else await platform.trust.unvet(actor, id);
    return c.redirect(`/console/admin/issuers?done=${vet ? 'vetted' : 'unvetted'}`, 303);
  });
}

import type { Hono } from 'hono';
import { consoleAdminActor } from '../../domain/auth/staff-access.js';
import { userMessage } from '../shared/user-message.js';
import { formField, readForm } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { NewIssuerPage } from './admin-pages.js';
import { requireStaff } from './console-context.js';

/** The platform administrator's console pages: adding issuers. */
export function mountAdminRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/console/admin/issuers/new', (c) => {
    consoleAdminActor(requireStaff(c));
    return c.html(<NewIssuerPage c={c} />);
  });
  web.post('/console/admin/issuers', async (c) => {
    const actor = consoleAdminActor(requireStaff(c));
    const form = await readForm(c);
    const values = Object.fromEntries(
      ['name', 'slug', 'url', 'ownerEmail'].map((name) => [name, formField(form, name).trim()]),
    );
    try {
      const { issuer } = await platform.issuers.onboard(
        actor,
        {
          issuer: {
            slug: values.slug ?? '',
            name: values.name ?? '',
            ...(values.url ? { url: values.url } : {}),
          },
          ownerEmail: values.ownerEmail ?? '',
        },
        { locale: c.get('t').locale },
      );
      return c.redirect(`/console/${issuer.slug}`, 303);
    } catch (error) {
      const message = userMessage(error, c.get('t'));
      if (message === null) throw error;
      return c.html(<NewIssuerPage c={c} values={values} error={message} />, 400);
    }
  });
}

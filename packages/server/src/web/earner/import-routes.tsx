import type { Hono } from 'hono';
import { CredentialAlreadyHeld } from '../../domain/earner/held-here.js';
import { backTo } from '../shared/back-to.js';
import { readCredentialSource } from '../shared/credential-source/read-credential-source.js';
import { userMessage } from '../shared/user-message.js';
import { formField, readForm, requireEarner } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { renderMyCredentials } from './my-credentials-page.js';

/** `/account/imports`: credentials from elsewhere, verified on import, then shown or hidden or removed. */
export function mountImportRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.post('/account/imports', async (c) => {
    const earner = requireEarner(c);
    const form = await readForm(c);
    const t = c.get('t');
    const source = await readCredentialSource({ platform, form, viewer: earner.id, t });
    if (source.kind === 'refused') return renderMyCredentials(c, platform, { error: source.message }, 400);
    if (source.kind === 'empty') return renderMyCredentials(c, platform, { error: t('import.nothing') }, 400);
    try {
      const imported = await platform.earners.importCredential(earner.id, {
        credential: source.input,
        sourceUrl: source.url,
      });
      return c.redirect(`/imported/${imported.id}`, 303);
    } catch (error) {
      // Already theirs (issued to them here, or their wallet's copy of it): its page, not a second entry.
      if (error instanceof CredentialAlreadyHeld)
        return c.redirect(`/credentials/${error.credentialId}`, 303);
      const message = userMessage(error, t);
      if (message === null) throw error;
      return renderMyCredentials(c, platform, { error: message }, 400);
    }
  });
  web.post('/account/imports/:id', async (c) => {
    const earner = requireEarner(c);
    const form = await readForm(c);
    await platform.earners.setImportVisibility(
      earner.id,
      c.req.param('id'),
      formField(form, 'visibility') === 'public' ? 'public' : 'private',
    );
    return c.redirect(backTo(c, '/account'), 303);
  });
  web.post('/account/imports/:id/delete', async (c) => {
    const earner = requireEarner(c);
    await readForm(c);
    await platform.earners.deleteImport(earner.id, c.req.param('id'));
    return c.redirect('/account', 303);
  });
}

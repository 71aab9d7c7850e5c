import type { Hono } from 'hono';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import { backTo } from '../shared/back-to.js';
import { formField, readForm, requireEarner } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { renderMyCredentials } from './my-credentials-page.js';

/** `/account`: the signed-in earner's credentials, each accepted or declined, public or private. */
export function mountAccountRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/account', (c) => renderMyCredentials(c, platform));

  web.post('/account/credentials/:id', async (c) => {
    const earner = requireEarner(c);
    const form = await readForm(c);
    const id = c.req.param('id');
    const chosen = formField(form, 'choice');
    if (chosen !== '' && chosen !== 'accepted' && chosen !== 'declined') {
      throw new ServerError(ServerErrorCode.VALIDATION_ERROR, 'unknown choice');
    }
    const visibility = formField(form, 'visibility') === 'public' ? 'public' : 'private';
    await platform.earners.choose(earner.id, id, {
      ...(chosen === '' ? {} : { choice: chosen }),
      visibility,
    });
    return c.redirect(backTo(c, '/account'), 303);
  });
}

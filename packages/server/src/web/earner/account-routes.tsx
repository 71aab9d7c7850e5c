import type { Hono } from 'hono';
import type { IssuedItem } from '../../domain/earner/portfolio.js';
import { FEATURE_REFUSALS, PUBLIC_PROFILE_LIMITS } from '../../domain/earner/public-profile.js';
import { isServerError, ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import { backTo } from '../shared/back-to.js';
import { formField, readForm, requireEarner } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { AcceptedPage } from './accepted-page.js';
import { renderMyCredentials } from './my-credentials-page.js';

/** Where accepting a credential lands, from the claim link or the account. */
export function acceptedPath(credentialId: string): string {
  return `/account/credentials/${credentialId}/accepted`;
}

/** `/account`: the signed-in earner's credentials, each accepted or declined, public or private. */
export function mountAccountRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/account', (c) => renderMyCredentials(c, platform));

  web.get('/account/credentials/:id/accepted', async (c) => {
    const earner = requireEarner(c);
    const id = c.req.param('id');
    const item = (await platform.earners.portfolio(earner.id)).find(
      (candidate): candidate is IssuedItem => candidate.kind === 'issued' && candidate.credential.id === id,
    );
    if (item === undefined) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such credential');
    // Only an accepted credential has a moment to celebrate; any other goes back to the list.
    if (item.choice !== 'accepted') return c.redirect('/account', 303);
    return c.html(<AcceptedPage c={c} item={item} pageUrl={`${platform.publicUrl}/credentials/${id}`} />);
  });

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
    return c.redirect(chosen === 'accepted' ? acceptedPath(id) : backTo(c, '/account'), 303);
  });

  web.post('/account/featured/:id', async (c) => {
    const earner = requireEarner(c);
    const form = await readForm(c);
    const featured = formField(form, 'featured') !== 'off';
    try {
      await platform.earners.setFeatured(earner.id, { id: c.req.param('id'), featured });
    } catch (error) {
      const reason = isServerError(error) ? error.details?.reason : undefined;
      const t = c.get('t');
      if (reason === FEATURE_REFUSALS.full) {
        const message = t('featured.full', { max: PUBLIC_PROFILE_LIMITS.featured });
        return renderMyCredentials(c, platform, { error: message }, 400);
      }
      if (reason === FEATURE_REFUSALS.notPublic) {
        return renderMyCredentials(c, platform, { error: t('featured.notPublic') }, 400);
      }
      throw error;
    }
    return c.redirect(`/account?done=${featured ? 'featured' : 'unfeatured'}`, 303);
  });
}

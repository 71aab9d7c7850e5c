import type { Hono } from 'hono';
import { MessagePage } from '../shared/message-page.js';
import { readForm, signIn } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { acceptedPath } from './account-routes.js';
import { ClaimPage } from './claim-page.js';

/** `/claim/{secret}`: the emailed offer of a credential; accepting it signs the earner in. */
export function mountClaimRoutes(web: Hono<WebEnv>, { platform, options }: WebDeps): void {
  // Where declining lands. Mounted before `/claim/:secret`, which would otherwise read it as a link (no
  // secret is this short); it says only what declining does, so it needs no link.
  web.get('/claim/declined', (c) => {
    const t = c.get('t');
    return c.html(<MessagePage c={c} title={t('claim.declinedTitle')} text={t('claim.declinedText')} />);
  });
  web.get('/claim/:secret', async (c) => {
    const claim = await platform.earners.viewClaim(c.req.param('secret'));
    return c.html(
      <ClaimPage
        c={c}
        claim={claim}
        secret={c.req.param('secret')}
        imageUrl={`/achievements/${claim.credential.achievementId}/image`}
      />,
    );
  });
  web.post('/claim/:secret/accept', async (c) => {
    await readForm(c);
    const signedIn = c.get('earner');
    const { earnerId, credentialId } = await platform.earners.acceptClaim({
      secret: c.req.param('secret'),
      signedIn: signedIn?.id ?? null,
      locale: c.get('t').locale,
    });
    if (signedIn?.id !== earnerId) signIn(c, options, await platform.earners.startSession(earnerId));
    return c.redirect(acceptedPath(credentialId), 303);
  });
  web.post('/claim/:secret/decline', async (c) => {
    await readForm(c);
    await platform.earners.declineClaim({ secret: c.req.param('secret') });
    return c.redirect('/claim/declined', 303);
  });
}

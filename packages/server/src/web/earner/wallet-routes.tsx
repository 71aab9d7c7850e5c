import type { Hono } from 'hono';
import { z } from 'zod';
import { isServerError, ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import { formField, readForm, requireEarner } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { WalletPage } from './wallet-page.js';

const IdSchema = z.uuid();

/**
 * "Add to wallet" for the earner who owns a credential: the form on the credential page opens a VC-API
 * exchange (the Learner Credential Wallet) and an OpenID4VCI offer, then shows both as QR codes. The
 * page's address names them; it shows nothing to anyone but the owner.
 */
export function mountWalletRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.post('/account/credentials/:id/wallet', async (c) => {
    const earner = requireEarner(c);
    const form = await readForm(c);
    const id = c.req.param('id');
    const bindToHolder = formField(form, 'bindToHolder') === 'yes';
    const exchange = await platform.wallet.createExchange(earner.id, id, { bindToHolder });
    const offer = await platform.wallet.createOffer({ earnerId: earner.id }, id, {});
    const query = new URLSearchParams({ exchange: exchange.id, offer: offer.id });
    return c.redirect(`/account/credentials/${id}/wallet?${query}`, 303);
  });

  web.get('/account/credentials/:id/wallet', async (c) => {
    const earner = requireEarner(c);
    const id = c.req.param('id');
    const exchangeId = c.req.query('exchange') ?? '';
    const offerId = c.req.query('offer') ?? '';
    if (!IdSchema.safeParse(exchangeId).success || !IdSchema.safeParse(offerId).success) {
      throw new ServerError(ServerErrorCode.NOT_FOUND, 'start from the credential page');
    }
    const credential = await platform.earners.ownCredential(earner.id, id);
    const exchange = await platform.wallet.viewExchange(earner.id, id, exchangeId).catch((error: unknown) => {
      if (isServerError(error) && error.code === ServerErrorCode.NOT_FOUND) return null;
      throw error;
    });
    const offer = await platform.wallet.viewOwnOffer(earner.id, id, offerId);
    const name = typeof credential.document.name === 'string' ? credential.document.name : '';
    // The page holds live single-use codes: no cache, no history restore from a shared device's cache.
    c.header('Cache-Control', 'no-store');
    return c.html(<WalletPage c={c} credentialId={id} name={name} exchange={exchange} offer={offer} />);
  });
}

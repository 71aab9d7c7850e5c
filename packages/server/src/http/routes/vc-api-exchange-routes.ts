import { Hono } from 'hono';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { Platform } from '../../domain/platform.js';
import { WALLET_EXCHANGE_PATHS } from '../../domain/wallet/vc-api-exchange.js';
import type { PublicEnv } from '../../edge/public-env.js';
import { enforceRateLimit } from '../../edge/rate-limits.js';

/**
 * The wallet side of VC-API exchanges: the VCALM interaction URL (`?iuv=1`) and the exchange endpoint a
 * wallet posts to. The exchange id is the wallet's only authority: unguessable, single-use, short-lived.
 */
export function vcApiExchangeRoutes(options: { readonly platform: Platform }): Hono<PublicEnv> {
  const { platform } = options;
  const routes = new Hono<PublicEnv>();
  routes.get(`${WALLET_EXCHANGE_PATHS.interaction}/:id`, async (c) => {
    const answer = await platform.wallet.interaction(c.req.param('id'));
    c.header('Cache-Control', 'no-store');
    return c.json(answer);
  });
  routes.post(`${WALLET_EXCHANGE_PATHS.exchange}/:id`, async (c) => {
    // Per exchange, from any address: each try may cost a presentation's canonicalization.
    await enforceRateLimit(c, 'wallet-secret', `exchange:${c.req.param('id')}`);
    // The strict JSON check of the app has already refused malformed JSON; an empty body is `{}`.
    const text = await c.req.text();
    let body: unknown;
    try {
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch (cause) {
      throw new ServerError(ServerErrorCode.PARSING_ERROR, 'the request body is not JSON', { cause });
    }
    const answer = await platform.wallet.participate(c.req.param('id'), body);
    c.header('Cache-Control', 'no-store');
    return c.json(answer);
  });
  return routes;
}

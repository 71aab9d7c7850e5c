import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Actor } from '../../domain/auth/actor.js';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { Platform } from '../../domain/platform.js';
import { CreateOfferInputSchema } from '../../domain/wallet/create-credential-offer.js';
import type { PublicEnv } from '../../edge/public-env.js';
import { SESSION_COOKIE, sessionEarner } from '../../edge/session-earner.js';
import { createRouter } from '../create-router.js';
import { problemResponses } from '../problem/problem-details.js';
import { BEARER_SECURITY, IdParamsSchema, jsonBody, jsonContent } from './common-schemas.js';

/** The one API path an earner's session may call as well as an API key. */
export const OFFERS_PATH = /^\/credentials\/[^/]+\/offers$/;

/** A request for an offer that brings no bearer token but a session cookie: the route checks the session. */
export function isSessionOfferRequest(
  method: string,
  path: string,
  headers: { authorization?: string; cookie?: string },
) {
  return (
    method === 'POST' &&
    OFFERS_PATH.test(path) &&
    headers.authorization === undefined &&
    new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`).test(headers.cookie ?? '')
  );
}

const OfferSchema = z
  .object({
    offerUri: z.string().openapi({
      description:
        'An `openid-credential-offer://` URI (the offer by reference): show it as a QR code or a link',
      example:
        'openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fbadges.example%2Fopenid4vci%2Foffers%2F…',
    }),
    expiresAt: z.string().openapi({ format: 'date-time' }),
    txCode: z
      .boolean()
      .openapi({ description: 'Whether the wallet will ask for the code mailed to the earner' }),
  })
  .openapi('CredentialOffer');

const createOffer = createRoute({
  method: 'post',
  path: '/credentials/{id}/offers',
  tags: ['Credentials'],
  summary: 'Offer a credential to a wallet (OpenID4VCI, issuer role or the earner’s session)',
  description:
    'An OpenID4VCI 1.0 credential offer with a single-use pre-authorized code, valid 10 minutes. The wallet ' +
    'proves a key (did:key or did:jwk) and receives the credential signed again with that DID as its subject. ' +
    'With `{"txCode": true}` a 6-digit code is mailed to the address the credential was issued to, and the ' +
    'wallet asks for it. The earner may call this with their session cookie instead of a token.',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema, body: jsonBody(CreateOfferInputSchema) },
  responses: {
    201: jsonContent(OfferSchema, 'The offer'),
    ...problemResponses(400, 401, 403, 404, 409, 415),
  },
});

/** `POST /credentials/{id}/offers`: for the caller's API key, or else for the earner signed in. */
export function walletOfferRoutes(options: { readonly platform: Platform }): OpenAPIHono<PublicEnv> {
  const { platform } = options;
  const router = createRouter<PublicEnv>();
  router.openapi(createOffer, async (c) => {
    const actor = c.get('caller') as Actor | null | undefined;
    let requester: { actor: Actor } | { earnerId: string };
    if (actor !== null && actor !== undefined) requester = { actor };
    else {
      const { earner } = await sessionEarner(platform, c);
      if (earner === null) {
        throw new ServerError(
          ServerErrorCode.UNAUTHORIZED,
          'send an API key, or sign in as the credential’s earner',
        );
      }
      requester = { earnerId: earner.id };
    }
    const offer = await platform.wallet.createOffer(requester, c.req.valid('param').id, c.req.valid('json'));
    return c.json(
      { offerUri: offer.offerUri, expiresAt: offer.expiresAt.toISOString(), txCode: offer.txCode },
      201,
    );
  });
  return router;
}

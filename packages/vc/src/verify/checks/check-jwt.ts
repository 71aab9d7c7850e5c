import type { InputStep } from '../verification-context.js';

/**
 * A VC-JWT: the JWS and its claims (the component's `jwt.*` checks), and the credential it carries. The
 * key's controller is kept for check-issuer; a key bound only by the `1edtech` concession leaves
 * authorship unproven.
 */
export const checkJwt: InputStep = async ({ parsed, components, fetcher, now, compat }) => {
  if (parsed?.jwt === undefined) return {};
  const jwt = await components.verifyJwt(parsed.jwt, { fetcher, now, compat });
  return {
    checks: jwt.checks,
    learned: {
      ...(jwt.credential === undefined ? {} : { credential: jwt.credential }),
      ...(jwt.controller === undefined ? {} : { controller: jwt.controller }),
      ...(jwt.unprovenAuthorship === undefined ? {} : { unprovenAuthorship: jwt.unprovenAuthorship }),
    },
    stop: jwt.credential === undefined,
  };
};

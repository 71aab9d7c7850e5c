import { unbake } from '../bake/index.js';
import { validateAchievementCredentialSchema } from '../credential/index.js';
import { verifyCredentialJwt } from '../proof/jwt/index.js';
import { checkCredentialStatus, type StatusPolicy } from './check-credential-status.js';
import type { CredentialInput } from './parse-credential-input.js';
import type { VerificationReport } from './verification-report.js';
import {
  type VerifierComponents,
  type VerifyCredentialOptions,
  verifyCredentialWith,
} from './verify-credential.js';

export type VerifyOptions = VerifyCredentialOptions & StatusPolicy;

/** Every part of this library, as the pipeline's components; `policy` tunes the status check. */
export function defaultVerifierComponents(policy: StatusPolicy = {}): VerifierComponents {
  return {
    unbake: (bytes) => {
      const { format, text } = unbake(bytes);
      return { format, text };
    },
    verifyJwt: async (jws, { fetcher, now, compat }) => {
      const result = await verifyCredentialJwt(jws, { fetcher, now, compat });
      return {
        verified: result.verified,
        checks: result.checks,
        ...(result.credential === undefined ? {} : { credential: result.credential }),
        ...(result.key?.controller === undefined ? {} : { controller: result.key.controller }),
        ...(result.authorshipReason === undefined ? {} : { unprovenAuthorship: result.authorshipReason }),
      };
    },
    validateSchema: validateAchievementCredentialSchema,
    checkStatus: (options) => checkCredentialStatus({ ...options, ...policy }),
  };
}

/**
 * Verifies a credential (JSON object or text, compact JWS, or baked PNG/SVG bytes) with every part of
 * this library, returning the report of named checks. `fetcher` (default: refuse everything) and `now`
 * are injected, so verification is offline and reproducible unless the caller decides otherwise.
 */
export function verifyCredential(
  input: CredentialInput,
  options: VerifyOptions = {},
): Promise<VerificationReport> {
  const policy =
    options.allowShortStatusLists === undefined
      ? {}
      : { allowShortStatusLists: options.allowShortStatusLists };
  return verifyCredentialWith(defaultVerifierComponents(policy), input, options);
}

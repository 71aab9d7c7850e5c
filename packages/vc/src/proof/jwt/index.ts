export type { CredentialJwtForm, JwtRegisteredClaims } from './credential-from-jwt-payload.js';
export {
  DEFAULT_ACCEPTED_JWT_ALGORITHMS,
  isJwtAlgorithm,
  type JwtAlgorithm,
  SUPPORTED_JWT_ALGORITHMS,
} from './jwt-algorithm.js';
export { JWT_CHECK_IDS, type JwtCheck, type JwtCheckId } from './jwt-check.js';
export { MAX_JWS_LENGTH } from './parse-compact-jws.js';
export type { JwtKeySource, ResolvedJwtKey } from './resolve-jwt-key.js';
export {
  type CredentialJwtKey,
  type RsaJwtSigningKey,
  type SignCredentialJwtOptions,
  signCredentialJwt,
} from './sign-credential-jwt.js';
export {
  type VerifyCredentialJwtOptions,
  type VerifyCredentialJwtResult,
  verifyCredentialJwt,
} from './verify-credential-jwt.js';

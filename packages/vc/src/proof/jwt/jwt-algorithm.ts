import type { JWK } from 'jose';

/**
 * The asymmetric JWS algorithms this module can verify (RFC 7518 §3.3–3.5, RFC 8037, RFC 9864 `Ed25519`).
 * No MAC (`HS*`) and no `none` is ever listed: a verifier that accepts them lets anyone who knows the
 * public key forge a token (CVE-2022-23540, ADVERSARIAL V23).
 */
export const SUPPORTED_JWT_ALGORITHMS = [
  'EdDSA',
  'Ed25519',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
] as const;

export type JwtAlgorithm = (typeof SUPPORTED_JWT_ALGORITHMS)[number];

/** OB 3.0 requires RS256 (the 1EdTech validator accepts nothing else); EdDSA is our native key; ES256 is common. */
export const DEFAULT_ACCEPTED_JWT_ALGORITHMS: readonly JwtAlgorithm[] = ['EdDSA', 'RS256', 'ES256'];

export function isJwtAlgorithm(value: unknown): value is JwtAlgorithm {
  return typeof value === 'string' && (SUPPORTED_JWT_ALGORITHMS as readonly string[]).includes(value);
}

const EC_CURVES: Readonly<Record<string, string>> = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' };

/** Whether a public JWK has the key type (and curve) the algorithm needs, so a key is never used cross-algorithm. */
export function jwkFitsJwtAlgorithm(jwk: JWK, alg: JwtAlgorithm): boolean {
  switch (alg) {
    case 'EdDSA':
    case 'Ed25519':
      // EdDSA also names Ed448 (RFC 8037), which this library does not support.
      return jwk.kty === 'OKP' && jwk.crv === 'Ed25519';
    case 'RS256':
    case 'RS384':
    case 'RS512':
    case 'PS256':
    case 'PS384':
    case 'PS512':
      return jwk.kty === 'RSA';
    case 'ES256':
    case 'ES384':
    case 'ES512':
      return jwk.kty === 'EC' && jwk.crv === EC_CURVES[alg];
  }
}

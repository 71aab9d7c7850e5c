import { base64url, compactVerify } from 'jose';
import { ed25519SignatureProblem } from '../../did/index.js';
import { ErrorCode, isMicrocredError } from '../../error/index.js';
import { type ResourceFetcher, refuseAllFetcher } from '../../resource/index.js';
import { bindJwtKey } from './bind-jwt-key.js';
import { checkJwtClaims, credentialIssuerId } from './check-jwt-claims.js';
import { type CredentialJwtHeader, checkJwtHeader } from './check-jwt-header.js';
import {
  type CredentialJwtForm,
  credentialFromJwtPayload,
  type JwtRegisteredClaims,
} from './credential-from-jwt-payload.js';
import { DEFAULT_ACCEPTED_JWT_ALGORITHMS, type JwtAlgorithm, jwkFitsJwtAlgorithm } from './jwt-algorithm.js';
import type { JwtCheck, JwtCheckId } from './jwt-check.js';
import { parseCompactJws } from './parse-compact-jws.js';
import { type ResolvedJwtKey, resolveJwtKey } from './resolve-jwt-key.js';

export interface VerifyCredentialJwtOptions {
  /** The clock: `nbf` and `exp` are judged against it. */
  readonly now: Date;
  /** Reads did:web documents and `kid` key documents; by default nothing is fetched. */
  readonly fetcher?: ResourceFetcher;
  /** Asymmetric algorithms only: a MAC or `none` is refused whatever this list says. */
  readonly acceptedAlgorithms?: readonly JwtAlgorithm[];
  /** Leeway for `nbf` and `exp`, in seconds (default 0). */
  readonly clockToleranceSeconds?: number;
  /** Longest token accepted, in characters (default 1 MiB). */
  readonly maxLength?: number;
  /**
   * `strict` (default): the key must be shown to belong to the issuer. `1edtech` (unsafe for production)
   * also accepts a key that only the token vouches for (the 1EdTech samples' `jwk` header), and then
   * reports authorship as unproven.
   */
  readonly compat?: 'strict' | '1edtech';
}

export interface VerifyCredentialJwtResult {
  /** True only when every check passed. */
  readonly verified: boolean;
  /** The credential, once the signature verified (registered claims removed; VCDM 1.1 claims mapped in). */
  readonly credential?: Record<string, unknown>;
  readonly form?: CredentialJwtForm;
  /** The decoded JOSE header, as received, once it parsed. */
  readonly header?: Readonly<Record<string, unknown>>;
  readonly claims?: JwtRegisteredClaims;
  /** How the key was found and who controls it. */
  readonly key?: ResolvedJwtKey;
  readonly checks: readonly JwtCheck[];
  /** Set when the verdict relied on the `1edtech` concession of an unbound key: who signed is not known. */
  readonly authorship?: 'unproven';
  /** Why authorship is unproven. */
  readonly authorshipReason?: string;
}

function failure(id: JwtCheckId, error: unknown, fallback: ErrorCode): JwtCheck {
  const code = isMicrocredError(error) ? error.code : fallback;
  const message = error instanceof Error ? error.message : String(error);
  return { id, ok: false, code, message };
}

function source(key: ResolvedJwtKey): string {
  return key.source === 'jwk-header'
    ? 'the key comes from the jwk header'
    : `kid ${key.kid?.slice(0, 200) ?? ''} dereferences to a bare JWK`;
}

/**
 * OB 3.0 Implementation Guide "Key provenance": the key's controller must be the issuer. A key with no
 * controller of its own must be bound to the issuer through the issuer's documents; otherwise only the
 * `1edtech` mode accepts it, as a warning with authorship unproven.
 */
async function checkController(
  key: ResolvedJwtKey,
  issuer: string | undefined,
  options: VerifyCredentialJwtOptions,
): Promise<{ check: JwtCheck; key: ResolvedJwtKey; unproven?: string }> {
  if (key.controller === undefined) {
    const binding = await bindJwtKey({ key, issuer, fetcher: options.fetcher ?? refuseAllFetcher });
    if (binding.bound) {
      return {
        check: { id: 'jwt.key-controller', ok: true, message: `${source(key)}; ${binding.how}` },
        key: {
          ...key,
          controller: binding.controller,
          ...(binding.revoked === undefined ? {} : { revoked: binding.revoked }),
        },
      };
    }
    const why = `${source(key)} and ${binding.reason}: the signing key is not shown to belong to the issuer`;
    if (options.compat === '1edtech') {
      const reason = `${why}; accepted in 1edtech compatibility mode, so the signature proves integrity, not authorship`;
      return {
        check: { id: 'jwt.key-controller', ok: true, warning: true, message: reason },
        key,
        unproven: reason,
      };
    }
    return { check: { id: 'jwt.key-controller', ok: false, code: ErrorCode.UNBOUND_KEY, message: why }, key };
  }
  if (issuer !== key.controller) {
    return {
      check: {
        id: 'jwt.key-controller',
        ok: false,
        code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
        message: `key not controlled by issuer: ${key.controller.slice(0, 200)} controls it, the issuer is ${String(issuer).slice(0, 200)}`,
      },
      key,
    };
  }
  return {
    check: { id: 'jwt.key-controller', ok: true, message: `the key is controlled by the issuer ${issuer}` },
    key,
  };
}

function checkRevoked(revoked: string, claims: JwtRegisteredClaims): JwtCheck {
  // A revoked key still verifies what it signed before (key rotation keeps it published); the
  // signing time can only be read from the token, so a token without iat or nbf is refused.
  const signedAt = typeof claims.iat === 'number' ? claims.iat : claims.nbf;
  const revokedAt = Date.parse(revoked) / 1000;
  if (typeof signedAt === 'number' && Number.isFinite(revokedAt) && signedAt < revokedAt) {
    return { id: 'jwt.key-revoked', ok: true, message: `signed before the key was revoked (${revoked})` };
  }
  return {
    id: 'jwt.key-revoked',
    ok: false,
    code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
    message: `the key was revoked at ${revoked.slice(0, 40)} and the token is not shown to be older`,
  };
}

/**
 * Verifies a VC-JWT (OB 3.0 §"JSON Web Token Proof Format", VC-JOSE-COSE, VCDM 1.1 `vc` claim).
 * Never throws for a bad token: every failure is a check with a VC 2.0 §7.2 error code.
 */
export async function verifyCredentialJwt(
  jws: string,
  options: VerifyCredentialJwtOptions,
): Promise<VerifyCredentialJwtResult> {
  if (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())) {
    // A caller bug, not a bad token: judging nbf/exp against NaN would let every token pass.
    throw new TypeError('verifyCredentialJwt needs a valid `now` Date');
  }
  const checks: JwtCheck[] = [];
  const stop = (
    check: JwtCheck,
    partial: Partial<VerifyCredentialJwtResult> = {},
  ): VerifyCredentialJwtResult => ({
    ...partial,
    verified: false,
    checks: [...checks, check],
  });

  let parsed: ReturnType<typeof parseCompactJws>;
  try {
    parsed = parseCompactJws({
      jws,
      ...(options.maxLength === undefined ? {} : { maxLength: options.maxLength }),
    });
  } catch (error) {
    return stop(failure('jwt.parse', error, ErrorCode.PARSING_ERROR));
  }
  checks.push({ id: 'jwt.parse', ok: true, message: 'a compact JWS with a JSON header and payload' });
  const { header: rawHeader } = parsed;

  let header: CredentialJwtHeader;
  try {
    header = checkJwtHeader({
      header: rawHeader,
      acceptedAlgorithms: options.acceptedAlgorithms ?? DEFAULT_ACCEPTED_JWT_ALGORITHMS,
    });
  } catch (error) {
    return stop(failure('jwt.header', error, ErrorCode.MALFORMED_VALUE_ERROR), { header: rawHeader });
  }
  checks.push({ id: 'jwt.header', ok: true, message: `alg ${header.alg}` });

  let key: ResolvedJwtKey;
  try {
    key = await resolveJwtKey({ header, fetcher: options.fetcher ?? refuseAllFetcher });
    if (!jwkFitsJwtAlgorithm(key.jwk, header.alg)) {
      return stop(
        {
          id: 'jwt.key',
          ok: false,
          code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
          message: `a ${String(key.jwk.kty)} ${key.jwk.crv ?? ''} key cannot verify alg ${header.alg}`,
        },
        { header: rawHeader },
      );
    }
  } catch (error) {
    return stop(failure('jwt.key', error, ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR), { header: rawHeader });
  }
  checks.push({ id: 'jwt.key', ok: true, message: `key from ${key.source}` });

  // OpenSSL (under jose) accepts a small-order R; R and S are held to RFC 8032 strictly here, whatever
  // the backend does (ADVERSARIAL V5).
  if (header.alg === 'EdDSA' || header.alg === 'Ed25519') {
    const problem = ed25519SignatureProblem(base64url.decode(parsed.compact.split('.')[2] ?? ''));
    if (problem !== undefined) {
      return stop(
        {
          id: 'jwt.signature',
          ok: false,
          code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
          message: `not a valid Ed25519 signature: ${problem}`,
        },
        { header: rawHeader, key },
      );
    }
  }
  try {
    // RFC 7515 §5.2; `algorithms` pins jose to the alg already checked against this key. jose
    // freezes the JWK it is given, hence the copy.
    await compactVerify(parsed.compact, { ...key.jwk }, { algorithms: [header.alg] });
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    return stop(
      {
        id: 'jwt.signature',
        ok: false,
        code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
        message: `the JWT signature does not verify: ${reason}`,
      },
      { header: rawHeader, key },
    );
  }
  checks.push({ id: 'jwt.signature', ok: true, message: `${header.alg} signature verifies` });

  let payload: ReturnType<typeof credentialFromJwtPayload>;
  try {
    payload = credentialFromJwtPayload(parsed.payload);
  } catch (error) {
    return stop(failure('jwt.payload', error, ErrorCode.MALFORMED_VALUE_ERROR), {
      header: rawHeader,
      key,
    });
  }
  const { credential, claims, form } = payload;
  checks.push({
    id: 'jwt.payload',
    ok: true,
    message: form === 'vc-claim' ? 'VCDM 1.1 "vc" claim' : 'enveloped credential',
  });

  const issuer = credentialIssuerId(credential) ?? (typeof claims.iss === 'string' ? claims.iss : undefined);
  const controlled = await checkController(key, issuer, options);
  key = controlled.key;
  checks.push(controlled.check);
  if (key.revoked !== undefined) checks.push(checkRevoked(key.revoked, claims));
  checks.push(
    ...checkJwtClaims({
      claims,
      credential,
      now: options.now,
      ...(options.clockToleranceSeconds === undefined
        ? {}
        : { clockToleranceSeconds: options.clockToleranceSeconds }),
    }),
  );
  return {
    verified: checks.every((check) => check.ok),
    credential,
    form,
    header: rawHeader,
    claims,
    key,
    checks,
    ...(controlled.unproven === undefined
      ? {}
      : { authorship: 'unproven', authorshipReason: controlled.unproven }),
  };
}

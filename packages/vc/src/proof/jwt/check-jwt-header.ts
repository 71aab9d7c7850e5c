import { ErrorCode, MicrocredError } from '../../error/index.js';
import { isJwtAlgorithm, type JwtAlgorithm } from './jwt-algorithm.js';

/** A protected header that passed {@link checkJwtHeader}: only the parameters we allow remain. */
export interface CredentialJwtHeader {
  readonly alg: JwtAlgorithm;
  readonly kid?: string;
  readonly jwk?: Readonly<Record<string, unknown>>;
  readonly typ?: string;
  readonly cty?: string;
}

// OB 3.0 §"JSON Web Token Proof Format": alg, kid or jwk, optional typ, "no other header parameters".
// `cty` is allowed too: VC-JOSE-COSE §3.1.1 recommends it and real tokens carry it; it only names the
// payload's media type and changes nothing about what is signed. `crit` is NOT allowed: we implement
// no extension, and RFC 7515 §4.1.11 makes a token with an unknown critical parameter invalid (e.g.
// RFC 7797 `b64: false` changes what the signature covers).
const ALLOWED_PARAMETERS = new Set(['alg', 'kid', 'jwk', 'typ', 'cty']);

// OB 3.0 requires `JWT` when present; VC-JOSE-COSE (REC) registers `vc+jwt`, its later draft `vc-ld+jwt`.
const ACCEPTED_TYP = new Set(['jwt', 'vc+jwt', 'vc-ld+jwt']);
// VC-JOSE-COSE REC uses `vc`; earlier drafts used the JSON-LD media types of the credential.
const ACCEPTED_CTY = new Set(['vc', 'vc+ld+json', 'vc-ld+json', 'credential+ld+json']);

function mediaType(value: string): string {
  // RFC 7515 §4.1.9: "application/" may be omitted; media types compare case-insensitively (RFC 2045).
  const lower = value.toLowerCase();
  return lower.startsWith('application/') ? lower.slice('application/'.length) : lower;
}

function fail(code: ErrorCode, message: string): never {
  throw new MicrocredError(code, message);
}

/**
 * Checks the JOSE header of a VC-JWT before any key is looked up. Throws a MicrocredError:
 * CRYPTOGRAPHIC_SECURITY_ERROR for an algorithm or `crit` we refuse, MALFORMED_VALUE_ERROR otherwise.
 */
export function checkJwtHeader(options: {
  header: Readonly<Record<string, unknown>>;
  acceptedAlgorithms: readonly JwtAlgorithm[];
}): CredentialJwtHeader {
  const { header } = options;
  const { alg } = header;
  if (typeof alg !== 'string') fail(ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR, 'the JWT header has no "alg"');
  if (alg.toLowerCase() === 'none') {
    // VC-JOSE-COSE §3.1: an unsecured JWT has no integrity; its claims MUST be ignored.
    fail(ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR, 'alg "none" (unsecured JWT) is never accepted');
  }
  if (/^HS/i.test(alg)) {
    fail(
      ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
      `alg "${alg.slice(0, 20)}" is a MAC: only signatures are accepted`,
    );
  }
  // Filter at run time too: a JavaScript caller could slip a MAC into acceptedAlgorithms.
  if (!isJwtAlgorithm(alg) || !options.acceptedAlgorithms.filter(isJwtAlgorithm).includes(alg)) {
    fail(ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR, `alg "${alg.slice(0, 20)}" is not accepted`);
  }
  if ('crit' in header) {
    fail(ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR, 'the JWT header has "crit": no JWS extension is supported');
  }
  const extra = Object.keys(header).filter((name) => !ALLOWED_PARAMETERS.has(name));
  if (extra.length > 0) {
    fail(
      ErrorCode.MALFORMED_VALUE_ERROR,
      `OB 3.0 allows no other JWT header parameters: ${extra.slice(0, 5).join(', ').slice(0, 200)}`,
    );
  }
  const { kid, jwk, typ, cty } = header;
  if (typ !== undefined && (typeof typ !== 'string' || !ACCEPTED_TYP.has(mediaType(typ)))) {
    fail(ErrorCode.MALFORMED_VALUE_ERROR, `typ must be absent, "JWT", "vc+jwt" or "vc-ld+jwt"`);
  }
  if (cty !== undefined && (typeof cty !== 'string' || !ACCEPTED_CTY.has(mediaType(cty)))) {
    fail(ErrorCode.MALFORMED_VALUE_ERROR, 'cty must be absent or name a credential ("vc")');
  }
  if (kid !== undefined && (typeof kid !== 'string' || kid.length === 0 || kid.length > 2048)) {
    fail(ErrorCode.MALFORMED_VALUE_ERROR, 'kid must be a non-empty string');
  }
  if (jwk !== undefined && (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk))) {
    fail(ErrorCode.MALFORMED_VALUE_ERROR, 'jwk must be a JSON Web Key object');
  }
  return {
    alg,
    ...(kid === undefined ? {} : { kid }),
    ...(jwk === undefined ? {} : { jwk: jwk as Readonly<Record<string, unknown>> }),
    ...(typ === undefined ? {} : { typ }),
    ...(cty === undefined ? {} : { cty }),
  };
}

import { ErrorCode, MicrocredError } from '../../error/index.js';
import { isRecord } from '../../json/index.js';

/** RFC 7519 §4.1 registered claims: JWT-layer data, not properties of the credential. */
export const REGISTERED_JWT_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti'] as const;

export type JwtRegisteredClaims = Readonly<Partial<Record<(typeof REGISTERED_JWT_CLAIMS)[number], unknown>>>;

/** How the credential sits in the JWT. */
export type CredentialJwtForm =
  /** OB 3.0 VC-JWT and VC-JOSE-COSE: the claims set is the credential itself. */
  | 'enveloped'
  /** VCDM 1.1 §6.3.1: the credential is in the `vc` claim. */
  | 'vc-claim';

export interface CredentialFromJwtPayload {
  readonly credential: Record<string, unknown>;
  readonly claims: JwtRegisteredClaims;
  readonly form: CredentialJwtForm;
}

const VCDM2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

function numericDateToIso(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const date = new Date(value * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace('.000Z', 'Z');
}

/** VCDM 1.1 §6.3.1 "JWT decoding": registered claims fill in what the `vc` object leaves out. */
function fromVcClaim(vc: Record<string, unknown>, claims: JwtRegisteredClaims): Record<string, unknown> {
  const credential: Record<string, unknown> = { ...vc };
  const context = credential['@context'];
  const isVcdm2 = Array.isArray(context) && context[0] === VCDM2_CONTEXT;
  const [fromKey, untilKey] = isVcdm2 ? ['validFrom', 'validUntil'] : ['issuanceDate', 'expirationDate'];
  if (credential.issuer === undefined && typeof claims.iss === 'string') credential.issuer = claims.iss;
  if (credential.id === undefined && typeof claims.jti === 'string') credential.id = claims.jti;
  const from = numericDateToIso(claims.nbf);
  if (credential[fromKey] === undefined && from !== undefined) credential[fromKey] = from;
  const until = numericDateToIso(claims.exp);
  if (credential[untilKey] === undefined && until !== undefined) credential[untilKey] = until;
  const subject = credential.credentialSubject;
  if (typeof claims.sub === 'string') {
    if (subject === undefined) credential.credentialSubject = { id: claims.sub };
    else if (isRecord(subject) && subject.id === undefined) {
      credential.credentialSubject = { ...subject, id: claims.sub };
    }
  }
  return credential;
}

/**
 * Reads the credential out of a verified JWT claims set, in either form. The registered claims are
 * taken out of an enveloped credential: an embedded Data Integrity proof (OB 3.0 signs it before the
 * JWT) was made without them. Throws a MALFORMED_VALUE_ERROR MicrocredError.
 */
export function credentialFromJwtPayload(
  payload: Readonly<Record<string, unknown>>,
): CredentialFromJwtPayload {
  const claims: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(payload)) {
    if ((REGISTERED_JWT_CLAIMS as readonly string[]).includes(name)) claims[name] = value;
    else rest[name] = value;
  }
  if ('vc' in payload) {
    // VC-JOSE-COSE §3.1.3: `vc` MUST NOT appear next to an enveloped credential.
    if ('@context' in payload) {
      throw new MicrocredError(
        ErrorCode.MALFORMED_VALUE_ERROR,
        'the JWT has both a "vc" claim and a credential payload',
      );
    }
    if (!isRecord(payload.vc)) {
      throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, 'the "vc" claim must be a JSON object');
    }
    return { credential: fromVcClaim(payload.vc, claims), claims, form: 'vc-claim' };
  }
  if ('vp' in payload) {
    throw new MicrocredError(
      ErrorCode.MALFORMED_VALUE_ERROR,
      'the JWT holds a presentation ("vp"), not a credential',
    );
  }
  if (!('@context' in payload)) {
    throw new MicrocredError(
      ErrorCode.MALFORMED_VALUE_ERROR,
      'the JWT payload is not a credential: no "@context" and no "vc" claim',
    );
  }
  return { credential: rest, claims, form: 'enveloped' };
}

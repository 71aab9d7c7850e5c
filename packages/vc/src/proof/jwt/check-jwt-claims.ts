import { ErrorCode } from '../../error/index.js';
import { isRecord } from '../../json/index.js';
import type { JwtRegisteredClaims } from './credential-from-jwt-payload.js';
import type { JwtCheck, JwtCheckId } from './jwt-check.js';

/** `issuer` is a URL string or a Profile object with an `id` (VCDM 2.0 §4.7). */
export function credentialIssuerId(credential: Readonly<Record<string, unknown>>): string | undefined {
  const { issuer } = credential;
  if (typeof issuer === 'string') return issuer;
  return isRecord(issuer) && typeof issuer.id === 'string' ? issuer.id : undefined;
}

function subjectIds(credential: Readonly<Record<string, unknown>>): string[] {
  const { credentialSubject } = credential;
  const subjects = Array.isArray(credentialSubject) ? credentialSubject : [credentialSubject];
  return subjects.flatMap((subject) =>
    isRecord(subject) && typeof subject.id === 'string' ? [subject.id] : [],
  );
}

function ok(id: JwtCheckId, message: string): JwtCheck {
  return { id, ok: true, message };
}

function failed(id: JwtCheckId, code: ErrorCode, message: string): JwtCheck {
  return { id, ok: false, code, message };
}

function short(value: unknown): string {
  return JSON.stringify(value)?.slice(0, 120) ?? String(value);
}

function matchClaim(options: {
  id: JwtCheckId;
  claim: string;
  value: unknown;
  expected: readonly string[];
  property: string;
}): JwtCheck {
  const { id, claim, value, expected, property } = options;
  if (value === undefined) return ok(id, `no ${claim} claim`);
  if (typeof value !== 'string')
    return failed(id, ErrorCode.MALFORMED_VALUE_ERROR, `${claim} must be a string`);
  if (expected.length === 0) return ok(id, `${claim} is ${short(value)}; the credential has no ${property}`);
  return expected.includes(value)
    ? ok(id, `${claim} equals ${property}`)
    : failed(
        id,
        ErrorCode.MALFORMED_VALUE_ERROR,
        `${claim} ${short(value)} does not equal ${property} ${short(expected[0])}`,
      );
}

function numericDate(id: JwtCheckId, claim: string, value: unknown): JwtCheck | number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return failed(
    id,
    ErrorCode.MALFORMED_VALUE_ERROR,
    `${claim} must be a NumericDate (seconds since the epoch)`,
  );
}

function isoSeconds(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : date.toISOString();
}

/**
 * Checks the JWT registered claims against the credential they carry (OB 3.0 §"JSON Web Token Proof
 * Format", verification steps) and against `now`. Absent claims pass: VC-JOSE-COSE makes them optional,
 * and `validFrom`/`validUntil` themselves are checked by the verification pipeline.
 */
export function checkJwtClaims(options: {
  claims: JwtRegisteredClaims;
  credential: Readonly<Record<string, unknown>>;
  now: Date;
  clockToleranceSeconds?: number;
}): JwtCheck[] {
  const { claims, credential } = options;
  const now = options.now.getTime() / 1000;
  const tolerance = options.clockToleranceSeconds ?? 0;
  const issuer = credentialIssuerId(credential);
  const checks: JwtCheck[] = [
    matchClaim({
      id: 'jwt.iss',
      claim: 'iss',
      value: claims.iss,
      expected: issuer === undefined ? [] : [issuer],
      property: 'issuer.id',
    }),
    matchClaim({
      id: 'jwt.jti',
      claim: 'jti',
      value: claims.jti,
      expected: typeof credential.id === 'string' ? [credential.id] : [],
      property: 'id',
    }),
    matchClaim({
      id: 'jwt.sub',
      claim: 'sub',
      value: claims.sub,
      expected: subjectIds(credential),
      property: 'credentialSubject.id',
    }),
  ];
  if (claims.nbf === undefined) checks.push(ok('jwt.nbf', 'no nbf claim'));
  else {
    const nbf = numericDate('jwt.nbf', 'nbf', claims.nbf);
    if (typeof nbf !== 'number') checks.push(nbf);
    else if (nbf > now + tolerance) {
      checks.push(failed('jwt.nbf', ErrorCode.RANGE_ERROR, `the JWT is not valid before ${isoSeconds(nbf)}`));
    } else checks.push(ok('jwt.nbf', `valid since ${isoSeconds(nbf)}`));
  }
  if (claims.exp === undefined) checks.push(ok('jwt.exp', 'no exp claim'));
  else {
    const exp = numericDate('jwt.exp', 'exp', claims.exp);
    // RFC 7519 §4.1.4: the current time MUST be before exp.
    if (typeof exp !== 'number') checks.push(exp);
    else if (now - tolerance >= exp) {
      checks.push(failed('jwt.exp', ErrorCode.RANGE_ERROR, `the JWT expired at ${isoSeconds(exp)}`));
    } else checks.push(ok('jwt.exp', `valid until ${isoSeconds(exp)}`));
  }
  return checks;
}

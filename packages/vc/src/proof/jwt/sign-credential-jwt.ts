import {
  createPrivateKey,
  createPublicKey,
  type JsonWebKey,
  KeyObject,
  sign as signWithNode,
} from 'node:crypto';
import { base64url } from 'jose';
import type { SigningKey } from '../../did/index.js';
import { ErrorCode, MicrocredError } from '../../error/index.js';
import { isRecord } from '../../json/index.js';
import { credentialIssuerId } from './check-jwt-claims.js';

/** An RSA private key for RS256 (RFC 7518 §3.3: 2048 bits or more). */
export interface RsaJwtSigningKey {
  /** A URL that returns the public JWK (OB 3.0 `kid` convention); required for a `kid` header. */
  readonly id?: string;
  readonly privateKey: KeyObject | JsonWebKey;
}

/** Which key signs, told apart by `alg`: our Ed25519 SigningKey (maybe KMS-backed) or an RSA key. */
export type CredentialJwtKey =
  | { readonly alg: 'EdDSA'; readonly key: SigningKey }
  | { readonly alg: 'RS256'; readonly key: RsaJwtSigningKey };

export type SignCredentialJwtOptions = CredentialJwtKey & {
  /** The unsigned credential (it may already carry an embedded Data Integrity proof). */
  readonly credential: Readonly<Record<string, unknown>>;
  /** Name the key by `kid` (default: a URL to dereference) or embed the public key as `jwk`. */
  readonly header?: 'kid' | 'jwk';
  /** `typ: "JWT"` is optional in OB 3.0; `false` leaves it out. */
  readonly typ?: 'JWT' | false;
};

const MIN_RSA_BITS = 2048;

function fail(message: string, cause?: unknown): never {
  throw new MicrocredError(ErrorCode.PROOF_GENERATION_ERROR, message, cause === undefined ? {} : { cause });
}

function numericDate(value: unknown, property: string): number {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) fail(`${property} must be a date-time to become a JWT NumericDate`);
  return Math.floor(time / 1000);
}

interface CredentialClaims {
  readonly iss: string;
  readonly jti?: string;
  readonly nbf: number;
  readonly sub?: string;
  readonly exp?: number;
}

/** OB 3.0 §"JSON Web Token Proof Format": the claims that mirror credential properties. */
function registeredClaims(credential: Readonly<Record<string, unknown>>): CredentialClaims {
  const iss = credentialIssuerId(credential);
  if (iss === undefined) fail('the credential has no issuer id (the JWT "iss" claim is required)');
  // VCDM 1.1 credentials name the same dates issuanceDate / expirationDate.
  const fromProperty = credential.validFrom === undefined ? 'issuanceDate' : 'validFrom';
  const untilProperty = credential.validUntil === undefined ? 'expirationDate' : 'validUntil';
  if (credential[fromProperty] === undefined) {
    fail('the credential has no validFrom (the JWT "nbf" claim is required)');
  }
  const { credentialSubject } = credential;
  const sub =
    isRecord(credentialSubject) && typeof credentialSubject.id === 'string'
      ? credentialSubject.id
      : undefined;
  return {
    iss,
    ...(typeof credential.id === 'string' ? { jti: credential.id } : {}),
    nbf: numericDate(credential[fromProperty], fromProperty),
    ...(sub === undefined ? {} : { sub }),
    ...(credential[untilProperty] === undefined
      ? {}
      : { exp: numericDate(credential[untilProperty], untilProperty) }),
  };
}

function rsaPrivateKey(privateKey: KeyObject | JsonWebKey): KeyObject {
  let key: KeyObject;
  try {
    key = privateKey instanceof KeyObject ? privateKey : createPrivateKey({ key: privateKey, format: 'jwk' });
  } catch (cause) {
    fail('the RS256 key is not a valid private JWK', cause);
  }
  if (key.type !== 'private' || key.asymmetricKeyType !== 'rsa') fail('RS256 needs an RSA private key');
  if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) {
    fail(`RS256 needs an RSA key of at least ${MIN_RSA_BITS} bits (RFC 7518 §3.3)`);
  }
  return key;
}

interface JwsSigner {
  readonly kid: string | undefined;
  readonly jwk: Readonly<Record<string, unknown>>;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

function signerFor(options: SignCredentialJwtOptions, issuer: string): JwsSigner {
  if (options.alg === 'EdDSA') {
    const { key } = options;
    // The verifier refuses a key whose controller is not the issuer (OB 3.0 "Key provenance").
    if (key.controller !== issuer)
      fail(`the key ${key.id} is controlled by ${key.controller}, not by ${issuer}`);
    return {
      kid: key.id,
      jwk: { kty: 'OKP', crv: 'Ed25519', x: base64url.encode(key.publicKey) },
      sign: (data) => key.sign(data),
    };
  }
  if (options.alg === 'RS256') {
    const privateKey = rsaPrivateKey(options.key.privateKey);
    const { kty, n, e } = createPublicKey(privateKey).export({ format: 'jwk' });
    return {
      kid: options.key.id,
      jwk: { kty, n, e },
      // node:crypto signs RSA keys with RSASSA-PKCS1-v1_5, which is what RS256 is (RFC 7518 §3.3).
      sign: (data) => Promise.resolve(new Uint8Array(signWithNode('sha256', data, privateKey))),
    };
  }
  return fail(`unsupported alg ${String((options as { alg: unknown }).alg)}`);
}

/**
 * Signs a credential as an OB 3.0 VC-JWT (compact JWS): the payload is the credential itself plus
 * `iss`, `jti`, `nbf`, `sub` and `exp`; the header is `{alg, kid|jwk, typ?}` and nothing else.
 * Throws a PROOF_GENERATION_ERROR MicrocredError.
 */
export async function signCredentialJwt(options: SignCredentialJwtOptions): Promise<string> {
  const { credential } = options;
  if (!isRecord(credential)) fail('the credential must be a JSON object');
  // VC-JOSE-COSE §3.1.3: the `vc`/`vp` claims of VCDM 1.1 must not appear in an enveloped credential.
  if ('vc' in credential || 'vp' in credential) fail('the credential must not have "vc" or "vp" members');
  const claims = registeredClaims(credential);
  for (const [name, value] of Object.entries(claims)) {
    if (name in credential && credential[name] !== value) {
      fail(`the credential already has a "${name}" member that differs from the JWT claim`);
    }
  }
  const signer = signerFor(options, claims.iss);
  const headerMode = options.header ?? 'kid';
  if (headerMode === 'kid' && (signer.kid === undefined || signer.kid === '')) {
    fail('a kid header needs a key id (a URL that dereferences to the key)');
  }
  const header = {
    alg: options.alg,
    ...(headerMode === 'kid' ? { kid: signer.kid } : { jwk: signer.jwk }),
    ...(options.typ === false ? {} : { typ: options.typ ?? 'JWT' }),
  };
  const encodedHeader = base64url.encode(JSON.stringify(header));
  const encodedPayload = base64url.encode(JSON.stringify({ ...credential, ...claims }));
  const signingInput = new TextEncoder().encode(`${encodedHeader}.${encodedPayload}`);
  let signature: Uint8Array;
  try {
    signature = await signer.sign(signingInput);
  } catch (cause) {
    fail('the key could not sign the JWT', cause);
  }
  return `${encodedHeader}.${encodedPayload}.${base64url.encode(signature)}`;
}

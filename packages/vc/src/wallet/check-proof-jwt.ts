import { didJwkFromPublicKey, parseDidJwk } from '../did/did-jwk.js';
import { parseDidKey } from '../did/did-key.js';
import { verifyEd25519 } from '../did/ed25519.js';
import { isMicrocredError } from '../error/index.js';
import { parseCompactJws } from '../proof/jwt/parse-compact-jws.js';

/** OpenID4VCI 1.0 §F.1: the media type a key proof JWT declares, and nothing else. */
export const PROOF_JWT_TYPE = 'openid4vci-proof+jwt';

/** A key proof's failure, as the credential endpoint names it (OpenID4VCI 1.0 §8.3.1.2). */
export interface ProofJwtFailure {
  readonly ok: false;
  readonly error: 'invalid_proof';
  readonly description: string;
}

/** A key proof that checks out: the holder's DID (the key it proves) and the nonce it signed. */
export interface ProofJwtSuccess {
  readonly ok: true;
  /** did:key or did:jwk of the proving key: what the credential's subject is bound to. */
  readonly holderDid: string;
  /** The `c_nonce` the wallet signed: the caller checks it is one it gave and has not taken yet. */
  readonly nonce: string;
}

// A wallet's clock may run ahead of ours by this much; a proof older than `maxAgeSeconds` is refused.
const CLOCK_SKEW_SECONDS = 60;

function refuse(description: string): ProofJwtFailure {
  return { ok: false, error: 'invalid_proof', description };
}

function keyOf(header: Readonly<Record<string, unknown>>): { did: string; publicKey: Uint8Array } | string {
  const { kid, jwk } = header;
  if ('x5c' in header || 'key_attestation' in header || 'trust_chain' in header) {
    return 'only a kid (did:key, did:jwk) or a jwk header names the proof key here';
  }
  // §F.1: kid "MUST NOT be present if jwk or x5c is present": two keys could say two different things.
  if (kid !== undefined && jwk !== undefined) return 'a key proof names its key by kid or by jwk, not both';
  try {
    if (typeof kid === 'string') {
      if (kid.startsWith('did:key:')) {
        // §F.1: the kid "MUST be a DID URL referring to a DID Document": did:key's one method is its fragment.
        if (!kid.includes('#')) return 'the kid must be a DID URL (did:key:…#…)';
        const parsed = parseDidKey(kid);
        return { did: parsed.did, publicKey: parsed.publicKey };
      }
      if (kid.startsWith('did:jwk:')) {
        if (!kid.endsWith('#0')) return 'the kid of a did:jwk must be its verification method #0';
        const parsed = parseDidJwk(kid);
        return { did: parsed.did, publicKey: parsed.publicKey };
      }
      return 'the kid must be a did:key or did:jwk verification method';
    }
    if (typeof jwk === 'object' && jwk !== null && !Array.isArray(jwk)) {
      const { kty, crv, x } = jwk as Record<string, unknown>;
      if ('d' in jwk) return 'the jwk header holds a private key';
      if (kty !== 'OKP' || crv !== 'Ed25519' || typeof x !== 'string')
        return 'the jwk must be an Ed25519 public key';
      const publicKey = new Uint8Array(Buffer.from(x, 'base64url'));
      return { did: didJwkFromPublicKey(publicKey), publicKey };
    }
  } catch (error) {
    return isMicrocredError(error) ? error.message : 'the proof key could not be read';
  }
  return 'the key proof names no key (kid or jwk)';
}

/**
 * Checks an OpenID4VCI `jwt` key proof (1.0 appendix F.1): the header's `typ` and `alg` (EdDSA only),
 * the key it names (a did:key or did:jwk URL in `kid`, or an Ed25519 `jwk`), the signature, `aud` equal to
 * the Credential Issuer Identifier, `iat` neither in the future nor older than `maxAgeSeconds`, and a
 * `nonce`. Pure: whether the nonce is still unused is the caller's to decide. Never throws for bad input.
 */
export function checkProofJwt(options: {
  readonly jwt: unknown;
  readonly audience: string;
  readonly now: Date;
  readonly maxAgeSeconds?: number;
}): ProofJwtSuccess | ProofJwtFailure {
  let parsed: ReturnType<typeof parseCompactJws>;
  try {
    parsed = parseCompactJws({ jws: options.jwt, maxLength: 16 * 1024 });
  } catch (error) {
    return refuse(isMicrocredError(error) ? error.message : 'the key proof is not a JWT');
  }
  const { header, payload, compact } = parsed;
  if (header.typ !== PROOF_JWT_TYPE) return refuse(`the key proof's typ must be ${PROOF_JWT_TYPE}`);
  if (header.alg !== 'EdDSA' && header.alg !== 'Ed25519')
    return refuse('the key proof must be signed with EdDSA (Ed25519)');
  if (header.crit !== undefined) return refuse('no critical header extension is understood here');
  const key = keyOf(header);
  if (typeof key === 'string') return refuse(key);
  const [signingInputHeader, signingInputPayload, signature] = compact.split('.');
  const signed = new TextEncoder().encode(`${signingInputHeader}.${signingInputPayload}`);
  let valid = false;
  try {
    valid = verifyEd25519(key.publicKey, signed, new Uint8Array(Buffer.from(signature ?? '', 'base64url')));
  } catch {
    valid = false;
  }
  if (!valid) return refuse('the key proof signature does not verify under its key');
  const audiences = typeof payload.aud === 'string' ? [payload.aud] : payload.aud;
  if (!Array.isArray(audiences) || !audiences.includes(options.audience)) {
    return refuse('the key proof aud must be this Credential Issuer Identifier');
  }
  if (typeof payload.iat !== 'number' || !Number.isFinite(payload.iat))
    return refuse('the key proof needs an iat');
  const nowSeconds = options.now.getTime() / 1000;
  if (payload.iat > nowSeconds + CLOCK_SKEW_SECONDS) return refuse('the key proof iat is in the future');
  if (payload.iat < nowSeconds - (options.maxAgeSeconds ?? 300))
    return refuse('the key proof is too old (iat)');
  if (typeof payload.exp === 'number' && payload.exp < nowSeconds - CLOCK_SKEW_SECONDS) {
    return refuse('the key proof has expired (exp)');
  }
  // §F.1: a proof without the issuer's c_nonce is an invalid proof; a wrong or stale one is invalid_nonce.
  if (typeof payload.nonce !== 'string' || payload.nonce === '') return refuse('the key proof has no nonce');
  return { ok: true, holderDid: key.did, nonce: payload.nonce };
}

import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { didJwkFromPublicKey } from '../did/did-jwk.js';
import { didKeyFromPublicKey, didKeyVerificationMethodId } from '../did/did-key.js';
import { checkProofJwt } from './check-proof-jwt.js';

const AUDIENCE = 'https://issuer.example';
const NOW = new Date('2026-12-06T10:00:00Z');
const nowSeconds = NOW.getTime() / 1000;

async function holder() {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const jwk = (await exportJWK(publicKey)) as JWK & { x: string };
  const raw = new Uint8Array(Buffer.from(jwk.x, 'base64url'));
  return { privateKey, jwk, didKey: didKeyFromPublicKey(raw), didJwk: didJwkFromPublicKey(raw) };
}

async function proof(
  signer: Awaited<ReturnType<typeof holder>>,
  header: Record<string, unknown>,
  claims: Record<string, unknown> = {},
) {
  return new SignJWT({ aud: AUDIENCE, iat: nowSeconds, nonce: 'n-1', ...claims })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'openid4vci-proof+jwt', ...header })
    .sign(signer.privateKey);
}

describe('checkProofJwt (OpenID4VCI key proof)', () => {
  it('binds to the did:key of a kid, the did:jwk of a kid, and the did:jwk of a jwk header', async () => {
    const wallet = await holder();
    const byDidKey = await proof(wallet, { kid: didKeyVerificationMethodId(wallet.didKey) });
    expect(checkProofJwt({ jwt: byDidKey, audience: AUDIENCE, now: NOW })).toEqual({
      ok: true,
      holderDid: wallet.didKey,
      nonce: 'n-1',
    });
    const byDidJwk = await proof(wallet, { kid: `${wallet.didJwk}#0` });
    expect(checkProofJwt({ jwt: byDidJwk, audience: AUDIENCE, now: NOW })).toMatchObject({
      ok: true,
      holderDid: wallet.didJwk,
    });
    const byJwk = await proof(wallet, { jwk: wallet.jwk });
    expect(checkProofJwt({ jwt: byJwk, audience: AUDIENCE, now: NOW })).toMatchObject({
      ok: true,
      holderDid: wallet.didJwk,
    });
  });

  it.each([
    ['a wrong typ', { typ: 'JWT' }, {}],
    ['a wrong aud', {}, { aud: 'https://other.example' }],
    ['an iat in the future', {}, { iat: nowSeconds + 600 }],
    ['an old iat', {}, { iat: nowSeconds - 3600 }],
    ['no nonce', {}, { nonce: undefined }],
  ])('refuses %s as invalid_proof', async (_name, header, claims) => {
    const wallet = await holder();
    const jwt = await proof(wallet, { kid: didKeyVerificationMethodId(wallet.didKey), ...header }, claims);
    expect(checkProofJwt({ jwt, audience: AUDIENCE, now: NOW })).toMatchObject({
      ok: false,
      error: 'invalid_proof',
    });
  });

  it('refuses a kid naming another key than the one that signed', async () => {
    const wallet = await holder();
    const other = await holder();
    const jwt = await proof(wallet, { kid: didKeyVerificationMethodId(other.didKey) });
    expect(checkProofJwt({ jwt, audience: AUDIENCE, now: NOW })).toMatchObject({
      ok: false,
      description: expect.stringContaining('signature'),
    });
  });

  it('refuses both kid and jwk, a private jwk, an https kid, and garbage', async () => {
    const wallet = await holder();
    const kid = didKeyVerificationMethodId(wallet.didKey);
    for (const header of [
      { kid, jwk: wallet.jwk },
      { jwk: { ...wallet.jwk, d: 'AA' } },
      { kid: 'https://x.example/k' },
    ]) {
      expect(checkProofJwt({ jwt: await proof(wallet, header), audience: AUDIENCE, now: NOW }).ok).toBe(
        false,
      );
    }
    expect(checkProofJwt({ jwt: 'not.a.jwt', audience: AUDIENCE, now: NOW }).ok).toBe(false);
    expect(checkProofJwt({ jwt: 42, audience: AUDIENCE, now: NOW }).ok).toBe(false);
  });

  it('refuses alg none and an HMAC-signed proof', async () => {
    const wallet = await holder();
    const kid = didKeyVerificationMethodId(wallet.didKey);
    const body = Buffer.from(JSON.stringify({ aud: AUDIENCE, iat: nowSeconds, nonce: 'n' })).toString(
      'base64url',
    );
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'openid4vci-proof+jwt', kid })).toString('base64url')}.${body}.`;
    expect(checkProofJwt({ jwt: none, audience: AUDIENCE, now: NOW }).ok).toBe(false);
    const hmac = await new SignJWT({ aud: AUDIENCE, iat: nowSeconds, nonce: 'n' })
      .setProtectedHeader({ alg: 'HS256', typ: 'openid4vci-proof+jwt', kid })
      .sign(new Uint8Array(32));
    expect(checkProofJwt({ jwt: hmac, audience: AUDIENCE, now: NOW }).ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { thrownCode } from '../credential/test-credentials.js';
import { ErrorCode } from '../error/index.js';
import { didJwkDocument, didJwkFromPublicKey, parseDidJwk } from './did-jwk.js';
import { ED25519_SMALL_ORDER_POINTS, generateEd25519KeyPair } from './ed25519.js';

const encode = (value: unknown) => `did:jwk:${Buffer.from(JSON.stringify(value)).toString('base64url')}`;

describe('did:jwk (Ed25519)', () => {
  it('round-trips a public key through the DID and its #0 verification method', () => {
    const { publicKey } = generateEd25519KeyPair();
    const did = didJwkFromPublicKey(publicKey);
    expect(parseDidJwk(did).publicKey).toEqual(publicKey);
    expect(parseDidJwk(`${did}#0`).did).toBe(did);
    const document = didJwkDocument(did);
    expect(document.id).toBe(did);
    expect(document.verificationMethod?.[0]).toMatchObject({ id: `${did}#0`, controller: did });
    expect(document.authentication).toEqual([`${did}#0`]);
  });

  it('reads the did:jwk method spec example key (the x of RFC 8037 appendix A.2)', () => {
    const jwk = { crv: 'Ed25519', kty: 'OKP', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };
    expect(Buffer.from(parseDidJwk(encode(jwk)).publicKey).toString('hex')).toBe(
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    );
  });

  it.each([
    ['an EC key', { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' }],
    [
      'a private key',
      { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', d: 'AA' },
    ],
    ['a key without x', { kty: 'OKP', crv: 'Ed25519' }],
    ['an array', []],
  ])('refuses %s', (_name, jwk) => {
    expect(thrownCode(() => parseDidJwk(encode(jwk)))).toBe(ErrorCode.DID_RESOLUTION_ERROR);
  });

  it('refuses a fragment other than #0, and text that is not base64url JSON', () => {
    const did = didJwkFromPublicKey(generateEd25519KeyPair().publicKey);
    expect(thrownCode(() => parseDidJwk(`${did}#1`))).toBe(ErrorCode.DID_RESOLUTION_ERROR);
    expect(thrownCode(() => parseDidJwk('did:jwk:bm90IGpzb24'))).toBe(ErrorCode.DID_RESOLUTION_ERROR);
    expect(thrownCode(() => parseDidJwk('did:jwk:'))).toBe(ErrorCode.DID_RESOLUTION_ERROR);
  });

  it('refuses a small-order point as a key', () => {
    const x = Buffer.from(ED25519_SMALL_ORDER_POINTS[0] ?? '', 'hex').toString('base64url');
    expect(thrownCode(() => parseDidJwk(encode({ kty: 'OKP', crv: 'Ed25519', x })))).toBe(
      ErrorCode.INVALID_KEY,
    );
  });
});

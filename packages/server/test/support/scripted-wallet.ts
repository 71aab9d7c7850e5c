import { didJwkFromPublicKey, didKeyFromPublicKey, didKeyVerificationMethodId } from '@microcred/vc';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import type { CallResult, TestApp } from './test-app.js';

/** An Ed25519 holder key as a wallet keeps it, with its did:key and did:jwk. */
export async function walletKey() {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const jwk = (await exportJWK(publicKey)) as JWK & { x: string };
  const raw = new Uint8Array(Buffer.from(jwk.x, 'base64url'));
  return { privateKey, jwk, didKey: didKeyFromPublicKey(raw), didJwk: didJwkFromPublicKey(raw) };
}
export type WalletKey = Awaited<ReturnType<typeof walletKey>>;

/** A key proof JWT (OpenID4VCI 1.0 appendix F.1), with any header or claim overridden. */
export async function keyProof(
  key: WalletKey,
  options: {
    readonly audience: string;
    readonly nonce: string | undefined;
    readonly header?: Record<string, unknown>;
    readonly claims?: Record<string, unknown>;
  },
): Promise<string> {
  return new SignJWT({
    aud: options.audience,
    nonce: options.nonce,
    iat: Math.floor(Date.now() / 1000),
    ...options.claims,
  })
    .setProtectedHeader({
      alg: 'EdDSA',
      typ: 'openid4vci-proof+jwt',
      kid: didKeyVerificationMethodId(key.didKey),
      ...options.header,
    })
    .sign(key.privateKey);
}

/**
 * A wallet driven by script through the pre-authorized code flow, as a real one would: it reads the
 * offer URI, fetches the offer and the issuer's metadata, redeems the code, fetches a nonce, proves its
 * key and asks for the credential. Each step returns the raw answer, so tests can stop anywhere.
 */
export class ScriptedWallet {
  readonly #test: TestApp;
  readonly key: WalletKey;

  constructor(test: TestApp, key: WalletKey) {
    this.#test = test;
    this.key = key;
  }

  /** The path (on the test app) of a URL the issuer gave. */
  static pathOf(url: string): string {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  }

  async fetchOffer(offerUri: string): Promise<CallResult> {
    const reference = new URL(offerUri).searchParams.get('credential_offer_uri');
    if (reference === null) throw new Error(`not an offer by reference: ${offerUri}`);
    return this.#test.call(ScriptedWallet.pathOf(reference));
  }

  async token(preAuthorizedCode: string, txCode?: string): Promise<CallResult> {
    const form = new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code',
      'pre-authorized_code': preAuthorizedCode,
      ...(txCode === undefined ? {} : { tx_code: txCode }),
    });
    return this.#test.call('/openid4vci/token', {
      body: form.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
  }

  async nonce(): Promise<string> {
    const answer = await this.#test.call('/openid4vci/nonce', { method: 'POST' });
    if (answer.status !== 200) throw new Error(`nonce endpoint answered ${answer.status}`);
    return answer.body.c_nonce as string;
  }

  async credential(accessToken: string | undefined, request: Record<string, unknown>): Promise<CallResult> {
    return this.#test.call('/openid4vci/credential', {
      json: request,
      headers: accessToken === undefined ? {} : { Authorization: `Bearer ${accessToken}` },
    });
  }

  /** The whole flow from an offer URI to the credential endpoint's answer. */
  async receive(
    offerUri: string,
    options: {
      readonly configurationId?: string;
      readonly txCode?: string;
      readonly useJwkHeader?: boolean;
    } = {},
  ): Promise<{ readonly answer: CallResult; readonly preAuthorizedCode: string }> {
    const offer = await this.fetchOffer(offerUri);
    const issuer = offer.body.credential_issuer as string;
    const metadata = await this.#test.call(
      ScriptedWallet.pathOf(`${issuer}/.well-known/openid-credential-issuer`),
    );
    const preAuthorizedCode = offer.body.grants['urn:ietf:params:oauth:grant-type:pre-authorized_code'][
      'pre-authorized_code'
    ] as string;
    const token = await this.token(preAuthorizedCode, options.txCode);
    if (token.status !== 200) return { answer: token, preAuthorizedCode };
    const proof = await keyProof(this.key, {
      audience: metadata.body.credential_issuer,
      nonce: await this.nonce(),
      ...(options.useJwkHeader === true ? { header: { kid: undefined, jwk: this.key.jwk } } : {}),
    });
    const answer = await this.credential(token.body.access_token, {
      credential_configuration_id: options.configurationId ?? 'OpenBadgeCredential_ldp_vc',
      proofs: { jwt: [proof] },
    });
    return { answer, preAuthorizedCode };
  }
}

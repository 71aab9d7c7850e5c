import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { CompactSign } from 'jose';

/**
 * The 1EdTech OB 2.0 examples (issuer, badge class, assertion, CryptographicKey, RevocationList; OB 2.0
 * §Examples), rebuilt under a chosen origin so a test can host them and sign them with its own RSA key.
 */
export const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';
export const RECIPIENT_EMAIL = 'alice@example.org';
export const RECIPIENT_SALT = 'deadsea';

export type Json = Record<string, unknown>;

export interface Ob2Examples {
  readonly origin: string;
  readonly issuer: Json;
  readonly badgeClass: Json;
  readonly hosted: Json;
  readonly key: Json;
  readonly revocationList: Json;
  readonly privateKey: KeyObject;
  /** Every document by its id, as its issuer would serve them. */
  documents(): Map<string, unknown>;
  /** The assertion as a signed badge (verification.creator = the key), with overrides. */
  signedAssertion(overrides?: Json): Json;
  /** A compact JWS (RS256) of `payload`, signed with `key` (default: the issuer's). */
  sign(payload: Json, key?: KeyObject): Promise<string>;
}

export function hashedEmail(email: string, salt: string, algorithm: 'sha256' | 'md5' = 'sha256'): string {
  return `${algorithm}$${createHash(algorithm)
    .update(email + salt)
    .digest('hex')}`;
}

let rsa: { publicKey: KeyObject; privateKey: KeyObject } | undefined;

/** One RSA key per test process: generating 2048-bit keys is slow, and every example may share one. */
export function testRsaKey(): { publicKey: KeyObject; privateKey: KeyObject } {
  rsa ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
  return rsa;
}

export function buildOb2Examples(origin = 'https://example.org'): Ob2Examples {
  const { publicKey, privateKey } = testRsaKey();
  const issuer: Json = {
    '@context': OB2_CONTEXT,
    type: 'Issuer',
    id: `${origin}/issuer.json`,
    name: 'An Example Badge Issuer',
    image: `${origin}/logo.png`,
    url: origin,
    email: 'steved@example.org',
    publicKey: `${origin}/key.json`,
    revocationList: `${origin}/revocations.json`,
  };
  const badgeClass: Json = {
    '@context': OB2_CONTEXT,
    type: 'BadgeClass',
    id: `${origin}/robotics-badge.json`,
    name: 'Awesome Robotics Badge',
    description: 'For doing awesome things with robots that people think is pretty great.',
    image: `${origin}/robotics-badge.png`,
    criteria: `${origin}/robotics-badge.html`,
    issuer: `${origin}/issuer.json`,
  };
  const hosted: Json = {
    '@context': OB2_CONTEXT,
    type: 'Assertion',
    id: `${origin}/beths-robotics-badge.json`,
    recipient: {
      type: 'email',
      hashed: true,
      salt: RECIPIENT_SALT,
      identity: hashedEmail(RECIPIENT_EMAIL, RECIPIENT_SALT),
    },
    image: `${origin}/beths-robot-badge.png`,
    evidence: `${origin}/beths-robot-work.html`,
    issuedOn: '2016-12-31T23:59:59Z',
    badge: `${origin}/robotics-badge.json`,
    verification: { type: 'hosted' },
  };
  const key: Json = {
    '@context': OB2_CONTEXT,
    type: 'CryptographicKey',
    id: `${origin}/key.json`,
    owner: `${origin}/issuer.json`,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
  const revocationList: Json = {
    '@context': OB2_CONTEXT,
    type: 'RevocationList',
    id: `${origin}/revocations.json`,
    issuer: `${origin}/issuer.json`,
    revokedAssertions: [],
  };
  return {
    origin,
    issuer,
    badgeClass,
    hosted,
    key,
    revocationList,
    privateKey,
    documents: () =>
      new Map<string, unknown>(
        [issuer, badgeClass, hosted, key, revocationList].map((document) => [
          document.id as string,
          structuredClone(document),
        ]),
      ),
    signedAssertion: (overrides = {}) => ({
      ...structuredClone(hosted),
      id: 'urn:uuid:2f900c7c-f473-4bff-8173-da5b0b1de6a2',
      verification: { type: 'SignedBadge', creator: `${origin}/key.json` },
      ...overrides,
    }),
    sign: (payload, signingKey = privateKey) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'RS256' })
        .sign(signingKey),
  };
}

import { randomBytes, randomUUID } from 'node:crypto';
import {
  addDataIntegrityProof,
  buildAchievement,
  buildAchievementCredential,
  buildProfile,
  createEd25519SigningKey,
  didKeyFromPublicKey,
  didKeyVerificationMethodId,
  generateEd25519KeyPair,
  OB_PNG_KEYWORD,
  OB_SVG_NAMESPACE,
  type SigningKey,
  signCredentialJwt,
} from '@microcred/vc';
import { encodePngChunk, PNG_SIGNATURE } from '../../../vc/src/bake/png-chunks.js';
import { concatBytes, tinyPngChunks } from '../../../vc/test/support/test-images.js';

/**
 * Credentials signed by a real did:key (resolved offline, so every verifier here can check them) whose
 * text reads two ways: `JSON.parse` keeps the last of duplicate members, a first-wins reader (or a
 * person) sees the first. Each verifies without strict I-JSON parsing, so a test that expects a refusal
 * fails if any entry point lets them through.
 */
export interface TwoFacedCredentials {
  readonly key: SigningKey;
  /** The signed credential, as issued. */
  readonly credential: Record<string, unknown>;
  /** Its JSON with a decoy `credentialSubject` first; `JSON.parse` returns exactly `credential`. */
  readonly duplicateSubject: string;
  /**
   * A credential signed with `name` U+FFFD, its JSON with the name written as a lone surrogate `\ud800`
   * instead: UTF-8 canonical forms cannot tell the two apart, so the signature still holds.
   */
  readonly loneSurrogateName: string;
  /** The same credential as a VC-JWT, as signed. */
  readonly jwt: string;
  /** A VC-JWT whose payload has the decoy subject first, signed as a whole by the same key. */
  readonly duplicateSubjectJwt: string;
  /** A VC-JWT whose signed payload writes the name as a lone surrogate `\ud800`. */
  readonly loneSurrogateNameJwt: string;
}

const DECOY_SUBJECT = {
  type: ['AchievementSubject'],
  id: 'did:example:decoy',
  achievement: { name: 'Decoy: Doctor of Medicine' },
};

function withDecoyFirst(json: string): string {
  return `{"credentialSubject":${JSON.stringify(DECOY_SUBJECT)},${json.slice(1)}`;
}

function unsignedCredential(key: SigningKey, name: string): Record<string, unknown> {
  return buildAchievementCredential({
    id: `urn:uuid:${randomUUID()}`,
    issuer: buildProfile({ id: key.controller, name: 'Test Academy' }),
    achievement: buildAchievement({
      id: 'https://academy.example/achievements/first-aid',
      name,
      description: 'Gives first aid.',
      criteria: { narrative: 'Pass the first aid course.' },
    }),
    recipient: { id: 'did:example:learner' },
    validFrom: new Date('2025-01-01T00:00:00Z'),
    name,
  }) as unknown as Record<string, unknown>;
}

export async function twoFacedCredentials(): Promise<TwoFacedCredentials> {
  const { publicKey, secretKey } = generateEd25519KeyPair(randomBytes(32));
  const did = didKeyFromPublicKey(publicKey);
  const key = createEd25519SigningKey({ secretKey, id: didKeyVerificationMethodId(did), controller: did });
  const sign = (document: Record<string, unknown>) =>
    addDataIntegrityProof({
      document,
      key,
      created: new Date('2025-01-01T00:00:00Z'),
      cryptosuite: 'eddsa-rdfc-2022',
    });

  const credential = await sign(unsignedCredential(key, 'First Aid'));
  const replacement = await sign(unsignedCredential(key, '\uFFFD'));
  const loneSurrogateName = JSON.stringify(replacement).replaceAll('"\uFFFD"', '"\\ud800"');

  const jwt = await signCredentialJwt({
    alg: 'EdDSA',
    key,
    credential: unsignedCredential(key, 'First Aid'),
  });
  const [header = '', payload = ''] = jwt.split('.');
  const claims = Buffer.from(payload, 'base64url').toString('utf8');
  // Signs a rewritten payload with the issuer's own key: the JWS itself is genuine.
  const resigned = async (json: string) => {
    const encoded = Buffer.from(json).toString('base64url');
    const signature = await key.sign(new TextEncoder().encode(`${header}.${encoded}`));
    return `${header}.${encoded}.${Buffer.from(signature).toString('base64url')}`;
  };
  return {
    key,
    credential,
    duplicateSubject: withDecoyFirst(JSON.stringify(credential)),
    loneSurrogateName,
    jwt,
    duplicateSubjectJwt: await resigned(withDecoyFirst(claims)),
    loneSurrogateNameJwt: await resigned(claims.replaceAll('"First Aid"', '"\\ud800"')),
  };
}

// bakePng and bakeSvg refuse text that is not I-JSON, so these images are built by hand, as an attacker would.

/** A PNG with `text` in an uncompressed `openbadgecredential` iTXt chunk (OB 3.0 §Baked Badge/PNG). */
export function handBakedPng(text: string): Uint8Array {
  const { ihdr, idat, iend } = tinyPngChunks();
  // keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL.
  const header = Buffer.from(`${OB_PNG_KEYWORD}\0\0\0\0\0`, 'latin1');
  const itxt = encodePngChunk('iTXt', Buffer.concat([header, Buffer.from(text, 'utf8')]));
  return concatBytes(PNG_SIGNATURE, ihdr, itxt, idat, iend);
}

/** An SVG with `text` in a CDATA `credential` element (OB 3.0 §Baked Badge/SVG). */
export function handBakedSvg(text: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${OB_SVG_NAMESPACE}" width="8" height="8">` +
    `<openbadges:credential><![CDATA[${text}]]></openbadges:credential><rect width="8" height="8"/></svg>`
  );
}

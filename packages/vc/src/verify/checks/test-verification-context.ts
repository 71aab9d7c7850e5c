// Contexts and signed credentials for the step tests of this folder: real components, a pinned clock.
import { buildAchievement, buildAchievementCredential, buildProfile } from '../../credential/index.js';
import {
  createEd25519SigningKey,
  didKeyFromPublicKey,
  didKeyVerificationMethodId,
  generateEd25519KeyPair,
  type SigningKey,
} from '../../did/index.js';
import type { JsonObject } from '../../json/index.js';
import { addDataIntegrityProof } from '../../proof/data-integrity/index.js';
import { refuseAllFetcher } from '../../resource/index.js';
import type { CredentialInput } from '../parse-credential-input.js';
import { parseCredentialInput } from '../parse-credential-input.js';
import {
  type CredentialContext,
  credentialContextOf,
  type VerificationContext,
} from '../verification-context.js';
import { type VerifyCredentialOptions, verifyCredentialWith } from '../verify-credential.js';
import { defaultVerifierComponents } from '../verify-credential-default.js';

export const testNow = new Date('2026-11-23T00:00:00Z');

/** The context the pipeline starts from, for `input`. */
export function testContext(
  input: CredentialInput,
  options: VerifyCredentialOptions = {},
): VerificationContext {
  const components = defaultVerifierComponents();
  return {
    components,
    options,
    fetcher: options.fetcher ?? refuseAllFetcher,
    now: options.now ?? testNow,
    compat: options.compat ?? 'strict',
    input,
    depth: 0,
    checks: [],
    verifyEmbedded: (embedded, embeddedOptions) =>
      verifyCredentialWith(components, embedded, embeddedOptions, 1),
  };
}

/** The context a credential step sees for `credential`, with `facts` as if earlier steps had learned them. */
export function testCredentialContext(
  credential: JsonObject,
  options: VerifyCredentialOptions = {},
  facts: Partial<VerificationContext> = {},
): CredentialContext {
  const parsed = parseCredentialInput(credential, { unbake: defaultVerifierComponents().unbake });
  return { ...credentialContextOf(testContext(credential, options), parsed, credential), ...facts };
}

export function didKeySigner(fill: number): SigningKey {
  const secretKey = new Uint8Array(32).fill(fill);
  const did = didKeyFromPublicKey(generateEd25519KeyPair(secretKey).publicKey);
  return createEd25519SigningKey({ secretKey, id: didKeyVerificationMethodId(did), controller: did });
}

/** An unsigned OB 3.0 AchievementCredential from `issuerId`, with `extra` members. */
export function testBadge(issuerId: string, extra: JsonObject = {}): JsonObject {
  const credential = buildAchievementCredential({
    id: 'urn:uuid:2c4e6a80-1b3d-4f5a-8c7e-9d0b1a2c3e4f',
    issuer: buildProfile({ id: issuerId, name: 'Example Academy' }),
    achievement: buildAchievement({
      id: 'https://issuer.example/achievements/teamwork',
      name: 'Teamwork',
      description: 'Collaborates within a group.',
      criteria: { narrative: 'Nominated by peers.' },
    }),
    recipient: { id: 'did:example:learner1' },
    validFrom: '2026-01-01T00:00:00Z',
  }) as unknown as JsonObject;
  return { ...credential, ...extra };
}

export function signWith(
  key: SigningKey,
  document: JsonObject,
  cryptosuite: 'eddsa-rdfc-2022' | 'eddsa-jcs-2022' = 'eddsa-rdfc-2022',
): Promise<JsonObject> {
  return addDataIntegrityProof({ document, key, created: '2026-01-01T00:00:00Z', cryptosuite });
}

import { createHash } from 'node:crypto';
import {
  buildAchievement,
  buildAchievementCredential,
  buildProfile,
  didKeyFromPublicKey,
  generateEd25519KeyPair,
  isMicrocredError,
  type JsonObject,
  type SigningCryptosuite,
  verifyCredential,
} from '@microcred/vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ClosableCredentialSigner,
  createInProcessSigner,
  type SeedSigningKey,
  type SignedCredential,
  type SignRequest,
} from '../domain/credential/credential-signer.js';
import { createSigningPool } from './signing-pool.js';

const seed = new Uint8Array(createHash('sha256').update('microcred/signer-contract').digest());
const did = didKeyFromPublicKey(generateEd25519KeyPair(seed).publicKey);
const key: SeedSigningKey = {
  secretKey: seed,
  id: `${did}#${did.slice('did:key:'.length)}`,
  controller: did,
};
const created = new Date('2026-01-15T09:00:00Z');
const now = new Date('2026-06-01T00:00:00Z');
const achievement = buildAchievement({
  id: 'https://issuer.example/achievements/contract',
  name: 'Signer Contract',
  description: 'Signed by whichever signer.',
  criteria: { narrative: 'Be signed.' },
});

function credential(index: number): JsonObject {
  return buildAchievementCredential({
    id: `urn:uuid:00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    issuer: buildProfile({ id: did, name: 'Contract Academy' }),
    achievement,
    recipient: { id: `did:example:learner-${index}`, name: `Learner ${index}` },
    validFrom: '2026-01-15T09:00:00Z',
  });
}

type Variant =
  | { readonly format: 'jwt' }
  | { readonly format: 'di'; readonly cryptosuite: SigningCryptosuite };
const VARIANTS: readonly Variant[] = [
  { format: 'di', cryptosuite: 'eddsa-rdfc-2022' },
  { format: 'di', cryptosuite: 'eddsa-jcs-2022' },
  { format: 'jwt' },
];

const request = (document: JsonObject, variant: Variant = VARIANTS[0] as Variant): SignRequest => ({
  document,
  signingKey: key,
  created,
  ...variant,
});

/** What a verifier is handed: the compact JWS, or the document with its embedded proof. */
const secured = (signed: SignedCredential) => signed.jwt ?? signed.document;

async function errorCodeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  return isMicrocredError(error) ? error.code : `not a MicrocredError: ${String(error)}`;
}

/**
 * The contract of the CredentialSigner port. `create` builds the signer under test; `reference` the other
 * implementation, which must sign byte for byte alike.
 */
function describeSignerContract(
  name: string,
  create: () => ClosableCredentialSigner,
  reference: () => ClosableCredentialSigner,
) {
  describe(`${name} (CredentialSigner contract)`, () => {
    let signer: ClosableCredentialSigner;
    let other: ClosableCredentialSigner;
    beforeAll(() => {
      signer = create();
      other = reference();
    });
    afterAll(async () => {
      await Promise.all([signer.close(), other.close()]);
    });

    it.each(VARIANTS)('signs a credential that the verifier accepts: %o', async (variant) => {
      const document = credential(1);
      const signed = await signer.sign(request(document, variant));
      const report = await verifyCredential(secured(signed), { now });
      expect(report.verified).toBe(true);
      expect(report.format).toBe(variant.format === 'jwt' ? 'jwt' : 'json');
      if (variant.format === 'di') {
        expect(signed.jwt).toBeNull();
        expect(signed.document.proof).toEqual([
          expect.objectContaining({ cryptosuite: variant.cryptosuite, created: '2026-01-15T09:00:00Z' }),
        ]);
      } else {
        expect(signed.document).toEqual(document);
      }
    });

    it('signs byte for byte what the other implementation signs, for the same key and time', async () => {
      const requests = VARIANTS.map((variant, index) => request(credential(10 + index), variant));
      const mine = await signer.signMany(requests);
      const theirs = await other.signMany(requests);
      expect(mine.every((result) => !(result instanceof Error))).toBe(true);
      expect(mine.map((result) => JSON.stringify(result))).toEqual(
        theirs.map((result) => JSON.stringify(result)),
      );
    });

    it('signs concurrent requests, each its own credential, and a batch in request order', async () => {
      const indexes = Array.from({ length: 8 }, (_, index) => 20 + index);
      const [single, batch] = await Promise.all([
        Promise.all(indexes.map((index) => signer.sign(request(credential(index))))),
        signer.signMany(indexes.map((index) => request(credential(index), VARIANTS[2]))),
      ]);
      expect(single.map((signed) => signed.document.id)).toEqual(
        indexes.map((index) => credential(index).id),
      );
      expect(batch.map((signed) => (signed instanceof Error ? signed : signed.document.id))).toEqual(
        indexes.map((index) => credential(index).id),
      );
      const reports = await Promise.all(
        [...single, ...batch].map((signed) =>
          signed instanceof Error ? { verified: false } : verifyCredential(secured(signed), { now }),
        ),
      );
      expect(reports.filter((report) => !report.verified)).toEqual([]);
    });

    it('rejects a wrong or unknown key with INVALID_KEY', async () => {
      const short = { ...key, secretKey: new Uint8Array(16) };
      const notTheControllers = { ...key, id: 'did:key:z6MkSomeoneElse#z6MkSomeoneElse' };
      for (const signingKey of [short, notTheControllers]) {
        for (const variant of VARIANTS) {
          expect(await errorCodeOf(signer.sign({ ...request(credential(30), variant), signingKey }))).toBe(
            'INVALID_KEY',
          );
        }
      }
    });

    it('fails only the bad items of a batch, each with its own error code', async () => {
      const results = await signer.signMany([
        request(credential(40)),
        request({ ...credential(41), nickname: 'not defined by any context' }),
        { ...request(credential(42)), signingKey: { ...key, secretKey: new Uint8Array(16) } },
        request({ ...credential(43), amount: 10n }),
        request(credential(44), VARIANTS[2]),
      ]);
      expect(
        results.map((result) =>
          result instanceof Error ? (isMicrocredError(result) ? result.code : result.message) : 'signed',
        ),
      ).toEqual(['signed', 'UNDEFINED_TERM', 'INVALID_KEY', 'MALFORMED_VALUE_ERROR', 'signed']);
    });

    it('rejects every request after close with INTERNAL', async () => {
      const closing = create();
      await closing.sign(request(credential(50)));
      await closing.close();
      expect(await errorCodeOf(closing.sign(request(credential(51))))).toBe('INTERNAL');
      const batch = await closing.signMany([request(credential(52)), request(credential(53), VARIANTS[2])]);
      expect(batch.map((result) => (isMicrocredError(result) ? result.code : 'signed'))).toEqual([
        'INTERNAL',
        'INTERNAL',
      ]);
    });
  });
}

const pool = () => createSigningPool({ size: 2 });
describeSignerContract('the in-process signer', createInProcessSigner, pool);
describeSignerContract('the worker-thread signing pool', pool, createInProcessSigner);

import { describe, expect, it } from 'vitest';
import { checkProof } from './check-proof.js';
import { didKeySigner, signWith, testBadge, testCredentialContext } from './test-verification-context.js';

const key = didKeySigner(43);

describe('checkProof', () => {
  it('verifies a signature and hands on its signer and controller', async () => {
    const signed = await signWith(key, testBadge(key.controller));
    const result = await checkProof(testCredentialContext(signed));
    expect(result.checks).toEqual([
      { id: 'proof', ok: true, message: `eddsa-rdfc-2022 signature by ${key.id} is valid` },
    ]);
    expect(result.learned).toEqual({
      controller: key.controller,
      rdfProofVerified: true,
      signer: {
        verificationMethod: key.id,
        controller: key.controller,
        publicKeyMultibase: key.publicKeyMultibase,
      },
    });
  });

  it('says a JCS proof did not expand the document, so the JSON-LD check covers all of it', async () => {
    const signed = await signWith(key, testBadge(key.controller), 'eddsa-jcs-2022');
    expect((await checkProof(testCredentialContext(signed))).learned?.rdfProofVerified).toBe(false);
  });

  it('fails a credential with no proof, or with a proof that does not verify', async () => {
    const signed = await signWith(key, testBadge(key.controller));
    expect((await checkProof(testCredentialContext(testBadge(key.controller)))).checks).toEqual([
      {
        id: 'proof',
        ok: false,
        code: 'CRYPTOGRAPHIC_SECURITY_ERROR',
        message: 'the credential has no proof',
      },
    ]);
    const tampered = await checkProof(testCredentialContext({ ...signed, name: 'Something else' }));
    expect(tampered.checks?.[0]).toMatchObject({
      id: 'proof',
      ok: false,
      code: 'CRYPTOGRAPHIC_SECURITY_ERROR',
    });
    expect(tampered.learned).toBeUndefined();
  });

  it('one valid proof suffices, whatever comes before it', async () => {
    const signed = await signWith(key, testBadge(key.controller));
    const [good] = signed.proof as unknown[];
    const other = await signWith(didKeySigner(44), testBadge(key.controller));
    const [foreign] = other.proof as Record<string, unknown>[];
    const twoProofs = { ...signed, proof: [{ ...foreign, proofValue: 'zbroken' }, good] };
    expect((await checkProof(testCredentialContext(twoProofs))).checks?.[0]?.ok).toBe(true);
  });

  it('asks for no proof beside the JWS of a VC-JWT', async () => {
    const context = testCredentialContext(
      testBadge(key.controller),
      {},
      { parsed: { format: 'jwt', jwt: 'a.b.c' } },
    );
    expect(await checkProof(context)).toEqual({});
  });
});

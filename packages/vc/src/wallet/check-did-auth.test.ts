import { describe, expect, it } from 'vitest';
import { createEd25519Signature2020Holder } from '../../test/support/ed25519-signature-2020-holder.js';
import { createReferenceSigner } from '../../test/support/reference-stack.js';
import { CREDENTIALS_V1_CONTEXT, ED25519_2020_CONTEXT } from '../contexts/index.js';
import { checkDidAuthPresentation } from './check-did-auth.js';

const NOW = new Date();

describe('checkDidAuthPresentation (DID authentication over a challenge)', () => {
  it('accepts the reference stack’s eddsa-rdfc-2022 presentation over the challenge, naming its did:key', async () => {
    const holder = await createReferenceSigner(new Uint8Array(32).fill(7));
    const presentation = await holder.authenticate({ challenge: 'c-123' });
    expect(await checkDidAuthPresentation({ presentation, challenge: 'c-123', now: NOW })).toEqual({
      ok: true,
      holderDid: holder.did,
    });
  });

  it('refuses another challenge, a tampered presentation, another holder, and a non-presentation', async () => {
    const holder = await createReferenceSigner(new Uint8Array(32).fill(8));
    const presentation = await holder.authenticate({ challenge: 'c-1' });
    expect((await checkDidAuthPresentation({ presentation, challenge: 'c-2', now: NOW })).ok).toBe(false);
    const tampered = { ...presentation, id: 'urn:uuid:0b9c3c5e-8d7f-4b3a-9b1e-3d2f1c0a9e8d' };
    expect((await checkDidAuthPresentation({ presentation: tampered, challenge: 'c-1', now: NOW })).ok).toBe(
      false,
    );
    const other = await createReferenceSigner(new Uint8Array(32).fill(9));
    const claimed = await holder.authenticate({ challenge: 'c-1', holder: other.did });
    expect((await checkDidAuthPresentation({ presentation: claimed, challenge: 'c-1', now: NOW })).ok).toBe(
      false,
    );
    expect((await checkDidAuthPresentation({ presentation: 'vp', challenge: 'c-1', now: NOW })).ok).toBe(
      false,
    );
    const unsigned = { ...presentation, proof: undefined };
    expect((await checkDidAuthPresentation({ presentation: unsigned, challenge: 'c-1', now: NOW })).ok).toBe(
      false,
    );
  });
});

describe('checkDidAuthPresentation with Ed25519Signature2020 (as the Learner Credential Wallet signs today)', () => {
  it('accepts a VC 1.1 presentation signed by @digitalbazaar/ed25519-signature-2020 over the challenge', async () => {
    const holder = await createEd25519Signature2020Holder(new Uint8Array(32).fill(21));
    const presentation = await holder.authenticate({ challenge: 'c-2020' });
    // What LCW sends: the VC 1.1 context, the suite's context, a proof of the legacy type.
    expect(presentation['@context']).toEqual([CREDENTIALS_V1_CONTEXT, ED25519_2020_CONTEXT]);
    expect(presentation.proof).toMatchObject({
      type: 'Ed25519Signature2020',
      proofPurpose: 'authentication',
      challenge: 'c-2020',
      verificationMethod: holder.verificationMethod,
    });
    expect(await checkDidAuthPresentation({ presentation, challenge: 'c-2020', now: NOW })).toEqual({
      ok: true,
      holderDid: holder.did,
    });
  });

  it('refuses it over another challenge, tampered, or signed for another purpose', async () => {
    const holder = await createEd25519Signature2020Holder(new Uint8Array(32).fill(22));
    const presentation = await holder.authenticate({ challenge: 'c-a' });
    const wrongChallenge = await checkDidAuthPresentation({ presentation, challenge: 'c-b', now: NOW });
    expect(wrongChallenge).toMatchObject({ ok: false, description: expect.stringMatching(/challenge/) });

    const tampered = { ...presentation, id: 'urn:uuid:5d2b1c0a-9e8d-4c7b-a6f5-e4d3c2b1a090' };
    const tamperedResult = await checkDidAuthPresentation({
      presentation: tampered,
      challenge: 'c-a',
      now: NOW,
    });
    expect(tamperedResult).toMatchObject({ ok: false, description: expect.stringMatching(/signature/i) });
    const proofValue = (presentation.proof as { proofValue: string }).proofValue;
    const flipped = `${proofValue.slice(0, -2)}${proofValue.endsWith('1') ? '2' : '1'}${proofValue.slice(-1)}`;
    const badSignature = {
      ...presentation,
      proof: { ...(presentation.proof as object), proofValue: flipped },
    };
    expect(
      await checkDidAuthPresentation({ presentation: badSignature, challenge: 'c-a', now: NOW }),
    ).toMatchObject({ ok: false, description: expect.stringMatching(/signature/i) });

    const assertion = await holder.authenticate({ challenge: 'c-a', proofPurpose: 'assertionMethod' });
    expect(assertion.proof).toMatchObject({ proofPurpose: 'assertionMethod', challenge: 'c-a' });
    const wrongPurpose = await checkDidAuthPresentation({
      presentation: assertion,
      challenge: 'c-a',
      now: NOW,
    });
    expect(wrongPurpose).toMatchObject({
      ok: false,
      description: expect.stringMatching(/purpose|authentication/i),
    });
  });
});

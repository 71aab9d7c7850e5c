import { describe, expect, it } from 'vitest';
import { createReferenceSigner } from '../../test/support/reference-stack.js';
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

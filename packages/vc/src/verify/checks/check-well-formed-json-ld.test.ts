import { describe, expect, it } from 'vitest';
import { checkWellFormedJsonLd } from './check-well-formed-json-ld.js';
import { testBadge, testCredentialContext } from './test-verification-context.js';

const badge = testBadge('https://issuer.example/issuers/1');
const undefinedTerm = { ...badge, surprise: 'no context defines this term' };

describe('checkWellFormedJsonLd', () => {
  it('passes a credential whose every term is defined', async () => {
    const result = await checkWellFormedJsonLd(testCredentialContext(badge));
    expect(result.checks).toEqual([expect.objectContaining({ id: 'json-ld', ok: true })]);
  });

  it('fails a term that no context defines', async () => {
    const result = await checkWellFormedJsonLd(testCredentialContext(undefinedTerm));
    expect(result.checks?.[0]).toMatchObject({ id: 'json-ld', ok: false, code: 'UNDEFINED_TERM' });
  });

  it('expands only the proof set once a verified RDF proof expanded the rest', async () => {
    const result = await checkWellFormedJsonLd(
      testCredentialContext(undefinedTerm, {}, { rdfProofVerified: true }),
    );
    expect(result.checks?.[0]?.ok).toBe(true);
  });

  it('says nothing when an earlier check already found an unknown context or undefined term', async () => {
    for (const code of ['UNKNOWN_CONTEXT', 'UNDEFINED_TERM'] as const) {
      const checks = [{ id: 'proof', ok: false, code, message: 'x' }];
      expect(await checkWellFormedJsonLd(testCredentialContext(undefinedTerm, {}, { checks }))).toEqual({});
    }
  });
});

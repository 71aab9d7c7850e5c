import { describe, expect, it } from 'vitest';
import { checkIssuer } from './check-issuer.js';
import { testCredentialContext } from './test-verification-context.js';

const ISSUER = 'did:web:issuer.example';
const issued = (issuer: unknown, facts = {}) => testCredentialContext({ issuer }, {}, facts);

describe('checkIssuer', () => {
  it('passes when the issuer controls the key that verified', async () => {
    const result = await checkIssuer(issued({ id: ISSUER }, { controller: ISSUER }));
    expect(result.checks).toEqual([
      { id: 'issuer', ok: true, message: `issued by ${ISSUER}, which controls the signing key` },
    ]);
  });

  it('fails when the key belongs to someone else', async () => {
    const result = await checkIssuer(issued(ISSUER, { controller: 'did:key:z6Mkother' }));
    expect(result.checks?.[0]).toMatchObject({
      id: 'issuer',
      ok: false,
      code: 'CRYPTOGRAPHIC_SECURITY_ERROR',
    });
  });

  it('fails a credential that names no issuer', async () => {
    const result = await checkIssuer(issued(undefined, { controller: ISSUER }));
    expect(result.checks?.[0]).toMatchObject({ ok: false, code: 'MALFORMED_VALUE_ERROR' });
  });

  it('warns and leaves authorship unproven when the key was accepted unconfirmed', async () => {
    const result = await checkIssuer(
      issued(ISSUER, { controller: ISSUER, unconfirmedKey: `${ISSUER}#z6Mk` }),
    );
    expect(result.checks?.[0]).toMatchObject({ id: 'issuer', ok: true, warning: true });
    expect(result.learned?.unprovenAuthorship).toBe(
      `the issuer's control of the signing key was not confirmed: ${ISSUER}#z6Mk`,
    );
  });

  it('says nothing when no key verified (the proof check already failed)', async () => {
    expect(await checkIssuer(issued(ISSUER))).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json/index.js';
import { didKeySigner, signWith } from '../verify/checks/test-verification-context.js';
import {
  buildDidConfiguration,
  buildDomainLinkageCredential,
  didConfigurationUrl,
} from './build-domain-linkage-credential.js';
import { checkDidConfiguration } from './check-did-configuration.js';

const key = didKeySigner(7);
const other = didKeySigner(9);
const ORIGIN = 'https://academy.example';
const now = new Date('2026-06-01T00:00:00Z');

async function signedDlc(signer = key, origin = ORIGIN, did = key.controller): Promise<JsonObject> {
  const unsigned = buildDomainLinkageCredential({
    did,
    origin,
    issuanceDate: new Date('2026-01-01T00:00:00Z'),
    expirationDate: new Date('2027-01-01T00:00:00Z'),
  });
  return signWith(signer, unsigned);
}

describe('Domain Linkage Credential', () => {
  it('builds the DIF Linked Data Proof form for the origin of any URL on it', () => {
    const dlc = buildDomainLinkageCredential({
      did: key.controller,
      origin: 'https://academy.example/about?x=1',
      issuanceDate: new Date('2026-01-01T00:00:00.123Z'),
      expirationDate: new Date('2027-01-01T00:00:00Z'),
    });
    expect(dlc).toMatchObject({
      type: ['VerifiableCredential', 'DomainLinkageCredential'],
      issuer: key.controller,
      issuanceDate: '2026-01-01T00:00:00Z',
      expirationDate: '2027-01-01T00:00:00Z',
      credentialSubject: { id: key.controller, origin: ORIGIN },
    });
    expect(didConfigurationUrl('https://academy.example/x')).toBe(
      'https://academy.example/.well-known/did-configuration.json',
    );
  });

  it('refuses a linkage that expires before it starts', () => {
    expect(() =>
      buildDomainLinkageCredential({
        did: key.controller,
        origin: ORIGIN,
        issuanceDate: new Date('2027-01-01T00:00:00Z'),
        expirationDate: new Date('2026-01-01T00:00:00Z'),
      }),
    ).toThrow(/after the issuance date/);
  });

  it('links the DID to the origin when the signed credential round-trips', async () => {
    const configuration = buildDidConfiguration([await signedDlc()]);
    await expect(
      checkDidConfiguration({ configuration, did: key.controller, origin: `${ORIGIN}/`, now }),
    ).resolves.toEqual({ linked: true, origin: ORIGIN });
  });

  it('finds the DID among credentials of other DIDs', async () => {
    const configuration = buildDidConfiguration([
      await signedDlc(other, ORIGIN, other.controller),
      await signedDlc(),
    ]);
    const linkage = await checkDidConfiguration({ configuration, did: key.controller, origin: ORIGIN, now });
    expect(linkage.linked).toBe(true);
  });

  it('does not link when the credential was tampered with', async () => {
    const dlc = await signedDlc();
    const tampered = {
      ...dlc,
      credentialSubject: { id: key.controller, origin: 'https://evil.example' },
    };
    const linkage = await checkDidConfiguration({
      configuration: buildDidConfiguration([tampered]),
      did: key.controller,
      origin: 'https://evil.example',
      now,
    });
    expect(linkage).toMatchObject({
      linked: false,
      reason: expect.stringMatching(/signature does not match/),
    });
  });

  it('does not link a DID whose credential was signed by another key', async () => {
    const forged = await signedDlc(other, ORIGIN, key.controller);
    const linkage = await checkDidConfiguration({
      configuration: buildDidConfiguration([forged]),
      did: key.controller,
      origin: ORIGIN,
      now,
    });
    expect(linkage.linked).toBe(false);
  });

  it('does not link another origin than the one the credential names', async () => {
    const linkage = await checkDidConfiguration({
      configuration: buildDidConfiguration([await signedDlc()]),
      did: key.controller,
      origin: 'https://other.example',
      now,
    });
    expect(linkage).toEqual({
      linked: false,
      reason: `the credential links ${ORIGIN}, not https://other.example`,
    });
  });

  it('does not link once the credential has expired', async () => {
    const linkage = await checkDidConfiguration({
      configuration: buildDidConfiguration([await signedDlc()]),
      did: key.controller,
      origin: ORIGIN,
      now: new Date('2027-06-01T00:00:00Z'),
    });
    expect(linkage).toMatchObject({ linked: false, reason: expect.stringMatching(/expired/) });
  });

  it('does not link from a document that is not a DID configuration', async () => {
    for (const configuration of [null, 'x', {}, { linked_dids: 'no' }]) {
      const linkage = await checkDidConfiguration({
        configuration,
        did: key.controller,
        origin: ORIGIN,
        now,
      });
      expect(linkage.linked).toBe(false);
    }
    const empty = await checkDidConfiguration({
      configuration: buildDidConfiguration([]),
      did: key.controller,
      origin: ORIGIN,
      now,
    });
    expect(empty).toEqual({ linked: false, reason: `no Domain Linkage Credential for ${key.controller}` });
  });
});

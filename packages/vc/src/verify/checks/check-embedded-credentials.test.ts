import { describe, expect, it } from 'vitest';
import { createEd25519SigningKey, encodeMultikeyPublic, generateEd25519KeyPair } from '../../did/index.js';
import type { JsonObject } from '../../json/index.js';
import { checkEmbeddedCredentials } from './check-embedded-credentials.js';
import { didKeySigner, signWith, testBadge, testCredentialContext } from './test-verification-context.js';

const endorser = didKeySigner(47);
const issuer = didKeySigner(48);

function endorsementBy(issuerId: string, dates: Record<string, string> = {}): Record<string, unknown> {
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: 'urn:uuid:5d1b3c7e-9a2f-4e6b-8c0d-1e2f3a4b5c6d',
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: 'Endorsement',
    issuer: { id: issuerId, type: ['Profile'], name: 'Example Accreditor' },
    validFrom: '2026-01-01T00:00:00Z',
    ...dates,
    credentialSubject: { id: issuer.controller, type: ['EndorsementSubject'] },
  };
}

const run = (credential: Record<string, unknown>, options = {}, depth = 0) =>
  checkEmbeddedCredentials(testCredentialContext(credential, options, { depth }));

describe('checkEmbeddedCredentials', () => {
  it('verifies each endorsement with the whole pipeline and keeps its report', async () => {
    const endorsement = await signWith(endorser, endorsementBy(endorser.controller));
    const result = await run(testBadge(issuer.controller, { endorsement: [endorsement] }));
    expect(result.checks).toEqual([
      {
        id: 'endorsements',
        ok: true,
        message: '1 embedded credential(s) verified: Example Accreditor endorses the credential',
      },
    ]);
    expect(result.learned?.nested?.map((item) => [item.path, item.report.verified])).toEqual([
      ['endorsement[0]', true],
    ]);
  });

  it('fails on a forged endorsement but only warns about an expired one', async () => {
    const forged = { ...(await signWith(endorser, endorsementBy(endorser.controller))), name: 'Forged' };
    const expired = await signWith(
      endorser,
      endorsementBy(endorser.controller, { validUntil: '2026-02-01T00:00:00Z' }),
    );
    const forgedResult = await run(testBadge(issuer.controller, { endorsement: [forged] }));
    expect(forgedResult.checks?.[0]).toMatchObject({
      id: 'endorsements',
      ok: false,
      code: 'CRYPTOGRAPHIC_SECURITY_ERROR',
    });
    expect(forgedResult.checks?.[0]?.message).toMatch(
      /^1 of 1 embedded credential\(s\) failed: endorsement\[0\] \[Example Accreditor endorses the credential\] \(proof: /,
    );
    const expiredResult = await run(testBadge(issuer.controller, { endorsement: [expired] }));
    expect(expiredResult.checks?.[0]).toMatchObject({ id: 'endorsements', ok: true, warning: true });
  });

  it('verifies issuer and achievement endorsements alike, and names who endorses what', async () => {
    const ofIssuer = await signWith(endorser, endorsementBy(endorser.controller));
    const ofAchievement = await signWith(endorser, {
      ...endorsementBy(endorser.controller),
      credentialSubject: { id: 'https://issuer.example/achievements/teamwork', type: ['EndorsementSubject'] },
    });
    const badge = testBadge(issuer.controller);
    const credential = {
      ...badge,
      issuer: { ...(badge.issuer as JsonObject), endorsement: [ofIssuer] },
      credentialSubject: {
        ...(badge.credentialSubject as JsonObject),
        achievement: {
          ...((badge.credentialSubject as { achievement: JsonObject }).achievement as JsonObject),
          endorsement: [ofAchievement],
        },
      },
    };
    const result = await run(credential);
    expect(result.learned?.nested?.map((item) => [item.path, item.report.verified])).toEqual([
      ['issuer.endorsement[0]', true],
      ['credentialSubject[0].achievement.endorsement[0]', true],
    ]);
    expect(result.checks).toEqual([
      {
        id: 'endorsements',
        ok: true,
        message:
          '2 embedded credential(s) verified: Example Accreditor endorses the issuer Example Academy; ' +
          'Example Accreditor endorses the achievement Teamwork',
      },
    ]);

    // A forged issuer endorsement fails the check by its path and its endorser; the other one still verifies.
    const forged = {
      ...credential,
      issuer: { ...credential.issuer, endorsement: [{ ...ofIssuer, name: 'Forged' }] },
    };
    const forgedResult = await run(forged);
    expect(forgedResult.learned?.nested?.map((item) => [item.path, item.report.verified])).toEqual([
      ['issuer.endorsement[0]', false],
      ['credentialSubject[0].achievement.endorsement[0]', true],
    ]);
    expect(forgedResult.checks?.[0]).toMatchObject({ id: 'endorsements', ok: false });
    expect(forgedResult.checks?.[0]?.message).toMatch(
      /^1 of 2 embedded credential\(s\) failed: issuer\.endorsement\[0\] \[Example Accreditor endorses the issuer Example Academy\] \(proof: /,
    );
  });

  it('verifies the nested credentials of a CLR, and reads that member in no other credential', async () => {
    const nested = await signWith(issuer, testBadge(issuer.controller));
    const subject = {
      id: 'did:example:learner1',
      type: ['ClrSubject'],
      verifiableCredential: [nested, 'not.a.jwt'],
    };
    const clr = {
      issuer: issuer.controller,
      type: ['VerifiableCredential', 'ClrCredential'],
      credentialSubject: subject,
    };
    const result = await run(clr);
    expect(result.learned?.nested?.map((item) => item.path)).toEqual([
      'credentialSubject[0].verifiableCredential[0]',
      'credentialSubject[0].verifiableCredential[1]',
    ]);
    expect(result.checks).toEqual([expect.objectContaining({ id: 'nested-credentials', ok: false })]);
    expect(await run({ ...clr, type: ['VerifiableCredential', 'OpenBadgeCredential'] })).toEqual({});
  });

  it('refuses to go deeper than three levels', async () => {
    const endorsement = await signWith(endorser, endorsementBy(endorser.controller));
    const result = await run(testBadge(issuer.controller, { endorsement: [endorsement] }), {}, 3);
    expect(result).toEqual({
      checks: [
        {
          id: 'endorsements',
          ok: false,
          code: 'RANGE_ERROR',
          message: 'credentials nested deeper than 3 levels',
        },
      ],
    });
  });

  it('makes authorship unproven when an endorsement relied on a compatibility concession', async () => {
    // 1EdTech's key-in-the-fragment convention, accepted unconfirmed in 1edtech mode only.
    const controller = 'https://accreditor.example/issuers/7';
    const secretKey = new Uint8Array(32).fill(49);
    const multikey = encodeMultikeyPublic(generateEd25519KeyPair(secretKey).publicKey);
    const fragmentKey = createEd25519SigningKey({ secretKey, id: `${controller}#${multikey}`, controller });
    const endorsement = await signWith(fragmentKey, endorsementBy(controller));
    const result = await run(testBadge(issuer.controller, { endorsement: [endorsement] }), {
      compat: '1edtech',
    });
    expect(result.checks?.[0]?.ok).toBe(true);
    expect(result.learned?.unprovenAuthorship).toMatch(
      /^endorsement\[0\]: the issuer's control of the signing key/,
    );
  });
});

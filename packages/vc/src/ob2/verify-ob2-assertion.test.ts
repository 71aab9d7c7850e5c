import { createHmac, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildOb2Examples, type Json } from '../../test/support/ob2-examples.js';
import { makeTinyPng, TINY_SVG } from '../../test/support/test-images.js';
import { bakePng, bakeSvg } from '../bake/index.js';
import { ErrorCode, MicrocredError } from '../error/index.js';
import { createMapFetcher, type ResourceFetcher } from '../resource/index.js';
import { verifyCredential } from '../verify/index.js';
import type { VerificationReport } from '../verify/verification-report.js';
import { verifyOb2Assertion } from './verify-ob2-assertion.js';

const now = new Date('2026-06-01T00:00:00Z');

function checkOf(report: VerificationReport, id: string) {
  return report.checks.find((check) => check.id === id);
}

function failedIds(report: VerificationReport): string[] {
  return report.checks.filter((check) => !check.ok).map((check) => check.id);
}

/** A fetcher over `documents` that records every URL it is asked for. */
function recordingFetcher(documents: Map<string, unknown>) {
  const asked: string[] = [];
  const inner = createMapFetcher(documents);
  const fetcher: ResourceFetcher = (url) => {
    asked.push(url);
    return inner(url);
  };
  return { fetcher, asked };
}

describe('OB 2.0 hosted assertions', () => {
  it('verify when the issuer hosts the same assertion, with the badge class and issuer in the report', async () => {
    const examples = buildOb2Examples();
    const report = await verifyCredential(examples.hosted, {
      fetcher: createMapFetcher(examples.documents()),
      now,
    });
    expect(failedIds(report)).toEqual([]);
    expect(report.verified).toBe(true);
    expect(report.format).toBe('json');
    expect(report.checks.map((check) => check.id)).toEqual([
      'parse',
      'type',
      'subject',
      'proof',
      'issuer',
      'valid-from',
      'status',
    ]);
    const badge = report.credential?.badge as Json;
    expect(badge.name).toBe('Awesome Robotics Badge');
    expect((badge.issuer as Json).name).toBe('An Example Badge Issuer');
  });

  it('verify from the URL alone when an image bakes only the URL', async () => {
    const examples = buildOb2Examples();
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">' +
      `<openbadges:assertion verify="${examples.hosted.id as string}"/></svg>`;
    const report = await verifyCredential(new TextEncoder().encode(svg), {
      fetcher: createMapFetcher(examples.documents()),
      now,
    });
    expect(failedIds(report)).toEqual([]);
    expect(report.format).toBe('svg');
  });

  it('fail when the given copy differs from the one at its id (tampered)', async () => {
    const examples = buildOb2Examples();
    const tampered = { ...examples.hosted, issuedOn: '2015-01-01T00:00:00Z' };
    const report = await verifyCredential(tampered, { fetcher: createMapFetcher(examples.documents()), now });
    expect(report.verified).toBe(false);
    expect(checkOf(report, 'proof')).toMatchObject({ ok: false, code: ErrorCode.PROOF_VERIFICATION_ERROR });
  });

  it('are never valid when the copy at the id cannot be fetched (404, 410, refused)', async () => {
    const examples = buildOb2Examples();
    const documents = examples.documents();
    documents.delete(examples.hosted.id as string);
    const gone = await verifyCredential(examples.hosted, { fetcher: createMapFetcher(documents), now });
    expect(gone.verified).toBe(false);
    expect(checkOf(gone, 'proof')).toMatchObject({ ok: false, code: ErrorCode.RESOURCE_UNAVAILABLE });
    expect(checkOf(gone, 'status')).toMatchObject({ ok: false, code: ErrorCode.STATUS_RETRIEVAL_ERROR });

    const refusing: ResourceFetcher = (url) =>
      Promise.reject(new MicrocredError(ErrorCode.FETCH_REFUSED, `refused to fetch ${url}`));
    const refused = await verifyCredential(examples.hosted, { fetcher: refusing, now });
    expect(refused.verified).toBe(false);
    expect(checkOf(refused, 'proof')).toMatchObject({ ok: false, code: ErrorCode.FETCH_REFUSED });
  });

  it('fail when their issuer marks them revoked', async () => {
    const examples = buildOb2Examples();
    const revoked = { ...examples.hosted, revoked: true, revocationReason: 'Issued in error' };
    const documents = examples.documents();
    documents.set(examples.hosted.id as string, revoked);
    const report = await verifyCredential(revoked, { fetcher: createMapFetcher(documents), now });
    expect(checkOf(report, 'status')).toMatchObject({ ok: false, code: ErrorCode.REVOKED });
    expect(checkOf(report, 'status')?.message).toContain('Issued in error');
    expect(report.verified).toBe(false);
  });

  it("fail when hosted on another host than the issuer's, unless the issuer allows that origin or prefix", async () => {
    const examples = buildOb2Examples();
    const elsewhere = { ...examples.hosted, id: 'https://badges.evil.example/beth.json' };
    const documents = examples.documents();
    documents.set(elsewhere.id, elsewhere);
    const refused = await verifyCredential(elsewhere, { fetcher: createMapFetcher(documents), now });
    expect(checkOf(refused, 'issuer')).toMatchObject({
      ok: false,
      code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
    });

    documents.set(examples.issuer.id as string, {
      ...examples.issuer,
      verification: { allowedOrigins: ['badges.evil.example'] },
    });
    const allowed = await verifyCredential(elsewhere, { fetcher: createMapFetcher(documents), now });
    expect(failedIds(allowed)).toEqual([]);

    documents.set(examples.issuer.id as string, {
      ...examples.issuer,
      verification: { startsWith: ['https://example.org/assertions/'] },
    });
    const prefixed = await verifyCredential(examples.hosted, { fetcher: createMapFetcher(documents), now });
    expect(checkOf(prefixed, 'issuer')).toMatchObject({ ok: false });
  });

  it('fail when the badge class is on another host than its issuer (no id chain)', async () => {
    const examples = buildOb2Examples();
    const foreignBadge = { ...examples.badgeClass, id: 'https://badges.evil.example/robotics.json' };
    const assertion = { ...examples.hosted, badge: foreignBadge.id };
    const documents = examples.documents();
    documents.set(foreignBadge.id, foreignBadge);
    documents.set(examples.hosted.id as string, assertion);
    const report = await verifyCredential(assertion, { fetcher: createMapFetcher(documents), now });
    expect(report.verified).toBe(false);
    expect(checkOf(report, 'issuer')?.message).toContain('badge class is on badges.evil.example');
  });

  it('read the issuer profile from its URL, so an embedded copy cannot forge allowedOrigins', async () => {
    const examples = buildOb2Examples();
    const forgedIssuer = { ...examples.issuer, verification: { allowedOrigins: ['badges.evil.example'] } };
    const assertion = {
      ...examples.hosted,
      id: 'https://badges.evil.example/beth.json',
      badge: { ...examples.badgeClass, id: undefined, issuer: forgedIssuer },
    };
    const documents = examples.documents();
    documents.set(assertion.id, assertion);
    const report = await verifyCredential(assertion, { fetcher: createMapFetcher(documents), now });
    expect(checkOf(report, 'issuer')?.message).toContain("not on its issuer's host example.org");
    expect(report.verified).toBe(false);
  });

  it('fail when expired, or issued in the future', async () => {
    const examples = buildOb2Examples();
    const documents = examples.documents();
    const expired = { ...examples.hosted, expires: '2020-01-01T00:00:00Z' };
    documents.set(examples.hosted.id as string, expired);
    const report = await verifyCredential(expired, { fetcher: createMapFetcher(documents), now });
    expect(checkOf(report, 'valid-until')).toMatchObject({ ok: false, code: ErrorCode.RANGE_ERROR });

    const future = { ...examples.hosted, issuedOn: '2030-01-01T00:00:00Z' };
    documents.set(examples.hosted.id as string, future);
    const early = await verifyCredential(future, { fetcher: createMapFetcher(documents), now });
    expect(checkOf(early, 'valid-from')).toMatchObject({ ok: false, code: ErrorCode.RANGE_ERROR });
  });

  it('never ask the fetcher for a non-http badge class (file:, internal schemes)', async () => {
    const examples = buildOb2Examples();
    const assertion = { ...examples.hosted, badge: 'file:///etc/passwd' };
    const { fetcher, asked } = recordingFetcher(examples.documents());
    const report = await verifyCredential(assertion, { fetcher, now });
    expect(report.verified).toBe(false);
    expect(asked.some((url) => url.startsWith('file:'))).toBe(false);
  });

  it('fail when the recipient identity is malformed', async () => {
    const examples = buildOb2Examples();
    const assertion = {
      ...examples.hosted,
      recipient: { type: 'email', hashed: true, identity: 'sha256$xyz' },
    };
    const documents = examples.documents();
    documents.set(examples.hosted.id as string, assertion);
    const report = await verifyCredential(assertion, { fetcher: createMapFetcher(documents), now });
    expect(checkOf(report, 'subject')).toMatchObject({ ok: false, code: ErrorCode.MALFORMED_VALUE_ERROR });
  });
});

describe('OB 2.0 signed assertions', () => {
  it('verify with the issuer key, as a JWS, baked PNG and baked SVG', async () => {
    const examples = buildOb2Examples();
    const jws = await examples.sign(examples.signedAssertion());
    const fetcher = createMapFetcher(examples.documents());
    for (const [input, format] of [
      [jws, 'jwt'],
      [bakePng({ image: makeTinyPng(), credential: jws, keyword: 'openbadges' }), 'png'],
      [
        new TextEncoder().encode(
          bakeSvg({ svg: TINY_SVG, credential: jws, namespace: 'http://openbadges.org' }),
        ),
        'svg',
      ],
    ] as const) {
      const report = await verifyCredential(input, { fetcher, now });
      expect(failedIds(report), format).toEqual([]);
      expect(report.format).toBe(format);
      expect(checkOf(report, 'proof')?.message).toContain('RS256');
    }
  });

  it('fail when the payload was tampered with', async () => {
    const examples = buildOb2Examples();
    const jws = await examples.sign(examples.signedAssertion());
    const [header, , signature] = jws.split('.');
    const forged = Buffer.from(
      JSON.stringify(examples.signedAssertion({ issuedOn: '2015-01-01T00:00:00Z' })),
    ).toString('base64url');
    const report = await verifyCredential(`${header}.${forged}.${signature}`, {
      fetcher: createMapFetcher(examples.documents()),
      now,
    });
    expect(checkOf(report, 'proof')).toMatchObject({ ok: false, code: ErrorCode.PROOF_VERIFICATION_ERROR });
    expect(report.verified).toBe(false);
  });

  it("fail when the key's owner is not the issuer, or the issuer does not list the key", async () => {
    const examples = buildOb2Examples();
    const jws = await examples.sign(examples.signedAssertion());
    const documents = examples.documents();
    documents.set(examples.key.id as string, { ...examples.key, owner: 'https://evil.example/issuer.json' });
    const wrongOwner = await verifyCredential(jws, { fetcher: createMapFetcher(documents), now });
    expect(checkOf(wrongOwner, 'issuer')).toMatchObject({ ok: false, code: ErrorCode.UNBOUND_KEY });
    expect(wrongOwner.verified).toBe(false);

    const unlisted = examples.documents();
    unlisted.set(examples.issuer.id as string, { ...examples.issuer, publicKey: [] });
    const report = await verifyCredential(jws, { fetcher: createMapFetcher(unlisted), now });
    expect(checkOf(report, 'issuer')).toMatchObject({ ok: false, code: ErrorCode.UNBOUND_KEY });
  });

  it('fail when signed with another key than the one the issuer publishes', async () => {
    const examples = buildOb2Examples();
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jws = await examples.sign(examples.signedAssertion(), other.privateKey);
    const report = await verifyCredential(jws, { fetcher: createMapFetcher(examples.documents()), now });
    expect(checkOf(report, 'proof')).toMatchObject({ ok: false, code: ErrorCode.PROOF_VERIFICATION_ERROR });
  });

  it('fail when the revocation list names them, by id or by uid', async () => {
    const examples = buildOb2Examples();
    const assertion = examples.signedAssertion({ uid: 'beth-42' });
    const jws = await examples.sign(assertion);
    for (const entry of [assertion.id, { uid: 'beth-42', revocationReason: 'Honor code violation' }]) {
      const documents = examples.documents();
      documents.set(examples.revocationList.id as string, {
        ...examples.revocationList,
        revokedAssertions: [entry],
      });
      const report = await verifyCredential(jws, { fetcher: createMapFetcher(documents), now });
      expect(checkOf(report, 'status')).toMatchObject({ ok: false, code: ErrorCode.REVOKED });
      expect(report.verified).toBe(false);
    }
  });

  it('are never valid when the revocation list cannot be fetched', async () => {
    const examples = buildOb2Examples();
    const jws = await examples.sign(examples.signedAssertion());
    const documents = examples.documents();
    documents.delete(examples.revocationList.id as string);
    const report = await verifyCredential(jws, { fetcher: createMapFetcher(documents), now });
    expect(checkOf(report, 'status')).toMatchObject({ ok: false, code: ErrorCode.STATUS_RETRIEVAL_ERROR });
    expect(report.verified).toBe(false);
  });

  it('never verify under another algorithm than RS256 (alg none, HS256 keyed with the public key)', async () => {
    const examples = buildOb2Examples();
    const payload = Buffer.from(JSON.stringify(examples.signedAssertion())).toString('base64url');
    const header = (alg: string) => Buffer.from(JSON.stringify({ alg })).toString('base64url');
    const hmac = createHmac('sha256', examples.key.publicKeyPem as string)
      .update(`${header('HS256')}.${payload}`)
      .digest('base64url');
    for (const jws of [`${header('none')}.${payload}.`, `${header('HS256')}.${payload}.${hmac}`]) {
      const report = await verifyCredential(jws, { fetcher: createMapFetcher(examples.documents()), now });
      expect(report.verified).toBe(false);
    }
  });

  it('fail as bare JSON: a signed assertion is only verified from its JWS', async () => {
    const examples = buildOb2Examples();
    const report = await verifyCredential(examples.signedAssertion(), {
      fetcher: createMapFetcher(examples.documents()),
      now,
    });
    expect(checkOf(report, 'type')).toMatchObject({ ok: false });
  });
});

describe('OB 2.0 baked hosted assertions', () => {
  it('verify from PNG and SVG, the SVG naming the URL in verify', async () => {
    const examples = buildOb2Examples();
    const fetcher = createMapFetcher(examples.documents());
    const png = bakePng({ image: makeTinyPng(), credential: examples.hosted, keyword: 'openbadges' });
    const svg = bakeSvg({ svg: TINY_SVG, credential: examples.hosted, namespace: 'http://openbadges.org' });
    expect(svg).toContain(`verify="${examples.hosted.id as string}"`);
    for (const input of [png, new TextEncoder().encode(svg)]) {
      const report = await verifyCredential(input, { fetcher, now });
      expect(failedIds(report)).toEqual([]);
    }
  });
});

describe('OB 2.0 issuer trust', () => {
  it('asks the trust sources about the issuer profile, and only once authorship is proven', async () => {
    const examples = buildOb2Examples();
    const asked: string[] = [];
    const issuerTrust = (issuer: { id: string }) => {
      asked.push(issuer.id);
      return Promise.resolve({ level: 'vetted' as const, registry: 'Test registry', name: 'Example' });
    };
    const report = await verifyCredential(examples.hosted, {
      fetcher: createMapFetcher(examples.documents()),
      now,
      issuerTrust,
    });
    expect(asked).toEqual([examples.issuer.id]);
    expect(checkOf(report, 'issuer-trust')).toMatchObject({ ok: true });
    expect(report.issuerTrust).toMatchObject({ level: 'vetted' });

    const documents = examples.documents();
    documents.delete(examples.hosted.id as string);
    const unproven = await verifyCredential(examples.hosted, {
      fetcher: createMapFetcher(documents),
      now,
      issuerTrust,
    });
    expect(asked).toHaveLength(1);
    expect(unproven.issuerTrust).toMatchObject({ level: 'unknown' });
  });
});

describe('verifyOb2Assertion', () => {
  it('reports like verifyCredential and appends the checks it is given', async () => {
    const examples = buildOb2Examples();
    const report = await verifyOb2Assertion(examples.hosted, {
      fetcher: createMapFetcher(examples.documents()),
      now,
      appendChecks: (soFar) =>
        Promise.resolve([{ id: 'issuer-trust', ok: true, message: `${soFar.checks.length} checks so far` }]),
    });
    expect(report.verified).toBe(true);
    expect(report.checks.at(-1)).toEqual({ id: 'issuer-trust', ok: true, message: '7 checks so far' });
  });

  it('refuses text that is neither an assertion URL nor a JWS, without throwing', async () => {
    const report = await verifyOb2Assertion('not a badge');
    expect(report).toMatchObject({ verified: false, checks: [{ id: 'parse', ok: false }] });
  });
});

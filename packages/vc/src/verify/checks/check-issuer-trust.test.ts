import { describe, expect, it } from 'vitest';
import type { IssuerTrust, IssuerTrustResolver } from '../verification-report.js';
import { verifyCredential } from '../verify-credential-default.js';
import { assessIssuerTrust } from './check-issuer-trust.js';
import { didKeySigner, signWith, testBadge, testNow } from './test-verification-context.js';

const vettedKey = didKeySigner(3);
const forger = didKeySigner(4);
const linkedKey = didKeySigner(5);
const strangerKey = didKeySigner(6);

/** A resolver over fixed trust sources that records whom it was asked about. */
function resolverOf(known: ReadonlyMap<string, IssuerTrust>) {
  const asked: string[] = [];
  const resolve: IssuerTrustResolver = async ({ id }) => {
    asked.push(id);
    return known.get(id) ?? { level: 'unknown' };
  };
  return { asked, resolve };
}

const sources = new Map<string, IssuerTrust>([
  [vettedKey.controller, { level: 'vetted', registry: 'State register', name: 'Example Academy' }],
  [linkedKey.controller, { level: 'domain-linked', domain: 'https://linked.example' }],
]);

const trustCheckOf = (report: Awaited<ReturnType<typeof verifyCredential>>) =>
  report.checks.find((check) => check.id === 'issuer-trust');

describe('checkIssuerTrust', () => {
  it('says a vetted issuer is vetted, naming the registry and the listed name', async () => {
    const { resolve, asked } = resolverOf(sources);
    const badge = await signWith(vettedKey, testBadge(vettedKey.controller));
    const report = await verifyCredential(badge, { now: testNow, issuerTrust: resolve });
    expect(report.verified).toBe(true);
    expect(report.issuerTrust).toEqual(sources.get(vettedKey.controller));
    expect(trustCheckOf(report)).toEqual({
      id: 'issuer-trust',
      ok: true,
      message: 'vetted by State register as Example Academy',
    });
    expect(asked).toEqual([vettedKey.controller]);
    // Placed right after the issuer check, which establishes who signed.
    const ids = report.checks.map((check) => check.id);
    expect(ids.indexOf('issuer-trust')).toBe(ids.indexOf('issuer') + 1);
  });

  it('says a domain-linked issuer is linked to its domain', async () => {
    const { resolve } = resolverOf(sources);
    const badge = await signWith(linkedKey, testBadge(linkedKey.controller));
    const report = await verifyCredential(badge, { now: testNow, issuerTrust: resolve });
    expect(report.verified).toBe(true);
    expect(report.issuerTrust).toEqual({ level: 'domain-linked', domain: 'https://linked.example' });
    expect(trustCheckOf(report)).toMatchObject({
      ok: true,
      message: 'linked to the domain https://linked.example',
    });
  });

  it('says an unknown issuer is unknown: a warning, not a failure of verified', async () => {
    const { resolve } = resolverOf(sources);
    const badge = await signWith(strangerKey, testBadge(strangerKey.controller));
    const report = await verifyCredential(badge, { now: testNow, issuerTrust: resolve });
    expect(report.verified).toBe(true);
    expect(report.issuerTrust).toEqual({ level: 'unknown' });
    expect(trustCheckOf(report)).toEqual({
      id: 'issuer-trust',
      ok: true,
      warning: true,
      message: 'not listed by any registry this verifier trusts',
    });
  });

  it('never says vetted for a forged credential naming a vetted issuer, and consults nobody', async () => {
    const { resolve, asked } = resolverOf(sources);
    // The forger signs with its own key a badge naming the vetted issuer, and points the proof at the
    // vetted issuer's key id: the signature cannot verify under that key.
    const named = await signWith(forger, testBadge(vettedKey.controller));
    const forgedProofs = [{ ...(named.proof as Record<string, unknown>), verificationMethod: vettedKey.id }];
    for (const forged of [named, { ...named, proof: forgedProofs }]) {
      const report = await verifyCredential(forged, { now: testNow, issuerTrust: resolve });
      expect(report.verified).toBe(false);
      expect(report.issuerTrust).toEqual({ level: 'unknown' });
      const check = trustCheckOf(report);
      expect(check).toMatchObject({ ok: true, warning: true });
      expect(check?.message).toMatch(/^not assessed/);
      expect(check?.message).not.toMatch(/vetted|trusted/i);
    }
    expect(asked).toEqual([]);
  });

  it('adds no check when the verifier has no trust sources', async () => {
    const badge = await signWith(vettedKey, testBadge(vettedKey.controller));
    const report = await verifyCredential(badge, { now: testNow });
    expect(trustCheckOf(report)).toBeUndefined();
    expect(report.issuerTrust).toBeUndefined();
  });
});

describe('assessIssuerTrust', () => {
  it('leaves the issuer unknown when a trust source fails', async () => {
    const assessment = await assessIssuerTrust({
      issuerId: 'did:web:issuer.example',
      authorshipProven: true,
      resolve: () => Promise.reject(new Error('registry unreachable')),
    });
    expect(assessment.trust).toEqual({ level: 'unknown' });
    expect(assessment.check).toMatchObject({ ok: true, warning: true });
    expect(assessment.check.message).toContain('registry unreachable');
  });
});

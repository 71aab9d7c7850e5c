import { describe, expect, it } from 'vitest';
import { readSharedJson } from '../../test/support/shared-data.js';
import { createMapFetcher } from '../resource/index.js';
import { VERIFIER_CHECK_IDS, type VerificationReport } from './verification-report.js';
import { verifyCredential } from './verify-credential-default.js';

interface Fixture {
  file: string;
  expected: 'valid' | 'invalid' | 'either';
  reason: string;
  role?: string;
}

const manifest = readSharedJson<{ fixtures: Fixture[]; statusLists: { file: string; id: string }[] }>(
  'fixtures/manifest.json',
);
const fetcher = createMapFetcher(
  new Map(manifest.statusLists.map((list) => [list.id, readSharedJson(`fixtures/${list.file}`)])),
);
const now = new Date('2026-11-23T00:00:00Z');

/** For each invalid fixture: the check that must fail and its code, read from the manifest's reason. */
const EXPECTED_FAILURE: Record<string, { check: string; code: string }> = {
  'invalid/10-tampered-achievement-name.json': { check: 'proof', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' },
  'invalid/11-tampered-credential-name-whitespace.json': {
    check: 'proof',
    code: 'CRYPTOGRAPHIC_SECURITY_ERROR',
  },
  'invalid/12-tampered-unicode-nfd.json': { check: 'proof', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' },
  'invalid/13-wrong-key-verification-method.json': { check: 'proof', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' },
  'invalid/14-issuer-not-controller.json': { check: 'issuer', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' },
  'invalid/15-proofvalue-truncated.json': { check: 'proof', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' },
  'invalid/16-expired-valid-until.json': { check: 'valid-until', code: 'RANGE_ERROR' },
  'invalid/17-not-yet-valid-valid-from.json': { check: 'valid-from', code: 'RANGE_ERROR' },
  'invalid/18-unknown-cryptosuite.json': { check: 'proof', code: 'UNSUPPORTED_CRYPTOSUITE' },
  'invalid/19-missing-proof.json': { check: 'proof', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' },
  'invalid/20-revoked-bitstring-status.json': { check: 'status', code: 'REVOKED' },
  'invalid/21-unknown-context.json': { check: 'proof', code: 'UNKNOWN_CONTEXT' },
  'invalid/22-undefined-term-signed-without-safe-mode.json': { check: 'proof', code: 'UNDEFINED_TERM' },
  'invalid/23-tampered-proof-created.json': { check: 'proof', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' },
  'invalid/24-issuer-and-key-swapped.json': { check: 'proof', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' },
};

function failures(report: VerificationReport): string {
  return report.checks
    .filter((check) => !check.ok)
    .map((check) => `${check.id}/${check.code}: ${check.message}`)
    .join('; ');
}

describe('reference fixtures (signed by @digitalbazaar/vc): judged exactly as manifest.json says', () => {
  for (const fixture of manifest.fixtures) {
    if (fixture.expected === 'either') continue;
    it(`${fixture.file} is ${fixture.expected} (${fixture.reason.slice(0, 80)})`, async () => {
      const report = await verifyCredential(readSharedJson(`fixtures/${fixture.file}`), { fetcher, now });
      // Pages word each check by its id: an id outside the published list would read "Other check".
      expect(report.checks.map((check) => check.id).filter((id) => !VERIFIER_CHECK_IDS.includes(id))).toEqual(
        [],
      );
      if (fixture.expected === 'valid') {
        expect(report.verified, failures(report)).toBe(true);
        return;
      }
      expect(report.verified).toBe(false);
      const expected = EXPECTED_FAILURE[fixture.file];
      expect(expected, `no expected failure written down for ${fixture.file}`).toBeDefined();
      const failed = report.checks.find((check) => !check.ok);
      expect({ check: failed?.id, code: failed?.code }, failures(report)).toEqual(expected);
    });
  }

  it('judges the "either" fixture without crashing and says why', async () => {
    for (const fixture of manifest.fixtures.filter((item) => item.expected === 'either')) {
      const report = await verifyCredential(readSharedJson(`fixtures/${fixture.file}`), { fetcher, now });
      // We accept only base58btc proofValues, as eddsa-rdfc-2022 §2.2.1 requires.
      expect(report.verified).toBe(false);
      expect(report.checks.find((check) => !check.ok)?.code).toBe('MALFORMED_VALUE_ERROR');
    }
  });
});

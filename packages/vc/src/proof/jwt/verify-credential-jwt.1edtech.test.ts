import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeWithShared } from '../../../test/support/describe-with-shared.js';
import { ErrorCode } from '../../error/index.js';
import { verifyCredentialJwt } from './verify-credential-jwt.js';

// The 1EdTech validator's own samples (digital-credentials-public-validator), copied to the shared
// peer-suite folder; without that folder the test is skipped, or fails under CI (describeWithShared).
const SUITE = join(
  process.env.MICROCRED_PEER_SUITES ??
    fileURLToPath(new URL('../../../../../../shared/peer-suites', import.meta.url)),
  '1edtech-dcpv',
);
const NOW = new Date('2026-06-01T00:00:00Z');

interface ManifestEntry {
  readonly file: string;
  readonly format: string;
  readonly expected: 'valid' | 'invalid';
  readonly embedded?: string;
}

/** The compact JWS of a sample: a .jwt file, an SVG `verify` attribute, or a PNG `openbadgecredential` iTXt. */
function tokenOf(file: string): string {
  const bytes = readFileSync(join(SUITE, file));
  if (file.endsWith('.jwt')) return bytes.toString('utf8').trim();
  if (file.endsWith('.svg')) {
    const match = /<openbadges:credential[^>]*\sverify="([^"]+)"/.exec(bytes.toString('utf8'));
    if (match?.[1] === undefined) throw new Error(`no verify attribute in ${file}`);
    return match[1];
  }
  // PNG: 8-byte signature, then chunks of length(4) type(4) data crc(4); iTXt is keyword\0 flag method
  // language\0 translated\0 text (PNG 1.2 §11.3.4.5).
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'iTXt' && data.toString('latin1', 0, data.indexOf(0)) === 'openbadgecredential') {
      let cursor = data.indexOf(0) + 3;
      cursor = data.indexOf(0, cursor) + 1;
      cursor = data.indexOf(0, cursor) + 1;
      return data.subarray(cursor).toString('utf8');
    }
    at += 12 + length;
  }
  throw new Error(`no openbadgecredential iTXt chunk in ${file}`);
}

/**
 * Our JWT-level verdict per sample in `1edtech` compatibility mode (as the peer-suite test runs). The
 * manifest's `expected` is the whole-validator verdict; where the JWT itself is sound but the sample fails
 * for another reason (contexts), the JWT layer says verified. `unproven`: the key is only in the token's
 * jwk header, which nothing binds to the issuer: verified only in this mode, authorship unproven, and
 * refused (UNBOUND_KEY) in the default strict mode.
 */
const JWT_LEVEL: Readonly<
  Record<string, { verified: boolean; unproven?: boolean; failing?: string; code?: string; why: string }>
> = {
  'ob30/simple-jwt.png': {
    verified: true,
    unproven: true,
    why: 'RS256 + jwk header; enveloped VCDM 2.0 credential',
  },
  'ob30/simple-jwt.svg': {
    verified: true,
    unproven: true,
    why: 'RS256 + jwk header; enveloped VCDM 2.0 credential',
  },
  'ob30/simple-jwt_v1.png': { verified: true, unproven: true, why: 'RS256 + jwk header; VCDM 1.1 vc claim' },
  'ob30/simple-jwt_v1.svg': { verified: true, unproven: true, why: 'RS256 + jwk header; VCDM 1.1 vc claim' },
  'ob30/simple.jwt': {
    verified: false,
    failing: 'jwt.key',
    code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
    why: 'neither kid nor jwk: no key, online or offline (as the 1EdTech probe says)',
  },
  'ob30/velocity.jwt': {
    verified: false,
    failing: 'jwt.key',
    code: ErrorCode.DID_RESOLUTION_ERROR,
    why: 'kid is did:velocity, which we do not resolve (the peer test fails it for a missing context instead)',
  },
  'clr20/simple.jwt': {
    verified: true,
    unproven: true,
    why: 'the JWS verifies; the sample is invalid only for its unavailable pre-release contexts',
  },
};

describeWithShared(join(SUITE, 'manifest.json'), 'verifyCredentialJwt on the 1EdTech samples', () => {
  const manifest = JSON.parse(readFileSync(join(SUITE, 'manifest.json'), 'utf8')) as ManifestEntry[];
  const jwtSamples = manifest.filter((entry) => entry.format === 'jwt' || entry.embedded === 'jwt');

  it('covers every JWT sample of the manifest', () => {
    expect(jwtSamples.map((entry) => entry.file).sort()).toEqual(Object.keys(JWT_LEVEL).sort());
  });

  for (const entry of jwtSamples) {
    const want = JWT_LEVEL[entry.file];
    it(`${entry.file} (${entry.expected}): ${want?.why ?? 'unlisted'}`, async () => {
      const result = await verifyCredentialJwt(tokenOf(entry.file), { now: NOW, compat: '1edtech' });
      expect(result.verified).toBe(want?.verified);
      expect(result.authorship).toBe(want?.unproven === true ? 'unproven' : undefined);
      // Where the whole sample is valid, the JWT layer must not be the one that rejects it.
      if (entry.expected === 'valid') expect(result.verified).toBe(true);
      if (want?.failing !== undefined) {
        expect(result.checks.find((check) => !check.ok)).toMatchObject({
          id: want.failing,
          code: want.code,
        });
      }
    });
  }

  it('refuses, in the default strict mode, every sample whose key is only in its jwk header', async () => {
    for (const [file, want] of Object.entries(JWT_LEVEL).filter(([, want]) => want.unproven === true)) {
      const result = await verifyCredentialJwt(tokenOf(file), { now: NOW });
      expect(result.verified, file).toBe(false);
      expect(
        result.checks.find((check) => !check.ok),
        `${file}: ${want.why}`,
      ).toMatchObject({
        id: 'jwt.key-controller',
        code: ErrorCode.UNBOUND_KEY,
      });
    }
  });

  it('verifies the AchievementCredential JWTs nested in the CLR sample (1edtech mode)', async () => {
    const clr = await verifyCredentialJwt(tokenOf('clr20/simple.jwt'), { now: NOW, compat: '1edtech' });
    const subject = clr.credential?.credentialSubject as { verifiableCredential?: unknown[] } | undefined;
    const nested = (subject?.verifiableCredential ?? []).filter(
      (item): item is string => typeof item === 'string',
    );
    expect(nested.length).toBeGreaterThan(0);
    for (const jws of nested) {
      const result = await verifyCredentialJwt(jws, { now: NOW, compat: '1edtech' });
      expect(result.checks.filter((check) => !check.ok)).toEqual([]);
    }
  });
});

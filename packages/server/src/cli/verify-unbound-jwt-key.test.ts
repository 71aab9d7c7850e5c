import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildAchievement,
  buildAchievementCredential,
  buildDidWebDocument,
  buildProfile,
  createEd25519SigningKey,
  signEd25519,
} from '@microcred/vc';
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'microcred-unbound-'));
const path = (name: string) => join(dir, name);
const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
const NOW = ['--now', '2026-11-23T00:00:00Z'];

const did = 'did:web:university.example:issuers:acme';
const issuerKey = createEd25519SigningKey({
  secretKey: new Uint8Array(32).fill(31),
  id: `${did}#key-1`,
  controller: did,
});
const didDocument = buildDidWebDocument({
  did,
  keys: [{ id: 'key-1', publicKeyMultibase: issuerKey.publicKeyMultibase }],
});

function badge(issuerId: string): Record<string, unknown> {
  return buildAchievementCredential({
    id: 'urn:uuid:4a3c1f0e-2b4d-4c6e-8f10-1a2b3c4d5e6f',
    issuer: buildProfile({ id: issuerId, name: 'Acme University' }),
    achievement: buildAchievement({
      id: 'https://university.example/achievements/1',
      name: 'Surgery',
      description: 'Operates.',
      criteria: { narrative: 'Pass.' },
    }),
    recipient: { id: 'did:example:learner1' },
    validFrom: '2026-01-01T00:00:00Z',
  }) as unknown as Record<string, unknown>;
}

function jwt(header: Record<string, unknown>, signWith: (input: Buffer) => Uint8Array): string {
  const input = `${encode(header)}.${encode(badge(did))}`;
  return `${input}.${base64url.encode(signWith(Buffer.from(input)))}`;
}

function lines(
  out: string,
): { verified: boolean; authorship?: string; checks: { id: string; ok: boolean; code?: string }[] }[] {
  return out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('microcred verify: a VC-JWT whose key comes only from its own jwk header', () => {
  const attacker = generateKeyPairSync('ed25519');
  writeFileSync(
    path('forged.jwt'),
    jwt({ alg: 'EdDSA', jwk: attacker.publicKey.export({ format: 'jwk' }) }, (input) =>
      sign(null, input, attacker.privateKey),
    ),
  );
  const issuerJwk = { kty: 'OKP', crv: 'Ed25519', x: base64url.encode(issuerKey.publicKey) };
  writeFileSync(
    path('legit.jwt'),
    jwt({ alg: 'EdDSA', jwk: issuerJwk }, (input) => signEd25519(new Uint8Array(32).fill(31), input)),
  );
  writeFileSync(path('did.json'), JSON.stringify(didDocument));
  writeFileSync(
    path('map.json'),
    JSON.stringify({ [`${did} => https://university.example/issuers/acme/did.json`]: 'did.json' }),
  );

  it('exits 1 with jwt.key-controller UNBOUND_KEY, with or without the issuer’s DID document', async () => {
    for (const extra of [[], ['--resources', path('map.json')]]) {
      const run = await runCli('verify', '--json', ...NOW, ...extra, path('forged.jwt'));
      expect(run.code, extra.join(' ')).toBe(1);
      const [report] = lines(run.out);
      expect(report?.verified).toBe(false);
      expect(report?.authorship).toBeUndefined();
      const failed = report?.checks.find((check) => !check.ok);
      expect(failed).toMatchObject({ id: 'jwt.key-controller', code: 'UNBOUND_KEY' });
      expect(JSON.stringify(failed)).toMatch(
        extra.length === 0 ? /could not be resolved/ : /does not list this key/,
      );
    }
  });

  it('exits 0 for a jwk header that the issuer’s DID document lists', async () => {
    const run = await runCli('verify', '--json', ...NOW, '--resources', path('map.json'), path('legit.jwt'));
    expect(run.err).toBe('');
    expect(lines(run.out)[0]).toMatchObject({ verified: true });
    expect(run.code).toBe(0);
  });

  it('with --compat 1edtech: verified, but says authorship is unproven, in JSON and in words', async () => {
    const json = await runCli('verify', '--json', '--compat', '1edtech', ...NOW, path('forged.jwt'));
    expect(json.code).toBe(0);
    expect(lines(json.out)[0]).toMatchObject({ verified: true, authorship: 'unproven' });
    const text = await runCli('verify', '--compat', '1edtech', ...NOW, path('forged.jwt'));
    expect(text.out).toContain('SIGNATURE VALID, AUTHORSHIP UNPROVEN (compatibility mode)');
    expect(text.out).not.toMatch(/: VERIFIED/);
  });

  it('says in its help that 1edtech mode is unsafe for production', async () => {
    const help = await runCli('verify', '--help');
    expect(`${help.out}${help.err}`).toMatch(/1edtech \(UNSAFE for\s+production\)/);
  });
});

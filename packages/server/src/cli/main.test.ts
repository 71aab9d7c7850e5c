import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addDataIntegrityProof,
  buildBitstringStatusListCredential,
  createBitstring,
  encodeStatusList,
  setStatus,
  signingKeyFromMultikey,
} from '@microcred/vc';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTinyPng } from '../../../vc/test/support/test-images.js';
import { runCli } from '../../test/support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'microcred-cli-'));
const path = (name: string) => join(dir, name);

const run = runCli;

function jsonLines(
  out: string,
): { file: string; verified: boolean; checks: { id: string; ok: boolean; code?: string }[] }[] {
  return out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

const achievement = {
  id: 'https://example.edu/achievements/sql-basics',
  type: ['Achievement'],
  name: 'SQL Basics',
  description: 'Writes correct SELECT queries with joins and aggregates.',
  criteria: { narrative: 'Pass the SQL Basics assessment with at least 70%.' },
  achievementType: 'MicroCredential',
};

describe('microcred CLI', () => {
  beforeAll(async () => {
    writeFileSync(path('achievement.json'), JSON.stringify(achievement));
    writeFileSync(path('badge.png'), makeTinyPng());
    writeFileSync(
      path('badge.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>',
    );
    expect((await run('keys', 'generate', '--out', path('key.json'))).code).toBe(0);
  });

  it('keys generate writes a Multikey key file whose controller is its did:key, readable by the owner only', async () => {
    const key = JSON.parse(readFileSync(path('key.json'), 'utf8'));
    expect(key.type).toBe('Multikey');
    expect(key.controller).toMatch(/^did:key:z6Mk/);
    expect(key.id).toBe(`${key.controller}#${key.publicKeyMultibase}`);
    expect(key.secretKeyMultibase).toMatch(/^z/);
    const { statSync } = await import('node:fs');
    expect(statSync(path('key.json')).mode & 0o077).toBe(0);
  });

  for (const format of ['di', 'jcs', 'jwt'] as const) {
    it(`issue --format ${format} prints a credential that verify accepts (exit 0)`, async () => {
      const issued = await run(
        'issue',
        '--key',
        path('key.json'),
        '--achievement',
        path('achievement.json'),
        '--recipient',
        'learner@example.org',
        '--format',
        format,
      );
      expect(issued.code, issued.err).toBe(0);
      const file = path(`issued-${format}.${format === 'jwt' ? 'jwt' : 'json'}`);
      writeFileSync(file, issued.out);
      if (format !== 'jwt') {
        const credential = JSON.parse(issued.out);
        expect(JSON.stringify(credential)).not.toContain('learner@example.org');
        expect(credential.credentialSubject.identifier[0].identityHash).toMatch(/^sha256\$[0-9a-f]{64}$/);
      }
      const verified = await run('verify', '--json', file);
      expect(verified.code).toBe(0);
      expect(jsonLines(verified.out)[0]).toMatchObject({ file, verified: true });
    });
  }

  it('verify exits 1 when any file fails, reporting each file on its own line', async () => {
    const credential = JSON.parse(readFileSync(path('issued-di.json'), 'utf8'));
    writeFileSync(path('tampered.json'), JSON.stringify({ ...credential, name: 'Advanced SQL' }));
    const result = await run('verify', '--json', path('tampered.json'), path('issued-di.json'));
    expect(result.code).toBe(1);
    const [tampered, good] = jsonLines(result.out);
    expect(tampered?.verified).toBe(false);
    expect(tampered?.checks.find((check) => !check.ok)).toMatchObject({
      id: 'proof',
      code: 'CRYPTOGRAPHIC_SECURITY_ERROR',
    });
    expect(good?.verified).toBe(true);
  });

  it('verify --trust-registry says which registry lists the issuer, and never vouches for a forgery', async () => {
    const key = JSON.parse(readFileSync(path('key.json'), 'utf8'));
    writeFileSync(path('registry.txt'), `# name: Test Registry\n${key.controller} Test Academy\n`);
    writeFileSync(path('bad-registry.json'), '{"registry": ');
    const listed = await run(
      'verify',
      '--json',
      '--trust-registry',
      path('registry.txt'),
      path('issued-di.json'),
    );
    expect(listed.code).toBe(0);
    const [report] = jsonLines(listed.out) as { issuerTrust?: unknown; checks: { id: string }[] }[];
    expect(report?.issuerTrust).toEqual({ level: 'vetted', registry: 'Test Registry', name: 'Test Academy' });
    const tampered = await run(
      'verify',
      '--json',
      '--trust-registry',
      path('registry.txt'),
      path('tampered.json'),
    );
    const [forged] = jsonLines(tampered.out) as { issuerTrust?: { level: string } }[];
    expect(forged?.issuerTrust?.level ?? 'unknown').toBe('unknown');
    const bad = await run('verify', '--trust-registry', path('bad-registry.json'), path('issued-di.json'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('bad-registry.json');
  });

  it('verify prints a readable report and exits 2 for an unreadable file or no file', async () => {
    const human = await run('verify', path('issued-di.json'));
    expect(human.out).toContain('VERIFIED');
    expect(human.out).toMatch(/\[ ok \] proof/);
    expect((await run('verify', path('missing.json'))).code).toBe(2);
    expect((await run('verify')).code).toBe(2);
    expect((await run('issue', '--key', path('key.json'))).code).toBe(2);
  });

  it('--now judges dates at that instant', async () => {
    const result = await run('verify', '--json', '--now', '2000-01-01T00:00:00Z', path('issued-di.json'));
    expect(result.code).toBe(1);
    expect(jsonLines(result.out)[0]?.checks.find((check) => !check.ok)).toMatchObject({
      id: 'valid-from',
      code: 'RANGE_ERROR',
    });
  });

  it('bake and unbake round-trip through PNG (JSON) and SVG (JWT), and verify reads the baked images', async () => {
    expect(
      (
        await run(
          'bake',
          '--credential',
          path('issued-di.json'),
          '--image',
          path('badge.png'),
          '--out',
          path('baked.png'),
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await run(
          'bake',
          '--credential',
          path('issued-jwt.jwt'),
          '--image',
          path('badge.svg'),
          '--out',
          path('baked.svg'),
        )
      ).code,
    ).toBe(0);
    const unbaked = await run('unbake', path('baked.png'));
    expect(JSON.parse(unbaked.out)).toEqual(JSON.parse(readFileSync(path('issued-di.json'), 'utf8')));
    expect((await run('unbake', path('baked.svg'))).out.trim()).toBe(
      readFileSync(path('issued-jwt.jwt'), 'utf8').trim(),
    );
    const verified = await run('verify', '--json', path('baked.png'), path('baked.svg'));
    expect(verified.code).toBe(0);
    const unbakeBad = await run('unbake', path('achievement.json'));
    expect(unbakeBad.code).toBe(1);
    expect(unbakeBad.err).toContain('BAKE_ERROR');
  });

  it('reads revocation from a --status-list file, and fails closed without it', async () => {
    const keyFile = JSON.parse(readFileSync(path('key.json'), 'utf8'));
    const key = signingKeyFromMultikey(keyFile);
    const listUrl = 'https://status.example.edu/lists/1';
    const issued = await run(
      'issue',
      '--key',
      path('key.json'),
      '--achievement',
      path('achievement.json'),
      '--recipient',
      'did:example:learner',
      '--status-list-url',
      listUrl,
      '--status-index',
      '4242',
    );
    expect(issued.code, issued.err).toBe(0);
    writeFileSync(path('with-status.json'), issued.out);
    const bits = createBitstring();
    const signList = async (name: string) => {
      const unsigned = buildBitstringStatusListCredential({
        id: listUrl,
        issuer: keyFile.controller,
        statusPurpose: 'revocation',
        encodedList: encodeStatusList(bits),
        validFrom: '2026-01-01T00:00:00Z',
      });
      const signed = await addDataIntegrityProof({
        document: unsigned as unknown as Record<string, unknown>,
        key,
        created: '2026-01-01T00:00:00Z',
      });
      writeFileSync(path(name), JSON.stringify(signed));
    };
    await signList('list-clear.json');
    setStatus(bits, 4242, 1);
    await signList('list-revoked.json');

    const clear = await run(
      'verify',
      '--json',
      '--status-list',
      path('list-clear.json'),
      path('with-status.json'),
    );
    expect(clear.code).toBe(0);
    const revoked = await run(
      'verify',
      '--json',
      '--status-list',
      path('list-revoked.json'),
      path('with-status.json'),
    );
    expect(revoked.code).toBe(1);
    expect(jsonLines(revoked.out)[0]?.checks.find((check) => !check.ok)).toMatchObject({
      id: 'status',
      code: 'REVOKED',
    });
    const unknown = await run('verify', '--json', path('with-status.json'));
    expect(unknown.code).toBe(1);
    expect(jsonLines(unknown.out)[0]?.checks.find((check) => !check.ok)).toMatchObject({
      id: 'status',
      code: 'STATUS_RETRIEVAL_ERROR',
    });
  });
});

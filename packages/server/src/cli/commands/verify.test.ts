import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addDataIntegrityProof,
  buildAchievement,
  buildAchievementCredential,
  buildBitstringStatusListCredential,
  buildProfile,
  createBitstring,
  createEd25519SigningKey,
  didKeyFromPublicKey,
  didKeyVerificationMethodId,
  encodeStatusList,
  generateEd25519KeyPair,
} from '@microcred/vc';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../test/support/run-cli.js';
import {
  handBakedPng,
  handBakedSvg,
  type TwoFacedCredentials,
  twoFacedCredentials,
} from '../../../test/support/two-faced-credentials.js';

const dir = mkdtempSync(join(tmpdir(), 'microcred-verify-'));

interface JsonReport {
  readonly verified: boolean;
  readonly checks: readonly { id: string; ok: boolean; code?: string; message: string }[];
}

async function verifyFile(name: string, content: string | Uint8Array) {
  const file = join(dir, name);
  writeFileSync(file, content);
  const { code, out, err } = await runCli('verify', '--json', file);
  return { code, err, report: JSON.parse(out) as JsonReport };
}

/** ADVERSARIAL V14: a credential read two ways is refused at parse, whatever carries it. */
describe('microcred verify refuses credentials that are not I-JSON', () => {
  let faces: TwoFacedCredentials;
  beforeAll(async () => {
    faces = await twoFacedCredentials();
  });

  it('verifies the credential as signed, so the refusals below are about the decoy alone', async () => {
    const { code, report } = await verifyFile('signed.json', JSON.stringify(faces.credential));
    expect(report.verified).toBe(true);
    expect(code).toBe(0);
  });

  it('refuses a signed credential whose credentialSubject appears twice, decoy first (exit 1)', async () => {
    const { code, report } = await verifyFile('two-subjects.json', faces.duplicateSubject);
    expect(code).toBe(1);
    expect(report.verified).toBe(false);
    expect(report.checks).toEqual([
      expect.objectContaining({
        id: 'parse',
        ok: false,
        code: 'PARSING_ERROR',
        message: expect.stringContaining('duplicate member name "credentialSubject"'),
      }),
    ]);
  });

  it('refuses a signed name written as a lone surrogate "\\ud800" (exit 1)', async () => {
    const { code, report } = await verifyFile('lone-surrogate.json', faces.loneSurrogateName);
    expect(code).toBe(1);
    expect(report.verified).toBe(false);
    expect(report.checks[0]).toMatchObject({ id: 'parse', ok: false, code: 'PARSING_ERROR' });
    expect(report.checks[0]?.message).toContain('unpaired surrogate escape');
  });

  it('refuses a VC-JWT whose signed payload has credentialSubject twice', async () => {
    const { code, report } = await verifyFile('two-subjects.jwt', faces.duplicateSubjectJwt);
    expect(code).toBe(1);
    expect(report.checks.find((check) => !check.ok)).toMatchObject({
      id: 'jwt.parse',
      code: 'PARSING_ERROR',
      message: expect.stringContaining('duplicate member name "credentialSubject"'),
    });
  });

  it.each([
    ['png', (text: string) => handBakedPng(text)],
    ['svg', (text: string) => handBakedSvg(text)],
  ])(
    'refuses a baked %s carrying a duplicated credentialSubject or a lone surrogate',
    async (format, bake) => {
      const signed = await verifyFile(`signed.${format}`, bake(JSON.stringify(faces.credential)));
      expect(signed.report.verified).toBe(true);
      for (const [name, text, problem] of [
        ['two-subjects', faces.duplicateSubject, 'duplicate member name "credentialSubject"'],
        ['lone-surrogate', faces.loneSurrogateName, 'unpaired surrogate'],
      ] as const) {
        const { code, report } = await verifyFile(`${name}.${format}`, bake(text));
        expect(code).toBe(1);
        expect(report.checks).toEqual([
          expect.objectContaining({ id: 'parse', ok: false, message: expect.stringContaining(problem) }),
        ]);
      }
    },
  );
});

describe('microcred verify --fetch', () => {
  let server: Server;
  let connections = 0;
  let file: string;

  beforeAll(async () => {
    const { publicKey, secretKey } = generateEd25519KeyPair(randomBytes(32));
    const did = didKeyFromPublicKey(publicKey);
    const key = createEd25519SigningKey({ secretKey, id: didKeyVerificationMethodId(did), controller: did });
    const created = new Date('2026-01-01T00:00:00Z');
    let list: Record<string, unknown> = {};
    server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/vc+ld+json' });
      response.end(JSON.stringify(list));
    });
    server.on('connection', () => {
      connections += 1;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const listUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/status/1`;
    const unsignedList = buildBitstringStatusListCredential({
      id: listUrl,
      issuer: did,
      statusPurpose: 'revocation',
      encodedList: encodeStatusList(createBitstring()),
      validFrom: created,
    });
    list = await addDataIntegrityProof({
      document: unsignedList as unknown as Record<string, unknown>,
      key,
      created,
    });
    const credential = await addDataIntegrityProof({
      document: buildAchievementCredential({
        id: `urn:uuid:${randomUUID()}`,
        issuer: buildProfile({ id: did, name: 'Remote Academy' }),
        achievement: buildAchievement({
          id: 'https://academy.example/achievements/first-aid',
          name: 'First Aid',
          description: 'Gives first aid.',
          criteria: { narrative: 'Pass the first aid course.' },
        }),
        recipient: { id: 'did:example:learner' },
        validFrom: created,
        name: 'First Aid',
        credentialStatus: {
          type: 'BitstringStatusListEntry',
          statusPurpose: 'revocation',
          statusListIndex: 3,
          statusListCredential: listUrl,
        },
      }) as unknown as Record<string, unknown>,
      key,
      created,
    });
    file = join(dir, 'remote-status.json');
    writeFileSync(file, JSON.stringify(credential));
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  const statusOf = (out: string) =>
    (JSON.parse(out) as JsonReport).checks.find((check) => check.id === 'status');

  it('fetches nothing without --fetch: the status is unknown', async () => {
    vi.stubEnv('MICROCRED_FETCH_ALLOW', '127.0.0.1');
    const before = connections;
    const { code, out } = await runCli('verify', '--json', file);
    expect(code).toBe(1);
    expect(statusOf(out)).toMatchObject({ ok: false, code: 'STATUS_RETRIEVAL_ERROR' });
    expect(connections).toBe(before);
  });

  it('reads the status list of a host MICROCRED_FETCH_ALLOW names, with --fetch', async () => {
    vi.stubEnv('MICROCRED_FETCH_ALLOW', '127.0.0.1');
    const { code, out, err } = await runCli('verify', '--json', '--fetch', file);
    expect(statusOf(out), err).toMatchObject({ ok: true });
    expect(code).toBe(0);
  });

  it('refuses plain http to a host not allow-listed, even with --fetch', async () => {
    vi.stubEnv('MICROCRED_FETCH_ALLOW', '');
    const before = connections;
    const { code, out } = await runCli('verify', '--json', '--fetch', file);
    expect(code).toBe(1);
    expect(statusOf(out)).toMatchObject({ ok: false, code: 'FETCH_REFUSED' });
    expect(connections).toBe(before);
  });

  it('calls an unreadable MICROCRED_FETCH_ALLOW a usage error (exit 2)', async () => {
    vi.stubEnv('MICROCRED_FETCH_ALLOW', 'https://127.0.0.1/');
    const { code, err } = await runCli('verify', '--json', '--fetch', file);
    expect(code).toBe(2);
    expect(err).toContain('MICROCRED_FETCH_ALLOW');
  });
});

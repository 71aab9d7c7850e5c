import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addDataIntegrityProof,
  buildAchievement,
  buildAchievementCredential,
  buildProfile,
  createEd25519SigningKey,
  credentialLogEntry,
  didKeyFromPublicKey,
  didKeyVerificationMethodId,
  formatLogProof,
  generateEd25519KeyPair,
  inclusionProof,
} from '@microcred/vc';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.js';
import { buildTestLog, TEST_LOG_KEY, testEntries } from './test-transparency-log.js';

const dir = mkdtempSync(join(tmpdir(), 'microcred-verify-log-'));
let credentialFile: string;
let proofFile: string;
let badProofFile: string;

interface JsonReport {
  readonly verified: boolean;
  readonly checks: readonly { id: string; ok: boolean; code?: string; message: string }[];
}

beforeAll(async () => {
  const { publicKey, secretKey } = generateEd25519KeyPair(new Uint8Array(32).fill(5));
  const did = didKeyFromPublicKey(publicKey);
  const credential = await addDataIntegrityProof({
    document: buildAchievementCredential({
      id: 'urn:uuid:6f1c1b9e-2f51-4c55-9f27-0d7e3c1a9b42',
      issuer: buildProfile({ id: did, name: 'Logged Academy' }),
      achievement: buildAchievement({
        id: 'https://academy.example/achievements/logged',
        name: 'Logged',
        description: 'Was logged.',
        criteria: { narrative: 'Be issued.' },
      }),
      recipient: { id: 'did:example:learner' },
      validFrom: '2026-01-01T00:00:00Z',
    }) as unknown as Record<string, unknown>,
    key: createEd25519SigningKey({ secretKey, id: didKeyVerificationMethodId(did), controller: did }),
    created: new Date('2026-01-01T00:00:00Z'),
  });
  credentialFile = join(dir, 'credential.json');
  writeFileSync(credentialFile, JSON.stringify(credential));
  const entries = testEntries(9);
  entries.splice(6, 0, credentialLogEntry(credential));
  const log = buildTestLog(entries);
  const proof = formatLogProof({
    leafIndex: 6,
    treeSize: 10,
    inclusionProof: inclusionProof(6, 10, log.store.read),
    checkpoint: log.checkpoint,
  });
  proofFile = join(dir, 'log-proof.json');
  writeFileSync(proofFile, JSON.stringify(proof));
  badProofFile = join(dir, 'bad-log-proof.json');
  writeFileSync(badProofFile, JSON.stringify({ ...proof, leafIndex: 5 }));
});

async function verify(...args: string[]) {
  const { code, out, err } = await runCli('verify', '--json', ...args);
  return { code, err, report: out === '' ? undefined : (JSON.parse(out) as JsonReport) };
}

describe('microcred verify --log-key --log-proof', () => {
  it('adds a passing transparency-log check for a credential the log holds', async () => {
    const keyFile = join(dir, 'log.key');
    writeFileSync(keyFile, `${TEST_LOG_KEY}\n`);
    for (const key of [TEST_LOG_KEY, keyFile]) {
      const { code, report } = await verify('--log-key', key, '--log-proof', proofFile, credentialFile);
      expect(code).toBe(0);
      expect(report?.checks.find((check) => check.id === 'transparency-log')).toMatchObject({
        ok: true,
        message: expect.stringContaining('logged at position 6 of badges.example.edu/log'),
      });
    }
  });

  it('fails (exit 1) when the proof does not place the credential in the log', async () => {
    const { code, report } = await verify(
      '--log-key',
      TEST_LOG_KEY,
      '--log-proof',
      badProofFile,
      credentialFile,
    );
    expect(code).toBe(1);
    expect(report?.checks.find((check) => !check.ok)).toMatchObject({
      id: 'transparency-log',
      code: 'PROOF_VERIFICATION_ERROR',
    });
  });

  it('has no transparency-log check without the flags, and refuses one flag without the other (exit 2)', async () => {
    const plain = await verify(credentialFile);
    expect(plain.report?.checks.map((check) => check.id)).not.toContain('transparency-log');
    expect((await verify('--log-key', TEST_LOG_KEY, credentialFile)).code).toBe(2);
    expect((await verify('--log-key', 'nonsense', '--log-proof', proofFile, credentialFile)).code).toBe(2);
  });
});

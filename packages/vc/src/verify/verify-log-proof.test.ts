import { describe, expect, it } from 'vitest';
import { generateEd25519KeyPair } from '../did/index.js';
import {
  createCosigner,
  createMemoryHashStore,
  createNoteSigner,
  formatCosignerVerifierKey,
  formatLogProof,
  formatNoteVerifierKey,
  hashLeaf,
  inclusionProof,
  noteSignatureLine,
  signCheckpoint,
} from '../tlog/index.js';
import { credentialLogEntry, verifyLogProof } from './verify-log-proof.js';

const ORIGIN = 'badges.example.edu/log';
const logSeed = new Uint8Array(32).fill(7);
const witnessSeed = new Uint8Array(32).fill(9);
const logKey = formatNoteVerifierKey(ORIGIN, generateEd25519KeyPair(logSeed).publicKey);
const witnessKey = formatCosignerVerifierKey(
  'witness.example/w1',
  generateEd25519KeyPair(witnessSeed).publicKey,
);
const otherLogKey = formatNoteVerifierKey(
  ORIGIN,
  generateEd25519KeyPair(new Uint8Array(32).fill(8)).publicKey,
);

const credentials = Array.from({ length: 7 }, (_, i) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  id: `urn:uuid:00000000-0000-4000-8000-00000000000${i}`,
  type: ['VerifiableCredential'],
  proof: { proofValue: `z${i}` },
}));

/** A log of the seven credentials; `leaf` gets a proof against a checkpoint signed by the log key. */
function logged(leaf: number, options: { witnessedAt?: number } = {}) {
  const store = createMemoryHashStore();
  store.append(credentials.map((credential) => hashLeaf(credentialLogEntry(credential))));
  const body = { origin: ORIGIN, size: store.size(), rootHash: store.root(), extensions: [] };
  let checkpoint = signCheckpoint(body, [createNoteSigner({ name: ORIGIN, secretKey: logSeed })]);
  if (options.witnessedAt !== undefined) {
    const text = checkpoint.slice(0, checkpoint.lastIndexOf('\n\n') + 1);
    const cosigner = createCosigner({
      name: 'witness.example/w1',
      secretKey: witnessSeed,
      timestamp: options.witnessedAt,
    });
    checkpoint += noteSignatureLine(text, cosigner);
  }
  return formatLogProof({
    leafIndex: leaf,
    treeSize: store.size(),
    inclusionProof: inclusionProof(leaf, store.size(), store.read),
    checkpoint,
  });
}

function refusal(run: () => unknown): { code?: string; reason?: unknown } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    const { code, details } = error as { code?: string; details?: { reason?: unknown } };
    return { code, reason: details?.reason };
  }
}

describe('verifyLogProof', () => {
  it('verifies a credential logged at its index, against the checkpoint the log key signed', () => {
    const verified = verifyLogProof({ credential: credentials[5], logProof: logged(5), logKeys: [logKey] });
    expect(verified).toEqual({ origin: ORIGIN, leafIndex: 5, treeSize: 7, witnesses: [] });
  });

  it('hashes the credential as JCS, so key order does not matter but any change does', () => {
    const [first] = credentials;
    const reordered = {
      proof: first?.proof,
      type: first?.type,
      id: first?.id,
      '@context': first?.['@context'],
    };
    expect(() =>
      verifyLogProof({ credential: reordered, logProof: logged(0), logKeys: [logKey] }),
    ).not.toThrow();
    const changed = { ...first, id: 'urn:uuid:ffffffff-0000-4000-8000-000000000000' };
    expect(
      refusal(() => verifyLogProof({ credential: changed, logProof: logged(0), logKeys: [logKey] })),
    ).toEqual({
      code: 'PROOF_VERIFICATION_ERROR',
      reason: 'root-mismatch',
    });
  });

  it.each([
    ['another credential', (p: ReturnType<typeof logged>) => p, 4, 'root-mismatch'],
    ['a wrong index', (p: ReturnType<typeof logged>) => ({ ...p, leafIndex: 4 }), 5, 'root-mismatch'],
    [
      'an index beyond the tree',
      (p: ReturnType<typeof logged>) => ({ ...p, leafIndex: 7 }),
      5,
      'index-out-of-range',
    ],
    [
      'a size other than the checkpoint’s',
      (p: ReturnType<typeof logged>) => ({ ...p, treeSize: 6 }),
      5,
      'size-mismatch',
    ],
    [
      'an extra hash',
      (p: ReturnType<typeof logged>) => ({
        ...p,
        inclusionProof: [...p.inclusionProof, p.inclusionProof[0]],
      }),
      5,
      'extra-hashes',
    ],
    [
      'a missing hash',
      (p: ReturnType<typeof logged>) => ({ ...p, inclusionProof: p.inclusionProof.slice(0, -1) }),
      5,
      'missing-hashes',
    ],
  ])('refuses %s (ADVERSARIAL L1)', (_, mutate, credential, reason) => {
    const logProof = mutate(logged(5));
    expect(
      refusal(() => verifyLogProof({ credential: credentials[credential], logProof, logKeys: [logKey] }))
        ?.reason,
    ).toBe(reason);
  });

  it('refuses a tampered checkpoint, an unknown key and another origin (ADVERSARIAL L3)', () => {
    const proof = logged(2);
    const tampered = { ...proof, checkpoint: proof.checkpoint.replace('\n7\n', '\n8\n') };
    expect(
      refusal(() => verifyLogProof({ credential: credentials[2], logProof: tampered, logKeys: [logKey] })),
    ).toEqual({
      code: 'CRYPTOGRAPHIC_SECURITY_ERROR',
      reason: 'bad-signature',
    });
    expect(
      refusal(() => verifyLogProof({ credential: credentials[2], logProof: proof, logKeys: [otherLogKey] })),
    ).toEqual({
      code: 'CRYPTOGRAPHIC_SECURITY_ERROR',
      reason: 'no-known-signature',
    });
    expect(
      refusal(() =>
        verifyLogProof({
          credential: credentials[2],
          logProof: proof,
          logKeys: [logKey],
          origin: 'other.example/log',
        }),
      )?.reason,
    ).toBe('wrong-origin');
    const hyphen = { ...proof, checkpoint: proof.checkpoint.replace('\u2014 ', '- ') };
    expect(
      refusal(() => verifyLogProof({ credential: credentials[2], logProof: hyphen, logKeys: [logKey] }))
        ?.code,
    ).toBe('PARSING_ERROR');
  });

  it('refuses a malformed proof: a hash that is not 32 bytes, a fractional index', () => {
    const proof = logged(1);
    expect(
      refusal(() =>
        verifyLogProof({
          credential: credentials[1],
          logProof: { ...proof, inclusionProof: ['AAAA'] },
          logKeys: [logKey],
        }),
      )?.reason,
    ).toBe('malformed-log-proof');
    expect(
      refusal(() =>
        verifyLogProof({
          credential: credentials[1],
          logProof: { ...proof, leafIndex: 1.5 },
          logKeys: [logKey],
        }),
      )?.reason,
    ).toBe('malformed-log-proof');
  });

  it('dates the checkpoint only by a cosignature of a trusted witness', () => {
    const proof = logged(3, { witnessedAt: 1_767_225_600 });
    expect(
      verifyLogProof({ credential: credentials[3], logProof: proof, logKeys: [logKey] }).witnessedAt,
    ).toBeUndefined();
    const verified = verifyLogProof({
      credential: credentials[3],
      logProof: proof,
      logKeys: [logKey],
      witnessKeys: [witnessKey],
    });
    expect(verified.witnessedAt).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect(verified.witnesses).toEqual(['witness.example/w1']);
  });

  it('refuses a checkpoint signed by a trusted witness but not by the log', () => {
    const proof = logged(3, { witnessedAt: 1_767_225_600 });
    expect(
      refusal(() =>
        verifyLogProof({
          credential: credentials[3],
          logProof: proof,
          logKeys: [otherLogKey],
          witnessKeys: [witnessKey],
        }),
      ),
    ).toEqual({ code: 'CRYPTOGRAPHIC_SECURITY_ERROR', reason: 'no-known-signature' });
  });

  it('refuses a forged cosignature time', () => {
    const proof = logged(3, { witnessedAt: 1_767_225_600 });
    const lines = proof.checkpoint.split('\n');
    const cosignature = lines[lines.length - 2] ?? '';
    const bytes = Buffer.from(cosignature.split(' ')[2] ?? '', 'base64');
    bytes[11] = (bytes[11] ?? 0) ^ 1; // the last byte of the 8-byte timestamp after the 4-byte key id
    lines[lines.length - 2] = `${cosignature.split(' ').slice(0, 2).join(' ')} ${bytes.toString('base64')}`;
    const forged = { ...proof, checkpoint: lines.join('\n') };
    expect(
      refusal(() =>
        verifyLogProof({
          credential: credentials[3],
          logProof: forged,
          logKeys: [logKey],
          witnessKeys: [witnessKey],
        }),
      )?.reason,
    ).toBe('bad-signature');
  });
});

import { createPublicKey } from 'node:crypto';
import { LogCheckpoint, verifyCheckpoint } from '@sigstore/verify/dist/tlog/checkpoint.js';
import { verifyMerkleInclusion } from '@sigstore/verify/dist/tlog/merkle.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateEd25519KeyPair } from '../did/ed25519.js';
import { signCheckpoint } from './checkpoint.js';
import { inclusionProof, verifyInclusionProof } from './inclusion-proof.js';
import { createMemoryHashStore } from './memory-hash-store.js';
import { hashLeaf } from './merkle-hash.js';
import { createNoteSigner } from './note-key.js';

// An independent implementation to disagree with: @sigstore/verify (Rekor's client in npm), whose
// inclusion check (decompInclProof, chainInner, chainBorderRight) is written unlike RFC 9162 §2.1.3.2,
// and whose checkpoint parser reads signed notes. Its entry types are protobuf-shaped; only the fields
// these two functions read are built here.
type SigstoreEntry = Parameters<typeof verifyMerkleInclusion>[0];
type SigstoreCheckpoint = Parameters<typeof verifyMerkleInclusion>[1];

function sigstoreAccepts(entry: unknown, checkpoint: unknown): boolean {
  try {
    verifyMerkleInclusion(entry as SigstoreEntry, checkpoint as SigstoreCheckpoint);
    return true;
  } catch {
    return false;
  }
}

function oursAccepts(options: Parameters<typeof verifyInclusionProof>[0]): boolean {
  try {
    verifyInclusionProof(options);
    return true;
  } catch {
    return false;
  }
}

describe('differential against @sigstore/verify', () => {
  it('agrees on every inclusion proof the tree produces and on mutated ones', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 6 }), { minLength: 1, maxLength: 80 }),
        fc.nat(),
        fc.integer({ min: -1, max: 1 }),
        fc.nat(3),
        (entries, pick, shift, drop) => {
          const bodies = entries.map((entry, i) => Buffer.from([i >> 8, i & 0xff, ...entry]));
          const store = createMemoryHashStore();
          store.append(bodies.map(hashLeaf));
          const treeSize = bodies.length;
          const proven = pick % treeSize;
          const proof = inclusionProof(proven, treeSize, store.read);
          // Claim the proof for a neighbour's index, and drop a hash now and then.
          const leafIndex = Math.max(0, Math.min(treeSize - 1, proven + shift));
          const hashes = drop === 0 && proof.length > 0 ? proof.slice(1) : proof;
          const body = bodies[proven] as Buffer;
          const ours = oursAccepts({
            leafIndex,
            treeSize,
            leafHash: hashLeaf(body),
            proof: hashes,
            rootHash: store.root(),
          });
          const theirs = sigstoreAccepts(
            {
              inclusionProof: { logIndex: String(leafIndex), hashes: hashes.map((h) => Buffer.from(h)) },
              canonicalizedBody: body,
            },
            { logSize: BigInt(treeSize), logHash: Buffer.from(store.root()) },
          );
          expect(ours).toBe(theirs);
          if (shift === 0 && drop !== 0) expect(ours).toBe(true);
        },
      ),
    );
  });

  it('produces checkpoints that its signed-note reader verifies and parses', () => {
    const seed = new Uint8Array(32).fill(3);
    const signer = createNoteSigner({ name: 'log.example/microcred', secretKey: seed });
    const rootHash = hashLeaf(Buffer.from('root'));
    const note = signCheckpoint({ origin: 'log.example/microcred', size: 1234, rootHash, extensions: [] }, [
      signer,
    ]);
    const keyHint = Buffer.alloc(32);
    keyHint.writeUInt32BE(signer.keyId, 0);
    const publicKey = createPublicKey({
      key: {
        kty: 'OKP',
        crv: 'Ed25519',
        x: Buffer.from(generateEd25519KeyPair(seed).publicKey).toString('base64url'),
      },
      format: 'jwk',
    });
    const tlog = {
      logID: keyHint,
      publicKey,
      baseURL: 'https://log.example/microcred',
      validFor: { start: new Date(0), end: new Date(8.64e15) },
    };
    const entry = { inclusionProof: { checkpoint: { envelope: note } } };
    const checkpoint = verifyCheckpoint(entry as unknown as Parameters<typeof verifyCheckpoint>[0], [
      tlog as unknown as Parameters<typeof verifyCheckpoint>[1][number],
    ]);
    expect(checkpoint.origin).toBe('log.example/microcred');
    expect(checkpoint.logSize).toBe(1234n);
    expect(Buffer.from(checkpoint.logHash).equals(Buffer.from(rootHash))).toBe(true);
    const tampered = { inclusionProof: { checkpoint: { envelope: note.replace('1234', '1235') } } };
    expect(() =>
      verifyCheckpoint(tampered as unknown as Parameters<typeof verifyCheckpoint>[0], [
        tlog as unknown as Parameters<typeof verifyCheckpoint>[1][number],
      ]),
    ).toThrow();
    expect(LogCheckpoint.fromString(note.slice(0, note.indexOf('\n\n') + 1)).logSize).toBe(1234n);
  });
});

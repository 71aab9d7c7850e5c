import { describe, expect, it } from 'vitest';
import { generateEd25519KeyPair } from '../did/ed25519.js';
import {
  appendCosignatures,
  formatAddCheckpointRequest,
  parseAddCheckpointRequest,
} from './add-checkpoint.js';
import { formatCheckpoint, signCheckpoint } from './checkpoint.js';
import { consistencyProof } from './consistency-proof.js';
import {
  cosignatureTimestamp,
  createCosigner,
  formatCosignerVerifierKey,
  parseCosignerVerifierKey,
} from './cosignature.js';
import { createMemoryHashStore, type MemoryHashStore } from './memory-hash-store.js';
import { hashLeaf } from './merkle-hash.js';
import { createNoteSigner, formatNoteVerifierKey, parseNoteVerifierKey } from './note-key.js';
import { noteSignatureLine, openNote } from './signed-note.js';
import { type CosignedTree, witnessCheckpoint } from './witness-checkpoint.js';

const ORIGIN = 'badges.example.edu/log';
const logSeed = new Uint8Array(32).fill(1);
const logVerifier = parseNoteVerifierKey(
  formatNoteVerifierKey(ORIGIN, generateEd25519KeyPair(logSeed).publicKey),
);
const witnessSeed = new Uint8Array(32).fill(2);
const witnessVerifier = parseCosignerVerifierKey(
  formatCosignerVerifierKey('witness.example/w1', generateEd25519KeyPair(witnessSeed).publicKey),
);
const cosigner = createCosigner({
  name: 'witness.example/w1',
  secretKey: witnessSeed,
  timestamp: 1_800_000_000,
});

function treeOf(size: number, salt = 'a'): MemoryHashStore {
  const store = createMemoryHashStore();
  store.append(Array.from({ length: size }, (_, i) => hashLeaf(new TextEncoder().encode(`${salt}${i}`))));
  return store;
}

function noteOf(store: MemoryHashStore, seed = logSeed): string {
  return signCheckpoint({ origin: ORIGIN, size: store.size(), rootHash: store.root(), extensions: [] }, [
    createNoteSigner({ name: ORIGIN, secretKey: seed }),
  ]);
}

/** Posts a checkpoint of `store` claiming `oldSize`, to a witness that last cosigned `last`. */
function submit(
  store: MemoryHashStore,
  oldSize: number,
  last: CosignedTree | undefined,
  note = noteOf(store),
) {
  const body = formatAddCheckpointRequest({
    oldSize,
    consistencyProof: oldSize > store.size() ? [] : consistencyProof(oldSize, store.size(), store.read),
    checkpoint: note,
  });
  return witnessCheckpoint({
    request: parseAddCheckpointRequest(body),
    logVerifiers: [logVerifier],
    lastCosigned: last,
    cosigners: [cosigner],
  });
}

describe('add-checkpoint requests (C2SP tlog-witness)', () => {
  it('round-trips the spec layout: old size line, proof lines, blank line, note', () => {
    const store = treeOf(9);
    const proof = consistencyProof(4, 9, store.read);
    const body = formatAddCheckpointRequest({
      oldSize: 4,
      consistencyProof: proof,
      checkpoint: noteOf(store),
    });
    expect(body.startsWith('old 4\n')).toBe(true);
    const parsed = parseAddCheckpointRequest(body);
    expect(parsed.oldSize).toBe(4);
    expect(parsed.consistencyProof.map((hash) => Buffer.from(hash).toString('hex'))).toEqual(
      proof.map((hash) => Buffer.from(hash).toString('hex')),
    );
    expect(parsed.checkpoint).toBe(noteOf(store));
  });

  it.each([
    ['no old line', 'old\n\nx'],
    ['a leading zero', 'old 04\n\nx'],
    ['a proof line that is not 32 bytes', 'old 4\nAAAA\n\nx'],
    ['no blank line', 'old 4\n'],
    ['64 proof lines', `old 4\n${`${Buffer.alloc(32).toString('base64')}\n`.repeat(64)}\nx`],
  ])('refuses %s', (_, body) => {
    expect(() => parseAddCheckpointRequest(body)).toThrow(expect.objectContaining({ code: 'PARSING_ERROR' }));
  });
});

describe('witnessCheckpoint', () => {
  it('cosigns a first checkpoint, with a cosignature the witness key verifies and dates', () => {
    const store = treeOf(5);
    const outcome = submit(store, 0, undefined);
    expect(outcome.status).toBe(200);
    if (outcome.status !== 200) return;
    const opened = openNote(noteOf(store) + outcome.cosignatures, [witnessVerifier]);
    expect(opened.verified).toHaveLength(1);
    expect(opened.verified.map(cosignatureTimestamp)).toEqual([1_800_000_000]);
    expect(outcome.checkpoint.size).toBe(5);
  });

  it('gives lines a log appends to its note, keeping only cosignatures of the witnesses it trusts', () => {
    const store = treeOf(5);
    const outcome = submit(store, 0, undefined);
    if (outcome.status !== 200) throw new Error(`status ${outcome.status}`);
    const stranger = createCosigner({ name: 'stranger.example', secretKey: logSeed, timestamp: 1 });
    const strangerLine = noteSignatureLine(formatCheckpoint(outcome.checkpoint), stranger);
    const answer = `${outcome.cosignatures}${strangerLine}— witness.example/w1 AAAA\n`;
    const { note, added } = appendCosignatures(noteOf(store), answer, [witnessVerifier]);
    expect(added).toBe(1);
    expect(note).toBe(noteOf(store) + outcome.cosignatures);
    expect(appendCosignatures(note, outcome.cosignatures, [witnessVerifier]).added).toBe(0);
  });

  it('cosigns a consistent extension of the last cosigned tree', () => {
    const old = treeOf(5);
    const store = treeOf(13);
    expect(submit(store, 5, { size: 5, rootHash: old.root() }).status).toBe(200);
  });

  it('refuses an inconsistent checkpoint with 422 (another history of the first 5 leaves)', () => {
    const old = treeOf(5, 'b');
    expect(submit(treeOf(13), 5, { size: 5, rootHash: old.root() })).toMatchObject({ status: 422 });
  });

  it('answers 409 with the stored size when the old size is stale (ADVERSARIAL L2, L4)', () => {
    const last = { size: 9, rootHash: treeOf(9).root() };
    expect(submit(treeOf(13), 5, last)).toMatchObject({ status: 409, size: 9 });
    expect(submit(treeOf(13), 0, last)).toMatchObject({ status: 409, size: 9 });
  });

  it('answers 409 for the same size with another root', () => {
    expect(submit(treeOf(9, 'b'), 9, { size: 9, rootHash: treeOf(9).root() })).toMatchObject({ status: 409 });
  });

  it('answers 400 when the old size is above the checkpoint size', () => {
    expect(submit(treeOf(5), 9, { size: 9, rootHash: treeOf(9).root() })).toMatchObject({ status: 400 });
  });

  it('answers 403 for a checkpoint the log key did not sign, 404 for an unknown log', () => {
    const store = treeOf(5);
    expect(submit(store, 0, undefined, noteOf(store, new Uint8Array(32).fill(3)))).toMatchObject({
      status: 403,
    });
    const request = parseAddCheckpointRequest(
      formatAddCheckpointRequest({ oldSize: 0, consistencyProof: [], checkpoint: noteOf(store) }),
    );
    expect(
      witnessCheckpoint({ request, logVerifiers: undefined, lastCosigned: undefined, cosigners: [cosigner] }),
    ).toMatchObject({ status: 404 });
  });
});

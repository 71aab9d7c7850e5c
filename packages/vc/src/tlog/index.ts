export {
  type AddCheckpointRequest,
  appendCosignatures,
  formatAddCheckpointRequest,
  parseAddCheckpointRequest,
  unverifiedCheckpointOf,
} from './add-checkpoint.js';
export {
  type AppendedTree,
  type AppendLeavesOptions,
  appendLeaves,
  edgeRoot,
  readRightEdge,
  rightEdgeAddresses,
} from './append-leaves.js';
export {
  type Checkpoint,
  formatCheckpoint,
  openCheckpoint,
  parseCheckpoint,
  signCheckpoint,
} from './checkpoint.js';
export {
  consistencyProof,
  type VerifyConsistencyProofOptions,
  verifyConsistencyProof,
} from './consistency-proof.js';
export {
  cosignatureTimestamp,
  createCosigner,
  formatCosignerVerifierKey,
  parseCosignerVerifierKey,
} from './cosignature.js';
export { decodeEntryBundle, encodeEntryBundle, MAX_ENTRY_SIZE } from './entry-bundle.js';
export {
  type HashAddress,
  type HashReader,
  hashAddressesFor,
  hashAddressKey,
  mapHashReader,
  type StoredHash,
} from './hash-reader.js';
export {
  inclusionProof,
  type VerifyInclusionProofOptions,
  verifyInclusionProof,
} from './inclusion-proof.js';
export { formatLogProof, type LogProof, parseLogProof } from './log-proof.js';
export { createMemoryHashStore, type MemoryHashStore } from './memory-hash-store.js';
export {
  EMPTY_ROOT_HASH,
  HASH_SIZE,
  hashChildren,
  hashLeaf,
  MAX_PROOF_HASHES,
  MAX_TREE_SIZE,
} from './merkle-hash.js';
export {
  createNoteSigner,
  formatNoteSignerKey,
  formatNoteVerifierKey,
  isValidNoteKeyName,
  NOTE_KEY_TYPE_COSIGNATURE_V1,
  NOTE_KEY_TYPE_ED25519,
  type NoteSigner,
  type NoteVerifier,
  noteKeyId,
  noteVerifierPublicKey,
  parseNoteSignerKey,
  parseNoteVerifierKey,
} from './note-key.js';
export {
  MAX_NOTE_SIGNATURES,
  type NoteSignature,
  noteSignatureLine,
  type OpenedNote,
  openNote,
  signNote,
} from './signed-note.js';
export { changedTiles, tileBytes, tileExists, tileLayout } from './tile-layout.js';
export {
  formatEntryBundlePath,
  formatTilePath,
  parseTilePath,
  TILE_HEIGHT,
  TILE_WIDTH,
  type Tile,
  type TilePath,
} from './tile-path.js';
export { rangeHash, treeRoot } from './tree-root.js';
export {
  type CosignedTree,
  type WitnessCheckpointOptions,
  type WitnessOutcome,
  witnessCheckpoint,
} from './witness-checkpoint.js';

import type { HashAddress, StoredHash } from '@microcred/vc';

/** What a leaf records: an issued credential, or an event of an issuer's signing key. */
export type LogEntryKind = 'credential' | 'issuer-key';

export interface NewLogEntry {
  readonly kind: LogEntryKind;
  /** The leaf data the entry bundles serve (no personal data: a digest, or a public key event). */
  readonly entry: Uint8Array;
  /** SHA-256(0x00 ‖ entry), RFC 9162 §2.1.1. */
  readonly leafHash: Uint8Array;
  /** For a credential's leaf: it is logged once (unique). */
  readonly credentialId?: string;
}

export interface LogLeaf extends NewLogEntry {
  readonly index: number;
  readonly credentialId?: string;
  readonly loggedAt: Date;
}

export interface LogTreeState {
  readonly size: number;
  readonly rootHash: Uint8Array;
}

export interface StoredCheckpoint {
  readonly treeSize: number;
  readonly note: string;
  readonly createdAt: Date;
  /** Witness cosignatures appended to `note` (0 when none was asked or answered). */
  readonly cosignatures?: number;
}

/** A credential issued before the log existed, to append in issuance order. */
export interface UnloggedCredential {
  readonly id: string;
  readonly document: Readonly<Record<string, unknown>>;
}

export interface SealedLogKey {
  readonly keyId: string;
  readonly publicKey: Uint8Array;
  readonly sealedSecret: Uint8Array;
}

/**
 * The transparency log's storage: sequenced leaves, the complete subtree hashes by (level, index), the
 * integrated tree, its signed checkpoints, and the log's sealed key.
 */
export interface TransparencyLogRepository {
  /**
   * Gives the entries the next indexes, in order, and stores them. The sequence row stays locked until
   * the transaction ends, so call it as the LAST write of the transaction that issues: appenders then
   * wait for each other only from here to their commit. Returns the first index given (−1 for no entries).
   */
  append(entries: readonly NewLogEntry[], at: Date): Promise<number>;
  /** Takes the sequence lock without taking an index: a catch-up then sees no concurrent appender. */
  lockSequence(): Promise<void>;
  /** Up to `limit` credentials without a leaf, oldest issued first. */
  unloggedCredentials(options: { readonly limit: number }): Promise<UnloggedCredential[]>;
  /** The integrated tree, locked until the transaction ends: one integrator at a time. */
  lockTree(): Promise<LogTreeState>;
  readTree(): Promise<LogTreeState>;
  /** Leaves with index in [from, from + limit), in index order. */
  leaves(options: { readonly from: number; readonly limit: number }): Promise<LogLeaf[]>;
  leafOfCredential(options: { readonly credentialId: string }): Promise<LogLeaf | null>;
  /** The stored hashes at these addresses, keyed by `hashAddressKey`; absent ones are left out. */
  readHashes(addresses: readonly HashAddress[]): Promise<Map<string, Uint8Array>>;
  /** Hashes at `level` with index in [from, from + count), in index order. */
  hashRange(options: {
    readonly level: number;
    readonly from: number;
    readonly count: number;
  }): Promise<Uint8Array[]>;
  /** Stores what an integration computed: the new hashes, the new tree and its signed checkpoint. */
  saveIntegration(options: {
    readonly hashes: readonly StoredHash[];
    readonly tree: LogTreeState;
    readonly checkpoint: StoredCheckpoint;
  }): Promise<void>;
  latestCheckpoint(): Promise<StoredCheckpoint | null>;
  /** The latest checkpoint with at least `cosignatures` witness cosignatures. */
  latestWitnessedCheckpoint(options: { readonly cosignatures: number }): Promise<StoredCheckpoint | null>;
  /** The tree size each witness (by base URL) last cosigned; a witness never cosigned is absent. */
  witnessedSizes(): Promise<Map<string, number>>;
  /**
   * Records what witnesses answered for the checkpoint of `treeSize`: its note with their cosignatures,
   * how many it now carries, and the size each witness cosigned.
   */
  saveCosignatures(options: {
    readonly treeSize: number;
    readonly note: string;
    readonly cosignatures: number;
    readonly witnesses: readonly string[];
  }): Promise<void>;
  findKey(options: { readonly keyId: string }): Promise<SealedLogKey | null>;
  /** Stores the key unless one with its id exists; returns the stored one (first writer wins). */
  saveKey(key: SealedLogKey): Promise<SealedLogKey>;
}

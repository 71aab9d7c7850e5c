import { ErrorCode, MicrocredError } from '../error/index.js';
import { HASH_SIZE, isHash } from './merkle-hash.js';

/*
 * Storage model (the one C2SP tlog-tiles serves and golang.org/x/mod/sumdb/tlog stores). The hash at
 * (level L, index N) is the root of the complete subtree over leaves [N·2^L, (N+1)·2^L); level 0 holds
 * the leaf hashes. A tree of size n stores, at each level L, the floor(n / 2^L) hashes of its complete
 * subtrees, and nothing else: they never change once written, so storage is append-only, and every
 * root, inclusion proof and consistency proof of any size ≤ n is computed from them. A tlog-tiles tile
 * at tile level T is the run of stored hashes at level 8T, 256 to a full tile.
 *
 * Readers are synchronous on purpose: the algorithms do many small reads, and an await per hash would
 * dominate their cost. A store that lives in a database first asks which addresses an operation needs
 * (`hashAddressesFor`, one query), then runs the operation against the prefetched map.
 */

/** Where a stored hash lives: its level (0 = leaves) and its index within the level. */
export interface HashAddress {
  readonly level: number;
  readonly index: number;
}

/** A stored hash with its address, as an appender returns it for writing. */
export interface StoredHash extends HashAddress {
  readonly hash: Uint8Array;
}

/** Reads the stored hash at (level, index); throws if the store does not hold it. */
export type HashReader = (level: number, index: number) => Uint8Array;

/** A key for maps of stored hashes: `level/index`. */
export function hashAddressKey(level: number, index: number): string {
  return `${level}/${index}`;
}

/**
 * The addresses an operation reads, found by running it against a reader that records and returns a
 * placeholder: the algorithms choose what to read from sizes and indexes only, never from hash values.
 */
export function hashAddressesFor(operation: (read: HashReader) => unknown): HashAddress[] {
  const seen = new Map<string, HashAddress>();
  const placeholder = new Uint8Array(HASH_SIZE);
  operation((level, index) => {
    seen.set(hashAddressKey(level, index), { level, index });
    return placeholder;
  });
  return [...seen.values()];
}

/** A reader over a map of prefetched hashes keyed by `hashAddressKey`; a missing or malformed one throws. */
export function mapHashReader(hashes: ReadonlyMap<string, Uint8Array>): HashReader {
  return (level, index) => {
    const found = hashes.get(hashAddressKey(level, index));
    if (!isHash(found)) {
      throw new MicrocredError(ErrorCode.INTERNAL, `stored hash ${level}/${index} is missing or malformed`, {
        details: { level, index },
      });
    }
    return found;
  };
}

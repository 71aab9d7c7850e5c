import { ErrorCode, MicrocredError } from '../error/index.js';
import { appendLeaves, readRightEdge } from './append-leaves.js';
import type { HashReader, StoredHash } from './hash-reader.js';
import { EMPTY_ROOT_HASH } from './merkle-hash.js';

/** An in-memory hash store: the reference adapter for tests and small tools (an auditor's replay). */
export interface MemoryHashStore {
  readonly size: () => number;
  readonly root: () => Uint8Array;
  readonly read: HashReader;
  /** Appends leaf hashes and returns the hashes it stored. */
  readonly append: (leafHashes: readonly Uint8Array[]) => readonly StoredHash[];
}

export function createMemoryHashStore(): MemoryHashStore {
  const levels: Uint8Array[][] = [];
  let size = 0;
  let root = EMPTY_ROOT_HASH;
  const read: HashReader = (level, index) => {
    const found = levels[level]?.[index];
    if (found === undefined) {
      throw new MicrocredError(ErrorCode.RANGE_ERROR, `no stored hash at ${level}/${index}`, {
        details: { reason: 'hash-not-stored', level, index },
      });
    }
    return found;
  };
  return {
    size: () => size,
    root: () => root,
    read,
    append(leafHashes) {
      const appended = appendLeaves({ size, rightEdge: readRightEdge(size, read), leafHashes });
      for (const { level, index, hash } of appended.stored) {
        let row = levels[level];
        if (row === undefined) {
          row = [];
          levels[level] = row;
        }
        row[index] = hash;
      }
      size = appended.size;
      root = appended.root;
      return appended.stored;
    },
  };
}

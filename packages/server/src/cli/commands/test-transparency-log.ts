import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createMemoryHashStore,
  createNoteSigner,
  encodeEntryBundle,
  formatNoteVerifierKey,
  generateEd25519KeyPair,
  hashLeaf,
  isMicrocredError,
  type MemoryHashStore,
  parseTilePath,
  signCheckpoint,
  TILE_WIDTH,
  tileBytes,
  tileExists,
} from '@microcred/vc';

export const TEST_LOG_ORIGIN = 'badges.example.edu/log';
const logSeed = new Uint8Array(32).fill(21);
export const TEST_LOG_KEY = formatNoteVerifierKey(TEST_LOG_ORIGIN, generateEd25519KeyPair(logSeed).publicKey);

/** A log of `entries` in memory, with its signed checkpoint: what the server's log serves. */
export interface TestLog {
  readonly entries: readonly Uint8Array[];
  readonly store: MemoryHashStore;
  readonly checkpoint: string;
}

export function buildTestLog(entries: readonly Uint8Array[]): TestLog {
  const store = createMemoryHashStore();
  store.append(entries.map(hashLeaf));
  const checkpoint = signCheckpoint(
    { origin: TEST_LOG_ORIGIN, size: store.size(), rootHash: store.root(), extensions: [] },
    [createNoteSigner({ name: TEST_LOG_ORIGIN, secretKey: logSeed })],
  );
  return { entries, store, checkpoint };
}

/** `count` distinct 32-byte entries, `salt` telling two histories apart. */
export function testEntries(count: number, salt = 0): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => {
    const entry = new Uint8Array(32);
    new DataView(entry.buffer).setUint32(0, i);
    entry[31] = salt;
    return entry;
  });
}

/**
 * Serves a log as C2SP tlog-tiles under `/log`: the checkpoint, tiles and entry bundles of whatever log
 * `current()` returns at the time of the request, so a test can swap in a forked one.
 */
export async function serveTestLog(current: () => TestLog): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const log = current();
    const path = (request.url ?? '').replace(/^\/log\//, '');
    if (path === 'checkpoint') {
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(log.checkpoint);
      return;
    }
    try {
      const tile = parseTilePath(path);
      const size = log.store.size();
      if (tile.kind === 'hashes' && tileExists(tile.tile, size)) {
        response.writeHead(200).end(tileBytes(tile.tile, log.store.read));
        return;
      }
      if (tile.kind === 'entries' && tileExists({ level: 0, index: tile.index, width: tile.width }, size)) {
        const start = tile.index * TILE_WIDTH;
        response.writeHead(200).end(encodeEntryBundle(log.entries.slice(start, start + tile.width)));
        return;
      }
    } catch (error) {
      if (!isMicrocredError(error)) throw error;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/log`, server };
}

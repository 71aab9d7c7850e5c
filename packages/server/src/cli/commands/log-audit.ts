import {
  type Checkpoint,
  createMemoryHashStore,
  decodeEntryBundle,
  formatEntryBundlePath,
  formatTilePath,
  hashLeaf,
  isMicrocredError,
  type NoteVerifier,
  openCheckpoint,
  parseNoteVerifierKey,
  TILE_WIDTH,
  type Tile,
  tileBytes,
  tileLayout,
  treeRoot,
} from '@microcred/vc';
import { readStoredCheckpoint, storeCheckpoint } from '../checkpoint-state.js';
import { readBytes, UsageError } from '../cli-io.js';
import type { CliIo } from '../main.js';
import { readNoteKey } from '../read-note-key.js';

export interface LogAuditOptions {
  /** The log's URL prefix: `{url}/checkpoint`, `{url}/tile/…` (e.g. `https://badges.example.edu/log`). */
  readonly url: string;
  /** The log's note verifier key (text or file): trust is pinned, never taken from the log. */
  readonly logKey: string;
  /** A checkpoint file to check consistency with, instead of the one stored in `state`. */
  readonly since?: string;
  /** Where the last checkpoint seen of each log is kept. */
  readonly state: string;
  readonly fetch?: typeof globalThis.fetch;
}

/** Why an audit failed: `fork` when the log shows two histories, `invalid` when what it serves is wrong. */
class AuditFailure extends Error {
  constructor(
    readonly kind: 'fork' | 'invalid' | 'unreachable',
    message: string,
  ) {
    super(message);
  }
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

async function download(fetch: typeof globalThis.fetch, url: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'error' });
  } catch (cause) {
    throw new AuditFailure('unreachable', `GET ${url}: ${String(cause)}`);
  }
  if (response.status !== 200) throw new AuditFailure('unreachable', `GET ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function openWith(
  note: string | Uint8Array,
  verifier: NoteVerifier,
  what: string,
  origin?: string,
): Checkpoint {
  try {
    return openCheckpoint(note, { verifiers: [verifier], ...(origin === undefined ? {} : { origin }) })
      .checkpoint;
  } catch (error) {
    if (isMicrocredError(error)) throw new AuditFailure('invalid', `${what}: ${error.message}`);
    throw error;
  }
}

/**
 * Replays the whole log: every entry bundle the checkpoint's size implies, hashed into a memory tree
 * whose root must be the checkpoint's; then every hash tile must equal the tree's own. What the log serves
 * is then exactly one tree, the one its key signed.
 */
async function replay(base: string, checkpoint: Checkpoint, fetch: typeof globalThis.fetch) {
  const store = createMemoryHashStore();
  const layout = tileLayout(checkpoint.size);
  const bundles = layout[0];
  const widths = (level: { fullTiles: number; partialWidth: number }) => [
    ...Array.from({ length: level.fullTiles }, () => TILE_WIDTH),
    ...(level.partialWidth > 0 ? [level.partialWidth] : []),
  ];
  if (bundles !== undefined) {
    for (const [index, width] of widths(bundles).entries()) {
      const path = formatEntryBundlePath({ index, width });
      let entries: Uint8Array[];
      try {
        entries = decodeEntryBundle(await download(fetch, `${base}/${path}`), width);
      } catch (error) {
        if (isMicrocredError(error)) throw new AuditFailure('invalid', `${path}: ${error.message}`);
        throw error;
      }
      store.append(entries.map(hashLeaf));
    }
  }
  const root = treeRoot(checkpoint.size, store.read);
  if (Buffer.compare(root, checkpoint.rootHash) !== 0) {
    throw new AuditFailure(
      'invalid',
      `the entries hash to root ${base64(root)}, the checkpoint of size ${checkpoint.size} says ${base64(checkpoint.rootHash)}`,
    );
  }
  let tiles = 0;
  for (const level of layout) {
    for (const [index, width] of widths(level).entries()) {
      const tile: Tile = { level: level.level, index, width };
      const path = formatTilePath(tile);
      const served = await download(fetch, `${base}/${path}`);
      if (Buffer.compare(served, tileBytes(tile, store.read)) !== 0)
        throw new AuditFailure('invalid', `${path} does not hold the hashes of the entries`);
      tiles++;
    }
  }
  return { read: store.read, tiles };
}

/** The previous checkpoint must be a prefix of the new tree: same root at its size, never a larger size. */
function checkConsistency(
  previous: Checkpoint,
  current: Checkpoint,
  read: (l: number, i: number) => Uint8Array,
) {
  if (previous.size > current.size) {
    throw new AuditFailure(
      'fork',
      `the log shrank: a checkpoint of size ${previous.size} was seen, it now serves size ${current.size}`,
    );
  }
  if (Buffer.compare(treeRoot(previous.size, read), previous.rootHash) !== 0) {
    throw new AuditFailure(
      'fork',
      previous.size === current.size
        ? `two checkpoints of size ${current.size} with different roots (${base64(previous.rootHash)} seen before, ${base64(current.rootHash)} now)`
        : `the checkpoint of size ${previous.size} seen before (root ${base64(previous.rootHash)}) is not a prefix of the tree of size ${current.size}`,
    );
  }
}

/**
 * `microcred log audit`: fetches the log's checkpoint and verifies it with the pinned key, downloads every
 * entry bundle and tile and recomputes the root, checks the tree extends the last checkpoint seen of this
 * log (the state directory, or `--since`), then stores the new checkpoint. Exit 0 consistent, 1 a fork or
 * an invalid log (nothing stored), 2 usage.
 */
export async function logAudit(options: LogAuditOptions, io: CliIo): Promise<number> {
  const key = readNoteKey(options.logKey, '--log-key', parseNoteVerifierKey);
  const verifier = parseNoteVerifierKey(key);
  const since = options.since === undefined ? undefined : readBytes(options.since);
  let base: string;
  try {
    base = new URL(options.url).href.replace(/\/+$/, '');
  } catch {
    throw new UsageError(`--url is not a URL: ${options.url}`);
  }
  const fetch = options.fetch ?? globalThis.fetch;
  try {
    const note = await download(fetch, `${base}/checkpoint`);
    const checkpoint = openWith(note, verifier, 'the checkpoint');
    const previousNote = since ?? readStoredCheckpoint(options.state, checkpoint.origin);
    const previous =
      previousNote === undefined
        ? undefined
        : openWith(previousNote, verifier, 'the previous checkpoint', checkpoint.origin);
    const { read, tiles } = await replay(base, checkpoint, fetch);
    if (previous !== undefined) checkConsistency(previous, checkpoint, read);
    storeCheckpoint(options.state, checkpoint.origin, new TextDecoder().decode(note));
    io.stdout(
      `${checkpoint.origin}: OK, size ${checkpoint.size}, root ${base64(checkpoint.rootHash)}; ` +
        `${checkpoint.size} entries and ${tiles} tiles match it` +
        (previous === undefined
          ? '; no earlier checkpoint to compare (this one is now stored)\n'
          : `; consistent with the checkpoint of size ${previous.size} seen before\n`),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof AuditFailure)) throw error;
    const label = { fork: 'FORK DETECTED', invalid: 'INVALID LOG', unreachable: 'AUDIT FAILED' }[error.kind];
    io.stderr(`microcred log audit: ${label}: ${error.message}\n`);
    return 1;
  }
}

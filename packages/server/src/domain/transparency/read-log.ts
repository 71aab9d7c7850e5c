import {
  encodeEntryBundle,
  HASH_SIZE,
  hashAddressesFor,
  inclusionProof,
  MicrocredError,
  mapHashReader,
  parseTilePath,
  TILE_HEIGHT,
  TILE_WIDTH,
  type TilePath,
  tileExists,
} from '@microcred/vc';
import { type Actor, authorize } from '../auth/actor.js';
import { readableCredential } from '../credential/readable-credential.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import type { StoredCheckpoint } from '../ports/index.js';
import type { IntegratedLog } from './integrate-log.js';

/** Runs one integration; the platform passes `integrateLog` bound to its signer. */
export type Integrate = () => Promise<IntegratedLog>;

/** The latest signed checkpoint; the first one is signed on demand. */
export async function latestCheckpoint(
  context: Pick<PlatformContext, 'storage'>,
  integrate: Integrate,
): Promise<StoredCheckpoint> {
  const latest = await context.storage.transparencyLog.latestCheckpoint();
  if (latest !== null) return latest;
  await integrate();
  const signed = await context.storage.transparencyLog.latestCheckpoint();
  if (signed === null) throw new ServerError(ServerErrorCode.INTERNAL, 'the log signed no checkpoint');
  return signed;
}

export interface LogTile {
  readonly bytes: Uint8Array;
  /** A full tile never changes: it may be cached for ever. */
  readonly full: boolean;
}

function noSuchTile(): ServerError {
  return new ServerError(ServerErrorCode.NOT_FOUND, 'no such tile');
}

function parseCanonical(path: string): TilePath {
  try {
    return parseTilePath(path);
  } catch (error) {
    // Only the one canonical spelling of a tile exists (ADVERSARIAL L5).
    if (error instanceof MicrocredError) throw noSuchTile();
    throw error;
  }
}

/**
 * A tile or entry bundle by its C2SP tlog-tiles path (`tile/…`): 404 for a non-canonical path and for a
 * tile the latest checkpoint does not imply (a partial tile of another width, one beyond the tree).
 */
export async function readLogTile(
  context: Pick<PlatformContext, 'storage'>,
  integrate: Integrate,
  path: string,
): Promise<LogTile> {
  const parsed = parseCanonical(path);
  const { treeSize } = await latestCheckpoint(context, integrate);
  const log = context.storage.transparencyLog;
  if (parsed.kind === 'hashes') {
    const { tile } = parsed;
    if (!tileExists(tile, treeSize)) throw noSuchTile();
    const hashes = await log.hashRange({
      level: tile.level * TILE_HEIGHT,
      from: tile.index * TILE_WIDTH,
      count: tile.width,
    });
    if (hashes.length !== tile.width)
      throw new ServerError(ServerErrorCode.INTERNAL, 'a tile hash is missing');
    const bytes = new Uint8Array(tile.width * HASH_SIZE);
    for (const [i, hash] of hashes.entries()) bytes.set(hash, i * HASH_SIZE);
    return { bytes, full: tile.width === TILE_WIDTH };
  }
  const bundle = { level: 0, index: parsed.index, width: parsed.width };
  if (!tileExists(bundle, treeSize)) throw noSuchTile();
  const leaves = await log.leaves({ from: bundle.index * TILE_WIDTH, limit: bundle.width });
  if (leaves.length !== bundle.width)
    throw new ServerError(ServerErrorCode.INTERNAL, 'a log entry is missing');
  return { bytes: encodeEntryBundle(leaves.map((leaf) => leaf.entry)), full: bundle.width === TILE_WIDTH };
}

/** `GET /api/v1/credentials/{id}/log-proof`: what an outside checker needs, JSON-ready. */
export interface CredentialLogProof {
  readonly leafIndex: number;
  readonly treeSize: number;
  /** Base64 of each hash of the RFC 9162 §2.1.3.1 inclusion path. */
  readonly inclusionProof: string[];
  /** The signed checkpoint (C2SP signed note) the proof leads to. */
  readonly checkpoint: string;
  /** When the credential's leaf was sequenced. */
  readonly loggedAt: Date;
}

/** Whether `caller` (an API key or the administrator) speaks for the issuer of `credentialId`. */
async function issuerReads(context: PlatformContext, caller: Actor | null, credentialId: string) {
  if (caller === null) return false;
  const record = await context.storage.credentials.findById({ id: credentialId });
  if (record === null) return false;
  try {
    authorize(caller, record.issuerId, 'viewer', { notFound: 'credential' });
    return true;
  } catch {
    return false;
  }
}

/**
 * A credential's inclusion proof against the latest checkpoint, under the visibility rule of the
 * credential itself (a credential `viewer` may not read is NOT_FOUND), or for its issuer's own key, which
 * reads every credential it issued. A leaf not yet in a checkpoint is integrated on demand.
 */
export async function credentialLogProof(
  context: PlatformContext,
  integrate: Integrate,
  viewer: string | null,
  credentialId: string,
  caller: Actor | null = null,
): Promise<CredentialLogProof> {
  if (!(await issuerReads(context, caller, credentialId))) {
    await readableCredential(context, viewer, credentialId);
  }
  const log = context.storage.transparencyLog;
  let leaf = await log.leafOfCredential({ credentialId });
  if (leaf === null) {
    // A credential from before the log: the integrator's catch-up appends it.
    await integrate();
    leaf = await log.leafOfCredential({ credentialId });
  }
  if (leaf === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'the credential is not logged yet');
  let checkpoint = await latestCheckpoint(context, integrate);
  if (leaf.index >= checkpoint.treeSize) {
    await integrate();
    checkpoint = await latestCheckpoint(context, integrate);
  }
  if (leaf.index >= checkpoint.treeSize) {
    throw new ServerError(ServerErrorCode.NOT_FOUND, 'the credential is not in a checkpoint yet');
  }
  const { treeSize } = checkpoint;
  const index = leaf.index;
  const addresses = hashAddressesFor((read) => inclusionProof(index, treeSize, read));
  const proof = inclusionProof(index, treeSize, mapHashReader(await log.readHashes(addresses)));
  return {
    leafIndex: index,
    treeSize,
    inclusionProof: proof.map((hash) => Buffer.from(hash).toString('base64')),
    checkpoint: checkpoint.note,
    loggedAt: leaf.loggedAt,
  };
}

/** Where a credential sits in the log, for its page: the leaf index and when it was sequenced. */
export async function credentialLogPosition(
  context: Pick<PlatformContext, 'storage'>,
  credentialId: string,
): Promise<{ readonly leafIndex: number; readonly loggedAt: Date } | null> {
  const leaf = await context.storage.transparencyLog.leafOfCredential({ credentialId });
  return leaf === null ? null : { leafIndex: leaf.index, loggedAt: leaf.loggedAt };
}

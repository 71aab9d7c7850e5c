import { appendLeaves, hashAddressesFor, mapHashReader, readRightEdge, signCheckpoint } from '@microcred/vc';
import type { PlatformContext } from '../platform-context.js';
import { credentialLogEntry } from './log-entries.js';
import type { LogSigner } from './log-signer.js';

export interface IntegrateLogOptions {
  /** Leaves integrated per transaction (default 10,000). */
  readonly batchSize?: number;
  /** Credentials from before the log appended per call (default 1,000; 0 to skip the search). */
  readonly catchUpSize?: number;
}

export interface IntegratedLog {
  /** Credentials without a leaf that this call appended. */
  readonly caughtUp: number;
  /** Leaves added to the tree. */
  readonly integrated: number;
  readonly treeSize: number;
}

/**
 * Appends credentials that exist without a leaf (stored before the log existed), oldest first. Under the
 * sequence lock, so that no issuing transaction appends meanwhile; `credential_id` is unique besides.
 */
async function catchUp(context: Pick<PlatformContext, 'storage' | 'now'>, limit: number): Promise<number> {
  if (limit === 0) return 0;
  // Looked for without the lock first: issuers are not held up by a search that finds nothing.
  if ((await context.storage.transparencyLog.unloggedCredentials({ limit: 1 })).length === 0) return 0;
  return context.storage.transaction(async (repositories) => {
    await repositories.transparencyLog.lockSequence();
    const unlogged = await repositories.transparencyLog.unloggedCredentials({ limit });
    if (unlogged.length > 0) {
      await repositories.transparencyLog.append(
        unlogged.map((credential) => credentialLogEntry(credential.id, credential.document)),
        context.now(),
      );
    }
    return unlogged.length;
  });
}

/**
 * Integrates sequenced leaves into the tree and signs a checkpoint of the new size, in one transaction
 * under the tree lock: committed leaves always form a prefix (appenders take turns until their commit),
 * so it reads them from the integrated size up, computes the new subtree hashes from the right edge
 * alone, and stores hashes, tree and checkpoint together. An empty log gets a checkpoint of size 0.
 */
export async function integrateLog(
  context: Pick<PlatformContext, 'storage' | 'now'>,
  logSigner: () => Promise<LogSigner>,
  options: IntegrateLogOptions = {},
): Promise<IntegratedLog> {
  const batchSize = options.batchSize ?? 10_000;
  const caughtUp = await catchUp(context, options.catchUpSize ?? 1_000);
  const { origin, signer } = await logSigner();
  return context.storage.transaction(async (repositories) => {
    const log = repositories.transparencyLog;
    const tree = await log.lockTree();
    const leaves = await log.leaves({ from: tree.size, limit: batchSize });
    // Defensive: stop at the first hole rather than integrate past it.
    const contiguous = leaves.filter((leaf, i) => leaf.index === tree.size + i);
    const latest = await log.latestCheckpoint();
    if (contiguous.length === 0 && latest !== null && latest.treeSize === tree.size) {
      return { caughtUp, integrated: 0, treeSize: tree.size };
    }
    const edgeAddresses = hashAddressesFor((read) => readRightEdge(tree.size, read));
    const rightEdge = readRightEdge(tree.size, mapHashReader(await log.readHashes(edgeAddresses)));
    const appended = appendLeaves({
      size: tree.size,
      rightEdge,
      leafHashes: contiguous.map((leaf) => leaf.leafHash),
    });
    const note = signCheckpoint({ origin, size: appended.size, rootHash: appended.root, extensions: [] }, [
      signer,
    ]);
    await log.saveIntegration({
      hashes: appended.stored,
      tree: { size: appended.size, rootHash: appended.root },
      checkpoint: { treeSize: appended.size, note, createdAt: context.now() },
    });
    return { caughtUp, integrated: contiguous.length, treeSize: appended.size };
  });
}

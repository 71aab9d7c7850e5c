import {
  appendCosignatures,
  consistencyProof,
  formatAddCheckpointRequest,
  hashAddressesFor,
  mapHashReader,
  type NoteVerifier,
  parseCosignerVerifierKey,
} from '@microcred/vc';
import type { PlatformContext } from '../platform-context.js';
import type { LogWitnessSender } from '../ports/index.js';

/** A witness of the log: its base URL and its tlog-cosignature/v1 verifier key. */
export interface LogWitness {
  readonly url: string;
  readonly verifierKey: string;
}

export interface LogWitnessing {
  readonly witnesses: readonly LogWitness[];
  /** Cosignatures a checkpoint needs before it is shown as witnessed. */
  readonly quorum: number;
  readonly sender: LogWitnessSender;
}

/** Why one witness gave no cosignature, for the worker's log. */
export interface WitnessFailure {
  readonly url: string;
  readonly status: number | null;
  readonly reason: string;
}

export interface WitnessedLog {
  readonly treeSize: number;
  /** Witnesses whose cosignature was added in this call. */
  readonly cosigned: number;
  readonly failures: readonly WitnessFailure[];
}

function addCheckpointUrl(base: string): string {
  return `${base.replace(/\/+$/, '')}/add-checkpoint`;
}

/**
 * Asks every witness that has not cosigned the latest checkpoint to cosign it (C2SP tlog-witness): the
 * request proves consistency from the size that witness last cosigned; a 409 names the size it holds,
 * and the request is sent once more from there. Only cosignatures that verify with the witness's key are
 * appended to the stored note. A failing witness is reported, never thrown: issuing never waits on it.
 */
export async function witnessLog(
  context: Pick<PlatformContext, 'storage'>,
  witnessing: LogWitnessing,
): Promise<WitnessedLog> {
  const log = context.storage.transparencyLog;
  const checkpoint = await log.latestCheckpoint();
  if (checkpoint === null || witnessing.witnesses.length === 0) {
    return { treeSize: checkpoint?.treeSize ?? 0, cosigned: 0, failures: [] };
  }
  const { treeSize } = checkpoint;
  const sizes = await log.witnessedSizes();
  const proofFrom = async (oldSize: number): Promise<Uint8Array[]> => {
    const addresses = hashAddressesFor((read) => consistencyProof(oldSize, treeSize, read));
    return consistencyProof(oldSize, treeSize, mapHashReader(await log.readHashes(addresses)));
  };
  let note = checkpoint.note;
  let cosignatures = checkpoint.cosignatures ?? 0;
  const cosignedBy: string[] = [];
  const failures: WitnessFailure[] = [];
  for (const witness of witnessing.witnesses) {
    const lastSize = sizes.get(witness.url) ?? 0;
    if (lastSize === treeSize) continue;
    try {
      const verifier: NoteVerifier = parseCosignerVerifierKey(witness.verifierKey);
      const ask = async (oldSize: number) =>
        witnessing.sender.send({
          url: addCheckpointUrl(witness.url),
          body: formatAddCheckpointRequest({
            oldSize,
            consistencyProof: await proofFrom(oldSize),
            checkpoint: checkpoint.note,
          }),
        });
      let answer = await ask(lastSize);
      if (answer.status === 409) {
        const held = /^(0|[1-9][0-9]*)\n?$/.exec(answer.body)?.[1];
        if (held === undefined || Number(held) > treeSize) {
          failures.push({
            url: witness.url,
            status: 409,
            reason: 'the witness holds a size this log cannot prove',
          });
          continue;
        }
        answer = await ask(Number(held));
      }
      if (answer.status !== 200) {
        failures.push({ url: witness.url, status: answer.status, reason: answer.body.slice(0, 200) });
        continue;
      }
      const appended = appendCosignatures(note, answer.body, [verifier]);
      if (appended.added === 0) {
        failures.push({ url: witness.url, status: 200, reason: 'no cosignature verified with its key' });
        continue;
      }
      note = appended.note;
      cosignatures += 1;
      cosignedBy.push(witness.url);
    } catch (error) {
      failures.push({
        url: witness.url,
        status: null,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  if (cosignedBy.length > 0) {
    await log.saveCosignatures({ treeSize, note, cosignatures, witnesses: cosignedBy });
  }
  return { treeSize, cosigned: cosignedBy.length, failures };
}

/**
 * "Witnessed by N of M" for a credential's page: the latest checkpoint with a quorum of cosignatures, if
 * it covers the leaf; null otherwise (no witnesses configured, quorum not met, leaf newer).
 */
export async function witnessedCoverage(
  context: Pick<PlatformContext, 'storage'>,
  witnessing: Pick<LogWitnessing, 'witnesses' | 'quorum'>,
  leafIndex: number,
): Promise<{ readonly witnessed: number; readonly witnesses: number } | null> {
  if (witnessing.witnesses.length === 0 || witnessing.quorum === 0) return null;
  const checkpoint = await context.storage.transparencyLog.latestWitnessedCheckpoint({
    cosignatures: witnessing.quorum,
  });
  if (checkpoint === null || checkpoint.treeSize <= leafIndex) return null;
  return { witnessed: checkpoint.cosignatures ?? 0, witnesses: witnessing.witnesses.length };
}

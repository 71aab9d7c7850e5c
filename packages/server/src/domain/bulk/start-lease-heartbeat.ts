import type { BulkJobRepository, BulkJobRow } from '../ports/index.js';

export interface LeaseHeartbeat {
  /** Stops renewing; resolves once a renewal in flight has finished. */
  stop(): Promise<void>;
}

/**
 * Renews the lease of `rows` every `everyMs` until stopped, so a batch keeps its rows for as long as it
 * is being signed and stored while the lease itself stays short: rows of a worker that died (and stopped
 * beating) return to the others after one lease. Renewals never overlap. A failed renewal is left to the
 * next beat (a lease spans several); a row lost meanwhile is safe anyway, since the credential of a
 * (job, row) is unique and a late worker's results are ignored.
 */
export function startLeaseHeartbeat(options: {
  readonly bulkJobs: Pick<BulkJobRepository, 'renewLease'>;
  readonly workerId: string;
  readonly rows: readonly Pick<BulkJobRow, 'jobId' | 'rowNumber'>[];
  readonly leaseMs: number;
  readonly everyMs: number;
}): LeaseHeartbeat {
  const rowsByJob = new Map<string, number[]>();
  for (const row of options.rows)
    rowsByJob.set(row.jobId, [...(rowsByJob.get(row.jobId) ?? []), row.rowNumber]);
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const renew = async () => {
    for (const [jobId, rowNumbers] of rowsByJob) {
      if (stopped) return;
      try {
        await options.bulkJobs.renewLease({
          jobId,
          workerId: options.workerId,
          rowNumbers,
          leaseMs: options.leaseMs,
        });
      } catch {
        // Retried at the next beat.
      }
    }
  };
  const schedule = () => {
    timer = setTimeout(() => {
      inFlight = renew().then(() => {
        if (!stopped) schedule();
      });
    }, options.everyMs);
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}

import { extname } from 'node:path';
import cliProgress from 'cli-progress';
import type { Actor } from '../../domain/auth/actor.js';
import type { BulkJob } from '../../domain/ports/index.js';
import { startBulkWorker } from '../../jobs/bulk-worker.js';
import { readBytes, UsageError } from '../cli-io.js';
import { withPlatform } from '../with-platform.js';

export interface BulkIssueOptions {
  readonly file?: string;
  readonly achievement?: string;
  readonly format?: 'di' | 'jwt';
  readonly resume?: string;
  /** Issue also to recipients who already hold a valid credential of the achievement. */
  readonly allowDuplicates?: boolean;
  /** Concurrent worker loops; each signs its batch across the signing pool. */
  readonly workers?: number;
  readonly progress?: boolean;
}

// Whoever can open the database directly can do anything with it: the CLI acts as the administrator.
const LOCAL_ADMIN: Actor = { kind: 'admin' };
const FINISHED = new Set(['completed', 'failed', 'cancelled']);

function summary(job: BulkJob, seconds: number): string {
  const rate = seconds > 0 ? (job.done / seconds).toFixed(1) : '—';
  const skipped = job.duplicates > 0 ? `, ${job.duplicates} skipped as duplicates` : '';
  return `job ${job.id}: ${job.state}; issued ${job.done}, failed ${job.failed}, of ${job.total} rows${skipped} in ${seconds.toFixed(1)} s (${rate} credentials/s)\n`;
}

/**
 * `microcred bulk-issue FILE --achievement ID`: uploads a CSV (or JSON lines) as a durable job on the
 * configured database and issues it here, with a progress bar and a final summary. A run that is
 * interrupted can be finished with `--resume JOB_ID`: rows already issued are never issued again.
 */
export async function bulkIssue(
  options: BulkIssueOptions,
  io: { stdout: (text: string) => void; stderr: (text: string) => void },
): Promise<number> {
  if (options.resume === undefined && (options.file === undefined || options.achievement === undefined)) {
    throw new UsageError('bulk-issue needs FILE and --achievement ID (or --resume JOB_ID)');
  }
  return withPlatform(async (platform, logger) => {
    let job: BulkJob;
    if (options.resume !== undefined) {
      job = await platform.bulk.get(LOCAL_ADMIN, options.resume);
    } else {
      const file = options.file ?? '';
      const text = new TextDecoder().decode(readBytes(file));
      const format = ['.jsonl', '.ndjson'].includes(extname(file).toLowerCase()) ? 'jsonl' : 'csv';
      job = await platform.bulk.create(LOCAL_ADMIN, {
        achievementId: options.achievement ?? '',
        text,
        format,
        credentialFormat: options.format ?? 'di',
        allowDuplicates: options.allowDuplicates === true,
      });
      io.stdout(
        `created bulk job ${job.id}: ${job.total} rows (${job.failed} rejected on upload${job.duplicates > 0 ? `, ${job.duplicates} naming a recipient again` : ''})\n`,
      );
    }
    const started = Date.now();
    const bar =
      options.progress === false
        ? undefined
        : new cliProgress.SingleBar(
            {
              format: 'issuing [{bar}] {percentage}% | {value}/{total} rows | {rate}/s | ETA {eta_formatted}',
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          );
    bar?.start(job.total, job.done + job.failed + job.duplicates, { rate: '0' });
    const workers = Array.from({ length: Math.max(1, options.workers ?? 2) }, () =>
      startBulkWorker({ platform, logger, jobId: job.id, pollMs: 200 }),
    );
    while (!FINISHED.has(job.state)) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      job = await platform.bulk.get(LOCAL_ADMIN, job.id);
      const seconds = (Date.now() - started) / 1000;
      bar?.update(job.done + job.failed + job.duplicates, {
        rate: seconds > 0 ? (job.done / seconds).toFixed(0) : '0',
      });
    }
    bar?.stop();
    await Promise.all(workers.map((worker) => worker.stop()));
    io.stdout(summary(job, (Date.now() - started) / 1000));
    // Stacked credentials the new ones complete are awarded here too, not left for a server to find.
    let awarded = 0;
    for (;;) {
      const { handled } = await platform.pathways.processJobs({ workerId: `bulk-issue/${process.pid}` });
      if (handled === 0) break;
      awarded += handled;
    }
    if (awarded > 0) io.stdout(`re-evaluated pathways (${awarded} job${awarded === 1 ? '' : 's'})\n`);
    if (job.failed > 0 || job.duplicates > 0) {
      const errors = await platform.bulk.errors(LOCAL_ADMIN, job.id);
      io.stdout(`rows not issued (${errors.length}${errors.length >= 5000 ? '+' : ''}):\n`);
      for (const error of errors.slice(0, 50)) {
        io.stdout(`  row ${error.row}: ${error.reason === 'duplicate' ? 'duplicate: ' : ''}${error.error}\n`);
      }
      if (errors.length > 50)
        io.stdout(`  … and ${errors.length - 50} more (GET /api/v1/bulk-jobs/${job.id}/errors)\n`);
    }
    return job.state === 'completed' && job.failed === 0 ? 0 : 1;
  });
}

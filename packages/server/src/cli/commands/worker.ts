import { startBulkWorker } from '../../jobs/bulk-worker.js';
import { startPathwayWorker } from '../../jobs/pathway-worker.js';
import { startVerificationWorker } from '../../jobs/verification-worker.js';
import { withPlatform } from '../with-platform.js';

/**
 * `microcred worker`: a worker process for bulk issuance, pathway awards and verification jobs; stops after its current
 * batch on SIGINT/SIGTERM.
 */
export async function runWorker(): Promise<void> {
  await withPlatform(
    async (platform, logger) => {
      const worker = startBulkWorker({ platform, logger });
      const pathways = startPathwayWorker({ platform, logger });
      const verifications = startVerificationWorker({ platform, logger });
      logger.info('bulk, pathway and verification workers started');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await Promise.all([worker.stop(), pathways.stop(), verifications.stop()]);
    },
    { logLevel: 'configured' },
  );
}

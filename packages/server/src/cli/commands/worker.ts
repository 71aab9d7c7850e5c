import { startBulkWorker } from '../../jobs/bulk-worker.js';
import { startPathwayWorker } from '../../jobs/pathway-worker.js';
import { withPlatform } from '../with-platform.js';

/**
 * `microcred worker`: a worker process for bulk issuance and pathway awards; stops after its current
 * batch on SIGINT/SIGTERM.
 */
export async function runWorker(): Promise<void> {
  await withPlatform(
    async (platform, logger) => {
      const worker = startBulkWorker({ platform, logger });
      const pathways = startPathwayWorker({ platform, logger });
      logger.info('bulk and pathway workers started');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await Promise.all([worker.stop(), pathways.stop()]);
    },
    { logLevel: 'configured' },
  );
}

import { startBulkWorker } from '../../jobs/bulk-worker.js';
import { startNotificationWorker } from '../../jobs/notification-worker.js';
import { startPathwayWorker } from '../../jobs/pathway-worker.js';
import { startTransparencyLogWorker } from '../../jobs/transparency-log-worker.js';
import { startVerificationWorker } from '../../jobs/verification-worker.js';
import { startWebhookWorker } from '../../jobs/webhook-worker.js';
import { withPlatform } from '../with-platform.js';

/**
 * `microcred worker`: a worker process for bulk issuance, pathway awards, verification jobs and expiry
 * reminders; stops after its current batch on SIGINT/SIGTERM.
 */
export async function runWorker(): Promise<void> {
  await withPlatform(
    async (platform, logger) => {
      const worker = startBulkWorker({ platform, logger });
      const pathways = startPathwayWorker({ platform, logger });
      const verifications = startVerificationWorker({ platform, logger });
      const notifications = startNotificationWorker({ platform, logger });
      const webhooks = startWebhookWorker({ platform, logger });
      // Sequenced leaves get into a signed checkpoint even where no `serve` process runs.
      const transparencyLog = startTransparencyLogWorker({ platform, logger });
      logger.info(
        'bulk, pathway, verification, expiry-reminder, webhook and transparency-log workers started',
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await Promise.all([
        worker.stop(),
        pathways.stop(),
        verifications.stop(),
        notifications.stop(),
        webhooks.stop(),
        transparencyLog.stop(),
      ]);
    },
    { logLevel: 'configured' },
  );
}

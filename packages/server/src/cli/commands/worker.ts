import pino from 'pino';
import { loadConfig } from '../../config.js';
import { startBulkWorker } from '../../jobs/bulk-worker.js';
import { startPathwayWorker } from '../../jobs/pathway-worker.js';
import { openPlatform } from '../../main.js';

/**
 * `microcred worker`: a worker process for bulk issuance and pathway awards; stops after its current
 * batch on SIGINT/SIGTERM.
 */
export async function runWorker(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = pino({ level: config.logLevel });
  const running = await openPlatform(config, logger);
  const worker = startBulkWorker({ platform: running.platform, logger });
  const pathways = startPathwayWorker({ platform: running.platform, logger });
  logger.info('bulk and pathway workers started');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await Promise.all([worker.stop(), pathways.stop()]);
  await running.close();
}

import pino from 'pino';
import { loadConfig } from '../../config.js';
import { startBulkWorker } from '../../jobs/bulk-worker.js';
import { openPlatform } from '../../main.js';

/** `microcred worker`: a bulk-issuance worker process; stops after its current batch on SIGINT/SIGTERM. */
export async function runWorker(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = pino({ level: config.logLevel });
  const running = await openPlatform(config, logger);
  const worker = startBulkWorker({ platform: running.platform, logger });
  logger.info('bulk worker started');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await worker.stop();
  await running.close();
}

import pino, { type Logger } from 'pino';
import { type LogLevel, loadConfig } from '../config.js';
import type { Platform } from '../domain/platform.js';
import { openPlatform } from '../main.js';

export interface WithPlatformOptions {
  /**
   * `warn` by default: a one-shot command's own output is what its user reads. `configured` takes
   * LOG_LEVEL, for a long-running process such as `microcred worker`.
   */
  readonly logLevel?: LogLevel | 'configured';
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Opens the platform on the configured database (migrating it first), hands it to `use`, and closes it
 * however `use` ends, so a command that fails leaves neither the database nor the signing threads open.
 */
export async function withPlatform<T>(
  use: (platform: Platform, logger: Logger) => Promise<T>,
  { logLevel = 'warn', env = process.env }: WithPlatformOptions = {},
): Promise<T> {
  const config = loadConfig(env);
  const logger = pino({ level: logLevel === 'configured' ? config.logLevel : logLevel });
  const running = await openPlatform(config, logger);
  try {
    return await use(running.platform, logger);
  } finally {
    await running.close();
  }
}

import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { PublicEnv } from '../../edge/public-env.js';

/**
 * One log line per request: method, path, status, duration, request id. Never headers, query strings
 * or bodies: they carry bearer tokens, and recipients' email addresses (`?recipient=`).
 */
export function requestLogger(options: { logger: Logger }): MiddlewareHandler<PublicEnv> {
  return async (c, next) => {
    const started = performance.now();
    const logger = options.logger.child({ requestId: c.get('requestId') });
    c.set('logger', logger);
    await next();
    logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}

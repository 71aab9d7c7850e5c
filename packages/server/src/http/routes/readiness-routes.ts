import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '../../domain/platform.js';
import type { PublicEnv } from '../../edge/public-env.js';
import { createRouter } from '../create-router.js';
import { jsonContent } from './common-schemas.js';

/** What the process running the app knows of itself: whether its workers run, whether it is stopping. */
export interface ProcessReadiness {
  readonly workersRunning: boolean;
  readonly stopping: boolean;
}

const ReadinessSchema = z
  .object({
    status: z.enum(['ready', 'not-ready']),
    checks: z.object({
      database: z.enum(['ok', 'unavailable']),
      migrations: z.enum(['ok', 'pending', 'unknown']),
      workers: z.enum(['ok', 'stopped']).optional(),
      shutdown: z.enum(['no', 'in-progress']).optional(),
    }),
  })
  .openapi('Readiness');

const readiness = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['System'],
  summary: 'Readiness',
  description:
    'Whether this process should receive traffic: the database answers, every migration of this build is applied, its background workers run and it is not shutting down. `/healthz` is liveness.',
  responses: {
    200: jsonContent(ReadinessSchema, 'Ready'),
    503: jsonContent(ReadinessSchema, 'Not ready: the failing checks say why'),
  },
});

/**
 * `/readyz`. `process` is absent where the app runs without workers of its own (tests, an embedding):
 * readiness is then the database's alone.
 */
export function readinessRoutes(options: {
  readonly platform: Platform;
  readonly process?: () => ProcessReadiness;
}): OpenAPIHono<PublicEnv> {
  const router = createRouter<PublicEnv>();
  router.openapi(readiness, async (c) => {
    c.header('Cache-Control', 'no-store');
    const own = options.process?.();
    let database: 'ok' | 'unavailable' = 'ok';
    let migrations: 'ok' | 'pending' | 'unknown' = 'unknown';
    try {
      migrations = (await options.platform.health.pendingMigrations()) === 0 ? 'ok' : 'pending';
    } catch (error) {
      database = 'unavailable';
      c.get('logger').error({ err: error }, 'readiness: the database does not answer');
    }
    const checks = {
      database,
      migrations,
      ...(own === undefined
        ? {}
        : {
            workers: own.workersRunning ? ('ok' as const) : ('stopped' as const),
            shutdown: own.stopping ? ('in-progress' as const) : ('no' as const),
          }),
    };
    const ready =
      database === 'ok' &&
      migrations === 'ok' &&
      (own === undefined || (own.workersRunning && !own.stopping));
    return ready
      ? c.json({ status: 'ready' as const, checks }, 200)
      : c.json({ status: 'not-ready' as const, checks }, 503);
  });
  return router;
}

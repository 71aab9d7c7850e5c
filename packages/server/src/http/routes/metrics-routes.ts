import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Actor } from '../../domain/auth/actor.js';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { OperatorMetrics } from '../../edge/metrics/operator-metrics.js';
import { renderProblem } from '../../edge/problem/render-problem.js';
import type { PublicEnv } from '../../edge/public-env.js';

// Digests of equal length: the comparison takes the same time whatever was sent, its length included.
function sameToken(given: string, expected: string): boolean {
  const digest = (token: string) => createHash('sha256').update(token).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * `GET /metrics` in the Prometheus text format, for the metrics token or the administrator's: queue
 * names, route patterns and volumes are the operator's business. Not in the OpenAPI document (it is not
 * part of the API) and not rate limited per client like the API is.
 */
export function metricsRoutes(options: {
  readonly metrics: OperatorMetrics;
  /** `MICROCRED_METRICS_TOKEN`: lets a scraper in without the admin token. */
  readonly token?: string;
}): Hono<PublicEnv> {
  const router = new Hono<PublicEnv>();
  router.get('/metrics', async (c) => {
    const caller = c.get('caller') as Actor | null | undefined;
    const bearer = /^Bearer (.+)$/.exec(c.req.header('Authorization') ?? '')?.[1];
    const allowed =
      caller?.kind === 'admin' ||
      (options.token !== undefined && bearer !== undefined && sameToken(bearer, options.token));
    if (!allowed) {
      return renderProblem(
        c,
        new ServerError(
          ServerErrorCode.UNAUTHORIZED,
          'the metrics need the metrics token or the admin token',
        ),
      );
    }
    const body = await options.metrics.registry.metrics();
    return c.body(body, 200, {
      'Content-Type': options.metrics.registry.contentType,
      'Cache-Control': 'no-store',
    });
  });
  return router;
}

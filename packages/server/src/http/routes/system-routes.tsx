import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '../../domain/platform.js';
import type { PublicEnv } from '../../edge/public-env.js';
import { createRouter } from '../create-router.js';
import { DocsPage, type OpenApiDocument } from '../docs/docs-page.js';
import { jsonContent } from './common-schemas.js';

const HealthSchema = z.object({ status: z.enum(['ok', 'unavailable']) }).openapi('Health');

const health = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['System'],
  summary: 'Health check',
  description: 'Ready when the database answers a trivial query.',
  responses: {
    200: jsonContent(HealthSchema, 'Serving'),
    503: jsonContent(HealthSchema, 'The database does not answer'),
  },
});

const openApi = createRoute({
  method: 'get',
  path: '/openapi.json',
  tags: ['System'],
  summary: 'This OpenAPI 3.1 document',
  responses: { 200: jsonContent(z.record(z.string(), z.unknown()), 'The OpenAPI document') },
});

const docs = createRoute({
  method: 'get',
  path: '/docs',
  tags: ['System'],
  summary: 'The API reference as a web page',
  responses: { 200: { description: 'HTML', content: { 'text/html': { schema: z.string() } } } },
});

// The page has no script and loads nothing: inline styles are all it needs.
const DOCS_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** `/healthz`, `/openapi.json` and `/docs`. `document` is read on first use, once every route is mounted. */
export function systemRoutes(options: {
  readonly platform: Platform;
  readonly document: () => OpenApiDocument;
}): OpenAPIHono<PublicEnv> {
  const { platform } = options;
  const router = createRouter<PublicEnv>();
  let page: string | undefined;

  router.openapi(health, async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await platform.health.check();
      return c.json({ status: 'ok' as const }, 200);
    } catch (error) {
      c.get('logger').error({ err: error }, 'health check: the database does not answer');
      return c.json({ status: 'unavailable' as const }, 503);
    }
  });

  router.openapi(openApi, (c) => c.json(options.document() as unknown as Record<string, unknown>, 200));

  router.openapi(docs, (c) => {
    page ??= `<!doctype html>${(<DocsPage document={options.document()} />).toString()}`;
    return c.html(page, 200, { 'Content-Security-Policy': DOCS_CSP });
  });

  return router;
}

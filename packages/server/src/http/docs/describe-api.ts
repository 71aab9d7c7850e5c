import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type { OpenApiDocument } from './docs-page.js';

const TAGS = [
  {
    name: 'Issuers',
    description: 'Organizations that issue credentials, each with a did:web and rotating Ed25519 keys.',
  },
  { name: 'API keys', description: 'Bearer tokens that act within one issuer as owner, issuer or viewer.' },
  {
    name: 'Achievements',
    description: 'Micro-credential definitions: published ones are public OB 3.0 Achievements.',
  },
  { name: 'Credentials', description: 'Issuing, finding and revoking OB 3.0 credentials.' },
  {
    name: 'Bulk issuance',
    description: 'Spreadsheet uploads issued in the background, with progress and row errors.',
  },
  {
    name: 'Pathways',
    description:
      'Stackable pathways: requirement trees whose completion is awarded automatically, progress, CLR 2.0 records, partnerships.',
  },
  { name: 'VC API', description: 'The W3C VC API issue and verify endpoints.' },
  { name: 'Public documents', description: 'What verifiers and wallets fetch: no token needed.' },
  { name: 'System', description: 'Health, this document, and its web page.' },
];

/**
 * The OpenAPI 3.1 document of every route mounted on `app`, built on first use (once every route is
 * mounted) and kept.
 */
export function describeApi<E extends Env>(
  app: OpenAPIHono<E>,
  options: { readonly publicUrl: string },
): () => OpenApiDocument {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key (`mc_…`, from `POST /api/v1/issuers/{id}/api-keys`) or the administrator token',
  });
  let document: OpenApiDocument | undefined;
  return () => {
    document ??= app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'microcred API',
        version: '1.0.0',
        description:
          'Open Badges 3.0 micro-credentials: define achievements, issue and revoke signed credentials, verify any. ' +
          'Errors are RFC 9457 problem+json with a stable `code`.',
      },
      servers: [{ url: options.publicUrl }],
      tags: TAGS,
    }) as unknown as OpenApiDocument;
    return document;
  };
}

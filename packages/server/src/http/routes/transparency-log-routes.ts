import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Actor } from '../../domain/auth/actor.js';
import type { Platform } from '../../domain/platform.js';
import type { PublicEnv } from '../../edge/public-env.js';
import { cacheableResponse } from '../../edge/representation/cacheable-response.js';
import { sessionEarner } from '../../edge/session-earner.js';
import { createRouter } from '../create-router.js';
import { problemResponses } from '../problem/problem-details.js';
import { IdParamsSchema, jsonContent } from './common-schemas.js';

/** Paths under the API prefix that anyone may read without a token: a credential's log proof. */
export const PUBLIC_LOG_READS: readonly RegExp[] = [/^\/credentials\/[^/]+\/log-proof$/];

// A checkpoint is replaced about every second; a client polling it gets a new one soon enough.
const CHECKPOINT_CACHE = 'public, max-age=5';
// A full tile never changes (C2SP tlog-tiles); a partial one is replaced by a wider one as the log grows.
const FULL_TILE_CACHE = 'public, max-age=31536000, immutable';
const PARTIAL_TILE_CACHE = 'public, max-age=5';
const KEY_CACHE = 'public, max-age=300';
const TEXT = 'text/plain; charset=utf-8';

const notModified = { description: 'Not modified (the `If-None-Match` ETag is current)' };

const checkpoint = createRoute({
  method: 'get',
  path: '/log/checkpoint',
  tags: ['Transparency log'],
  summary: "The log's latest signed checkpoint",
  description:
    'A C2SP tlog-checkpoint in a signed note: origin, tree size, base64 root hash, a blank line and the ' +
    'signature line, verifiable with `GET /log/key`, followed by the cosignature lines of the witnesses that ' +
    'cosigned it (C2SP tlog-cosignature), if any. Its tiles are at `/log/tile/{L}/{N}[.p/{W}]` and ' +
    '`/log/tile/entries/{N}[.p/{W}]` (C2SP tlog-tiles); an entry is the SHA-256 of the JCS bytes of a ' +
    'credential as `GET /credentials/{id}` serves it, or the JCS bytes of an issuer key event.',
  responses: {
    200: { description: 'The signed note', content: { 'text/plain': { schema: z.string() } } },
    304: notModified,
  },
});

const verifierKey = createRoute({
  method: 'get',
  path: '/log/key',
  tags: ['Transparency log'],
  summary: "The log's note verifier key",
  description: '`<name>+<hex key id>+<base64(0x01 ‖ Ed25519 public key)>` (C2SP signed-note).',
  responses: {
    200: { description: 'The verifier key', content: { 'text/plain': { schema: z.string() } } },
    304: notModified,
  },
});

const LogProofSchema = z
  .object({
    leafIndex: z.number().int().min(0),
    treeSize: z.number().int().min(1),
    inclusionProof: z.array(z.string().openapi({ description: 'base64 of a 32-byte hash' })),
    checkpoint: z.string().openapi({ description: 'The signed checkpoint note the proof leads to' }),
  })
  .openapi('LogProof');

const logProof = createRoute({
  method: 'get',
  path: '/credentials/{id}/log-proof',
  tags: ['Transparency log'],
  summary: "A credential's inclusion proof in the transparency log",
  description:
    'The leaf index, the tree size, the RFC 9162 §2.1.3.1 inclusion path and the signed checkpoint it leads ' +
    'to. The leaf data is the SHA-256 of the JCS (RFC 8785) bytes of the credential as `GET /credentials/{id}` ' +
    'serves it as JSON. No token needed; a credential hidden from the caller answers 404, as at its id.',
  request: { params: IdParamsSchema },
  responses: {
    200: jsonContent(LogProofSchema, 'The inclusion proof'),
    ...problemResponses(400, 404),
  },
});

/** `/log/…`: the checkpoint, the verifier key and the tiles, public and cacheable. */
export function transparencyLogRoutes(options: { readonly platform: Platform }): OpenAPIHono<PublicEnv> {
  const { platform } = options;
  const router = createRouter<PublicEnv>();

  router.openapi(checkpoint, async (c) => {
    const latest = await platform.transparencyLog.checkpoint();
    return cacheableResponse(c, { body: latest.note, contentType: TEXT, cacheControl: CHECKPOINT_CACHE });
  });

  router.openapi(verifierKey, async (c) =>
    cacheableResponse(c, {
      body: await platform.transparencyLog.verifierKey(),
      contentType: TEXT,
      cacheControl: KEY_CACHE,
    }),
  );

  // Tile paths span several segments (`x001/x234/067.p/9`): outside the OpenAPI document, described
  // with the checkpoint. Any spelling but the canonical one is a 404 (ADVERSARIAL L5).
  router.get('/log/tile/*', async (c) => {
    const tile = await platform.transparencyLog.tile(c.req.path.slice('/log/'.length));
    return cacheableResponse(c, {
      body: tile.bytes,
      contentType: 'application/octet-stream',
      cacheControl: tile.full ? FULL_TILE_CACHE : PARTIAL_TILE_CACHE,
    });
  });

  return router;
}

/** `GET /credentials/{id}/log-proof` under the API prefix: mounted before bearer authentication. */
export function logProofRoutes(options: { readonly platform: Platform }): OpenAPIHono<PublicEnv> {
  const { platform } = options;
  const router = createRouter<PublicEnv>();
  router.openapi(logProof, async (c) => {
    const { earner } = await sessionEarner(platform, c);
    // An issuer's key reads its own credentials' proofs, private ones too (as GET /api/v1/credentials/{id}).
    const caller = (c.get('caller') as Actor | null | undefined) ?? null;
    const proof = await platform.transparencyLog.proof(earner?.id ?? null, c.req.valid('param').id, caller);
    c.header('Cache-Control', earner === null && caller === null ? 'public, max-age=5' : 'private, no-store');
    return c.json(
      {
        leafIndex: proof.leafIndex,
        treeSize: proof.treeSize,
        inclusionProof: proof.inclusionProof,
        checkpoint: proof.checkpoint,
      },
      200,
    );
  });
  return router;
}

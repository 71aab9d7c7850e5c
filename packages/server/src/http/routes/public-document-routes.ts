import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CREDENTIALS_V2_CONTEXT, OB_CONTEXT } from '@microcred/vc';
import { defaultBadgeSvg } from '../../domain/achievement/default-badge-svg.js';
import { mayReadCredential } from '../../domain/credential/readable-credential.js';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import { readStoredImage } from '../../domain/image/read-stored-image.js';
import type { Platform } from '../../domain/platform.js';
import { negotiateMediaType } from '../../edge/negotiate-media-type.js';
import type { PublicEnv } from '../../edge/public-env.js';
import { cacheableResponse } from '../../edge/representation/cacheable-response.js';
import { sessionEarner } from '../../edge/session-earner.js';
import { createRouter } from '../create-router.js';
import { problemResponses } from '../problem/problem-details.js';
import { IdParamsSchema } from './common-schemas.js';
import { CREDENTIAL_REPRESENTATIONS } from './credential-representations.js';

const SlugParamsSchema = z.object({
  slug: z
    .string()
    .max(63)
    .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/)
    .openapi({ param: { name: 'slug', in: 'path' }, example: 'demo-university' }),
});

// Verifiers must see a revocation or a new key at once: caches may keep a copy, but must ask first.
const REVALIDATE = 'public, max-age=0, must-revalidate';
// Achievement definitions change rarely (an edit, never a signature).
const SHORT_LIVED = 'public, max-age=300';
// Uploaded SVGs are sanitised on the way in and out; this keeps one inert even if the sanitiser missed
// something, when it is opened directly rather than through <img>.
const IMAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
};

const anyJson = z.record(z.string(), z.unknown());
const notModified = { description: 'Not modified (the `If-None-Match` ETag is current)' };

const didDocument = createRoute({
  method: 'get',
  path: '/issuers/{slug}/did.json',
  tags: ['Public documents'],
  summary: "An issuer's DID document (did:web)",
  description: 'Every key that is not revoked, so credentials signed before a rotation keep verifying.',
  request: { params: SlugParamsSchema },
  responses: {
    200: {
      description: 'The DID document',
      content: { 'application/json': { schema: anyJson }, 'application/did+json': { schema: anyJson } },
    },
    304: notModified,
    ...problemResponses(400, 404),
  },
});

const statusList = createRoute({
  method: 'get',
  path: '/issuers/{slug}/status/{listId}',
  tags: ['Public documents'],
  summary: 'A signed BitstringStatusListCredential',
  description: 'Revalidated on every use (`max-age=0, must-revalidate`) so a revocation is seen at once.',
  request: {
    params: SlugParamsSchema.extend({ listId: z.uuid().openapi({ param: { name: 'listId', in: 'path' } }) }),
  },
  responses: {
    200: { description: 'The status list credential', content: { 'application/json': { schema: anyJson } } },
    304: notModified,
    ...problemResponses(400, 404),
  },
});

const achievementDocument = createRoute({
  method: 'get',
  path: '/achievements/{id}',
  tags: ['Public documents'],
  summary: 'A published OB 3.0 Achievement',
  request: { params: IdParamsSchema },
  responses: {
    200: { description: 'The Achievement', content: { 'application/json': { schema: anyJson } } },
    304: notModified,
    ...problemResponses(400, 404),
  },
});

const achievementImage = createRoute({
  method: 'get',
  path: '/achievements/{id}/image',
  tags: ['Public documents'],
  summary: "A published achievement's badge image",
  description:
    'The uploaded PNG or SVG (sanitised), or a generated badge. An image given as an https URL on a public ' +
    'host redirects there; any other URL stored before that rule gets the generated badge.',
  request: { params: IdParamsSchema },
  responses: {
    200: {
      description: 'The image',
      content: {
        'image/png': { schema: z.string().openapi({ format: 'binary' }) },
        'image/svg+xml': { schema: z.string() },
      },
    },
    302: { description: 'The image lives at another URL' },
    304: notModified,
    ...problemResponses(400, 404),
  },
});

const issuerLogo = createRoute({
  method: 'get',
  path: '/issuers/{slug}/logo',
  tags: ['Public documents'],
  summary: "An issuer's logo",
  description:
    'The uploaded PNG or SVG (sanitised). A logo given as an https URL on a public host redirects there; ' +
    'an issuer without a logo, or with a URL stored before that rule, answers 404.',
  request: { params: SlugParamsSchema },
  responses: {
    200: {
      description: 'The logo',
      content: {
        'image/png': { schema: z.string().openapi({ format: 'binary' }) },
        'image/svg+xml': { schema: z.string() },
      },
    },
    302: { description: 'The logo lives at another URL' },
    304: notModified,
    ...problemResponses(400, 404),
  },
});

const credentialDocument = createRoute({
  method: 'get',
  path: '/credentials/{id}',
  tags: ['Public documents'],
  summary: 'An issued credential, at its id',
  description:
    'JSON for `application/json`, `application/ld+json`, `application/vc+ld+json` or `application/vc`; the ' +
    'compact JWS for `application/vc+jwt` when the credential was issued as a VC-JWT. Where the web pages are ' +
    'served, `*/*`, browsers and link-preview crawlers get the HTML page instead (send no `Accept`, or a JSON ' +
    'type, for the document). A credential its earner declined or made ' +
    'private, or that waits in their portfolio for them to accept it, answers 404 (as an unknown id does) to ' +
    'everyone but that earner.',
  request: { params: IdParamsSchema },
  responses: {
    200: {
      description: 'The credential',
      content: {
        'application/json': { schema: anyJson },
        'application/vc+ld+json': { schema: anyJson },
        'application/vc+jwt': { schema: z.string() },
      },
    },
    304: notModified,
    ...problemResponses(400, 404),
  },
});

const pathwayDocument = createRoute({
  method: 'get',
  path: '/pathways/{id}',
  tags: ['Public documents'],
  summary: 'A published pathway as portable data',
  description:
    'Its completion Achievement and every achievement it names (OB 3.0), the CLR 2.0 Associations between them ' +
    '(`isParentOf`, `isChildOf`, `precedes`), and the exact `requirement` with achievements by URL.',
  request: { params: IdParamsSchema },
  responses: {
    200: { description: 'The pathway document', content: { 'application/json': { schema: anyJson } } },
    304: notModified,
    ...problemResponses(400, 404),
  },
});

// An endorsement is a credential like any other: the VC 2.0 JSON-LD types and plain JSON, JSON by default.
const ENDORSEMENT_MEDIA_TYPES = ['application/json', 'application/ld+json', 'application/vc+ld+json'];

const endorsementDocument = createRoute({
  method: 'get',
  path: '/endorsements/{id}',
  tags: ['Public documents'],
  summary: 'A signed OB 3.0 EndorsementCredential, at its id',
  description:
    'JSON for `application/json`, `application/ld+json`, `application/vc+ld+json` or `*/*` (a browser asking ' +
    'for HTML gets the page). A withdrawn endorsement is still served: its status entry says it is revoked.',
  request: { params: IdParamsSchema },
  responses: {
    200: {
      description: 'The endorsement credential',
      content: Object.fromEntries(ENDORSEMENT_MEDIA_TYPES.map((type) => [type, { schema: anyJson }])),
    },
    304: notModified,
    ...problemResponses(400, 404),
  },
});

/** The documents verifiers and wallets fetch: no authentication, cacheable, CORS-open. */
export function publicDocumentRoutes(options: { readonly platform: Platform }): OpenAPIHono<PublicEnv> {
  const { platform } = options;
  const router = createRouter<PublicEnv>();

  router.openapi(didDocument, async (c) => {
    const document = await platform.issuers.didDocument(c.req.valid('param').slug);
    if (document === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such issuer');
    const contentType =
      negotiateMediaType({
        accept: c.req.header('Accept'),
        offers: ['application/json', 'application/did+json'],
      }) ?? 'application/json';
    return cacheableResponse(c, {
      body: JSON.stringify(document),
      contentType,
      cacheControl: REVALIDATE,
      vary: 'Accept',
    });
  });

  router.openapi(statusList, async (c) => {
    const { slug, listId } = c.req.valid('param');
    const published = await platform.statusLists.publish({ slug, listId });
    return cacheableResponse(c, {
      body: JSON.stringify(published.credential),
      contentType: 'application/json',
      cacheControl: REVALIDATE,
      etag: published.etag,
    });
  });

  router.openapi(achievementDocument, async (c) => {
    const achievement = await platform.achievements.get(null, c.req.valid('param').id);
    // Embedded in credentials the Achievement borrows the credential's contexts; standing alone it needs its own.
    const document = { '@context': [CREDENTIALS_V2_CONTEXT, OB_CONTEXT], ...achievement.document };
    return cacheableResponse(c, {
      body: JSON.stringify(document),
      contentType: 'application/json',
      cacheControl: SHORT_LIVED,
    });
  });

  router.openapi(pathwayDocument, async (c) => {
    const document = await platform.pathways.document(null, c.req.valid('param').id);
    return cacheableResponse(c, {
      body: JSON.stringify(document),
      contentType: 'application/json',
      cacheControl: SHORT_LIVED,
    });
  });

  router.openapi(achievementImage, async (c) => {
    const achievement = await platform.achievements.get(null, c.req.valid('param').id);
    const stored = readStoredImage(achievement.image);
    // An image given as a URL is the issuer's own file on a public host: send the client there, never
    // fetch it (ADVERSARIAL I7).
    if (stored?.kind === 'link') return c.redirect(stored.url, 302);
    const creator = achievement.document.creator as { name?: unknown } | undefined;
    const image = stored ?? {
      mediaType: 'image/svg+xml',
      bytes: new TextEncoder().encode(
        defaultBadgeSvg({
          name: achievement.name,
          issuerName: typeof creator?.name === 'string' ? creator.name : '',
        }),
      ),
    };
    return cacheableResponse(c, {
      body: image.bytes,
      contentType: image.mediaType,
      cacheControl: SHORT_LIVED,
      headers: IMAGE_HEADERS,
    });
  });

  router.openapi(issuerLogo, async (c) => {
    const issuer = await platform.issuers.findBySlug(c.req.valid('param').slug);
    const stored = issuer === null ? undefined : readStoredImage(issuer.image);
    if (stored === undefined) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no logo for this issuer');
    // Same rule as achievement images: a URL is the issuer's own file on a public host, never fetched here.
    if (stored.kind === 'link') return c.redirect(stored.url, 302);
    return cacheableResponse(c, {
      body: stored.bytes,
      contentType: stored.mediaType,
      cacheControl: SHORT_LIVED,
      headers: IMAGE_HEADERS,
    });
  });

  router.openapi(credentialDocument, async (c) => {
    const { earner } = await sessionEarner(platform, c);
    const readable = await platform.credentials.read(earner?.id ?? null, c.req.valid('param').id);
    const record = readable.credential;
    const available = CREDENTIAL_REPRESENTATIONS.filter((representation) => representation.available(record));
    const chosen = negotiateMediaType({
      accept: c.req.header('Accept'),
      offers: available.map((representation) => representation.mediaType),
    });
    // Nothing acceptable: RFC 9110 §12.1 lets the server send its default rather than a 406.
    const representation = available.find((item) => item.mediaType === chosen) ?? available[0];
    if (representation === undefined) throw new ServerError(ServerErrorCode.INTERNAL, 'no representation');
    return cacheableResponse(c, {
      body: representation.render(record),
      contentType: representation.mediaType,
      // Its earner may hide it at any moment: caches must ask every time, and what only the signed-in
      // earner may read is never stored.
      ...(mayReadCredential(readable, null)
        ? { cacheControl: REVALIDATE, vary: 'Accept' }
        : { cacheControl: 'private, no-store', vary: 'Accept, Cookie' }),
    });
  });

  router.openapi(endorsementDocument, async (c) => {
    const endorsement = await platform.endorsements.get(c.req.valid('param').id);
    const contentType =
      negotiateMediaType({ accept: c.req.header('Accept'), offers: ENDORSEMENT_MEDIA_TYPES }) ??
      'application/json';
    return cacheableResponse(c, {
      body: JSON.stringify(endorsement.document),
      contentType,
      // Withdrawal is seen through the status list, but caches still ask first, as for credentials.
      cacheControl: REVALIDATE,
      vary: 'Accept',
    });
  });

  return router;
}

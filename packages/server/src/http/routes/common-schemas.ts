import { z } from '@hono/zod-openapi';

/** A resource id in the path: a v4 UUID (anything else is refused before it reaches the database). */
export const IdParamsSchema = z.object({
  id: z
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' }, example: '0b5a3c1e-8d7f-4c2a-9e61-2f4b8a9c7d10' }),
});

const limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(500)
  .optional()
  .openapi({ description: 'At most this many items (1–500, default 100)' });
const offset = z.coerce
  .number()
  .int()
  .min(0)
  .max(1_000_000)
  .optional()
  .openapi({ description: 'Skip this many items' });

export const PageQuerySchema = z.object({ limit, offset });

export const ImageSchema = z
  .object({
    id: z.string().openapi({
      description: 'A PNG or SVG data URI (SVG sanitised when stored), or an https URL on a public host',
    }),
    caption: z.string().optional(),
  })
  .openapi('Image');

/** Routes that need `Authorization: Bearer <token>` declare this. */
export const BEARER_SECURITY = [{ bearer: [] }];

// The API presents dates as the presenters do (the CLI prints the same JSON).
export { isoOrNull, timestamp } from '../../presenters/iso-timestamp.js';

/** An OpenAPI response (or body) entry with a JSON schema. */
export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A required JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

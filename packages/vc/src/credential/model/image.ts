import { z } from 'zod';

/**
 * OB 3.0 Image: `id` is a URL or `data:` URI, `type` is the single string `"Image"`. The only class
 * with `additionalProperties: false` besides IdentityObject / IdentifierEntry, so it is strict here.
 */
export const ImageSchema = z.strictObject({
  id: z.string(),
  type: z.literal('Image'),
  caption: z.string().optional(),
});
export type Image = z.output<typeof ImageSchema>;

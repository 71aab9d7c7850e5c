import { z } from 'zod';

/** OB 3.0 Criteria: a criteria page (`id`) and/or a Markdown `narrative`; the spec says SHOULD have one. */
export const CriteriaSchema = z.looseObject({
  id: z.string().optional(),
  narrative: z.string().optional(),
});
export type Criteria = z.output<typeof CriteriaSchema>;

import { z } from 'zod';
import { typeIncluding } from './type-including.js';

/** OB 3.0 Evidence: what the award was based on; `id` (URL or data URI) is optional (VC 2.0 §5.6). */
export const EvidenceSchema = z.looseObject({
  id: z.string().optional(),
  type: typeIncluding(['Evidence']),
  narrative: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  genre: z.string().optional(),
  audience: z.string().optional(),
});
export type Evidence = z.output<typeof EvidenceSchema>;

import { z } from 'zod';

/** VC 2.0 §5.5 `termsOfUse` entry: `type` is required. */
export const TermsOfUseSchema = z.looseObject({
  id: z.string().optional(),
  type: z.string(),
});
export type TermsOfUse = z.output<typeof TermsOfUseSchema>;

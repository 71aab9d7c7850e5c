import { z } from 'zod';
import { LanguageCodeSchema } from './language-code.js';
import { typeIncluding } from './type-including.js';

/** OB 3.0 Related: another version or language edition of an Achievement (STANDARDS.md §0.9). */
export const RelatedSchema = z.looseObject({
  id: z.string(),
  type: typeIncluding(['Related']),
  inLanguage: LanguageCodeSchema.optional(),
  version: z.string().optional(),
});
export type Related = z.output<typeof RelatedSchema>;

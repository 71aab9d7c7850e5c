import { z } from 'zod';

/** VC 2.0 §5.4 / OB 3.0 RefreshService (e.g. `1EdTechCredentialRefresh`). */
export const RefreshServiceSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
});
export type RefreshService = z.output<typeof RefreshServiceSchema>;

import { z } from 'zod';

/** OB 3.0 `LanguageCode` (BCP 47), with the official JSON Schema's pattern. */
export const LanguageCodeSchema = z
  .string()
  .regex(/^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/, 'not a BCP 47 language code');

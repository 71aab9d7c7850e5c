import { z } from 'zod';

/** OB 3.0 ResultStatusType (`Result.status`); a closed enumeration, no `ext:` values. */
export const RESULT_STATUS_TYPES = [
  'Completed',
  'Enrolled',
  'Failed',
  'InProgress',
  'OnHold',
  'Provisional',
  'Withdrew',
] as const;

export const ResultStatusTypeSchema = z.enum(RESULT_STATUS_TYPES);
export type ResultStatusType = z.output<typeof ResultStatusTypeSchema>;

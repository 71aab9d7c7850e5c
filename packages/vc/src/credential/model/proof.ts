import { z } from 'zod';
import { DateTimeSchema } from './date-time.js';

/**
 * An embedded proof as read (OB 3.0 Proof class): only `type` is required, so proofs of other
 * suites still parse and can be reported as unsupported rather than as malformed.
 */
export const ProofSchema = z.looseObject({
  type: z.string(),
  created: DateTimeSchema.optional(),
  cryptosuite: z.string().optional(),
  challenge: z.string().optional(),
  domain: z.string().optional(),
  nonce: z.string().optional(),
  proofPurpose: z.string().optional(),
  proofValue: z.string().optional(),
  verificationMethod: z.string().optional(),
});
export type Proof = z.output<typeof ProofSchema>;

/** A W3C Data Integrity proof (VC Data Integrity 1.0 §2.1), e.g. with `cryptosuite: "eddsa-rdfc-2022"`. */
export const DataIntegrityProofSchema = ProofSchema.extend({
  type: z.literal('DataIntegrityProof'),
  cryptosuite: z.string(),
  proofPurpose: z.string(),
  proofValue: z.string(),
  verificationMethod: z.string(),
});
export type DataIntegrityProof = z.output<typeof DataIntegrityProofSchema>;

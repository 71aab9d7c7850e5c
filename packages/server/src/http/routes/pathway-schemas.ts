import { z } from '@hono/zod-openapi';
import { ImportPathwayInputSchema } from '../../domain/pathway/import-pathway.js';
import { ClrRequestSchema } from '../../domain/pathway/issue-pathway-clr.js';
import { PathwayInputSchema, PathwayPatchSchema } from '../../domain/pathway/manage-pathways.js';
import { PATHWAY_STATUSES } from '../../domain/ports/index.js';
import { RequirementNodeDocSchema } from '../../presenters/present-pathway.js';
import { PageQuerySchema } from './common-schemas.js';

export const PathwayCreateSchema = PathwayInputSchema.extend({
  requirement: RequirementNodeDocSchema,
}).openapi('PathwayInput');
export const PathwayUpdateSchema = PathwayPatchSchema.extend({
  requirement: RequirementNodeDocSchema.optional(),
}).openapi('PathwayPatch');
export const PathwayImportSchema = ImportPathwayInputSchema.openapi('PathwayImport');
export const ClrRequestBodySchema = ClrRequestSchema.openapi('ClrRequest');

export const PathwayQuerySchema = PageQuerySchema.extend({
  issuerId: z.uuid().optional(),
  status: z.enum(PATHWAY_STATUSES).optional(),
});

export const ProgressQuerySchema = z.object({
  recipient: z
    .string()
    .min(1)
    .max(500)
    .openapi({ description: "The earner's email address (matched through its keyed hash) or DID" }),
});

export const IssuedClrSchema = z
  .object({
    credential: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'The signed CLR 2.0 ClrCredential (Data Integrity, eddsa-rdfc-2022)' }),
    partial: z
      .boolean()
      .openapi({ description: "True when some of the earner's credentials could not be bundled (VC-JWTs)" }),
  })
  .openapi('IssuedClr');

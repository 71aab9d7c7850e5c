import { z } from 'zod';
import { AchievementTypeSchema } from './achievement-type.js';
import { AlignmentSchema } from './alignment.js';
import { CriteriaSchema } from './criteria.js';
import { EndorsementCredentialSchema } from './endorsement-credential.js';
import { IdentifierEntrySchema } from './identifier-entry.js';
import { ImageSchema } from './image.js';
import { LanguageCodeSchema } from './language-code.js';
import { oneOrMany } from './one-or-many.js';
import { ProfileSchema } from './profile.js';
import { RelatedSchema } from './related.js';
import { ResultDescriptionSchema } from './result-description.js';
import { typeIncluding } from './type-including.js';

/** OB 3.0 Achievement: what is recognised (the badge class), with its criteria. */
export const AchievementSchema = z.looseObject({
  id: z.string(),
  type: typeIncluding(['Achievement']),
  name: z.string(),
  description: z.string(),
  criteria: CriteriaSchema,
  achievementType: AchievementTypeSchema.optional(),
  alignment: oneOrMany(AlignmentSchema).optional(),
  creator: ProfileSchema.optional(),
  creditsAvailable: z.number().optional(),
  endorsement: oneOrMany(EndorsementCredentialSchema).optional(),
  endorsementJwt: oneOrMany(z.string()).optional(),
  fieldOfStudy: z.string().optional(),
  humanCode: z.string().optional(),
  image: ImageSchema.optional(),
  inLanguage: LanguageCodeSchema.optional(),
  otherIdentifier: oneOrMany(IdentifierEntrySchema).optional(),
  related: oneOrMany(RelatedSchema).optional(),
  resultDescription: oneOrMany(ResultDescriptionSchema).optional(),
  specialization: z.string().optional(),
  tag: oneOrMany(z.string()).optional(),
  version: z.string().optional(),
});
export type Achievement = z.output<typeof AchievementSchema>;

import { z } from 'zod';
import { AchievementSchema } from './achievement.js';
import { DateTimeSchema } from './date-time.js';
import { IdentityObjectSchema } from './identity-object.js';
import { ImageSchema } from './image.js';
import { oneOrMany } from './one-or-many.js';
import { ProfileSchema } from './profile.js';
import { ResultSchema } from './result.js';
import { typeIncluding } from './type-including.js';

/**
 * OB 3.0 AchievementSubject: the recipient and what they achieved. OB 3.0 requires `id` or at least
 * one `identifier`; the official JSON Schema does not check that, this schema does.
 */
export const AchievementSubjectSchema = z
  .looseObject({
    id: z.string().optional(),
    type: typeIncluding(['AchievementSubject']),
    achievement: AchievementSchema,
    identifier: oneOrMany(IdentityObjectSchema).optional(),
    activityStartDate: DateTimeSchema.optional(),
    activityEndDate: DateTimeSchema.optional(),
    creditsEarned: z.number().optional(),
    image: ImageSchema.optional(),
    licenseNumber: z.string().optional(),
    /** Markdown. */
    narrative: z.string().optional(),
    result: oneOrMany(ResultSchema).optional(),
    role: z.string().optional(),
    source: ProfileSchema.optional(),
    term: z.string().optional(),
  })
  .refine((subject) => subject.id !== undefined || (subject.identifier?.length ?? 0) > 0, {
    message: 'an AchievementSubject needs an id or at least one identifier',
  });
export type AchievementSubject = z.output<typeof AchievementSubjectSchema>;

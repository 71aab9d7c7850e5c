import { ErrorCode, MicrocredError } from '../../error/index.js';
import type { AchievementType, EndorsementCredential, Profile } from '../model/index.js';
import { type Achievement, AchievementSchema } from '../model/index.js';
import { assertBuilt } from './assert-built.js';
import { type AlignmentInput, buildAlignment } from './build-alignment.js';
import { buildIdentifierEntry, type IdentifierEntryInput } from './build-identifier-entry.js';
import { buildImage, type ImageInput } from './build-image.js';
import { buildRelated, type RelatedInput } from './build-related.js';
import { buildResultDescription, type ResultDescriptionInput } from './build-result-description.js';
import { omitEmpty } from './omit-empty.js';

export interface BuildAchievementOptions {
  /** URI of the achievement; stable across the credentials that award it. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** A criteria page (`id`) and/or Markdown `narrative`; at least one is required. */
  readonly criteria: { readonly id?: string; readonly narrative?: string };
  /** e.g. `MicroCredential`, `Badge`, `Certificate`, or an `ext:` value. */
  readonly achievementType?: AchievementType;
  readonly image?: ImageInput;
  readonly alignment?: readonly AlignmentInput[];
  readonly tag?: readonly string[];
  readonly creditsAvailable?: number;
  /** BCP 47, e.g. `en` or `de-CH`. */
  readonly inLanguage?: string;
  readonly resultDescription?: readonly ResultDescriptionInput[];
  readonly creator?: Profile;
  readonly fieldOfStudy?: string;
  readonly specialization?: string;
  readonly humanCode?: string;
  readonly version?: string;
  readonly related?: readonly RelatedInput[];
  readonly otherIdentifier?: readonly IdentifierEntryInput[];
  readonly endorsement?: readonly EndorsementCredential[];
}

/** An OB 3.0 Achievement (`type: ['Achievement']`) in canonical form; throws VALIDATION_ERROR on bad input. */
export function buildAchievement(options: BuildAchievementOptions): Achievement {
  const { criteria } = options;
  // OB 3.0 Criteria: "SHOULD" have an id or a narrative; an achievement nobody can read the
  // requirements of is not worth issuing, so the builder insists.
  if (isBlank(criteria.id) && isBlank(criteria.narrative)) {
    throw new MicrocredError(ErrorCode.VALIDATION_ERROR, 'criteria needs an id (URL) or a narrative', {
      details: { field: 'criteria' },
    });
  }
  const achievement: Achievement = omitEmpty({
    id: options.id,
    type: ['Achievement'],
    name: options.name,
    description: options.description,
    criteria: { id: criteria.id, narrative: criteria.narrative },
    achievementType: options.achievementType,
    image: options.image === undefined ? undefined : buildImage(options.image),
    alignment: options.alignment?.map(buildAlignment),
    tag: options.tag === undefined ? undefined : [...options.tag],
    creditsAvailable: options.creditsAvailable,
    inLanguage: options.inLanguage,
    resultDescription: options.resultDescription?.map(buildResultDescription),
    creator: options.creator,
    fieldOfStudy: options.fieldOfStudy,
    specialization: options.specialization,
    humanCode: options.humanCode,
    version: options.version,
    related: options.related?.map(buildRelated),
    otherIdentifier: options.otherIdentifier?.map(buildIdentifierEntry),
    endorsement: options.endorsement === undefined ? undefined : [...options.endorsement],
  });
  return assertBuilt({ schema: AchievementSchema, value: achievement, what: 'Achievement' });
}

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

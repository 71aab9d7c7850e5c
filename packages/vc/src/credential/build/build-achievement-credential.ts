import { CREDENTIALS_V2_CONTEXT, OB_CONTEXT } from '../../contexts/index.js';
import { ErrorCode, MicrocredError } from '../../error/index.js';
import {
  type Achievement,
  type AchievementCredential,
  AchievementCredentialSchema,
  type EndorsementCredential,
  type IdentityObject,
  OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL,
  ONEEDTECH_JSON_SCHEMA_VALIDATOR_2019,
  type Profile,
  type RefreshService,
  type Result,
  type TermsOfUse,
} from '../model/index.js';
import { assertBuilt } from './assert-built.js';
import { buildContext } from './build-context.js';
import { buildCredentialStatus, type CredentialStatusInput } from './build-credential-status.js';
import { buildEvidence, type EvidenceInput } from './build-evidence.js';
import { buildImage, type ImageInput } from './build-image.js';
import { buildResult, type ResultInput } from './build-result.js';
import { checkValidityPeriod } from './check-validity-period.js';
import { credentialValidity } from './credential-validity.js';
import { omitEmpty } from './omit-empty.js';
import { toDateTimeStamp } from './to-date-time-stamp.js';

/** The learner: a DID/URI `id`, hashed or plain `identifier`s, or both (OB 3.0 AchievementSubject). */
export interface RecipientInput {
  readonly id?: string;
  readonly identifier?: readonly IdentityObject[];
  readonly name?: string;
}

export interface BuildAchievementCredentialOptions {
  /** URI of this credential (e.g. `urn:uuid:…` from the caller's id generator). */
  readonly id: string;
  /** The issuer Profile; its `id` must control the signing key. */
  readonly issuer: Profile;
  /** The Achievement awarded, as built by `buildAchievement`. */
  readonly achievement: Achievement;
  readonly recipient: RecipientInput;
  readonly validFrom: Date | string;
  readonly validUntil?: Date | string;
  /** Original award date, kept when a reissue moves `validFrom` (OB 3.0 §AchievementCredential). */
  readonly awardedDate?: Date | string;
  readonly name?: string;
  readonly description?: string;
  readonly image?: ImageInput;
  readonly evidence?: readonly EvidenceInput[];
  readonly result?: readonly ResultInput[];
  readonly activityStartDate?: Date | string;
  readonly activityEndDate?: Date | string;
  readonly creditsEarned?: number;
  /** Markdown: how the learner met the criteria. */
  readonly narrative?: string;
  readonly licenseNumber?: string;
  readonly role?: string;
  readonly term?: string;
  /** The organisation that taught or assessed, when not the issuer. */
  readonly source?: Profile;
  /** One entry: the OB 3.0 JSON Schema takes `credentialStatus` as a single object. */
  readonly credentialStatus?: CredentialStatusInput;
  /** Signed EndorsementCredentials, embedded as they are. */
  readonly endorsement?: readonly EndorsementCredential[];
  /** Each `type` must be defined by a context of the credential (an absolute IRI works). */
  readonly termsOfUse?: readonly TermsOfUse[];
  readonly refreshService?: RefreshService;
}

/**
 * An unsigned OpenBadgeCredential (OB 3.0 on VC 2.0) in canonical form: arrays for every 0..*
 * property, no nulls or empty arrays, UTC dates, the OB JSON Schema in `credentialSchema` and the
 * contexts it needs. Throws VALIDATION_ERROR on bad input, RANGE_ERROR when dates are out of order.
 */
export function buildAchievementCredential(
  options: BuildAchievementCredentialOptions,
): AchievementCredential {
  const { recipient, achievement } = options;
  // OB 3.0 AchievementSubject: "either id or at least one identifier MUST be supplied".
  if (recipient.id === undefined && (recipient.identifier?.length ?? 0) === 0) {
    throw new MicrocredError(
      ErrorCode.VALIDATION_ERROR,
      'the recipient needs an id or at least one identifier',
      {
        details: { field: 'recipient' },
      },
    );
  }
  const { validFrom, validUntil, awardedDate } = credentialValidity(options);
  const activityStartDate = optionalDate(options.activityStartDate, 'activityStartDate');
  const activityEndDate = optionalDate(options.activityEndDate, 'activityEndDate');
  checkValidityPeriod({
    from: activityStartDate,
    until: activityEndDate,
    fromField: 'activityStartDate',
    untilField: 'activityEndDate',
  });
  const result = options.result?.map(buildResult);
  checkResults(result ?? [], achievement);

  const body = omitEmpty({
    id: options.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: options.name,
    description: options.description,
    image: options.image === undefined ? undefined : buildImage(options.image),
    issuer: options.issuer,
    validFrom,
    validUntil,
    awardedDate,
    credentialSubject: {
      id: recipient.id,
      type: ['AchievementSubject'],
      name: recipient.name,
      identifier: recipient.identifier === undefined ? undefined : [...recipient.identifier],
      achievement,
      activityStartDate,
      activityEndDate,
      creditsEarned: options.creditsEarned,
      narrative: options.narrative,
      licenseNumber: options.licenseNumber,
      role: options.role,
      term: options.term,
      source: options.source,
      result,
    },
    evidence: options.evidence?.map(buildEvidence),
    endorsement: options.endorsement === undefined ? undefined : [...options.endorsement],
    credentialSchema: [
      { id: OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL, type: ONEEDTECH_JSON_SCHEMA_VALIDATOR_2019 },
    ],
    credentialStatus:
      options.credentialStatus === undefined ? undefined : buildCredentialStatus(options.credentialStatus),
    refreshService: options.refreshService,
    termsOfUse: options.termsOfUse === undefined ? undefined : [...options.termsOfUse],
  });
  const credential: AchievementCredential = {
    '@context': buildContext({ base: [CREDENTIALS_V2_CONTEXT, OB_CONTEXT], document: body }),
    ...body,
  };
  return assertBuilt({
    schema: AchievementCredentialSchema,
    value: credential,
    what: 'AchievementCredential',
  });
}

function optionalDate(value: Date | string | undefined, field: string): string | undefined {
  return value === undefined ? undefined : toDateTimeStamp({ value, field });
}

/**
 * OB 3.0 Result: `resultDescription` is "the id of the ResultDescription in the Achievement", a
 * `Status` result needs `status`, and `achievedLevel` names one of the achievement's rubric levels.
 */
function checkResults(results: readonly Result[], achievement: Achievement): void {
  const descriptions = new Map(
    (achievement.resultDescription ?? []).map((description) => [description.id, description]),
  );
  const levels = new Set(
    (achievement.resultDescription ?? []).flatMap((description) =>
      (description.rubricCriterionLevel ?? []).map((level) => level.id),
    ),
  );
  results.forEach((result, index) => {
    const fail = (message: string): never => {
      throw new MicrocredError(ErrorCode.VALIDATION_ERROR, `result[${index}]: ${message}`, {
        details: { field: `result.${index}` },
      });
    };
    if (result.resultDescription !== undefined) {
      const description = descriptions.get(result.resultDescription);
      if (description === undefined) {
        fail(`resultDescription ${result.resultDescription} is not a ResultDescription of the achievement`);
      } else if (description.resultType === 'Status' && result.status === undefined) {
        fail('a result of a Status ResultDescription needs a status');
      }
    }
    if (result.achievedLevel !== undefined && !levels.has(result.achievedLevel)) {
      fail(`achievedLevel ${result.achievedLevel} is not a RubricCriterionLevel of the achievement`);
    }
  });
}

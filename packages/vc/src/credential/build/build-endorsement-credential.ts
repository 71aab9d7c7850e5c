import { CREDENTIALS_V2_CONTEXT, OB_CONTEXT } from '../../contexts/index.js';
import {
  type EndorsementCredential,
  EndorsementCredentialSchema,
  OB_ENDORSEMENT_CREDENTIAL_SCHEMA_URL,
  ONEEDTECH_JSON_SCHEMA_VALIDATOR_2019,
  type Profile,
  type RefreshService,
  type TermsOfUse,
} from '../model/index.js';
import { assertBuilt } from './assert-built.js';
import { buildContext } from './build-context.js';
import { buildCredentialStatus, type CredentialStatusInput } from './build-credential-status.js';
import { buildEvidence, type EvidenceInput } from './build-evidence.js';
import { credentialValidity } from './credential-validity.js';
import { omitEmpty } from './omit-empty.js';

export interface BuildEndorsementCredentialOptions {
  readonly id: string;
  /** The endorser. */
  readonly issuer: Profile;
  /** `id`: the endorsed Profile, Achievement or credential; `endorsementComment`: Markdown. */
  readonly subject: { readonly id: string; readonly endorsementComment?: string };
  readonly validFrom: Date | string;
  readonly validUntil?: Date | string;
  readonly awardedDate?: Date | string;
  /** Required for endorsements by the OB 3.0 JSON Schema. */
  readonly name: string;
  readonly description?: string;
  readonly evidence?: readonly EvidenceInput[];
  readonly credentialStatus?: CredentialStatusInput;
  /** Each `type` must be defined by a context of the credential (an absolute IRI works). */
  readonly termsOfUse?: readonly TermsOfUse[];
  readonly refreshService?: RefreshService;
}

/**
 * An unsigned OB 3.0 EndorsementCredential in canonical form, pointing at the OB endorsement JSON
 * Schema. Throws VALIDATION_ERROR on bad input, RANGE_ERROR when dates are out of order.
 */
export function buildEndorsementCredential(
  options: BuildEndorsementCredentialOptions,
): EndorsementCredential {
  const { validFrom, validUntil, awardedDate } = credentialValidity(options);
  const body = omitEmpty({
    id: options.id,
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: options.name,
    description: options.description,
    issuer: options.issuer,
    validFrom,
    validUntil,
    awardedDate,
    credentialSubject: {
      id: options.subject.id,
      type: ['EndorsementSubject'],
      endorsementComment: options.subject.endorsementComment,
    },
    evidence: options.evidence?.map(buildEvidence),
    credentialSchema: [
      { id: OB_ENDORSEMENT_CREDENTIAL_SCHEMA_URL, type: ONEEDTECH_JSON_SCHEMA_VALIDATOR_2019 },
    ],
    credentialStatus:
      options.credentialStatus === undefined ? undefined : buildCredentialStatus(options.credentialStatus),
    refreshService: options.refreshService,
    termsOfUse: options.termsOfUse === undefined ? undefined : [...options.termsOfUse],
  });
  const credential: EndorsementCredential = {
    '@context': buildContext({ base: [CREDENTIALS_V2_CONTEXT, OB_CONTEXT], document: body }),
    ...body,
  };
  return assertBuilt({
    schema: EndorsementCredentialSchema,
    value: credential,
    what: 'EndorsementCredential',
  });
}

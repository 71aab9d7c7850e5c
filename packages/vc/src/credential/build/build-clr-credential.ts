import { CLR_CONTEXT, CREDENTIALS_V2_CONTEXT, OB_CONTEXT } from '../../contexts/index.js';
import { ErrorCode, MicrocredError } from '../../error/index.js';
import {
  type Achievement,
  CLR_CREDENTIAL_SCHEMA_URL,
  type ClrCredential,
  ClrCredentialSchema,
  type ClrVerifiableCredential,
  type EndorsementCredential,
  type IdentityObject,
  ONEEDTECH_JSON_SCHEMA_VALIDATOR_2019,
  type Profile,
  type RefreshService,
  type TermsOfUse,
} from '../model/index.js';
import { assertBuilt } from './assert-built.js';
import { type AssociationInput, buildAssociation } from './build-association.js';
import { buildContext } from './build-context.js';
import { buildCredentialStatus, type CredentialStatusInput } from './build-credential-status.js';
import { credentialValidity } from './credential-validity.js';
import { omitEmpty } from './omit-empty.js';

/**
 * The CLR 2.0.1 context defines no `partial` term, so JSON-LD safe mode (and with it
 * eddsa-rdfc-2022 signing) would reject a CLR that sets it. This inline context maps it into the
 * CLR vocabulary; the IRI follows the vocabulary's naming and is to be checked against CLR 2.0.
 */
export const CLR_PARTIAL_CONTEXT = {
  partial: { '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#partial' },
} as const;

export interface BuildClrCredentialOptions {
  readonly id: string;
  /** The CLR publisher. */
  readonly issuer: Profile;
  readonly name: string;
  readonly description?: string;
  readonly validFrom: Date | string;
  readonly validUntil?: Date | string;
  readonly awardedDate?: Date | string;
  /** The learner: `id` and/or `identifier`s. */
  readonly subject: { readonly id?: string; readonly identifier?: readonly IdentityObject[] };
  /** The learner's individually signed credentials, embedded unchanged (1..*). */
  readonly verifiableCredential: readonly ClrVerifiableCredential[];
  /** The pathway's Achievement definitions, earned or not. */
  readonly achievement?: readonly Achievement[];
  readonly association?: readonly AssociationInput[];
  /** True when the CLR does not hold every assertion the publisher knows of. */
  readonly partial?: boolean;
  readonly credentialStatus?: CredentialStatusInput;
  readonly endorsement?: readonly EndorsementCredential[];
  readonly termsOfUse?: readonly TermsOfUse[];
  readonly refreshService?: RefreshService;
}

/**
 * An unsigned CLR 2.0 ClrCredential bundling signed credentials, in canonical form with the CLR
 * contexts (STANDARDS.md §2) and JSON Schema. Throws VALIDATION_ERROR on bad input, RANGE_ERROR
 * when dates are out of order.
 */
export function buildClrCredential(options: BuildClrCredentialOptions): ClrCredential {
  const { subject, verifiableCredential } = options;
  if (subject.id === undefined && (subject.identifier?.length ?? 0) === 0) {
    throw new MicrocredError(
      ErrorCode.VALIDATION_ERROR,
      'the CLR subject needs an id or at least one identifier',
      {
        details: { field: 'subject' },
      },
    );
  }
  if (verifiableCredential.length === 0) {
    throw new MicrocredError(ErrorCode.VALIDATION_ERROR, 'a CLR bundles at least one credential', {
      details: { field: 'verifiableCredential' },
    });
  }
  // CLR 2.0: the bundled credentials are each signed and verified on their own (CLR20Inspector).
  verifiableCredential.forEach((credential, index) => {
    const proof = credential.proof;
    if (proof === undefined || (Array.isArray(proof) && proof.length === 0)) {
      throw new MicrocredError(ErrorCode.VALIDATION_ERROR, `verifiableCredential[${index}] is not signed`, {
        details: { field: `verifiableCredential.${index}` },
      });
    }
  });
  const { validFrom, validUntil, awardedDate } = credentialValidity(options);

  const body = omitEmpty({
    id: options.id,
    type: ['VerifiableCredential', 'ClrCredential'],
    name: options.name,
    description: options.description,
    partial: options.partial,
    issuer: options.issuer,
    validFrom,
    validUntil,
    awardedDate,
    credentialSubject: {
      id: subject.id,
      type: ['ClrSubject'],
      identifier: subject.identifier === undefined ? undefined : [...subject.identifier],
      verifiableCredential: [...verifiableCredential],
      achievement: options.achievement === undefined ? undefined : [...options.achievement],
      association: options.association?.map(buildAssociation),
    },
    endorsement: options.endorsement === undefined ? undefined : [...options.endorsement],
    credentialSchema: [{ id: CLR_CREDENTIAL_SCHEMA_URL, type: ONEEDTECH_JSON_SCHEMA_VALIDATOR_2019 }],
    credentialStatus:
      options.credentialStatus === undefined ? undefined : buildCredentialStatus(options.credentialStatus),
    refreshService: options.refreshService,
    termsOfUse: options.termsOfUse === undefined ? undefined : [...options.termsOfUse],
  });
  const context = buildContext({ base: [CREDENTIALS_V2_CONTEXT, CLR_CONTEXT, OB_CONTEXT], document: body });
  const credential: ClrCredential = {
    '@context':
      options.partial === undefined ? context : [...context, { partial: { ...CLR_PARTIAL_CONTEXT.partial } }],
    ...body,
  };
  return assertBuilt({ schema: ClrCredentialSchema, value: credential, what: 'ClrCredential' });
}

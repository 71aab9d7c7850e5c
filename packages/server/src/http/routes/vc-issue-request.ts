import { z } from '@hono/zod-openapi';
import { BUNDLED_CONTEXTS, CREDENTIALS_V2_CONTEXT, ErrorCode, isRecord, MicrocredError } from '@microcred/vc';
import type { IssueCredentialInput } from '../../domain/credential/issue-credential.js';
import type { FieldError } from '../../edge/problem/problem-schema.js';

export const VcIssueOptionsSchema = z
  .strictObject({
    proofPurpose: z
      .literal('assertionMethod', { error: 'only the assertionMethod proof purpose is supported' })
      .optional(),
    assertionMethod: z
      .string()
      .max(1000)
      .optional()
      .openapi({ description: "Must be the issuer's active key (`GET /api/v1/issuers/{id}/keys`)" }),
    idempotencyKey: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: 'microcred extension: a retried request returns the first credential' }),
  })
  .openapi('VcIssueOptions');

export const VcIssueRequestSchema = z
  .strictObject({
    credential: z.record(z.string(), z.unknown()).openapi({
      description:
        'An unsigned OB 3.0 OpenBadgeCredential. Read: `@context`, `type`, `issuer` (its id must be the ' +
        "achievement's issuer), `evidence`, and in `credentialSubject`: `achievement` (its `id` selects one " +
        'of our published achievements; the definition supplies the rest), the recipient as `id` (a DID) or ' +
        'one plaintext `emailAddress` identifier (hashed here with a fresh salt), `name`, ' +
        '`activityStartDate`, `activityEndDate`, `narrative`. The platform sets `id`, dates, status and proof.',
    }),
    options: VcIssueOptionsSchema.optional(),
  })
  .openapi('VcIssueRequest');
export type VcIssueRequest = z.infer<typeof VcIssueRequestSchema>;

/** What the platform issues for a VC API request, and what must be checked once the issuer is known. */
export interface MappedIssueRequest {
  readonly input: IssueCredentialInput;
  /** The `issuer` (id) the request named, if any: it must be the achievement's issuer. */
  readonly issuer?: string;
  /** The key the request asked to sign with, if any: it must be the issuer's active key. */
  readonly assertionMethod?: string;
}

const TOP_LEVEL = new Set(['@context', 'type', 'issuer', 'credentialSubject', 'evidence']);
const SET_BY_PLATFORM = new Set([
  'id',
  'validFrom',
  'validUntil',
  'issuanceDate',
  'expirationDate',
  'credentialStatus',
  'credentialSchema',
  'proof',
]);
const SUBJECT_FIELDS = new Set([
  'id',
  'type',
  'identifier',
  'name',
  'achievement',
  'activityStartDate',
  'activityEndDate',
  'narrative',
]);
const EVIDENCE_FIELDS = new Set(['type', 'id', 'name', 'description', 'narrative']);
const CREDENTIAL_TYPES = new Set(['VerifiableCredential', 'OpenBadgeCredential', 'AchievementCredential']);
const DID = /^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function isUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
}

/**
 * Reads a W3C VC API issue request (VC API §Issue Credential) as an issuance of one of this platform's
 * achievements. The request is a template, not a document to sign as-is: the platform builds and signs
 * the credential from the achievement's definition, so every field it would not honour is refused with
 * a message saying what is supported, rather than silently dropped (ADVERSARIAL I1–I4, I8).
 */
export function mapVcIssueRequest(options: {
  readonly request: VcIssueRequest;
  readonly publicUrl: string;
}): MappedIssueRequest {
  const { credential } = options.request;
  const requestOptions = options.request.options ?? {};
  const errors: FieldError[] = [];
  const refuse = (path: string, message: string) => errors.push({ path, in: 'body', message });

  // VC 2.0 §4.3: the base context first; inline or unknown contexts could redefine terms we sign.
  const contexts = credential['@context'] === undefined ? [] : asArray(credential['@context']);
  if (credential['@context'] === undefined) refuse('credential.@context', 'is required');
  else if (contexts[0] !== CREDENTIALS_V2_CONTEXT)
    refuse('credential.@context', `must start with ${CREDENTIALS_V2_CONTEXT}`);
  contexts.forEach((context, index) => {
    if (index > 0 && (typeof context !== 'string' || !BUNDLED_CONTEXTS.has(context)))
      refuse(`credential.@context.${index}`, 'only the VC 2.0 and OB 3.0 context URLs are supported');
  });

  const types = credential.type === undefined ? [] : asArray(credential.type);
  if (!types.includes('VerifiableCredential') || !types.some((type) => type !== 'VerifiableCredential'))
    refuse('credential.type', 'must be ["VerifiableCredential", "OpenBadgeCredential"]');
  for (const type of types) {
    if (typeof type !== 'string' || !CREDENTIAL_TYPES.has(type))
      refuse(
        'credential.type',
        `${JSON.stringify(type)} is not supported: only OpenBadgeCredential is issued`,
      );
  }

  for (const key of Object.keys(credential)) {
    if (SET_BY_PLATFORM.has(key)) refuse(`credential.${key}`, 'is set by the platform: leave it out');
    else if (key === 'name')
      refuse('credential.name', "is the achievement's name, set by the platform: leave it out");
    else if (!TOP_LEVEL.has(key)) refuse(`credential.${key}`, 'is not supported');
  }

  let issuer: string | undefined;
  if (credential.issuer !== undefined) {
    const id = isRecord(credential.issuer) ? credential.issuer.id : credential.issuer;
    if (typeof id === 'string' && (DID.test(id) || isUrl(id))) issuer = id;
    else refuse('credential.issuer', 'must be a DID or URL, or an object with one as its id');
  }

  const evidence: NonNullable<IssueCredentialInput['evidence']> = [];
  if (credential.evidence !== undefined) {
    asArray(credential.evidence).forEach((item, index) => {
      const path = `credential.evidence.${index}`;
      if (!isRecord(item)) {
        refuse(path, 'must be an object');
        return;
      }
      if (!asArray(item.type).includes('Evidence')) refuse(`${path}.type`, 'must include "Evidence"');
      for (const key of Object.keys(item)) {
        if (!EVIDENCE_FIELDS.has(key)) refuse(`${path}.${key}`, 'is not supported');
      }
      if (item.id !== undefined && !(typeof item.id === 'string' && /^https?:\/\//.test(item.id)))
        refuse(`${path}.id`, 'must be an http(s) URL');
      const text = (key: 'name' | 'description' | 'narrative') => {
        const value = item[key];
        if (value === undefined) return {};
        if (typeof value !== 'string') {
          refuse(`${path}.${key}`, 'must be a string');
          return {};
        }
        return { [key]: value };
      };
      evidence.push({
        ...(typeof item.id === 'string' ? { url: item.id } : {}),
        ...text('name'),
        ...text('description'),
        ...text('narrative'),
      });
    });
  }

  const subject = credential.credentialSubject;
  let achievementId: string | undefined;
  const recipient: { email?: string; did?: string; name?: string } = {};
  const subjectFields: Pick<IssueCredentialInput, 'activityStartDate' | 'activityEndDate' | 'narrative'> = {};
  if (!isRecord(subject)) {
    refuse('credential.credentialSubject', 'must be one object (one recipient per request)');
  } else {
    for (const key of Object.keys(subject)) {
      if (!SUBJECT_FIELDS.has(key)) refuse(`credential.credentialSubject.${key}`, 'is not supported');
    }
    if (subject.type !== undefined && !asArray(subject.type).includes('AchievementSubject'))
      refuse('credential.credentialSubject.type', 'must include "AchievementSubject"');

    const reference = isRecord(subject.achievement) ? subject.achievement.id : subject.achievement;
    const prefix = `${options.publicUrl}/achievements/`;
    const candidate =
      typeof reference === 'string' && reference.startsWith(prefix) ? reference.slice(prefix.length) : '';
    if (UUID.test(candidate)) achievementId = candidate;
    else
      refuse(
        'credential.credentialSubject.achievement',
        `must be (or have as id) the URL of one of this platform's achievements: ${prefix}{id}`,
      );

    if (subject.id !== undefined) {
      if (typeof subject.id === 'string' && DID.test(subject.id)) recipient.did = subject.id;
      else refuse('credential.credentialSubject.id', 'must be a DID; give an email address as an identifier');
    }
    if (subject.identifier !== undefined) {
      const identifiers = asArray(subject.identifier);
      const [identity] = identifiers;
      if (identifiers.length !== 1 || !isRecord(identity) || identity.identityType !== 'emailAddress') {
        refuse(
          'credential.credentialSubject.identifier',
          'must be one IdentityObject of identityType emailAddress',
        );
      } else if (
        identity.hashed !== false ||
        typeof identity.identityHash !== 'string' ||
        'salt' in identity
      ) {
        // The platform must know the address to hash it with a fresh salt and to find it later (I8).
        refuse(
          'credential.credentialSubject.identifier.0',
          'send the plaintext address as identityHash with "hashed": false and no salt: it is hashed here with a fresh salt',
        );
      } else {
        recipient.email = identity.identityHash;
      }
    }
    if (subject.id === undefined && subject.identifier === undefined)
      refuse(
        'credential.credentialSubject',
        'needs the recipient: an id (DID) or an emailAddress identifier',
      );
    if (subject.id !== undefined && subject.identifier !== undefined)
      refuse('credential.credentialSubject', 'give the recipient as an id or an identifier, not both');
    for (const key of ['name', 'activityStartDate', 'activityEndDate', 'narrative'] as const) {
      const value = subject[key];
      if (value === undefined) continue;
      if (typeof value !== 'string') refuse(`credential.credentialSubject.${key}`, 'must be a string');
      else if (key === 'name') recipient.name = value;
      else subjectFields[key] = value;
    }
  }

  if (errors.length > 0 || achievementId === undefined) {
    throw new MicrocredError(ErrorCode.VALIDATION_ERROR, 'this credential cannot be issued as requested', {
      details: { errors },
    });
  }
  return {
    input: {
      achievementId,
      recipient,
      ...(evidence.length === 0 ? {} : { evidence }),
      ...subjectFields,
      ...(requestOptions.idempotencyKey === undefined
        ? {}
        : { idempotencyKey: requestOptions.idempotencyKey }),
    },
    ...(issuer === undefined ? {} : { issuer }),
    ...(requestOptions.assertionMethod === undefined
      ? {}
      : { assertionMethod: requestOptions.assertionMethod }),
  };
}

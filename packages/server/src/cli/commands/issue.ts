import { randomBytes, randomUUID } from 'node:crypto';
import {
  type Achievement,
  AchievementSchema,
  addDataIntegrityProof,
  buildAchievementCredential,
  buildProfile,
  hashIdentity,
  type RecipientInput,
  type SigningKey,
  signCredentialJwt,
  signingKeyFromMultikey,
  validateAchievementCredentialSchema,
} from '@microcred/vc';
import { readJsonFile, UsageError } from '../cli-io.js';

export interface IssueCommandOptions {
  readonly key: string;
  readonly achievement: string;
  readonly recipient: string;
  readonly recipientName?: string;
  readonly issuerName?: string;
  readonly format?: string;
  readonly statusListUrl?: string;
  readonly statusIndex?: string;
  readonly validUntil?: Date;
  readonly now?: Date;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FORMATS = ['di', 'jcs', 'jwt'] as const;

function loadKey(path: string): SigningKey {
  const document = readJsonFile(path);
  try {
    return signingKeyFromMultikey({
      id: String(document.id),
      type: 'Multikey',
      controller: String(document.controller),
      publicKeyMultibase: String(document.publicKeyMultibase),
      ...(typeof document.secretKeyMultibase === 'string'
        ? { secretKeyMultibase: document.secretKeyMultibase }
        : {}),
    });
  } catch (cause) {
    throw new UsageError(
      `${path} is not a Multikey key file with a secretKeyMultibase: ${(cause as Error).message}`,
    );
  }
}

function loadAchievement(path: string): Achievement {
  const parsed = AchievementSchema.safeParse(readJsonFile(path));
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '/'}: ${issue.message}`);
    throw new UsageError(`${path} is not an OB 3.0 Achievement: ${problems.join('; ')}`);
  }
  // OB 3.0 §serialization: issuers emit `type` as an array even where the compacted form is allowed.
  const type = parsed.data.type;
  return { ...parsed.data, type: Array.isArray(type) ? type : [type] } as Achievement;
}

function recipientOf(value: string, name: string | undefined): RecipientInput {
  const named = name === undefined ? {} : { name };
  if (EMAIL.test(value)) {
    // The email never appears in the credential: only its salted SHA-256 (OB 3.0 IdentityObject).
    return {
      identifier: [hashIdentity({ identity: value, salt: randomBytes(16).toString('hex') })],
      ...named,
    };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return { id: value, ...named };
  throw new UsageError(`--recipient must be an email address or a DID/URI, got "${value}"`);
}

/** `microcred issue`: builds an OB 3.0 credential for the achievement and signs it with the key's did:key. */
export async function issueCredential(
  options: IssueCommandOptions,
  stdout: (text: string) => void,
): Promise<void> {
  const format = options.format ?? 'di';
  if (!FORMATS.includes(format as (typeof FORMATS)[number]))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  if ((options.statusListUrl === undefined) !== (options.statusIndex === undefined)) {
    throw new UsageError('--status-list-url and --status-index go together');
  }
  const statusIndex = options.statusIndex === undefined ? undefined : Number(options.statusIndex);
  if (statusIndex !== undefined && (!Number.isSafeInteger(statusIndex) || statusIndex < 0)) {
    throw new UsageError('--status-index must be a non-negative integer');
  }
  const key = loadKey(options.key);
  const achievement = loadAchievement(options.achievement);
  const now = options.now ?? new Date();
  const credential = buildAchievementCredential({
    id: `urn:uuid:${randomUUID()}`,
    issuer: buildProfile({ id: key.controller, name: options.issuerName ?? 'microcred issuer' }),
    achievement,
    recipient: recipientOf(options.recipient, options.recipientName),
    validFrom: now,
    ...(options.validUntil === undefined ? {} : { validUntil: options.validUntil }),
    name: achievement.name,
    ...(options.statusListUrl === undefined || statusIndex === undefined
      ? {}
      : {
          credentialStatus: {
            type: 'BitstringStatusListEntry',
            statusPurpose: 'revocation',
            statusListIndex: statusIndex,
            statusListCredential: options.statusListUrl,
          },
        }),
  }) as unknown as Record<string, unknown>;

  // Never emit a credential that the standard's own schema would reject.
  const conformance = validateAchievementCredentialSchema(credential);
  if (!conformance.valid) {
    const problems = conformance.errors.slice(0, 5).map((error) => `${error.path || '/'} ${error.message}`);
    throw new UsageError(
      `the credential would not conform to the OB 3.0 JSON Schema: ${problems.join('; ')}`,
    );
  }
  if (format === 'jwt') {
    stdout(`${await signCredentialJwt({ alg: 'EdDSA', key, credential })}\n`);
    return;
  }
  const signed = await addDataIntegrityProof({
    document: credential,
    key,
    created: now,
    cryptosuite: format === 'jcs' ? 'eddsa-jcs-2022' : 'eddsa-rdfc-2022',
  });
  stdout(`${JSON.stringify(signed, null, 2)}\n`);
}

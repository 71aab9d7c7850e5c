import { createHash } from 'node:crypto';

/** The identity types OB 2.0 names as aliases in its context (OB 2.0 §IdentityObject). */
export const OB2_RECIPIENT_TYPES: readonly string[] = ['email', 'url', 'telephone'];

const HASHED = /^(sha256\$[0-9a-fA-F]{64}|md5\$[0-9a-fA-F]{32})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// E.164, as OB 2.0 asks for `telephone` identities.
const TELEPHONE = /^\+[1-9][0-9]{1,14}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Why an assertion's `recipient` (an IdentityObject) is malformed, or undefined when it is well formed: a
 * known type, a boolean `hashed`, a `sha256$`/`md5$` hex digest when hashed, and a plain identity of the
 * type's form otherwise. A verifier can only ever match a recipient whose form it understood.
 */
export function recipientIdentityProblem(recipient: unknown): string | undefined {
  if (!isRecord(recipient)) return 'the assertion has no recipient identity object';
  const { type, identity, hashed, salt } = recipient;
  if (typeof type !== 'string' || !OB2_RECIPIENT_TYPES.includes(type))
    return `recipient.type must be one of ${OB2_RECIPIENT_TYPES.join(', ')}`;
  if (typeof identity !== 'string' || identity === '') return 'recipient.identity must be a non-empty string';
  if (typeof hashed !== 'boolean') return 'recipient.hashed must be true or false';
  if (salt !== undefined && typeof salt !== 'string') return 'recipient.salt must be a string';
  if (hashed) {
    return HASHED.test(identity)
      ? undefined
      : 'a hashed recipient.identity must be sha256$ or md5$ and a hex digest';
  }
  if (type === 'email' && !EMAIL.test(identity)) return 'recipient.identity is not an email address';
  if (type === 'url' && !isHttpUrl(identity)) return 'recipient.identity is not an http(s) URL';
  if (type === 'telephone' && !TELEPHONE.test(identity))
    return 'recipient.identity is not a telephone number in E.164 form';
  return undefined;
}

function candidatesOf(type: string, identity: string): readonly string[] {
  const trimmed = identity.trim();
  // Issuers differ on whether they lowercase an email before hashing it; both spellings name one person.
  return type === 'email' ? [...new Set([trimmed, trimmed.toLowerCase()])] : [trimmed];
}

/**
 * Whether an OB 2.0 assertion was issued to `identity` (an email, URL or telephone number, of the
 * recipient's type): equal to a plain identity, or hashing with the recipient's salt to its
 * `sha256$`/`md5$` digest (OB 2.0 §IdentityObject, §Hashed identities). A malformed recipient matches nobody.
 */
export function recipientMatches(assertion: Readonly<Record<string, unknown>>, identity: string): boolean {
  const recipient = assertion.recipient;
  if (recipientIdentityProblem(recipient) !== undefined || !isRecord(recipient)) return false;
  const type = recipient.type as string;
  const given = recipient.identity as string;
  const candidates = candidatesOf(type, identity);
  if (recipient.hashed !== true) {
    const plain = type === 'email' ? given.trim().toLowerCase() : given.trim();
    return candidates.some((candidate) => (type === 'email' ? candidate.toLowerCase() : candidate) === plain);
  }
  const [algorithm, digest] = given.split('$') as [string, string];
  const salt = typeof recipient.salt === 'string' ? recipient.salt : '';
  return candidates.some(
    (candidate) =>
      createHash(algorithm)
        .update(candidate + salt, 'utf8')
        .digest('hex') === digest.toLowerCase(),
  );
}

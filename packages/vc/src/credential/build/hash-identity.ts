import { createHash, timingSafeEqual } from 'node:crypto';
import { ErrorCode, MicrocredError } from '../../error/index.js';
import type { IdentifierType, IdentityObject } from '../model/index.js';

export interface HashIdentityOptions {
  /** The plain identifier, e.g. the recipient's email address. */
  readonly identity: string;
  /**
   * Random, per-recipient salt from the caller's randomness source. Required: an unsalted email
   * hash is reversed by hashing a list of addresses.
   */
  readonly salt: string;
  readonly identityType?: IdentifierType;
}

/**
 * A hashed OB 3.0 IdentityObject: `identityHash = 'sha256$' + hex(sha256(utf8(identity + salt)))`
 * (OB 3.0 IdentityHash). Email addresses are trimmed and lower-cased first, because whoever later
 * checks the hash holds the address in whatever case the learner typed it, and mailbox providers
 * treat addresses case-insensitively in practice; {@link matchesIdentity} applies the same rule.
 */
export function hashIdentity({
  identity,
  salt,
  identityType = 'emailAddress',
}: HashIdentityOptions): IdentityObject {
  if (salt === '') {
    throw new MicrocredError(ErrorCode.VALIDATION_ERROR, 'a salt is required to hash an identity', {
      details: { field: 'salt' },
    });
  }
  const normalized = normalizeIdentity(identity, identityType);
  if (normalized === '') {
    throw new MicrocredError(ErrorCode.VALIDATION_ERROR, 'the identity to hash is empty', {
      details: { field: 'identity' },
    });
  }
  return {
    type: 'IdentityObject',
    hashed: true,
    identityHash: `sha256$${hashHex('sha256', normalized + salt)}`,
    identityType,
    salt,
  };
}

export interface MatchesIdentityOptions {
  readonly identityObject: IdentityObject;
  /** The plain identifier to test, e.g. an email address the learner claims. */
  readonly identity: string;
}

/**
 * Whether `identity` is the one an IdentityObject stands for: plain or `sha256$` / `md5$` hashed
 * (OB 3.0 IdentityHash; hex in either case), with the normalization {@link hashIdentity} uses.
 */
export function matchesIdentity({ identityObject, identity }: MatchesIdentityOptions): boolean {
  // Other issuers may have hashed the address as typed, so the raw form is tried as well.
  const candidates = new Set([identity, normalizeIdentity(identity, identityObject.identityType)]);
  if (!identityObject.hashed) {
    const plain = identityObject.identityHash;
    return candidates.has(plain) || candidates.has(normalizeIdentity(plain, identityObject.identityType));
  }
  const match = /^(sha256|md5)\$([0-9a-fA-F]+)$/.exec(identityObject.identityHash);
  const algorithm = match?.[1];
  const hex = match?.[2];
  if (algorithm === undefined || hex === undefined) {
    return false;
  }
  const expected = Buffer.from(hex.toLowerCase(), 'utf8');
  return [...candidates].some((candidate) => {
    const actual = Buffer.from(hashHex(algorithm, candidate + (identityObject.salt ?? '')), 'utf8');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  });
}

function normalizeIdentity(identity: string, identityType: IdentifierType): string {
  return identityType === 'emailAddress' ? identity.trim().toLowerCase() : identity;
}

function hashHex(algorithm: string, value: string): string {
  return createHash(algorithm).update(value, 'utf8').digest('hex');
}

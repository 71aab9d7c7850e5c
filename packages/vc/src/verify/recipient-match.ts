import { matchesIdentity } from '../credential/build/hash-identity.js';
import type { IdentityObject } from '../credential/model/index.js';
import { isRecord } from '../json/index.js';
import { asArray } from './checks/as-array.js';
import { CheckId, type VerificationCheck } from './verification-report.js';

/**
 * Whether a credential names a given person as its recipient: `match`, `mismatch`, or `unstated` when it
 * names nobody by email (no `emailAddress` identifier, no `mailto:` id, no `email`), which proves nothing
 * either way.
 */
export type RecipientMatch = 'match' | 'mismatch' | 'unstated';

/** OB 3.0 §B.1.1: an email address is compared trimmed and lower-cased. */
export function normalizeRecipientEmail(email: string): string {
  return email.trim().toLowerCase();
}

// An IdentityObject as an untrusted credential carries it: only what the comparison needs, checked here,
// since a report may be about a credential that failed its schema.
function identityObjectOf(value: unknown): IdentityObject | null {
  if (!isRecord(value) || typeof value.identityHash !== 'string' || value.identityHash === '') return null;
  if (value.identityType !== 'emailAddress') return null;
  if (value.hashed !== undefined && typeof value.hashed !== 'boolean') return null;
  if (value.salt !== undefined && typeof value.salt !== 'string') return null;
  return {
    type: 'IdentityObject',
    // OB 3.0 requires `hashed`; one that leaves it out but carries a `sha256$` value is read as hashed.
    hashed: value.hashed ?? /^(?:sha256|md5)\$/.test(value.identityHash),
    identityHash: value.identityHash,
    identityType: 'emailAddress',
    ...(typeof value.salt === 'string' ? { salt: value.salt } : {}),
  };
}

/**
 * Does an OB 3.0 credential say it was issued to `email`? Reads each `credentialSubject`'s `identifier`
 * (IdentityObjects of type `emailAddress`: `sha256$`/`md5$` hashes with their salt, compared in constant
 * time by `matchesIdentity`, or plain), a `mailto:` subject id and a plain `email`. Any match wins: a
 * subject may list several addresses.
 */
export function matchRecipient(credential: Readonly<Record<string, unknown>>, email: string): RecipientMatch {
  const wanted = normalizeRecipientEmail(email);
  if (wanted === '') return 'unstated';
  let stated = false;
  for (const subject of asArray(credential.credentialSubject).filter(isRecord)) {
    for (const entry of asArray(subject.identifier)) {
      const identityObject = identityObjectOf(entry);
      if (identityObject === null) continue;
      stated = true;
      if (matchesIdentity({ identityObject, identity: wanted })) return 'match';
    }
    const plain: unknown[] = [subject.email];
    if (typeof subject.id === 'string' && /^mailto:/i.test(subject.id)) plain.push(subject.id.slice(7));
    for (const address of plain) {
      if (typeof address !== 'string' || address.trim() === '') continue;
      stated = true;
      if (normalizeRecipientEmail(address) === wanted) return 'match';
    }
  }
  return stated ? 'mismatch' : 'unstated';
}

/**
 * The `recipient` check for an outcome. A mismatch fails (the credential is genuine, but not this
 * person's); a credential that names nobody passes with a warning, since it cannot answer either way.
 */
export function recipientCheckOf(outcome: RecipientMatch): VerificationCheck {
  switch (outcome) {
    case 'match':
      return { id: CheckId.RECIPIENT, ok: true, message: 'issued to that address' };
    case 'mismatch':
      return { id: CheckId.RECIPIENT, ok: false, message: 'not issued to that address' };
    case 'unstated':
      return {
        id: CheckId.RECIPIENT,
        ok: true,
        warning: true,
        message: 'the credential does not say who it was issued to',
      };
  }
}

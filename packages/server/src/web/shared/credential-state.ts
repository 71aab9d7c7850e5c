import type { CredentialRecord } from '../../domain/ports/index.js';
import type { Translator } from '../../i18n/translate.js';

export type CredentialState = 'revoked' | 'suspended' | 'expired';

/** What a credential no longer in force says of itself: one word for a stamp, and when and why. */
export interface CredentialStateWords {
  readonly state: CredentialState;
  readonly stamp: string;
  readonly detail: string;
}

/**
 * The state of one of this platform's credentials from its own record, the authority on it (the page
 * also shows the verification, which reads the published status list). Null while it is in force.
 */
export function credentialStateWords(
  t: Translator,
  record: Pick<
    CredentialRecord,
    'revokedAt' | 'revocationReason' | 'suspendedAt' | 'suspensionReason' | 'validUntil'
  >,
  now: Date,
): CredentialStateWords | null {
  const because = (reason: string | null) => (reason === null || reason.trim() === '' ? '' : reason.trim());
  if (record.revokedAt !== null) {
    const reason = because(record.revocationReason);
    return {
      state: 'revoked',
      stamp: t('state.revoked.stamp'),
      detail:
        reason === ''
          ? t('state.revoked.on', { date: t.date(record.revokedAt) })
          : t('state.revoked.onBecause', { date: t.date(record.revokedAt), reason }),
    };
  }
  if (record.suspendedAt !== null) {
    const reason = because(record.suspensionReason);
    return {
      state: 'suspended',
      stamp: t('state.suspended.stamp'),
      detail:
        reason === ''
          ? t('state.suspended.on', { date: t.date(record.suspendedAt) })
          : t('state.suspended.onBecause', { date: t.date(record.suspendedAt), reason }),
    };
  }
  if (record.validUntil !== null && record.validUntil <= now) {
    return {
      state: 'expired',
      stamp: t('state.expired.stamp'),
      detail: t('state.expired.on', { date: t.date(record.validUntil) }),
    };
  }
  return null;
}

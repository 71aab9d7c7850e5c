/**
 * The kinds of notification mail an earner can receive, each unsubscribable on its own. `outcome-survey`
 * doubles as the earner's consent to the career outcomes survey (see domain/outcomes).
 */
export const NOTIFICATION_KINDS = [
  'pathway-award',
  'expiry',
  'pathway-progress',
  'new-achievement',
  'outcome-survey',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What an earner receives until they choose: news about what they hold is on, suggestions are off. */
export const NOTIFICATION_DEFAULTS: Readonly<Record<NotificationKind, boolean>> = {
  'pathway-award': true,
  expiry: true,
  'pathway-progress': true,
  'new-achievement': false,
  // Consent to the outcomes survey is opt-in: nobody is asked about their career unless they said yes.
  'outcome-survey': false,
};

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** A credential about to expire, with the earner account that holds it (by a verified address). */
export interface ExpiringCredential {
  readonly credentialId: string;
  readonly validUntil: Date;
  readonly achievementId: string;
  readonly achievementName: string;
  readonly renewalUrl: string | null;
  readonly issuerName: string;
  readonly earnerId: string;
  readonly email: string;
  readonly locale: string;
}

/** An earner account following a pathway, at its oldest verified address. */
export interface PathwayFollower {
  readonly pathwayId: string;
  readonly earnerId: string;
  readonly email: string;
  readonly locale: string;
}

/** Earners' notification choices, and the look-ups that find whom to notify. */
export interface NotificationRepository {
  /** Only the kinds the earner chose explicitly; the others follow `NOTIFICATION_DEFAULTS`. */
  preferences(options: { readonly earnerId: string }): Promise<Partial<Record<NotificationKind, boolean>>>;
  setPreference(options: {
    readonly earnerId: string;
    readonly kind: NotificationKind;
    readonly enabled: boolean;
    readonly at: Date;
  }): Promise<void>;
  /**
   * Credentials neither revoked nor suspended whose `validUntil` is in `(from, to]`, one row per earner
   * account that verified the recipient's address, soonest first.
   */
  expiringBetween(options: {
    readonly from: Date;
    readonly to: Date;
    readonly limit: number;
    /** The last row of the previous page (keyset pagination). */
    readonly after?: Pick<ExpiringCredential, 'validUntil' | 'credentialId' | 'earnerId'>;
  }): Promise<ExpiringCredential[]>;
  /** The followers of these pathways that have a verified address (accounts without one cannot be mailed). */
  followersOf(options: { readonly pathwayIds: readonly string[] }): Promise<PathwayFollower[]>;
}

import { DEFAULT_LOCALE } from '../../i18n/translate.js';
import { eventOfCredential } from '../events/record-events.js';
import { normalizeEmail } from '../identity/normalize-email.js';
import type { PlatformContext } from '../platform-context.js';
import type { Achievement, CredentialRecord, Issuer, Repositories } from '../ports/index.js';
import { claimMail } from './earner-mails.js';
import { hashSecret, LINK_LIFETIMES_MS, newSecret } from './email-links.js';

export interface Invitation {
  readonly credential: CredentialRecord;
  /** The address the issuer gave; it lives only in the mail and the link, never on the credential. */
  readonly email: string;
}

/**
 * Writes, in the issuing transaction, a claim link and its mail for each new credential sent to an email
 * address. The mail goes out after the commit (the outbox worker), so a rolled-back issuance mails nobody;
 * its `credential.claim_mail_sent` event is recorded as it leaves.
 */
export async function inviteRecipients(
  repositories: Repositories,
  context: Pick<PlatformContext, 'publicUrl' | 'now'>,
  options: {
    readonly achievement: Pick<Achievement, 'name' | 'language'>;
    readonly issuer: Pick<Issuer, 'name' | 'brandColor'>;
    readonly invitations: readonly Invitation[];
  },
): Promise<void> {
  if (options.invitations.length === 0) return;
  const now = context.now();
  const expiresAt = new Date(now.getTime() + LINK_LIFETIMES_MS.claim);
  // The achievement's language is the best guess of the recipient's until they choose one.
  const locale = options.achievement.language?.split('-')[0] ?? DEFAULT_LOCALE;
  const links = options.invitations.map((invitation) => ({ invitation, secret: newSecret() }));
  await repositories.emailTokens.create(
    links.map(({ invitation, secret }) => ({
      tokenHash: hashSecret(secret),
      purpose: 'claim' as const,
      email: normalizeEmail(invitation.email),
      earnerId: null,
      credentialId: invitation.credential.id,
      createdAt: now,
      expiresAt,
    })),
  );
  await repositories.mailOutbox.enqueue(
    links.map(({ invitation, secret }) => {
      const { at: _unknownUntilSent, ...announces } = eventOfCredential(
        invitation.credential,
        'credential.claim_mail_sent',
        now,
      );
      return {
        ...claimMail({
          to: invitation.email,
          locale,
          achievementName: options.achievement.name,
          issuerName: options.issuer.name,
          brandColor: options.issuer.brandColor,
          link: `${context.publicUrl}/claim/${secret}`,
        }),
        announces,
      };
    }),
  );
}

import type { Earner } from '../pathway/earner-identity.js';
import type { PlatformContext } from '../platform-context.js';
import type { CredentialRecord, Repositories } from '../ports/index.js';
import { notifyEarner, recipientOf } from './notify-earner.js';

/**
 * Tells the earner of each stacked credential a pathway just awarded, in the transaction that issues it:
 * the mail exists exactly when the credential does.
 */
export async function notifyPathwayAwards(
  repositories: Repositories,
  context: Pick<PlatformContext, 'publicUrl' | 'recipientPepper'>,
  options: {
    readonly pathwayName: string;
    readonly earner: Earner;
    readonly issued: readonly CredentialRecord[];
  },
): Promise<void> {
  if (options.issued.length === 0) return;
  const recipient = await recipientOf(repositories, options.earner);
  if (recipient === null) return;
  for (const record of options.issued) {
    const achievement = await repositories.achievements.findById({ id: record.achievementId });
    const issuer = await repositories.issuers.findById({ id: record.issuerId });
    if (achievement === null || issuer === null) continue;
    await notifyEarner(repositories, context, {
      recipient,
      kind: 'pathway-award',
      event: record.id,
      content: () => ({
        subject: 'notify.pathwayAward.subject',
        body: 'notify.pathwayAward.body',
        action: 'notify.pathwayAward.action',
        params: { achievement: achievement.name, issuer: issuer.name, pathway: options.pathwayName },
        link: `${context.publicUrl}/account/credentials/${record.id}`,
        brandColor: issuer.brandColor,
      }),
    });
  }
}

import type { EarnerAssessment } from '../pathway/assess-earner.js';
import type { PlatformContext } from '../platform-context.js';
import type { Repositories } from '../ports/index.js';
import { notifyEarner, recipientOf } from './notify-earner.js';

/**
 * Tells an earner their progress on a pathway moved: "one credential away" once a single credential would
 * complete it, otherwise the share of the way done. Each state (pathway version, percent or one-away) is
 * mailed once, so re-evaluating the pathway, or going back and forth, mails no one twice.
 */
export async function notifyPathwayProgress(
  repositories: Repositories,
  context: Pick<PlatformContext, 'publicUrl' | 'recipientPepper'>,
  assessment: EarnerAssessment,
): Promise<void> {
  const { progress, pathway, version } = assessment;
  if (progress.met || progress.percent <= 0) return;
  const recipient = await recipientOf(repositories, assessment.earner);
  if (recipient === null) return;
  const completing = progress.root.completingAchievementIds;
  const link = `${context.publicUrl}/account/pathways/${pathway.pathway.id}`;
  if (completing.length > 0) {
    const names: string[] = [];
    for (const id of completing.slice(0, 5)) {
      const achievement = await repositories.achievements.findById({ id });
      if (achievement !== null) names.push(achievement.name);
    }
    await notifyEarner(repositories, context, {
      recipient,
      kind: 'pathway-progress',
      event: `${pathway.pathway.id}:v${version.version}:one-away`,
      content: () => ({
        subject: 'notify.progress.oneAway.subject',
        body: 'notify.progress.oneAway.body',
        action: 'notify.progress.action',
        params: { pathway: pathway.pathway.name, options: names.join(', ') },
        link,
      }),
    });
    return;
  }
  await notifyEarner(repositories, context, {
    recipient,
    kind: 'pathway-progress',
    event: `${pathway.pathway.id}:v${version.version}:${progress.percent}`,
    content: () => ({
      subject: 'notify.progress.step.subject',
      body: 'notify.progress.step.body',
      action: 'notify.progress.action',
      params: { pathway: pathway.pathway.name, percent: progress.percent },
      link,
    }),
  });
}

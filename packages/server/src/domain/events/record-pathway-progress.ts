import { createHmac } from 'node:crypto';
import type { EarnerAssessment } from '../pathway/assess-earner.js';
import type { PlatformContext } from '../platform-context.js';

/**
 * Records `pathway.progressed` when an earner's share of a pathway reaches a new value (once per pathway
 * version, earner and percent, whatever the re-evaluations). The earner appears only in the de-duplication
 * key, as an HMAC under the platform's pepper: the event itself names no one.
 */
export async function recordPathwayProgress(
  context: Pick<PlatformContext, 'storage' | 'recipientPepper' | 'now'>,
  assessment: EarnerAssessment,
): Promise<boolean> {
  const { progress, pathway, version } = assessment;
  if (progress.percent <= 0) return false;
  const earner = createHmac('sha256', context.recipientPepper)
    .update(`events/pathway-earner/${assessment.earner}`)
    .digest('base64url')
    .slice(0, 22);
  const pathwayId = pathway.pathway.id;
  const stored = await context.storage.events.append([
    {
      type: 'pathway.progressed',
      issuerId: pathway.pathway.issuerId,
      data: {
        pathwayId,
        version: version.version,
        percent: progress.percent,
        met: progress.met,
        oneAway: !progress.met && progress.root.completingAchievementIds.length > 0,
      },
      dedupeKey: `progress:${pathwayId}:v${version.version}:${earner}:${progress.percent}`,
      at: context.now(),
    },
  ]);
  return stored > 0;
}

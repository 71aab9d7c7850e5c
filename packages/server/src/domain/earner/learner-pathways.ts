import { ServerError, ServerErrorCode } from '../error/server-error.js';
import { assessEarner, type EarnerAssessment } from '../pathway/assess-earner.js';
import { getPathway } from '../pathway/manage-pathways.js';
import type { PlatformContext } from '../platform-context.js';
import type { PathwayWithVersion } from '../ports/index.js';

export interface LearnerPathway {
  readonly pathway: PathwayWithVersion;
  readonly assessment: EarnerAssessment;
  readonly followed: boolean;
}

// Pathways track one recipient identity each; an account with several addresses is shown the address
// that has come furthest on each pathway.
async function bestAssessment(
  context: PlatformContext,
  pathway: PathwayWithVersion,
  lookupHashes: readonly string[],
): Promise<EarnerAssessment | null> {
  let best: EarnerAssessment | null = null;
  for (const earner of lookupHashes) {
    const assessment = await assessEarner(context.storage, { pathway, earner, now: context.now() });
    if (best === null || assessment.progress.percent > best.progress.percent) best = assessment;
  }
  return best;
}

async function verifiedHashes(context: PlatformContext, earnerId: string): Promise<string[]> {
  const emails = await context.storage.earnerEmails.list({ earnerId });
  return emails.filter((email) => email.verifiedAt !== null).map((email) => email.lookupHash);
}

/** The pathways an earner follows or has made progress on, with their progress. */
export async function listLearnerPathways(
  context: PlatformContext,
  earnerId: string,
): Promise<LearnerPathway[]> {
  const [hashes, follows, published] = await Promise.all([
    verifiedHashes(context, earnerId),
    context.storage.pathwayFollows.list({ earnerId }),
    context.storage.pathways.list({ status: 'published', limit: 200 }),
  ]);
  const followed = new Set(follows);
  const result: LearnerPathway[] = [];
  for (const pathway of published) {
    const assessment = await bestAssessment(context, pathway, hashes);
    if (assessment === null) continue;
    const isFollowed = followed.has(pathway.pathway.id);
    if (isFollowed || assessment.progress.percent > 0 || assessment.enrollment !== null) {
      result.push({ pathway, assessment, followed: isFollowed });
    }
  }
  return result;
}

/** Published pathways an earner could follow (all of them; the page marks those already followed). */
export async function listFollowablePathways(context: PlatformContext): Promise<PathwayWithVersion[]> {
  return context.storage.pathways.list({ status: 'published', limit: 200 });
}

/** One pathway as its learner sees it. */
export async function viewLearnerPathway(
  context: PlatformContext,
  earnerId: string,
  pathwayId: string,
): Promise<LearnerPathway> {
  const pathway = await getPathway(context, null, pathwayId);
  const hashes = await verifiedHashes(context, earnerId);
  const assessment = await bestAssessment(context, pathway, hashes);
  if (assessment === null)
    throw new ServerError(ServerErrorCode.NOT_FOUND, 'this account has no confirmed address');
  const follows = await context.storage.pathwayFollows.list({ earnerId });
  return { pathway, assessment, followed: follows.includes(pathwayId) };
}

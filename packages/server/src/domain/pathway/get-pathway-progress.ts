import type { Actor } from '../auth/actor.js';
import type { PlatformContext } from '../platform-context.js';
import type { PathwayAward, PathwayWithVersion } from '../ports/index.js';
import { assessEarner } from './assess-earner.js';
import { earnerFromRecipient } from './earner-identity.js';
import type { PathwayProgress } from './engine/evaluate-pathway.js';
import { getPathway } from './manage-pathways.js';

export interface EarnerPathwayProgress {
  readonly pathway: PathwayWithVersion;
  /** The version the earner is held to now (the versioning rule). */
  readonly version: number;
  /** The version recorded when the earner started, and when; null until they have. */
  readonly startedVersion: number | null;
  readonly startedAt: Date | null;
  readonly progress: PathwayProgress;
  readonly awards: readonly PathwayAward[];
}

/**
 * An earner's progress on a pathway (viewer role), by email or DID: per node, what is met, what is
 * missing and what would complete it, on the version the earner is held to, with the stacked
 * credentials awarded so far. Reads only.
 */
export async function getPathwayProgress(
  context: PlatformContext,
  actor: Actor,
  pathwayId: string,
  query: { readonly recipient: string },
): Promise<EarnerPathwayProgress> {
  const pathway = await getPathway(context, actor, pathwayId);
  const earner = earnerFromRecipient(context, query.recipient);
  const assessment = await assessEarner(context.storage, { pathway, earner, now: context.now() });
  return {
    pathway,
    version: assessment.version.version,
    startedVersion: assessment.enrollment?.version ?? null,
    startedAt: assessment.enrollment?.startedAt ?? null,
    progress: assessment.progress,
    awards: assessment.awards,
  };
}

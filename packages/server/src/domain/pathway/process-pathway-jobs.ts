import type { IssueDependencies } from '../credential/issue-credential.js';
import type { PlatformContext } from '../platform-context.js';
import type { QueuedJob } from '../ports/index.js';
import { type Earner, earnerOf } from './earner-identity.js';
import { CREDENTIALS_CHANGED_JOB } from './queue-credential-changes.js';
import { settlePathwayAwards } from './settle-pathway-awards.js';

/** The job that re-evaluates every earner of a pathway (after it is published or gets a new version). */
export const PATHWAY_CHANGED_JOB = 'pathway.changed';

export const PATHWAY_JOB_KINDS = [CREDENTIALS_CHANGED_JOB, PATHWAY_CHANGED_JOB] as const;

export interface PathwayJobOptions {
  readonly workerId: string;
  readonly limit?: number;
  readonly leaseMs?: number;
  /** Only these jobs (the ones a request queued, run right after its commit). */
  readonly ids?: readonly string[];
  /** Aborted when the worker is told to stop: the job in progress finishes, the others are released. */
  readonly signal?: AbortSignal;
}

export interface ProcessedPathwayJobs {
  /** Jobs taken (done or failed). */
  readonly handled: number;
  /** Jobs the handled ones queued (for stacked credentials they issued or revoked). */
  readonly queuedJobIds: readonly string[];
}

const PAGE = 500;

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Each (pathway, earner) pair the changed credentials touch. */
async function pairsForCredentials(context: PlatformContext, credentialIds: readonly string[]) {
  const pairs = new Map<string, { pathwayId: string; earner: Earner }>();
  const referencing = new Map<string, string[]>();
  for (const id of credentialIds) {
    const record = await context.storage.credentials.findById({ id });
    const earner = record === null ? null : earnerOf(record);
    if (record === null || earner === null) continue;
    let pathwayIds = referencing.get(record.achievementId);
    if (pathwayIds === undefined) {
      pathwayIds = await context.storage.pathways.findReferencing({ achievementIds: [record.achievementId] });
      referencing.set(record.achievementId, pathwayIds);
    }
    for (const pathwayId of pathwayIds) pairs.set(`${pathwayId} ${earner}`, { pathwayId, earner });
  }
  return [...pairs.values()];
}

/** Every earner holding a credential for an achievement any version of the pathway requires. */
async function pairsForPathway(context: PlatformContext, pathwayId: string) {
  const found = await context.storage.pathways.findById({ id: pathwayId });
  if (found === null) return [];
  const achievementIds = new Set<string>();
  for (let version = 1; version <= found.pathway.currentVersion; version += 1) {
    const stored = await context.storage.pathways.findVersion({ pathwayId, version });
    for (const id of stored?.requiredAchievementIds ?? []) achievementIds.add(id);
  }
  const earners = new Set<Earner>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await context.storage.credentials.list({
      achievementIds: [...achievementIds],
      limit: PAGE,
      offset,
    });
    for (const record of page) {
      const earner = earnerOf(record);
      if (earner !== null) earners.add(earner);
    }
    if (page.length < PAGE) break;
  }
  return [...earners].map((earner) => ({ pathwayId, earner }));
}

async function runJob(
  context: PlatformContext,
  dependencies: IssueDependencies,
  job: QueuedJob,
): Promise<string[]> {
  const pairs =
    job.kind === CREDENTIALS_CHANGED_JOB
      ? await pairsForCredentials(context, stringList(job.payload.credentialIds))
      : typeof job.payload.pathwayId === 'string'
        ? await pairsForPathway(context, job.payload.pathwayId)
        : [];
  const queued: string[] = [];
  for (const pair of pairs) {
    const settled = await settlePathwayAwards(context, dependencies, pair);
    queued.push(...settled.queuedJobIds);
  }
  return queued;
}

/**
 * One step of a pathway worker: takes queued re-evaluations and settles the awards of every earner they
 * touch. At-least-once: a job that fails is retried later (settling is idempotent), and a job whose
 * worker died is taken again when its lease expires.
 */
export async function processPathwayJobs(
  context: PlatformContext,
  dependencies: IssueDependencies,
  options: PathwayJobOptions,
): Promise<ProcessedPathwayJobs> {
  const jobs = await context.storage.jobs.claim({
    workerId: options.workerId,
    kinds: PATHWAY_JOB_KINDS,
    limit: options.limit ?? 20,
    leaseMs: options.leaseMs ?? 120_000,
    ...(options.ids === undefined ? {} : { ids: options.ids }),
  });
  const queuedJobIds: string[] = [];
  let handled = 0;
  for (const [index, job] of jobs.entries()) {
    if (options.signal?.aborted === true) {
      // Given back rather than held for their 2-minute lease: another worker takes them now.
      await context.storage.jobs.release({
        ids: jobs.slice(index).map((unstarted) => unstarted.id),
        workerId: options.workerId,
      });
      break;
    }
    handled += 1;
    try {
      queuedJobIds.push(...(await runJob(context, dependencies, job)));
      await context.storage.jobs.complete({ id: job.id, workerId: options.workerId });
    } catch (error) {
      await context.storage.jobs.fail({
        id: job.id,
        workerId: options.workerId,
        error: error instanceof Error ? error.message : String(error),
        retryDelayMs: Math.min(60_000, 1_000 * 2 ** job.attempts),
      });
    }
  }
  return { handled, queuedJobIds };
}

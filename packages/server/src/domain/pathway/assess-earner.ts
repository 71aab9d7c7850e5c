import type {
  Achievement,
  CredentialRecord,
  PathwayAward,
  PathwayEnrollment,
  PathwayVersion,
  PathwayWithVersion,
  Repositories,
} from '../ports/index.js';
import { type Earner, earnerFilter } from './earner-identity.js';
import { chooseEarnerVersion } from './engine/choose-earner-version.js';
import { type EarnedCredential, evaluatePathway, type PathwayProgress } from './engine/evaluate-pathway.js';
import { awardTargets } from './engine/plan-pathway-awards.js';

/** Everything known about one earner on one pathway at one instant. */
export interface EarnerAssessment {
  readonly pathway: PathwayWithVersion;
  readonly earner: Earner;
  readonly enrollment: PathwayEnrollment | null;
  /** The version the earner is held to now, by the versioning rule (`chooseEarnerVersion`). */
  readonly version: PathwayVersion;
  readonly progress: PathwayProgress;
  /** The same, counting lapsed credentials: whether standing awards still stand. */
  readonly keeping: PathwayProgress;
  /** The earner's credentials for the pathway's achievements, and those of their awards, by id. */
  readonly credentials: ReadonlyMap<string, CredentialRecord>;
  readonly awards: readonly PathwayAward[];
  /** The achievements the version awards (completion, milestones), by id. */
  readonly awardAchievements: ReadonlyMap<string, Achievement>;
}

const PAGE = 500;

function toEarned(record: CredentialRecord): EarnedCredential {
  return {
    id: record.id,
    achievementId: record.achievementId,
    issuedAt: record.issuedAt,
    validUntil: record.validUntil,
    revoked: record.revokedAt !== null,
    suspended: record.suspendedAt !== null,
  };
}

async function earnerCredentials(
  repositories: Pick<Repositories, 'credentials'>,
  earner: Earner,
  achievementIds: readonly string[],
): Promise<CredentialRecord[]> {
  const found: CredentialRecord[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await repositories.credentials.list({
      ...earnerFilter(earner),
      achievementIds,
      limit: PAGE,
      offset,
    });
    found.push(...page);
    if (page.length < PAGE) return found;
  }
}

/**
 * Reads an earner's standing on a pathway: their enrollment, the version the rule holds them to, their
 * credentials and awards, and their progress. Reads only: with the repositories of a transaction that
 * holds the earner's lock, it is the basis of award decisions.
 */
export async function assessEarner(
  repositories: Pick<Repositories, 'pathways' | 'pathwayEarners' | 'credentials' | 'achievements'>,
  options: { readonly pathway: PathwayWithVersion; readonly earner: Earner; readonly now: Date },
): Promise<EarnerAssessment> {
  const { pathway, earner, now } = options;
  const current = pathway.version;
  const enrollment = await repositories.pathwayEarners.findEnrollment({
    pathwayId: pathway.pathway.id,
    earner,
  });
  const started =
    enrollment === null || enrollment.version === current.version
      ? null
      : await repositories.pathways.findVersion({
          pathwayId: pathway.pathway.id,
          version: enrollment.version,
        });
  const awards = await repositories.pathwayEarners.listAwards({ pathwayId: pathway.pathway.id, earner });
  const achievementIds = [
    ...new Set([...current.requiredAchievementIds, ...(started?.requiredAchievementIds ?? [])]),
  ];
  const records = await earnerCredentials(repositories, earner, achievementIds);
  const credentials = new Map(records.map((record) => [record.id, record]));
  for (const award of awards) {
    if (award.state !== 'active' || credentials.has(award.credentialId)) continue;
    const record = await repositories.credentials.findById({ id: award.credentialId });
    if (record !== null) credentials.set(record.id, record);
  }
  const earned = records.map(toEarned);

  const currentProgress = evaluatePathway({ pathway: current.rules, credentials: earned, now });
  const startedProgress =
    started === null ? null : evaluatePathway({ pathway: started.rules, credentials: earned, now });
  const chosen = chooseEarnerVersion({
    started:
      started === null || startedProgress === null
        ? null
        : { version: started.version, met: startedProgress.met, percent: startedProgress.percent },
    current: { version: current.version, met: currentProgress.met, percent: currentProgress.percent },
  });
  const onStarted = started !== null && startedProgress !== null && chosen === started.version;
  const version = onStarted ? started : current;
  const progress = onStarted ? startedProgress : currentProgress;

  const awardAchievements = new Map<string, Achievement>();
  for (const target of awardTargets(version.rules)) {
    const achievement = await repositories.achievements.findById({ id: target.achievementId });
    if (achievement !== null) awardAchievements.set(achievement.id, achievement);
  }
  return {
    pathway,
    earner,
    enrollment,
    version,
    progress,
    keeping: evaluatePathway({ pathway: version.rules, credentials: earned, now, countExpired: true }),
    credentials,
    awards,
    awardAchievements,
  };
}

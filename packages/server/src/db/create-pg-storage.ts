import type { Repositories, Storage } from '../domain/ports/storage.js';
import { readBacklog } from './backlog.js';
import type { Database } from './database.js';
import { countPendingMigrations } from './migration-status.js';
import { PgAchievementRepository } from './repositories/pg-achievement-repository.js';
import { PgAnalyticsRepository } from './repositories/pg-analytics-repository.js';
import { PgApiKeyRepository } from './repositories/pg-api-key-repository.js';
import { PgBulkJobRepository } from './repositories/pg-bulk-job-repository.js';
import { PgCredentialRepository } from './repositories/pg-credential-repository.js';
import { PgEarnerEmailRepository } from './repositories/pg-earner-email-repository.js';
import { PgEarnerPhotoRepository } from './repositories/pg-earner-photo-repository.js';
import { PgEarnerRepository } from './repositories/pg-earner-repository.js';
import { PgEarnerSessionRepository } from './repositories/pg-earner-session-repository.js';
import { PgEmailTokenRepository } from './repositories/pg-email-token-repository.js';
import { PgEmployeeRepository } from './repositories/pg-employee-repository.js';
import { PgEmployerRepository } from './repositories/pg-employer-repository.js';
import { PgEmployerRoleRepository } from './repositories/pg-employer-role-repository.js';
import { PgEndorsementRepository } from './repositories/pg-endorsement-repository.js';
import { PgEndorsementRequestRepository } from './repositories/pg-endorsement-request-repository.js';
import { PgEventRepository } from './repositories/pg-event-repository.js';
import { PgImportedCredentialRepository } from './repositories/pg-imported-credential-repository.js';
import { PgIssuerKeyRepository } from './repositories/pg-issuer-key-repository.js';
import { PgIssuerRepository } from './repositories/pg-issuer-repository.js';
import { PgJobQueue } from './repositories/pg-job-queue.js';
import { PgMailOutbox } from './repositories/pg-mail-outbox.js';
import { PgNotificationRepository } from './repositories/pg-notification-repository.js';
import { PgObApiRepository } from './repositories/pg-ob-api-repository.js';
import { PgObBackpackConnectionRepository } from './repositories/pg-ob-backpack-connection-repository.js';
import { PgOutcomeRepository } from './repositories/pg-outcome-repository.js';
import { PgPartnershipRepository } from './repositories/pg-partnership-repository.js';
import { PgPathwayEarnerRepository } from './repositories/pg-pathway-earner-repository.js';
import { PgPathwayFollowRepository } from './repositories/pg-pathway-follow-repository.js';
import { PgPathwayRepository } from './repositories/pg-pathway-repository.js';
import { PgPortfolioRepository } from './repositories/pg-portfolio-repository.js';
import { PgRateLimitStore } from './repositories/pg-rate-limit-store.js';
import { PgSharedVerificationRepository } from './repositories/pg-shared-verification-repository.js';
import { PgSkillRepository } from './repositories/pg-skill-repository.js';
import { PgStatusListRepository } from './repositories/pg-status-list-repository.js';
import { PgTalentRepository } from './repositories/pg-talent-repository.js';
import { PgTransparencyLogRepository } from './repositories/pg-transparency-log-repository.js';
import { PgUserRepository } from './repositories/pg-user-repository.js';
import { PgVerificationJobRepository } from './repositories/pg-verification-job-repository.js';
import { PgWalletRepository } from './repositories/pg-wallet-repository.js';
import { PgWebhookRepository } from './repositories/pg-webhook-repository.js';
import { translateDatabaseError } from './translate-database-error.js';

export interface CreatePgStorageOptions {
  /** From `openDatabase`; PGlite and node-postgres alike. */
  readonly db: Database;
  /** Entries of each new status list (default 131,072, the spec's minimum for herd privacy). */
  readonly statusListLength?: number;
  /** Source of status-list seeds; injectable so tests can be deterministic. */
  readonly randomBytes?: (size: number) => Uint8Array;
}

/** The `Storage` port on PostgreSQL or PGlite: every repository, and transactions over all of them. */
export function createPgStorage(options: CreatePgStorageOptions): Storage {
  const repositoriesOn = (db: Database): Repositories => ({
    issuers: new PgIssuerRepository({ db }),
    users: new PgUserRepository({ db }),
    apiKeys: new PgApiKeyRepository({ db }),
    issuerKeys: new PgIssuerKeyRepository({ db }),
    achievements: new PgAchievementRepository({ db }),
    credentials: new PgCredentialRepository({ db }),
    statusLists: new PgStatusListRepository({
      db,
      ...(options.statusListLength === undefined ? {} : { listLength: options.statusListLength }),
      ...(options.randomBytes === undefined ? {} : { randomBytes: options.randomBytes }),
    }),
    bulkJobs: new PgBulkJobRepository({ db }),
    jobs: new PgJobQueue({ db }),
    pathways: new PgPathwayRepository({ db }),
    pathwayEarners: new PgPathwayEarnerRepository({ db }),
    partnerships: new PgPartnershipRepository({ db }),
    earners: new PgEarnerRepository({ db }),
    earnerEmails: new PgEarnerEmailRepository({ db }),
    earnerPhotos: new PgEarnerPhotoRepository({ db }),
    earnerSessions: new PgEarnerSessionRepository({ db }),
    emailTokens: new PgEmailTokenRepository({ db }),
    portfolios: new PgPortfolioRepository({ db }),
    importedCredentials: new PgImportedCredentialRepository({ db }),
    obApi: new PgObApiRepository({ db }),
    obBackpackConnections: new PgObBackpackConnectionRepository({ db }),
    pathwayFollows: new PgPathwayFollowRepository({ db }),
    mailOutbox: new PgMailOutbox({ db }),
    notifications: new PgNotificationRepository({ db }),
    outcomes: new PgOutcomeRepository({ db }),
    rateLimits: new PgRateLimitStore({ db }),
    skills: new PgSkillRepository({ db }),
    employers: new PgEmployerRepository({ db }),
    employerRoles: new PgEmployerRoleRepository({ db }),
    employees: new PgEmployeeRepository({ db }),
    endorsements: new PgEndorsementRepository({ db }),
    endorsementRequests: new PgEndorsementRequestRepository({ db }),
    talent: new PgTalentRepository({ db }),
    verificationJobs: new PgVerificationJobRepository({ db }),
    sharedVerifications: new PgSharedVerificationRepository({ db }),
    events: new PgEventRepository({ db }),
    analytics: new PgAnalyticsRepository({ db }),
    webhooks: new PgWebhookRepository({ db }),
    transparencyLog: new PgTransparencyLogRepository({ db }),
    wallet: new PgWalletRepository({ db }),
  });
  return {
    ...repositoriesOn(options.db),
    async transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
      try {
        return await options.db.transaction((tx) => work(repositoriesOn(tx)));
      } catch (error) {
        // Errors from `work` pass through; a failed COMMIT (serialization, lost connection) is translated.
        throw translateDatabaseError(error, { subject: 'transaction' });
      }
    },
    pendingMigrations: () => countPendingMigrations(options.db),
    backlog: () => readBacklog(options.db),
  };
}

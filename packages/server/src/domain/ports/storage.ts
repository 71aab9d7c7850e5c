import type { AchievementRepository } from './achievement-repository.js';
import type { AnalyticsRepository } from './analytics-repository.js';
import type { ApiKeyRepository } from './api-key-repository.js';
import type { BulkJobRepository } from './bulk-job-repository.js';
import type { CredentialRepository } from './credential-repository.js';
import type { EarnerEmailRepository } from './earner-email-repository.js';
import type { EarnerPhotoRepository } from './earner-photo-repository.js';
import type { EarnerRepository } from './earner-repository.js';
import type { EarnerSessionRepository } from './earner-session-repository.js';
import type { EmailTokenRepository } from './email-token-repository.js';
import type {
  EmployeeRepository,
  EmployerRepository,
  EmployerRoleRepository,
} from './employer-repository.js';
import type { EndorsementRepository } from './endorsement-repository.js';
import type { EndorsementRequestRepository } from './endorsement-request-repository.js';
import type { EventRepository } from './event-repository.js';
import type { ImportedCredentialRepository } from './imported-credential-repository.js';
import type { IssuerKeyRepository } from './issuer-key-repository.js';
import type { IssuerRepository } from './issuer-repository.js';
import type { JobQueue } from './job-queue.js';
import type { MailOutbox } from './mail-outbox.js';
import type { NotificationRepository } from './notification-repository.js';
import type { ObApiRepository } from './ob-api-repository.js';
import type { ObBackpackConnectionRepository } from './ob-backpack-connection-repository.js';
import type { OutcomeRepository } from './outcome-repository.js';
import type { PartnershipRepository } from './partnership-repository.js';
import type { PathwayEarnerRepository } from './pathway-earner-repository.js';
import type { PathwayFollowRepository } from './pathway-follow-repository.js';
import type { PathwayRepository } from './pathway-repository.js';
import type { PortfolioRepository } from './portfolio-repository.js';
import type { RateLimitStore } from './rate-limit-store.js';
import type { SharedVerificationRepository } from './shared-verification-repository.js';
import type { SkillRepository } from './skill-repository.js';
import type { StatusListRepository } from './status-list-repository.js';
import type { TalentRepository } from './talent-repository.js';
import type { TransparencyLogRepository } from './transparency-log-repository.js';
import type { UserRepository } from './user-repository.js';
import type { VerificationJobRepository } from './verification-job-repository.js';
import type { WalletRepository } from './wallet-repository.js';
import type { WebhookRepository } from './webhook-repository.js';

/** Every repository, all bound to the same connection or transaction. */
export interface Repositories {
  readonly issuers: IssuerRepository;
  readonly users: UserRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly issuerKeys: IssuerKeyRepository;
  readonly achievements: AchievementRepository;
  readonly credentials: CredentialRepository;
  readonly statusLists: StatusListRepository;
  readonly bulkJobs: BulkJobRepository;
  readonly jobs: JobQueue;
  readonly pathways: PathwayRepository;
  readonly pathwayEarners: PathwayEarnerRepository;
  readonly partnerships: PartnershipRepository;
  readonly earners: EarnerRepository;
  readonly earnerEmails: EarnerEmailRepository;
  /** Profile photos, one per earner, apart from the account row. */
  readonly earnerPhotos: EarnerPhotoRepository;
  readonly earnerSessions: EarnerSessionRepository;
  readonly emailTokens: EmailTokenRepository;
  readonly portfolios: PortfolioRepository;
  readonly importedCredentials: ImportedCredentialRepository;
  /** The OB 3.0 API's OAuth clients, earners' grants to them, and their codes and tokens (hashed). */
  readonly obApi: ObApiRepository;
  /** Pulls from other OB 3.0 hosts under way (the earner is at the other host, answering its consent). */
  readonly obBackpackConnections: ObBackpackConnectionRepository;
  readonly pathwayFollows: PathwayFollowRepository;
  readonly mailOutbox: MailOutbox;
  readonly notifications: NotificationRepository;
  /** The career outcomes survey: waves asked and answers, per credential. */
  readonly outcomes: OutcomeRepository;
  /** Request counters for rate limits; used outside transactions (a rollback would uncount). */
  readonly rateLimits: RateLimitStore;
  readonly skills: SkillRepository;
  readonly employers: EmployerRepository;
  readonly employerRoles: EmployerRoleRepository;
  readonly employees: EmployeeRepository;
  readonly endorsements: EndorsementRepository;
  readonly endorsementRequests: EndorsementRequestRepository;
  readonly talent: TalentRepository;
  readonly verificationJobs: VerificationJobRepository;
  readonly sharedVerifications: SharedVerificationRepository;
  /** The append-only event record (analytics, event feed, webhooks). */
  readonly events: EventRepository;
  /** Read-only aggregates over `events` for issuer analytics. */
  readonly analytics: AnalyticsRepository;
  readonly webhooks: WebhookRepository;
  /** The transparency log: every issued credential and issuer key event, append-only. */
  readonly transparencyLog: TransparencyLogRepository;
  /** Wallet delivery: credential offers, nonces, exchanges, holder-bound copies. */
  readonly wallet: WalletRepository;
}

/** The storage a use case needs: repositories, and a way to make several writes all-or-nothing. */
export interface Storage extends Repositories {
  /**
   * Runs `work` in one transaction: if it throws, nothing it wrote stays. Nested calls (through the
   * repositories it receives) become savepoints. Keep it short: row locks are held until it ends.
   * Use only the repositories passed to `work`: the outer ones are outside the transaction (and, on
   * PGlite's single connection, would wait for it to end: a deadlock).
   */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  /** How many of the migrations this build ships the database lacks (0: its schema is the one expected). */
  pendingMigrations(): Promise<number>;
  /** Work waiting in each queue (empty queues are left out). */
  backlog(): Promise<Backlog[]>;
}

/** One queue's waiting work: `job:<kind>`, `bulk-row:<state>`, `mail`, `webhook-delivery`, `verification-item`. */
export interface Backlog {
  readonly queue: string;
  readonly depth: number;
  /** How long the oldest waiting item has waited. */
  readonly oldestSeconds: number;
}

import { randomUUID } from 'node:crypto';
import {
  type CredentialInput,
  createResourceMap,
  type ResourceFetcher,
  refuseAllFetcher,
  type TrustRegistry,
  type VerificationReport,
  type VerifierCompat,
  verifyCredential,
} from '@microcred/vc';
import {
  createAchievement,
  getAchievement,
  listAchievements,
  updateAchievement,
} from './achievement/manage-achievements.js';
import { achievementNames, viewPublicAchievement } from './achievement/public-achievements.js';
import { searchCatalog } from './achievement/search-catalog.js';
import { instanceFiguresReader } from './analytics/instance-figures.js';
import { issuerAnalytics } from './analytics/issuer-analytics.js';
import type { Actor } from './auth/actor.js';
import { authenticateToken, createApiKey, listApiKeys, revokeApiKey } from './auth/api-tokens.js';
import { staffAccessOf } from './auth/staff-access.js';
import {
  cancelBulkJob,
  createBulkJob,
  getBulkJob,
  listBulkJobErrors,
  listBulkJobs,
} from './bulk/create-bulk-job.js';
import { previewBulkJob } from './bulk/preview-bulk-job.js';
import { type BulkWorkerOptions, processBulkRows } from './bulk/process-bulk-rows.js';
import { credentialAsJwt } from './credential/credential-as-jwt.js';
import { type CredentialSigner, inProcessSigner } from './credential/credential-signer.js';
import { issueCredential } from './credential/issue-credential.js';
import {
  issuedCredential,
  issuerDashboard,
  searchIssuedCredentials,
} from './credential/issued-credentials.js';
import {
  credentialHistory,
  getCredential,
  listCredentials,
  reinstateCredential,
  revokeCredential,
  suspendCredential,
} from './credential/manage-credentials.js';
import { previewCredential } from './credential/preview-credential.js';
import { readableCredential } from './credential/readable-credential.js';
import { seedDemoNotifications } from './demo/seed-demo-notifications.js';
import { seedDemoTalent } from './demo/seed-demo-talent.js';
import { acceptClaim, declineClaim, ownCredential, viewClaim } from './earner/claim-credential.js';
import {
  earnerOfSession,
  endSession,
  requestSignIn,
  signInWithLink,
  startSession,
} from './earner/earner-sessions.js';
import { importCredential } from './earner/import-credential.js';
import {
  listFollowablePathways,
  listLearnerPathways,
  viewLearnerPathway,
} from './earner/learner-pathways.js';
import {
  addEmail,
  deleteAccount,
  exportAccount,
  exportClrBundle,
  getEarner,
  listEmails,
  removeEmail,
  updateProfile,
  verifyEmail,
} from './earner/manage-account.js';
import {
  chooseForCredential,
  listPortfolio,
  ownImport,
  publicPortfolio,
  setImportVisibility,
  viewCredential,
  viewImport,
} from './earner/portfolio.js';
import {
  ownPhotoBytes,
  profilePhoto,
  publicPhotoBytes,
  removeProfilePhoto,
  setProfilePhoto,
} from './earner/profile-photo.js';
import { setFeatured, updatePublicProfile } from './earner/public-profile.js';
import { employerAccessOf } from './employer/employer-access.js';
import {
  createEmployer,
  createEmployerApiKey,
  findEmployerBySlug,
  inviteEmployerMember,
  listEmployerApiKeys,
  listEmployerMembers,
  listEmployers,
  removeEmployerMember,
  revokeEmployerApiKey,
} from './employer/manage-employers.js';
import {
  createSavedRole,
  deleteSavedRole,
  getSavedRole,
  listSavedRoles,
  updateSavedRole,
} from './employer/saved-roles.js';
import {
  cancelRequest,
  commentOnRequest,
  declineRequest,
  endorsementRequestTargets,
  endorseRequest,
  getEndorsementRequest,
  listEndorsementRequests,
  requestEndorsement,
} from './endorsement/endorsement-requests.js';
import {
  endorse,
  getEndorsement,
  listEndorsements,
  withdrawEndorsement,
} from './endorsement/endorsements.js';
import { ServerError, ServerErrorCode } from './error/server-error.js';
import { listEventFeed } from './events/list-event-feed.js';
import { createPendingEvents } from './events/pending-events.js';
import { recordDownload, recordShare, recordVerification, recordView } from './events/record-activity.js';
import { sweepExpiredCredentials } from './events/sweep-expired-credentials.js';
import { normalizeEmail } from './identity/normalize-email.js';
import { type PhotoPreparer, preparePhoto } from './image/photo/prepare-photo.js';
import { checkSealedKeys } from './issuer/check-sealed-keys.js';
import { createActiveSigningKey, issuerDidDocument } from './issuer/issuer-keys.js';
import { readIssuersOnce } from './issuer/issuer-reads.js';
import {
  createIssuer,
  getIssuer,
  listIssuerKeys,
  listIssuers,
  rotateIssuerKey,
  updateIssuer,
  viewIssuer,
} from './issuer/manage-issuers.js';
import { addMember, inviteMember, listMembers, removeMember } from './issuer/manage-members.js';
import { onboardIssuer } from './issuer/onboard-issuer.js';
import { listPublicIssuers, listPublishedAchievements, viewPublicIssuer } from './issuer/public-issuers.js';
import { deliverMail } from './mail/deliver-mail.js';
import { forgetSentMail } from './mail/forget-sent-mail.js';
import {
  notificationSettings,
  setNotificationSettings,
  unsubscribe,
  viewUnsubscribe,
} from './notify/notification-settings.js';
import { sweepExpiryReminders } from './notify/sweep-expiry-reminders.js';
import { authenticateObToken } from './ob-api/authenticate-ob-token.js';
import { answerAuthorization, checkAuthorization } from './ob-api/authorize-client.js';
import { finishBackpackConnection, startBackpackConnection } from './ob-api/connect-backpack.js';
import { disconnectApp, listConnectedApps } from './ob-api/connected-apps.js';
import { exchangeToken, revokeObToken } from './ob-api/exchange-token.js';
import { listHostedCredentials, upsertHostedCredential } from './ob-api/hosted-credentials.js';
import { hostedProfile, updateHostedProfile } from './ob-api/hosted-profile.js';
import { registerClient } from './ob-api/register-client.js';
import { achievementOutcomes } from './outcomes/achievement-outcomes.js';
import {
  answerSurvey,
  answerSurveyByLink,
  listEarnerSurveys,
  setSurveyConsent,
  surveyConsent,
  viewSurveyAnswer,
} from './outcomes/answer-outcome-survey.js';
import { sweepOutcomeSurveys } from './outcomes/sweep-outcome-surveys.js';
import { getPathwayProgress } from './pathway/get-pathway-progress.js';
import { importPathway } from './pathway/import-pathway.js';
import { issuePathwayClr, issueRecordClr } from './pathway/issue-pathway-clr.js';
import { grantPartnership, listPartnerships, withdrawPartnership } from './pathway/manage-partnerships.js';
import {
  createPathway,
  getPathway,
  listPathways,
  publishPathway,
  updatePathway,
} from './pathway/manage-pathways.js';
import { buildPathwayDocument } from './pathway/pathway-document.js';
import { type PathwayJobOptions, processPathwayJobs } from './pathway/process-pathway-jobs.js';
import type { PlatformContext } from './platform-context.js';
import { type ConfiguredPolicies, policyUrls } from './policy/policy-urls.js';
import {
  type CredentialRecord,
  type DomainLogger,
  type KeyStore,
  type MailTransport,
  NO_METRICS,
  type ObHostTransport,
  type PlatformMetrics,
  type Storage,
} from './ports/index.js';
import type { WebhookSender } from './ports/webhook-sender.js';
import { createRateLimiter } from './rate-limit/create-rate-limiter.js';
import type { RateLimitRules } from './rate-limit/rate-limit-rules.js';
import { fetchOncePerUrl } from './resolve/fetch-once-per-url.js';
import { createPlatformFetcher } from './resolve/platform-fetcher.js';
import { alignFreeTextSkills } from './skills/align-free-text-skills.js';
import {
  findSkills,
  importEscoFramework,
  searchSkills,
  skillsFramework,
  viewSkill,
} from './skills/manage-skills.js';
import { matchRoleSkills } from './skills/match-role-skills.js';
import { occupationSkills, roleGap, searchOccupations } from './skills/role-gap.js';
import { skillGap } from './skills/skill-gap.js';
import { skillsWallet } from './skills/skills-wallet.js';
import { createStatusListPublisher } from './status/status-list-credential.js';
import { searchTalent, viewCandidate } from './talent/search-talent.js';
import {
  giveConsent,
  listConsents,
  listEmployersToConsent,
  withdrawConsent,
} from './talent/talent-consents.js';
import { refreshTalentEvidence } from './talent/talent-evidence.js';
import {
  createLogSigner,
  createLogVerifierKey,
  credentialLogPosition,
  credentialLogProof,
  integrateLog,
  type LogWitnessing,
  latestCheckpoint,
  readLogTile,
  witnessedCoverage,
  witnessLog,
} from './transparency/index.js';
import { checkIssuerDomain, issuerDidConfiguration } from './trust/issuer-domain-linkage.js';
import { createIssuerTrustResolver } from './trust/issuer-trust-resolver.js';
import { unvetIssuer, vetIssuer } from './trust/vet-issuer.js';
import {
  compareWithSharedVerification,
  openSharedVerification,
  sealVerification,
  shareVerification,
} from './verification/shared-verifications.js';
import {
  createVerificationJob,
  deleteExpiredVerificationJobs,
  getVerificationJob,
  processVerificationItems,
  type VerificationWorkerOptions,
  verificationJobResults,
} from './verification/verification-jobs.js';
import { verifyBatch } from './verification/verify-batch.js';
import { withRecipientCheck } from './verification/with-recipient-check.js';
import {
  createCredentialOffer,
  viewCredentialOffer,
  viewOwnOffer,
} from './wallet/create-credential-offer.js';
import { deliverToWallet, issueNonce } from './wallet/deliver-to-wallet.js';
import { exchangePreAuthorizedCode } from './wallet/exchange-pre-authorized-code.js';
import { authorizationServerMetadata, credentialIssuerMetadata } from './wallet/issuer-metadata.js';
import { listWalletCopies } from './wallet/list-wallet-copies.js';
import {
  createWalletExchange,
  participateInExchange,
  viewWalletExchange,
  walletInteraction,
} from './wallet/vc-api-exchange.js';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  replayWebhookDelivery,
} from './webhooks/manage-webhooks.js';
import { processWebhooks } from './webhooks/process-webhooks.js';
import {
  connectToEmployer,
  declineEmployer,
  inviteEmployees,
  listEmployees,
  listWorkforceInvitations,
  removeEmployee,
  setEmployeeTeam,
} from './workforce/employees.js';
import { internalCandidates, workforceInventory } from './workforce/inventory.js';

export interface PlatformOptions {
  readonly storage: Storage;
  /** Where the platform counts what happens, for operators (default: nowhere). */
  readonly metrics?: PlatformMetrics;
  readonly keyStore: KeyStore;
  readonly publicUrl: string;
  readonly recipientPepper: Uint8Array;
  readonly adminToken?: string;
  /** Addresses whose owners administer the platform in the console (see staffAccessOf). */
  readonly adminEmails?: readonly string[];
  readonly now?: () => Date;
  readonly signer?: CredentialSigner;
  /** Where uploaded photos are decoded and re-encoded (default: in this thread); the server passes a worker thread. */
  readonly preparePhoto?: PhotoPreparer;
  /**
   * How the verifier reads documents the platform does not publish itself (default: refuse); the server
   * passes the guarded outbound fetcher, which caches as the documents' `Cache-Control` says.
   */
  readonly externalFetcher?: ResourceFetcher;
  /**
   * Documents the verifier may use instead of fetching (contexts, DID documents, status lists), by URL, as a
   * `microcred verify --resources` map gives them; and the peer-compatibility mode (`--compat`).
   */
  readonly verifier?: { readonly resources?: ReadonlyMap<string, unknown>; readonly compat?: VerifierCompat };
  /** Where failures that no caller sees are reported (default: the console); the server passes pino. */
  readonly logger?: DomainLogger;
  /** How webhook deliveries leave (default: none do); the server passes the guarded outbound fetcher. */
  readonly webhookSender?: WebhookSender;
  /**
   * How earners' pulls reach other OB 3.0 hosts (default: they do not); the server passes the guarded
   * outbound fetcher.
   */
  readonly obHostTransport?: ObHostTransport;
  /**
   * The log's witnesses (`MICROCRED_LOG_WITNESSES`), the cosignatures a checkpoint needs to be shown as
   * witnessed, and how requests reach them (default: no witnesses).
   */
  readonly logWitnessing?: LogWitnessing;
  /**
   * The trust sources of the `issuer-trust` check besides this platform's vetted issuers: registry files
   * (`MICROCRED_TRUST_REGISTRIES`), most authoritative first; and the name reports give this platform's
   * own registry (default: the public URL's host).
   */
  readonly trust?: { readonly registries?: readonly TrustRegistry[]; readonly platformName?: string };
  /** The operator's privacy policy and terms (`PRIVACY_POLICY_URL`, …); default: the built-in `/privacy` page. */
  readonly policies?: ConfiguredPolicies;
}

const refuseAllWebhooks: WebhookSender = {
  check: async () => {
    throw new ServerError(ServerErrorCode.FETCH_REFUSED, 'this platform sends no webhooks');
  },
  send: async () => ({ status: null, excerpt: 'this platform sends no webhooks' }),
};

const refuseObHosts: ObHostTransport = {
  exchange: async () => {
    throw new ServerError(ServerErrorCode.FETCH_REFUSED, 'this platform does not reach other hosts');
  },
};

const noWitnesses: LogWitnessing = {
  witnesses: [],
  quorum: 0,
  sender: { send: async () => ({ status: null, body: 'this log has no witnesses' }) },
};

const consoleLogger: DomainLogger = {
  warn: (details, message) => console.warn(`[microcred] ${message}`, details),
};

type Rest<F> = F extends (context: PlatformContext, ...rest: infer R) => infer T ? (...rest: R) => T : never;

function bind<F extends (context: PlatformContext, ...rest: never[]) => unknown>(
  context: PlatformContext,
  use: F,
): Rest<F> {
  return ((...rest: never[]) => use(context, ...rest)) as Rest<F>;
}

/**
 * The platform and the context its use cases share. Only the composition of a platform and domain tests
 * (checking what a use case stored) see the context; the edges get `createPlatform`'s use cases alone.
 */
export function createPlatformWithContext(options: PlatformOptions) {
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const context: PlatformContext = {
    storage: options.storage,
    keyStore: options.keyStore,
    publicUrl,
    policyUrls: policyUrls(publicUrl, options.policies),
    recipientPepper: options.recipientPepper,
    adminEmails: (options.adminEmails ?? []).map(normalizeEmail),
    now: options.now ?? (() => new Date()),
    logger: options.logger ?? consoleLogger,
    metrics: options.metrics ?? NO_METRICS,
    pendingEvents: createPendingEvents({
      events: options.storage.events,
      logger: options.logger ?? consoleLogger,
    }),
  };
  const activeSigningKey = createActiveSigningKey(context);
  const webhookSender = options.webhookSender ?? refuseAllWebhooks;
  const obHostTransport = options.obHostTransport ?? refuseObHosts;
  const logWitnessing = options.logWitnessing ?? noWitnesses;
  // Every signature the platform makes (credentials, status lists, JWT copies) goes through this one port.
  const issueDependencies = { activeSigningKey, signer: options.signer ?? inProcessSigner };
  const publishStatusList = createStatusListPublisher(context, issueDependencies);
  // What the platform publishes comes from its database; then the configured resources; then the external
  // fetcher (by default nothing). Not cached here: a fixed lifetime would override a status list's
  // `Cache-Control: no-store`, so the external fetcher caches as each answer says.
  const resources = createResourceMap({
    documents: options.verifier?.resources ?? new Map(),
    ...(options.externalFetcher === undefined
      ? {}
      : { fallback: options.externalFetcher, cache: { maxEntries: 0 } }),
  });
  const fetcher = createPlatformFetcher(context, publishStatusList, resources.fetcher);
  const compat = options.verifier?.compat ?? 'strict';
  const issuerTrustFor = createIssuerTrustResolver(context, {
    platformName: options.trust?.platformName ?? new URL(context.publicUrl).host,
    registries: options.trust?.registries ?? [],
    ...(options.externalFetcher === undefined ? {} : { externalFetcher: options.externalFetcher }),
    fetcher,
    documentLoader: resources.documentLoader,
  });

  /** Verifies any credential; documents this platform publishes are read from its own database. */
  async function verify(
    input: CredentialInput,
    verifyOptions: { now?: Date } = {},
  ): Promise<VerificationReport> {
    const reads = readIssuersOnce(context);
    const report = await verifyCredential(input, {
      fetcher: fetchOncePerUrl(createPlatformFetcher(context, publishStatusList, resources.fetcher, reads)),
      documentLoader: resources.documentLoader,
      compat,
      issuerTrust: issuerTrustFor(reads),
      now: verifyOptions.now ?? context.now(),
    });
    context.metrics.verified({
      verified: report.verified,
      failedCheck: report.checks.find((check) => !check.ok && check.warning !== true)?.id ?? null,
    });
    return report;
  }

  /**
   * Runs the pathway jobs a request queued, right after its commit, so an earner sees a stacked credential
   * as soon as the call that earned it returns; then the jobs those queued, a few levels deep (stacks of
   * stacks). Best effort: a job not finished here stays queued for the pathway worker.
   */
  const logSigner = createLogSigner(context);
  const logVerifierKey = createLogVerifierKey(context);
  // Credentials from before the log are searched for until a search finds none: every credential
  // stored since is logged in its own transaction.
  let catchingUp = true;
  const integrate = async () => {
    const integrated = await integrateLog(context, logSigner, catchingUp ? {} : { catchUpSize: 0 });
    if (integrated.caughtUp === 0) catchingUp = false;
    return integrated;
  };

  async function runQueuedJobs(ids: readonly string[]): Promise<void> {
    let pending = ids;
    for (let depth = 0; depth < 4 && pending.length > 0; depth += 1) {
      try {
        const processed = await processPathwayJobs(context, issueDependencies, {
          workerId: `inline/${randomUUID()}`,
          ids: pending,
        });
        pending = processed.queuedJobIds;
      } catch (error) {
        // The database refused the claim (e.g. shutting down): the jobs are durable and a worker takes them.
        context.logger.warn(
          { err: error, jobKind: 'pathway', jobIds: pending },
          'could not run the pathway jobs this request queued; the pathway worker will',
        );
        return;
      }
    }
  }

  async function quietly(recording: Promise<boolean>): Promise<boolean> {
    try {
      return await recording;
    } catch (error) {
      context.logger.warn({ err: error }, 'could not record an event');
      return false;
    }
  }

  const platform = {
    /** The public base URL (no trailing slash): credential, issuer and page URLs are built from it. */
    publicUrl: context.publicUrl,
    /** Where the privacy policy and terms of service are (the footer, discovery and OAuth metadata name them). */
    policyUrls: context.policyUrls,
    /** The platform's clock (a test's shifted one): whether a credential has expired is read against it. */
    now: () => context.now(),
    fetcher,
    activeSigningKey,
    authenticate: (token: string) => authenticateToken(context, token, options.adminToken),
    issuers: {
      create: bind(context, createIssuer),
      /** The administrator adds an organisation and invites its first owner. */
      onboard: bind(context, onboardIssuer),
      get: bind(context, getIssuer),
      list: bind(context, listIssuers),
      update: bind(context, updateIssuer),
      rotateKey: bind(context, rotateIssuerKey),
      keys: bind(context, listIssuerKeys),
      /** Public: the issuer by slug, as the API shows it (null when unknown). */
      async findBySlug(slug: string) {
        const issuer = await context.storage.issuers.findBySlug({ slug });
        return issuer === null ? null : viewIssuer(context, issuer);
      },
      /** Public: the did:web document of an issuer (null when unknown). */
      async didDocument(slug: string) {
        const issuer = await context.storage.issuers.findBySlug({ slug });
        return issuer === null ? null : issuerDidDocument(context, issuer);
      },
      listPublic: bind(context, listPublicIssuers),
      viewPublic: bind(context, viewPublicIssuer),
    },
    skills: {
      /** Loads ESCO from its files (idempotent); `actor` null for the platform's own first start. */
      importEsco: bind(context, importEscoFramework),
      /** Gives free-text skills their ESCO URI where exactly one ESCO concept has that label. */
      alignFreeText: bind(context, alignFreeTextSkills),
      framework: bind(context, skillsFramework),
      /** Public: skills by label or alternative label. */
      search: bind(context, searchSkills),
      /** Public: the skills among these URIs, in that order (unknown ones left out). */
      findMany: bind(context, findSkills),
      /** Public: a skill, its broader group and the occupations that need it. */
      view: bind(context, viewSkill),
      /** Public: occupations by label or alternative label. */
      searchOccupations: bind(context, searchOccupations),
      /** Public: an occupation and the skills it needs, essential ones first. */
      occupationSkills: bind(context, occupationSkills),
      /** The ESCO skills a job description speaks of, best first. */
      matchRole: bind(context, matchRoleSkills),
      /** The skills a person proves and lacks among a role's, and the achievements that close the gap. */
      gap: bind(context, skillGap),
    },
    /** Employers: organisations that search consenting earners by verified skills, and their staff. */
    employers: {
      create: bind(context, createEmployer),
      list: bind(context, listEmployers),
      findBySlug: bind(context, findEmployerBySlug),
      /** The employer workspaces of the person behind an account. */
      accessOf: bind(context, employerAccessOf),
      invite: bind(context, inviteEmployerMember),
      members: bind(context, listEmployerMembers),
      removeMember: bind(context, removeEmployerMember),
      createApiKey: bind(context, createEmployerApiKey),
      apiKeys: bind(context, listEmployerApiKeys),
      revokeApiKey: bind(context, revokeEmployerApiKey),
    },
    /** Endorsements: an organisation's signed statement about an achievement or an issuer. */
    endorsements: {
      endorse: (actor: Actor, input: Parameters<typeof endorse>[3]) =>
        endorse(context, issueDependencies, actor, input),
      get: bind(context, getEndorsement),
      list: bind(context, listEndorsements),
      withdraw: bind(context, withdrawEndorsement),
    },
    /** Requests for endorsement: an issuer asks an organisation, which endorses, declines or comments. */
    endorsementRequests: {
      request: bind(context, requestEndorsement),
      list: bind(context, listEndorsementRequests),
      get: bind(context, getEndorsementRequest),
      /** Who an issuer may ask, by name. */
      targets: bind(context, endorsementRequestTargets),
      endorse: (
        actor: Actor,
        id: string,
        input: Parameters<typeof endorseRequest>[4],
        options?: Parameters<typeof endorseRequest>[5],
      ) => endorseRequest(context, issueDependencies, actor, id, input, options),
      decline: bind(context, declineRequest),
      comment: bind(context, commentOnRequest),
      cancel: bind(context, cancelRequest),
    },
    /** An employer's saved roles: the reviewed skills a search, an inventory and internal candidates read. */
    savedRoles: {
      list: bind(context, listSavedRoles),
      get: bind(context, getSavedRole),
      create: bind(context, createSavedRole),
      update: bind(context, updateSavedRole),
      delete: bind(context, deleteSavedRole),
    },
    /** An employer's workforce: employees invited to connect, the skills inventory, internal candidates. */
    workforce: {
      invite: bind(context, inviteEmployees),
      employees: bind(context, listEmployees),
      setTeam: bind(context, setEmployeeTeam),
      remove: bind(context, removeEmployee),
      inventory: bind(context, workforceInventory),
      internalCandidates: bind(context, internalCandidates),
    },
    demo: {
      /** The employer side of the demo data (see seedDemoTalent). */
      seedTalent: bind(context, seedDemoTalent),
      /** Morgan's account and soon-expiring credential, for the notification mails (see seedDemoNotifications). */
      async seedNotifications(actor: Actor, input: Parameters<typeof seedDemoNotifications>[3]) {
        await runQueuedJobs(await seedDemoNotifications(context, issueDependencies, actor, input));
      },
    },
    /** Talent search over consenting earners, and one candidate's gap for a role. */
    talent: {
      search: bind(context, searchTalent),
      candidate: bind(context, viewCandidate),
      /** Rebuilds an earner's searchable evidence (also done on every portfolio change). */
      refresh: bind(context, refreshTalentEvidence),
    },
    staff: {
      /** What the person behind an account may do in the console (their issuers and roles). */
      accessOf: bind(context, staffAccessOf),
    },
    members: {
      add: bind(context, addMember),
      /** `add`, and a mail telling the person they can now open the issuer's console. */
      invite: bind(context, inviteMember),
      list: bind(context, listMembers),
      remove: bind(context, removeMember),
    },
    apiKeys: {
      create: bind(context, createApiKey),
      list: bind(context, listApiKeys),
      revoke: bind(context, revokeApiKey),
      /**
       * First run: an administrator token when there is no usable one (shown once, only its hash is
       * stored); null when an unrevoked administrator key exists.
       */
      async ensureAdminToken(name: string): Promise<string | null> {
        const adminKeys = await context.storage.apiKeys.list({ issuerId: null });
        if (adminKeys.some((key) => key.revokedAt === null)) return null;
        const { token } = await createApiKey(context, { kind: 'admin' }, null, { name, role: 'admin' });
        return token;
      },
    },
    achievements: {
      create: bind(context, createAchievement),
      get: bind(context, getAchievement),
      list: bind(context, listAchievements),
      update: bind(context, updateAchievement),
      listPublished: bind(context, listPublishedAchievements),
      /** Public: the catalogue search (published achievements only). */
      searchCatalog: bind(context, searchCatalog),
      viewPublic: bind(context, viewPublicAchievement),
      names: bind(context, achievementNames),
      countEarners: (achievementIds: readonly string[]) =>
        context.storage.credentials.countEarners({ achievementIds }),
    },
    credentials: {
      async issue(actor: Actor, input: Parameters<typeof issueCredential>[3]) {
        const issued = await issueCredential(context, issueDependencies, actor, input);
        if (issued.created) context.metrics.credentialsIssued(1, 'api');
        await runQueuedJobs(issued.queuedJobIds);
        return issued;
      },
      /** A credential if `viewer` may read it (NOT_FOUND otherwise): every public route goes through this. */
      read: bind(context, readableCredential),
      /** The credential as a VC-JWT (its own, or the same credential secured as one by its issuer). */
      asJwt: (record: CredentialRecord) => credentialAsJwt(context, issueDependencies, record),
      get: bind(context, getCredential),
      list: bind(context, listCredentials),
      async revoke(actor: Actor, id: string, input: Parameters<typeof revokeCredential>[3]) {
        const { record, queuedJobIds } = await revokeCredential(context, actor, id, input);
        context.metrics.credentialChanged('revoked');
        await runQueuedJobs(queuedJobIds);
        return record;
      },
      async suspend(actor: Actor, id: string, input: Parameters<typeof suspendCredential>[3]) {
        const { record, queuedJobIds } = await suspendCredential(context, actor, id, input);
        context.metrics.credentialChanged('suspended');
        await runQueuedJobs(queuedJobIds);
        return record;
      },
      async reinstate(actor: Actor, id: string, input: Parameters<typeof reinstateCredential>[3]) {
        const { record, queuedJobIds } = await reinstateCredential(context, actor, id, input);
        context.metrics.credentialChanged('reinstated');
        await runQueuedJobs(queuedJobIds);
        return record;
      },
      history: bind(context, credentialHistory),
      /** The holder-bound copies wallets received of a credential (the console's detail page). */
      walletCopies: bind(context, listWalletCopies),
      /** The console's list of what an issuer issued, with each credential's state. */
      searchIssued: bind(context, searchIssuedCredentials),
      /** One credential of the issuer with its state (the console's detail page). */
      getIssued: bind(context, issuedCredential),
      /** What issuing would do (role, achievement, input, duplicates), nothing signed: the console's preview. */
      preview: bind(context, previewCredential),
      dashboard: bind(context, issuerDashboard),
    },
    pathways: {
      create: bind(context, createPathway),
      get: bind(context, getPathway),
      list: bind(context, listPathways),
      update: bind(context, updatePathway),
      publish: bind(context, publishPathway),
      import: bind(context, importPathway),
      progress: bind(context, getPathwayProgress),
      /** The portable document of a pathway (public for published ones; `actor` null). */
      async document(actor: Actor | null, id: string) {
        return buildPathwayDocument(context, await getPathway(context, actor, id));
      },
      issueClr: (actor: Actor, id: string, input: Parameters<typeof issuePathwayClr>[4]) =>
        issuePathwayClr(context, issueDependencies, actor, id, input),
      issueRecordClr: (actor: Actor, issuerId: string, input: Parameters<typeof issueRecordClr>[4]) =>
        issueRecordClr(context, issueDependencies, actor, issuerId, input),
      /** One pathway worker step: settles the awards the queued jobs touch. */
      processJobs: (jobOptions: PathwayJobOptions) =>
        processPathwayJobs(context, issueDependencies, jobOptions),
    },
    partnerships: {
      grant: bind(context, grantPartnership),
      withdraw: bind(context, withdrawPartnership),
      list: bind(context, listPartnerships),
    },
    bulk: {
      create: bind(context, createBulkJob),
      /** The dry run of `create`: rows, row errors and duplicates, nothing stored. */
      preview: bind(context, previewBulkJob),
      list: bind(context, listBulkJobs),
      get: bind(context, getBulkJob),
      errors: bind(context, listBulkJobErrors),
      cancel: bind(context, cancelBulkJob),
      /** One worker step: claim a batch of rows of any job and issue them. Returns the rows handled. */
      processRows: (workerOptions: BulkWorkerOptions) =>
        processBulkRows(context, issueDependencies, workerOptions),
    },
    statusLists: { publish: publishStatusList },
    /** Issuer trust: vetting by the administrator, and issuers proving their own web domain. */
    trust: {
      vet: bind(context, vetIssuer),
      unvet: bind(context, unvetIssuer),
      /** The did-configuration.json an issuer publishes on its site (signed Domain Linkage Credential). */
      didConfiguration: (actor: Actor, issuerId: string) =>
        issuerDidConfiguration(context, issueDependencies, actor, issuerId),
      /** Fetches the issuer's did-configuration.json through the outbound fetcher and records the result. */
      checkDomain: (actor: Actor, issuerId: string) =>
        checkIssuerDomain(
          context,
          {
            externalFetcher: options.externalFetcher ?? refuseAllFetcher,
            fetcher,
            documentLoader: resources.documentLoader,
          },
          actor,
          issuerId,
        ),
    },
    verify,
    /**
     * Results of `/verify` shared by link: sealed when shown, stored (digest and result, no credential
     * content) when the viewer asks for the link, checked again on each visit when the credential is public.
     */
    sharedVerifications: {
      seal: (report: VerificationReport) => sealVerification(context, report),
      share: bind(context, shareVerification),
      open: (id: string) => openSharedVerification(context, (input) => verify(input), id),
      compare: (id: string, input: CredentialInput) =>
        compareWithSharedVerification(context, (input) => verify(input), id, input),
    },
    /**
     * What happens to credentials after issuance (views, shares, downloads, verifications), and the feed.
     * Recording never fails the request it describes: a failure is logged and the request goes on.
     */
    events: {
      recordView: (options: Parameters<typeof recordView>[1]) => quietly(recordView(context, options)),
      recordShare: (options: Parameters<typeof recordShare>[1]) => quietly(recordShare(context, options)),
      recordDownload: (options: Parameters<typeof recordDownload>[1]) =>
        quietly(recordDownload(context, options)),
      /** A report of `verify` through `via`; counted only for this platform's own credentials. */
      recordVerification: (report: VerificationReport, via: 'page' | 'vc-api' | 'batch') =>
        quietly(
          recordVerification(context, { credentialId: report.credential?.id, via, ok: report.verified }),
        ),
      feed: bind(context, listEventFeed),
      /** Writes the events held for the next batch: a process shutting down calls it before closing storage. */
      flush: () => context.pendingEvents.flush(),
      /** Records the expiry of credentials whose end date passed (run periodically by the webhook worker). */
      sweepExpired: () => sweepExpiredCredentials(context),
    },
    /** Per issuer and achievement over a period: counts, funnel, time series, top achievements. */
    analytics: {
      issuer: bind(context, issuerAnalytics),
      /** Public: issuers, published achievements, credentials issued, verifications of the last 30 days. */
      instance: instanceFiguresReader(context),
    },
    /**
     * The transparency log (C2SP tlog-tiles): every issued credential and issuer key event, appended as
     * they commit; `integrate` (one worker step) folds them into the tree and signs a checkpoint.
     */
    transparencyLog: {
      integrate,
      checkpoint: () => latestCheckpoint(context, integrate),
      /** `<name>+<hex key id>+<base64(0x01 ‖ public key)>`. */
      verifierKey: logVerifierKey,
      tile: (path: string) => readLogTile(context, integrate, path),
      /** A credential's inclusion proof, for whoever may read the credential (`viewer`: signed-in earner id). */
      proof: (viewer: string | null, credentialId: string, caller: Actor | null = null) =>
        credentialLogProof(context, integrate, viewer, credentialId, caller),
      /** A credential's leaf index and when it was logged, for a page that already checked visibility. */
      position: async (credentialId: string) => {
        const position = await credentialLogPosition(context, credentialId);
        if (position === null) return null;
        return {
          ...position,
          witnessed: await witnessedCoverage(context, logWitnessing, position.leafIndex),
        };
      },
      /** Asks the witnesses to cosign the latest checkpoint (one worker step); a failing witness is reported. */
      witness: () => witnessLog(context, logWitnessing),
    },
    /** Issuers' webhook endpoints, their delivery log and replay; `process` is one worker step. */
    webhooks: {
      create: (actor: Actor, input: Parameters<typeof createWebhook>[3]) =>
        createWebhook(context, webhookSender, actor, input),
      list: bind(context, listWebhooks),
      get: bind(context, getWebhook),
      delete: bind(context, deleteWebhook),
      deliveries: bind(context, listWebhookDeliveries),
      replay: bind(context, replayWebhookDelivery),
      process: (workerOptions: { readonly limit?: number; readonly signal?: AbortSignal } = {}) =>
        processWebhooks(context, webhookSender, workerOptions),
    },
    /**
     * Credentials into wallets: OpenID4VCI offers (pre-authorized code), the token, nonce and credential
     * endpoints behind them, and the metadata that declares them.
     */
    wallet: {
      createOffer: bind(context, createCredentialOffer),
      viewOffer: bind(context, viewCredentialOffer),
      /** The earner's own offer, for the "Add to wallet" page; null once used or expired. */
      viewOwnOffer: bind(context, viewOwnOffer),
      token: bind(context, exchangePreAuthorizedCode),
      nonce: () => issueNonce(context),
      deliver: (request: Parameters<typeof deliverToWallet>[2]) =>
        deliverToWallet(context, issueDependencies, request),
      issuerMetadata: () =>
        credentialIssuerMetadata({ publicUrl: context.publicUrl, name: new URL(context.publicUrl).host }),
      authorizationServerMetadata: () =>
        authorizationServerMetadata({ publicUrl: context.publicUrl, policies: context.policyUrls }),
      /** VC-API exchanges (the Learner Credential Wallet): opened by the earner, completed by the wallet. */
      createExchange: bind(context, createWalletExchange),
      viewExchange: bind(context, viewWalletExchange),
      interaction: bind(context, walletInteraction),
      /** Forgets offers, nonces and exchanges past use (run periodically by the webhook worker's sweep). */
      forgetExpired: () => context.storage.wallet.deleteExpired({ now: context.now() }),
      participate: (exchangeId: string, body: unknown) =>
        participateInExchange(context, issueDependencies, exchangeId, body),
    },
    /** Many credentials at once: a synchronous batch, or a durable job for the verification worker. */
    verification: {
      batch: (actor: Actor, request: Parameters<typeof verifyBatch>[3]) =>
        verifyBatch(
          context,
          async (input) => {
            const report = await verify(input);
            // Written with the next batch of events, not awaited item by item.
            void quietly(
              recordVerification(context, {
                credentialId: report.credential?.id,
                via: 'batch',
                ok: report.verified,
              }),
            );
            return report;
          },
          actor,
          request,
        ),
      createJob: bind(context, createVerificationJob),
      getJob: bind(context, getVerificationJob),
      jobResults: bind(context, verificationJobResults),
      /** One worker step: claim items of any job, verify them, store their results. */
      processItems: (workerOptions: VerificationWorkerOptions) =>
        processVerificationItems(context, (input) => verify(input), workerOptions),
      deleteExpired: () => deleteExpiredVerificationJobs(context),
      /** The report with a `recipient` check: was the credential issued to this address? */
      withRecipient: withRecipientCheck,
    },
    /** Earners: passwordless sessions, claims, addresses, portfolios, imports (every call names the earner). */
    earners: {
      /** The skills an earner can prove, each with the verified credentials that prove it. */
      skills: async (earnerId: string) => skillsWallet(await listPortfolio(context, earnerId)),
      /** The earner's own gap for an occupation: skills proven and missing, what would close them. */
      roleGap: bind(context, roleGap),
      /** Consents to be found by an employer or through the public talent directory. */
      consents: bind(context, listConsents),
      giveConsent: bind(context, giveConsent),
      withdrawConsent: bind(context, withdrawConsent),
      employersToConsent: bind(context, listEmployersToConsent),
      /** Employers' invitations to connect the portfolio to their workforce inventory, and the answers. */
      workforceInvitations: bind(context, listWorkforceInvitations),
      connectToEmployer: bind(context, connectToEmployer),
      declineEmployer: bind(context, declineEmployer),
      requestSignIn: bind(context, requestSignIn),
      signInWithLink: bind(context, signInWithLink),
      startSession: bind(context, startSession),
      ofSession: bind(context, earnerOfSession),
      endSession: bind(context, endSession),
      viewClaim: bind(context, viewClaim),
      acceptClaim: bind(context, acceptClaim),
      declineClaim: bind(context, declineClaim),
      get: bind(context, getEarner),
      updateProfile: bind(context, updateProfile),
      /** The public portfolio's header: headline and links (a report of problems, or the earner). */
      updatePublicProfile: bind(context, updatePublicProfile),
      /** Features a public credential first on the portfolio (at most three), or stops featuring it. */
      setFeatured: bind(context, setFeatured),
      /** The portfolio header's photo: set from an upload (a report of why it is refused), removed, read. */
      setPhoto: (earnerId: string, bytes: Uint8Array) =>
        setProfilePhoto(context, earnerId, bytes, options.preparePhoto ?? preparePhoto),
      removePhoto: bind(context, removeProfilePhoto),
      photo: bind(context, profilePhoto),
      ownPhotoBytes: bind(context, ownPhotoBytes),
      /** A public portfolio's photo by handle and digest (NOT_FOUND when the portfolio is not public). */
      publicPhotoBytes: bind(context, publicPhotoBytes),
      listEmails: bind(context, listEmails),
      addEmail: bind(context, addEmail),
      verifyEmail: bind(context, verifyEmail),
      removeEmail: bind(context, removeEmail),
      exportAccount: bind(context, exportAccount),
      exportClrBundle: bind(context, exportClrBundle),
      deleteAccount: bind(context, deleteAccount),
      portfolio: bind(context, listPortfolio),
      publicPortfolio: bind(context, publicPortfolio),
      ownCredential: bind(context, ownCredential),
      choose: bind(context, chooseForCredential),
      viewCredential: bind(context, viewCredential),
      importCredential: (earnerId: string, input: Parameters<typeof importCredential>[3]) =>
        importCredential(context, (credential) => verify(credential), earnerId, input),
      ownImport: bind(context, ownImport),
      setImportVisibility: bind(context, setImportVisibility),
      viewImport: bind(context, viewImport),
      deleteImport: async (earnerId: string, importId: string) => {
        await ownImport(context, earnerId, importId);
        await context.storage.importedCredentials.delete({ id: importId });
        await refreshTalentEvidence(context, earnerId);
      },
      pathways: bind(context, listLearnerPathways),
      followablePathways: bind(context, listFollowablePathways),
      pathway: bind(context, viewLearnerPathway),
      follow: (earnerId: string, pathwayId: string) =>
        context.storage.pathwayFollows.follow({ earnerId, pathwayId }),
      unfollow: (earnerId: string, pathwayId: string) =>
        context.storage.pathwayFollows.unfollow({ earnerId, pathwayId }),
    },
    /**
     * The OB 3.0 API's Host role: OAuth 2.0 clients registered by RFC 7591, the earner's consent (a
     * code bound to PKCE), tokens (refresh rotates; all stored hashed), and the earner's credentials and
     * profile for a token's scopes. Pushed credentials go through the import's verification: an app's push
     * that does not verify is refused; a pull from another host keeps it, marked, as the import page does.
     */
    obApi: {
      registerClient: bind(context, registerClient),
      checkAuthorization: bind(context, checkAuthorization),
      answerAuthorization: bind(context, answerAuthorization),
      exchangeToken: bind(context, exchangeToken),
      revokeToken: bind(context, revokeObToken),
      authenticate: bind(context, authenticateObToken),
      listCredentials: bind(context, listHostedCredentials),
      upsertCredential: (earnerId: string, input: CredentialInput) =>
        upsertHostedCredential(context, (credential) => verify(credential), earnerId, input, {
          unverified: 'refuse',
        }),
      /** Pulling from another OB 3.0 host: where to send the earner to consent there, then their return. */
      startBackpackConnection: (earnerId: string, input: { readonly url: string }) =>
        startBackpackConnection(context, obHostTransport, earnerId, input),
      finishBackpackConnection: (earnerId: string, answer: Parameters<typeof finishBackpackConnection>[4]) =>
        finishBackpackConnection(
          context,
          obHostTransport,
          (earner, credential) =>
            upsertHostedCredential(context, (input) => verify(input), earner, credential, {
              unverified: 'keep',
            }),
          earnerId,
          answer,
        ),
      profile: bind(context, hostedProfile),
      updateProfile: bind(context, updateHostedProfile),
      connectedApps: bind(context, listConnectedApps),
      disconnect: bind(context, disconnectApp),
    },
    mail: {
      /** One delivery step of the outbox (see `startMailWorker`). */
      deliver: (transport: MailTransport, options: { readonly signal?: AbortSignal } = {}) =>
        deliverMail(context, transport, options),
      /** Newest first: the development mailbox. */
      list: (limit = 100) => context.storage.mailOutbox.list({ limit }),
      find: (id: string) => context.storage.mailOutbox.findById({ id }),
      /** Forgets mails sent more than `retentionDays` ago (see `forgetSentMail`). */
      forgetSent: (retentionDays: number) => forgetSentMail(context, { retentionDays }),
    },
    notifications: {
      /** The earner's choice of notification kinds (defaults filled in). */
      settings: bind(context, notificationSettings),
      setSettings: bind(context, setNotificationSettings),
      /** The kind a mail's unsubscribe link stops (for its page); `unsubscribe` stops it, no sign-in. */
      viewUnsubscribe: bind(context, viewUnsubscribe),
      unsubscribe: bind(context, unsubscribe),
      /** Enqueues the expiry reminders now due (idempotent; see `startNotificationWorker`). */
      sweepExpiry: () => sweepExpiryReminders(context),
    },
    outcomes: {
      /** An achievement's survey results for its issuer; figures only from 5 respondents. */
      forAchievement: bind(context, achievementOutcomes),
      /** Enqueues the survey waves now due (idempotent; run by `startNotificationWorker`). */
      sweep: () => sweepOutcomeSurveys(context),
      /** A mail answer link: `view` for its confirmation page, `answerByLink` records it (no sign-in). */
      viewAnswerLink: bind(context, viewSurveyAnswer),
      answerByLink: bind(context, answerSurveyByLink),
      answer: bind(context, answerSurvey),
      listForEarner: bind(context, listEarnerSurveys),
      consent: bind(context, surveyConsent),
      setConsent: bind(context, setSurveyConsent),
    },
    health: {
      /** Whether the database answers a trivial query (throws its error when it does not). */
      async check(): Promise<void> {
        await context.storage.issuers.list({ limit: 1 });
      },
      /** How many of this build's migrations the database lacks (throws when the database does not answer). */
      pendingMigrations: () => context.storage.pendingMigrations(),
      /** Work waiting in each queue, for the operators' metrics. */
      backlog: () => context.storage.backlog(),
      /** Whether this process's master key opens the sealed signing keys (checked after a restore). */
      sealedKeys: () => checkSealedKeys(context),
    },
    /** Rate limits counted in the platform's database, so every process on it shares them. */
    rateLimiter: (limits: { readonly rules: RateLimitRules; readonly enabled?: boolean }) =>
      createRateLimiter({ store: context.storage.rateLimits, now: context.now, ...limits }),
  };
  return { platform, context };
}

/**
 * The platform's use cases, bound to their dependencies: the one object the HTTP API, the web pages, the
 * jobs and the CLI call. Every method takes the acting `Actor` first where authorization applies.
 */
export function createPlatform(options: PlatformOptions) {
  return createPlatformWithContext(options).platform;
}

export type Platform = ReturnType<typeof createPlatform>;

export { achievements } from './achievements.js';
export { apiKeys } from './api-keys.js';
export { bulkJobRows } from './bulk-job-rows.js';
export { bulkJobs } from './bulk-jobs.js';
export { credentialEvents } from './credential-events.js';
export { credentials } from './credentials.js';
export { earnerCredentials } from './earner-credentials.js';
export { earnerEmails } from './earner-emails.js';
export { earnerPhotos } from './earner-photos.js';
export { earnerSessions } from './earner-sessions.js';
export { earners } from './earners.js';
export { emailTokens } from './email-tokens.js';
export { employerEmployees, employerMembers, employerRoles, employers } from './employers.js';
export { endorsementRequests } from './endorsement-requests.js';
export { endorsements } from './endorsements.js';
export { events } from './events.js';
export { importedCredentials } from './imported-credentials.js';
export { issuerKeys } from './issuer-keys.js';
export { issuers } from './issuers.js';
export { jobs } from './jobs.js';
export { mailOutbox } from './mail-outbox.js';
export { memberships } from './memberships.js';
export { notificationPreferences } from './notification-preferences.js';
export { obApiClients, obApiGrants, obApiTokens, obBackpackConnections } from './ob-api.js';
export { outcomeSurveys } from './outcome-surveys.js';
export { pathwayAwards } from './pathway-awards.js';
export { pathwayEnrollments } from './pathway-enrollments.js';
export { pathwayFollows } from './pathway-follows.js';
export { pathwayPartnerships } from './pathway-partnerships.js';
export { pathwayVersions } from './pathway-versions.js';
export { pathways } from './pathways.js';
export { rateLimitBuckets } from './rate-limit-buckets.js';
export { sharedVerifications } from './shared-verifications.js';
export { occupationSkills, occupations, skillConcepts, skillFrameworks } from './skills.js';
export { statusLists } from './status-lists.js';
export {
  talentConsents,
  talentEvidence,
  talentHoldings,
  talentIssuerNames,
  talentListing,
  talentSkillKeys,
} from './talent.js';
export {
  logCheckpoints,
  logHashes,
  logKeys,
  logLeaves,
  logSequence,
  logTree,
  logWitnesses,
} from './transparency-log.js';
export { users } from './users.js';
export { verificationJobItems, verificationJobs } from './verification-jobs.js';
export { walletCopies, walletExchanges, walletNonces, walletOffers } from './wallet.js';
export { webhookAttempts, webhookDeliveries, webhookEndpoints } from './webhooks.js';

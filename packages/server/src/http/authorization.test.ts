import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { testDrivers } from '../db/open-test-database.js';
import { createGuardedFetcher } from '../edge/outbound/create-guarded-fetcher.js';
import { guardedWebhookSender } from '../edge/outbound/guarded-webhook-sender.js';

type Who = 'none' | 'viewer' | 'issuer' | 'other' | 'admin';

interface World {
  readonly mine: { id: string; did: string };
  readonly achievementId: string;
  readonly achievementUrl: string;
  readonly credentialId: string;
  readonly spareKeyId: string;
  readonly bulkJobId: string;
  readonly memberUserId: string;
  readonly theirs: { id: string };
  readonly pathwayId: string;
  readonly pathwayDocument: unknown;
  readonly certificateId: string;
  readonly employerId: string;
  readonly employerKeyId: string;
  readonly roleId: string;
  readonly spareRoleId: string;
  readonly employeeId: string;
  readonly spareEmployeeId: string;
  /** A published achievement of a third issuer (the other's lists stay empty), which ours may endorse. */
  readonly theirAchievementId: string;
  /** Our issuer's endorsement of it. */
  readonly endorsementId: string;
  /** Requests from the third issuer to ours, one per answer, and one of ours to cancel. */
  readonly requestIds: Readonly<Record<'endorse' | 'decline' | 'comment' | 'cancel', string>>;
  /** A (completed, empty) verification job of the viewer's key. */
  readonly verificationJobId: string;
  /** A webhook endpoint of our issuer, registered by the administrator. */
  readonly webhookId: string;
}

interface Case {
  readonly method: string;
  readonly route: string;
  readonly path: (world: World) => string;
  readonly body?: (world: World) => unknown;
  /** A CSV upload instead of a JSON body. */
  readonly csv?: (world: World) => string;
  /** Expected status for: no token, our viewer, our issuer-role key, another issuer's owner, admin. */
  readonly expect: Readonly<Record<Who, number>>;
}

let serial = 0;
const unique = () => {
  serial += 1;
  return `${Date.now().toString(36)}-${serial}`;
};

const MATRIX_SKILL = 'https://skills.example.org/skill/sql';

const CASES: readonly Case[] = [
  {
    method: 'GET',
    route: '/api/v1/issuers',
    path: () => '/api/v1/issuers',
    expect: { none: 401, viewer: 200, issuer: 200, other: 200, admin: 200 },
  },
  {
    method: 'POST',
    route: '/api/v1/issuers',
    path: () => '/api/v1/issuers',
    body: () => ({ slug: `new-${unique()}`, name: 'New' }),
    expect: { none: 401, viewer: 403, issuer: 403, other: 403, admin: 201 },
  },
  {
    method: 'GET',
    route: '/api/v1/issuers/{issuerId}',
    path: (w) => `/api/v1/issuers/${w.mine.id}`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  {
    method: 'PATCH',
    route: '/api/v1/issuers/{issuerId}',
    path: (w) => `/api/v1/issuers/${w.mine.id}`,
    body: () => ({ description: 'Updated' }),
    expect: { none: 401, viewer: 403, issuer: 403, other: 404, admin: 200 },
  },
  {
    method: 'POST',
    route: '/api/v1/issuers/{issuerId}/keys/rotate',
    path: (w) => `/api/v1/issuers/${w.mine.id}/keys/rotate`,
    expect: { none: 401, viewer: 403, issuer: 403, other: 404, admin: 201 },
  },
  {
    // Vetting is the platform's word on an issuer: administrators only.
    method: 'POST',
    route: '/api/v1/issuers/{issuerId}/vetting',
    path: (w) => `/api/v1/issuers/${w.mine.id}/vetting`,
    expect: { none: 401, viewer: 403, issuer: 403, other: 403, admin: 200 },
  },
  {
    method: 'DELETE',
    route: '/api/v1/issuers/{issuerId}/vetting',
    path: (w) => `/api/v1/issuers/${w.mine.id}/vetting`,
    expect: { none: 401, viewer: 403, issuer: 403, other: 403, admin: 200 },
  },
  {
    // The Domain Linkage Credential is signed with the issuer's key: its owners decide where it is published.
    // The issuer here has no website yet: an owner passes authorization and gets the 409 that says so.
    method: 'GET',
    route: '/api/v1/issuers/{issuerId}/did-configuration',
    path: (w) => `/api/v1/issuers/${w.mine.id}/did-configuration`,
    expect: { none: 401, viewer: 403, issuer: 403, other: 404, admin: 409 },
  },
  {
    method: 'POST',
    route: '/api/v1/issuers/{issuerId}/domain-check',
    path: (w) => `/api/v1/issuers/${w.mine.id}/domain-check`,
    expect: { none: 401, viewer: 403, issuer: 403, other: 404, admin: 409 },
  },
  {
    method: 'GET',
    route: '/api/v1/issuers/{issuerId}/keys',
    path: (w) => `/api/v1/issuers/${w.mine.id}/keys`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  {
    // API keys are the issuer's secrets' metadata: owners only, even to read.
    method: 'GET',
    route: '/api/v1/issuers/{issuerId}/api-keys',
    path: (w) => `/api/v1/issuers/${w.mine.id}/api-keys`,
    expect: { none: 401, viewer: 403, issuer: 403, other: 404, admin: 200 },
  },
  {
    method: 'POST',
    route: '/api/v1/issuers/{issuerId}/api-keys',
    path: (w) => `/api/v1/issuers/${w.mine.id}/api-keys`,
    body: () => ({ name: 'ci', role: 'viewer' }),
    expect: { none: 401, viewer: 403, issuer: 403, other: 404, admin: 201 },
  },
  {
    method: 'DELETE',
    route: '/api/v1/issuers/{issuerId}/api-keys/{keyId}',
    path: (w) => `/api/v1/issuers/${w.mine.id}/api-keys/${w.spareKeyId}`,
    expect: { none: 401, viewer: 403, issuer: 403, other: 404, admin: 204 },
  },
  {
    method: 'GET',
    route: '/api/v1/achievements',
    path: () => '/api/v1/achievements',
    expect: { none: 401, viewer: 200, issuer: 200, other: 200, admin: 200 },
  },
  {
    method: 'POST',
    route: '/api/v1/achievements',
    path: () => '/api/v1/achievements',
    body: (w) => ({ issuerId: w.mine.id, name: 'A', description: 'B', criteria: { narrative: 'C' } }),
    expect: { none: 401, viewer: 403, issuer: 201, other: 404, admin: 201 },
  },
  {
    method: 'GET',
    route: '/api/v1/achievements/{achievementId}',
    path: (w) => `/api/v1/achievements/${w.achievementId}`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  {
    method: 'PATCH',
    route: '/api/v1/achievements/{achievementId}',
    path: (w) => `/api/v1/achievements/${w.achievementId}`,
    body: () => ({ tags: ['updated'] }),
    expect: { none: 401, viewer: 403, issuer: 200, other: 404, admin: 200 },
  },
  {
    method: 'POST',
    route: '/api/v1/credentials',
    path: () => '/api/v1/credentials',
    body: (w) => ({ achievementId: w.achievementId, recipient: { email: 'matrix@example.org' } }),
    expect: { none: 401, viewer: 403, issuer: 201, other: 404, admin: 201 },
  },
  {
    method: 'GET',
    route: '/api/v1/credentials?recipient=matrix@example.org',
    path: () => '/api/v1/credentials?recipient=matrix@example.org',
    expect: { none: 401, viewer: 200, issuer: 200, other: 200, admin: 200 },
  },
  {
    method: 'GET',
    route: '/api/v1/credentials/{credentialId}',
    path: (w) => `/api/v1/credentials/${w.credentialId}`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  {
    method: 'GET',
    route: '/api/v1/credentials/{credentialId}/history',
    path: (w) => `/api/v1/credentials/${w.credentialId}/history`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  // The matrix credential carries a revocation entry: past the role check, suspending it is a conflict.
  {
    method: 'POST',
    route: '/api/v1/credentials/{credentialId}/suspend',
    path: (w) => `/api/v1/credentials/${w.credentialId}/suspend`,
    body: () => ({ reason: 'matrix' }),
    expect: { none: 401, viewer: 403, issuer: 409, other: 404, admin: 409 },
  },
  {
    method: 'POST',
    route: '/api/v1/credentials/{credentialId}/reinstate',
    path: (w) => `/api/v1/credentials/${w.credentialId}/reinstate`,
    body: () => ({}),
    expect: { none: 401, viewer: 403, issuer: 409, other: 404, admin: 409 },
  },
  {
    // Before the revocation below: a revoked credential is offered to no wallet.
    method: 'POST',
    route: '/api/v1/credentials/{credentialId}/offers',
    path: (w) => `/api/v1/credentials/${w.credentialId}/offers`,
    body: () => ({}),
    expect: { none: 401, viewer: 403, issuer: 201, other: 404, admin: 201 },
  },
  {
    method: 'POST',
    route: '/api/v1/credentials/{credentialId}/revoke',
    path: (w) => `/api/v1/credentials/${w.credentialId}/revoke`,
    body: () => ({ reason: 'matrix' }),
    expect: { none: 401, viewer: 403, issuer: 200, other: 404, admin: 200 },
  },
  {
    method: 'POST',
    route: '/credentials/issue',
    path: () => '/credentials/issue',
    body: (w) => ({
      credential: {
        '@context': [
          'https://www.w3.org/ns/credentials/v2',
          'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        ],
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        credentialSubject: { id: 'did:example:matrix', achievement: { id: w.achievementUrl } },
      },
    }),
    expect: { none: 401, viewer: 403, issuer: 201, other: 404, admin: 201 },
  },
  {
    method: 'GET',
    route: '/api/v1/issuers/{issuerId}/members',
    path: (w) => `/api/v1/issuers/${w.mine.id}/members`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  {
    method: 'PUT',
    route: '/api/v1/issuers/{issuerId}/members',
    path: (w) => `/api/v1/issuers/${w.mine.id}/members`,
    body: () => ({ email: `member-${unique()}@example.org`, role: 'issuer' }),
    expect: { none: 401, viewer: 403, issuer: 403, other: 404, admin: 200 },
  },
  {
    method: 'DELETE',
    route: '/api/v1/issuers/{issuerId}/members/{userId}',
    path: (w) => `/api/v1/issuers/${w.mine.id}/members/${w.memberUserId}`,
    expect: { none: 401, viewer: 403, issuer: 403, other: 404, admin: 204 },
  },
  {
    method: 'POST',
    route: '/api/v1/bulk-jobs',
    path: (w) => `/api/v1/bulk-jobs?achievementId=${w.achievementId}`,
    csv: () => `email,name\nbulk-${unique()}@example.org,Bulk\n`,
    expect: { none: 401, viewer: 403, issuer: 202, other: 404, admin: 202 },
  },
  {
    method: 'GET',
    route: '/api/v1/bulk-jobs/{bulkJobId}',
    path: (w) => `/api/v1/bulk-jobs/${w.bulkJobId}`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  {
    method: 'GET',
    route: '/api/v1/bulk-jobs/{bulkJobId}/errors',
    path: (w) => `/api/v1/bulk-jobs/${w.bulkJobId}/errors`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  {
    method: 'POST',
    route: '/api/v1/bulk-jobs/{bulkJobId}/cancel',
    path: (w) => `/api/v1/bulk-jobs/${w.bulkJobId}/cancel`,
    expect: { none: 401, viewer: 403, issuer: 200, other: 404, admin: 200 },
  },
  {
    method: 'GET',
    route: '/api/v1/pathways',
    path: () => '/api/v1/pathways',
    expect: { none: 401, viewer: 200, issuer: 200, other: 200, admin: 200 },
  },
  {
    method: 'POST',
    route: '/api/v1/pathways',
    path: () => '/api/v1/pathways',
    body: (w) => ({
      issuerId: w.mine.id,
      name: `Pathway ${unique()}`,
      completionAchievementId: w.certificateId,
      requirement: { type: 'achievement', achievementId: w.achievementId },
    }),
    expect: { none: 401, viewer: 403, issuer: 201, other: 404, admin: 201 },
  },
  {
    method: 'POST',
    route: '/api/v1/pathways/import',
    path: () => '/api/v1/pathways/import',
    body: (w) => ({ issuerId: w.mine.id, document: w.pathwayDocument }),
    expect: { none: 401, viewer: 403, issuer: 201, other: 404, admin: 201 },
  },
  {
    method: 'GET',
    route: '/api/v1/pathways/{pathwayId}',
    path: (w) => `/api/v1/pathways/${w.pathwayId}`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  {
    method: 'PATCH',
    route: '/api/v1/pathways/{pathwayId}',
    path: (w) => `/api/v1/pathways/${w.pathwayId}`,
    body: () => ({ description: 'Updated' }),
    expect: { none: 401, viewer: 403, issuer: 200, other: 404, admin: 200 },
  },
  {
    method: 'POST',
    route: '/api/v1/pathways/{pathwayId}/publish',
    path: (w) => `/api/v1/pathways/${w.pathwayId}/publish`,
    expect: { none: 401, viewer: 403, issuer: 200, other: 404, admin: 200 },
  },
  {
    method: 'GET',
    route: '/api/v1/pathways/{pathwayId}/export',
    path: (w) => `/api/v1/pathways/${w.pathwayId}/export`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  {
    method: 'GET',
    route: '/api/v1/pathways/{pathwayId}/progress?recipient=clr@example.org',
    path: (w) => `/api/v1/pathways/${w.pathwayId}/progress?recipient=clr@example.org`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  {
    method: 'POST',
    route: '/api/v1/pathways/{pathwayId}/clr',
    path: (w) => `/api/v1/pathways/${w.pathwayId}/clr`,
    body: () => ({ recipient: 'clr@example.org' }),
    expect: { none: 401, viewer: 403, issuer: 201, other: 404, admin: 201 },
  },
  {
    method: 'POST',
    route: '/api/v1/issuers/{issuerId}/clr',
    path: (w) => `/api/v1/issuers/${w.mine.id}/clr`,
    body: () => ({ recipient: 'clr@example.org' }),
    expect: { none: 401, viewer: 403, issuer: 201, other: 404, admin: 201 },
  },
  {
    method: 'GET',
    route: '/api/v1/issuers/{issuerId}/partnerships',
    path: (w) => `/api/v1/issuers/${w.mine.id}/partnerships`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  {
    // Consent is the owner's to give: an issuer-role key cannot.
    method: 'POST',
    route: '/api/v1/issuers/{issuerId}/partnerships',
    path: (w) => `/api/v1/issuers/${w.mine.id}/partnerships`,
    body: (w) => ({ issuerId: w.theirs.id }),
    expect: { none: 401, viewer: 403, issuer: 403, other: 404, admin: 201 },
  },
  {
    method: 'DELETE',
    route: '/api/v1/issuers/{issuerId}/partnerships/{partnerId}',
    path: (w) => `/api/v1/issuers/${w.mine.id}/partnerships/${w.theirs.id}`,
    expect: { none: 401, viewer: 403, issuer: 403, other: 404, admin: 204 },
  },
  {
    // Issuers' keys do not match roles: employers' keys and the administrator do (see employer-api.test.ts).
    method: 'POST',
    route: '/api/v1/roles/match',
    path: () => '/api/v1/roles/match',
    body: () => ({ text: 'We need someone who writes SQL queries' }),
    expect: { none: 401, viewer: 403, issuer: 403, other: 403, admin: 200 },
  },
  {
    method: 'POST',
    route: '/api/v1/gap',
    path: () => '/api/v1/gap',
    body: () => ({ recipient: { email: 'matrix@example.org' }, skills: [MATRIX_SKILL] }),
    expect: { none: 401, viewer: 403, issuer: 403, other: 403, admin: 200 },
  },
  // Employers' routes: an issuer's key is nobody there (searching is refused, an employer is not found).
  {
    method: 'GET',
    route: '/api/v1/talent',
    path: () => `/api/v1/talent?skills=${encodeURIComponent(MATRIX_SKILL)}`,
    expect: { none: 401, viewer: 403, issuer: 403, other: 403, admin: 200 },
  },
  {
    method: 'GET',
    route: '/api/v1/talent/{id}',
    path: () =>
      `/api/v1/talent/00000000-0000-4000-8000-000000000000?skills=${encodeURIComponent(MATRIX_SKILL)}`,
    expect: { none: 401, viewer: 403, issuer: 403, other: 403, admin: 404 },
  },
  {
    method: 'GET',
    route: '/api/v1/employers',
    path: () => '/api/v1/employers',
    expect: { none: 401, viewer: 403, issuer: 403, other: 403, admin: 200 },
  },
  {
    method: 'POST',
    route: '/api/v1/employers',
    path: () => '/api/v1/employers',
    body: () => ({ slug: `employer-${unique()}`, name: 'Employer' }),
    expect: { none: 401, viewer: 403, issuer: 403, other: 403, admin: 201 },
  },
  {
    method: 'GET',
    route: '/api/v1/employers/{employerId}/members',
    path: (w) => `/api/v1/employers/${w.employerId}/members`,
    expect: { none: 401, viewer: 404, issuer: 404, other: 404, admin: 200 },
  },
  {
    method: 'PUT',
    route: '/api/v1/employers/{employerId}/members',
    path: (w) => `/api/v1/employers/${w.employerId}/members`,
    body: () => ({ email: `recruiter-${unique()}@example.org`, role: 'recruiter' }),
    expect: { none: 401, viewer: 404, issuer: 404, other: 404, admin: 200 },
  },
  {
    method: 'DELETE',
    route: '/api/v1/employers/{employerId}/members/{email}',
    path: (w) => `/api/v1/employers/${w.employerId}/members/leaving@example.org`,
    expect: { none: 401, viewer: 404, issuer: 404, other: 404, admin: 204 },
  },
  {
    method: 'GET',
    route: '/api/v1/employers/{employerId}/api-keys',
    path: (w) => `/api/v1/employers/${w.employerId}/api-keys`,
    expect: { none: 401, viewer: 404, issuer: 404, other: 404, admin: 200 },
  },
  {
    method: 'POST',
    route: '/api/v1/employers/{employerId}/api-keys',
    path: (w) => `/api/v1/employers/${w.employerId}/api-keys`,
    body: () => ({ name: 'ATS' }),
    expect: { none: 401, viewer: 404, issuer: 404, other: 404, admin: 201 },
  },
  {
    method: 'DELETE',
    route: '/api/v1/employers/{employerId}/api-keys/{keyId}',
    path: (w) => `/api/v1/employers/${w.employerId}/api-keys/${w.employerKeyId}`,
    expect: { none: 401, viewer: 404, issuer: 404, other: 404, admin: 204 },
  },
  {
    method: 'GET',
    route: '/api/v1/employers/{employerId}/roles',
    path: (w) => `/api/v1/employers/${w.employerId}/roles`,
    expect: { none: 401, viewer: 404, issuer: 404, other: 404, admin: 200 },
  },
  {
    method: 'POST',
    route: '/api/v1/employers/{employerId}/roles',
    path: (w) => `/api/v1/employers/${w.employerId}/roles`,
    body: () => ({ title: `Role ${unique()}`, skills: [{ id: MATRIX_SKILL }] }),
    expect: { none: 401, viewer: 404, issuer: 404, other: 404, admin: 201 },
  },
  {
    method: 'GET',
    route: '/api/v1/employers/{employerId}/roles/{roleId}',
    path: (w) => `/api/v1/employers/${w.employerId}/roles/${w.roleId}`,
    expect: { none: 401, viewer: 404, issuer: 404, other: 404, admin: 200 },
  },
  {
    method: 'PUT',
    route: '/api/v1/employers/{employerId}/roles/{roleId}',
    path: (w) => `/api/v1/employers/${w.employerId}/roles/${w.roleId}`,
    body: () => ({ title: 'Analyst', skills: [{ id: MATRIX_SKILL, required: true }] }),
    expect: { none: 401, viewer: 404, issuer: 404, other: 404, admin: 200 },
  },
  {
    method: 'DELETE',
    route: '/api/v1/employers/{employerId}/roles/{roleId}',
    path: (w) => `/api/v1/employers/${w.employerId}/roles/${w.spareRoleId}`,
    expect: { none: 401, viewer: 404, issuer: 404, other: 404, admin: 204 },
  },
  {
    method: 'GET',
    route: '/api/v1/employers/{employerId}/roles/{roleId}/candidates',
    path: (w) => `/api/v1/employers/${w.employerId}/roles/${w.roleId}/candidates`,
    expect: { none: 401, viewer: 404, issuer: 404, other: 404, admin: 200 },
  },
  {
    method: 'GET',
    route: '/api/v1/employers/{employerId}/employees',
    path: (w) => `/api/v1/employers/${w.employerId}/employees`,
    expect: { none: 401, viewer: 404, issuer: 404, other: 404, admin: 200 },
  },
  {
    method: 'POST',
    route: '/api/v1/employers/{employerId}/employees',
    path: (w) => `/api/v1/employers/${w.employerId}/employees`,
    body: () => ({ employees: [{ email: `employee-${unique()}@example.org`, team: 'Matrix' }] }),
    expect: { none: 401, viewer: 404, issuer: 404, other: 404, admin: 201 },
  },
  {
    method: 'PATCH',
    route: '/api/v1/employers/{employerId}/employees/{employeeId}',
    path: (w) => `/api/v1/employers/${w.employerId}/employees/${w.employeeId}`,
    body: () => ({ team: 'Data' }),
    expect: { none: 401, viewer: 404, issuer: 404, other: 404, admin: 200 },
  },
  {
    method: 'DELETE',
    route: '/api/v1/employers/{employerId}/employees/{employeeId}',
    path: (w) => `/api/v1/employers/${w.employerId}/employees/${w.spareEmployeeId}`,
    expect: { none: 401, viewer: 404, issuer: 404, other: 404, admin: 204 },
  },
  {
    method: 'GET',
    route: '/api/v1/employers/{employerId}/inventory',
    path: (w) => `/api/v1/employers/${w.employerId}/inventory`,
    expect: { none: 401, viewer: 404, issuer: 404, other: 404, admin: 200 },
  },
  // Endorsing speaks for an organisation: its issuer role and up (or its employer's staff), as for issuing.
  {
    method: 'POST',
    route: '/api/v1/endorsements',
    path: () => '/api/v1/endorsements',
    body: (w) => ({ endorserId: w.mine.id, achievementId: w.theirAchievementId, comment: 'Matrix' }),
    expect: { none: 401, viewer: 403, issuer: 201, other: 404, admin: 201 },
  },
  {
    method: 'POST',
    route: '/api/v1/endorsements/{endorsementId}/withdraw',
    path: (w) => `/api/v1/endorsements/${w.endorsementId}/withdraw`,
    body: () => ({}),
    expect: { none: 401, viewer: 403, issuer: 200, other: 404, admin: 200 },
  },
  // Asking speaks for the achievement's issuer; answering for the organisation asked (issuer role and up).
  {
    method: 'POST',
    route: '/api/v1/endorsement-requests',
    path: () => '/api/v1/endorsement-requests',
    body: (w) => ({ achievementId: w.achievementId, email: `ask-${unique()}@matrix.example` }),
    expect: { none: 401, viewer: 403, issuer: 201, other: 404, admin: 201 },
  },
  {
    method: 'GET',
    route: '/api/v1/endorsement-requests?direction=outgoing&organisationId={issuerId}',
    path: (w) => `/api/v1/endorsement-requests?direction=outgoing&organisationId=${w.mine.id}`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  ...(['endorse', 'decline', 'comment'] as const).map(
    (action): Case => ({
      method: 'POST',
      route: `/api/v1/endorsement-requests/{endorsementRequestId}/${action}`,
      path: (w) => `/api/v1/endorsement-requests/${w.requestIds[action]}/${action}`,
      body: () => ({ comment: 'Matrix' }),
      // Once the issuer has answered for good, the administrator finds it answered.
      expect: { none: 401, viewer: 403, issuer: 200, other: 404, admin: action === 'comment' ? 200 : 409 },
    }),
  ),
  {
    method: 'POST',
    route: '/api/v1/endorsement-requests/{endorsementRequestId}/cancel',
    path: (w) => `/api/v1/endorsement-requests/${w.requestIds.cancel}/cancel`,
    expect: { none: 401, viewer: 403, issuer: 200, other: 404, admin: 409 },
  },
  // Any key may verify; a job is its creating key's alone (the viewer's here), unknown to every other.
  {
    // Analytics, outcomes and the event feed are the issuer's to read, in any role.
    method: 'GET',
    route: '/api/v1/analytics',
    path: (w) => `/api/v1/analytics?issuerId=${w.mine.id}`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  {
    method: 'GET',
    route: '/api/v1/analytics.csv',
    path: (w) => `/api/v1/analytics.csv?issuerId=${w.mine.id}`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  {
    method: 'GET',
    route: '/api/v1/achievements/{achievementId}/outcomes',
    path: (w) => `/api/v1/achievements/${w.achievementId}/outcomes`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  {
    method: 'GET',
    route: '/api/v1/events',
    path: (w) => `/api/v1/events?issuerId=${w.mine.id}`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  {
    // Webhook endpoints receive the issuer's events: owners register and remove them; members read them.
    method: 'POST',
    route: '/api/v1/webhooks',
    path: () => '/api/v1/webhooks',
    body: (w) => ({
      issuerId: w.mine.id,
      url: 'http://127.0.0.1:9/other',
      events: ['credential.revoked'],
    }),
    expect: { none: 401, viewer: 403, issuer: 403, other: 404, admin: 201 },
  },
  {
    method: 'GET',
    route: '/api/v1/webhooks',
    path: (w) => `/api/v1/webhooks?issuerId=${w.mine.id}`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  {
    method: 'GET',
    route: '/api/v1/webhooks/{id}',
    path: (w) => `/api/v1/webhooks/${w.webhookId}`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  {
    method: 'GET',
    route: '/api/v1/webhooks/{id}/deliveries',
    path: (w) => `/api/v1/webhooks/${w.webhookId}/deliveries`,
    expect: { none: 401, viewer: 200, issuer: 200, other: 404, admin: 200 },
  },
  {
    // No delivery has been made yet: a member who may replay learns only that there is no such delivery.
    method: 'POST',
    route: '/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay',
    path: (w) => `/api/v1/webhooks/${w.webhookId}/deliveries/${crypto.randomUUID()}/replay`,
    expect: { none: 401, viewer: 403, issuer: 404, other: 404, admin: 404 },
  },
  {
    method: 'DELETE',
    route: '/api/v1/webhooks/{id}',
    path: (w) => `/api/v1/webhooks/${w.webhookId}`,
    expect: { none: 401, viewer: 403, issuer: 403, other: 404, admin: 204 },
  },
  {
    method: 'POST',
    route: '/api/v1/verifications',
    path: () => '/api/v1/verifications',
    body: () => ({ credentials: ['not a credential'] }),
    expect: { none: 401, viewer: 200, issuer: 200, other: 200, admin: 200 },
  },
  {
    method: 'POST',
    route: '/api/v1/verification-jobs',
    path: () => '/api/v1/verification-jobs',
    body: () => ({ credentials: [] }),
    expect: { none: 401, viewer: 202, issuer: 202, other: 202, admin: 202 },
  },
  {
    method: 'GET',
    route: '/api/v1/verification-jobs/{id}',
    path: (w) => `/api/v1/verification-jobs/${w.verificationJobId}`,
    expect: { none: 401, viewer: 200, issuer: 404, other: 404, admin: 404 },
  },
  {
    method: 'GET',
    route: '/api/v1/verification-jobs/{id}/results',
    path: (w) => `/api/v1/verification-jobs/${w.verificationJobId}/results`,
    expect: { none: 401, viewer: 200, issuer: 404, other: 404, admin: 404 },
  },
];

describe.each(testDrivers())('authorization over HTTP on %s', (driver) => {
  let test: TestApp;
  let world: World;
  const tokens: Partial<Record<Who, string>> = { admin: ADMIN_TOKEN };

  async function keyFor(issuerId: string, role: string): Promise<{ id: string; token: string }> {
    const created = await test.call(`/api/v1/issuers/${issuerId}/api-keys`, {
      token: ADMIN_TOKEN,
      json: { name: `${role} key`, role },
    });
    expect(created.status).toBe(201);
    return { id: created.body.apiKey.id, token: created.body.token };
  }

  beforeAll(async () => {
    // Webhook endpoints on loopback may be registered (nothing is delivered: no worker runs here).
    test = await openTestApp(driver, {
      platform: {
        webhookSender: guardedWebhookSender(createGuardedFetcher({ allowPrivateAddresses: true })),
      },
    });
    await test.storage.skills.importFramework(
      {
        framework: { id: 'esco', name: 'Matrix skills', version: '1', attribution: 'Matrix' },
        concepts: [
          {
            uri: MATRIX_SKILL,
            kind: 'knowledge',
            label: 'SQL',
            altLabels: [],
            description: null,
            broaderUri: null,
            occupationCount: 0,
          },
        ],
        occupations: [],
        relations: [],
      },
      new Date(),
    );
    const issuer = async (slug: string) =>
      (await test.call('/api/v1/issuers', { token: ADMIN_TOKEN, json: { slug, name: slug } })).body;
    const mine = await issuer('mine');
    const theirs = await issuer('theirs');
    tokens.viewer = (await keyFor(mine.id, 'viewer')).token;
    tokens.issuer = (await keyFor(mine.id, 'issuer')).token;
    tokens.other = (await keyFor(theirs.id, 'owner')).token;
    const spare = await keyFor(mine.id, 'viewer');
    const achievement = (
      await test.call('/api/v1/achievements', {
        token: ADMIN_TOKEN,
        json: { issuerId: mine.id, name: 'Matrix', description: 'Matrix', criteria: { narrative: 'Matrix' } },
      })
    ).body;
    const credential = (
      await test.call('/api/v1/credentials', {
        token: ADMIN_TOKEN,
        json: { achievementId: achievement.id, recipient: { email: 'matrix@example.org' } },
      })
    ).body;
    const bulkJob = (
      await test.call(`/api/v1/bulk-jobs?achievementId=${achievement.id}`, {
        token: ADMIN_TOKEN,
        body: 'email\nmatrix-bulk@example.org\n',
        headers: { 'Content-Type': 'text/csv' },
      })
    ).body;
    const member = (
      await test.call(`/api/v1/issuers/${mine.id}/members`, {
        method: 'PUT',
        token: ADMIN_TOKEN,
        json: { email: 'removable@example.org', role: 'viewer' },
      })
    ).body;
    const certificate = (
      await test.call('/api/v1/achievements', {
        token: ADMIN_TOKEN,
        json: {
          issuerId: mine.id,
          name: 'Matrix certificate',
          description: 'Matrix',
          criteria: { narrative: 'Matrix' },
          achievementType: 'Certificate',
        },
      })
    ).body;
    const pathway = (
      await test.call('/api/v1/pathways', {
        token: ADMIN_TOKEN,
        json: {
          issuerId: mine.id,
          name: 'Matrix pathway',
          completionAchievementId: certificate.id,
          requirement: { type: 'achievement', achievementId: achievement.id },
        },
      })
    ).body;
    await test.call('/api/v1/credentials', {
      token: ADMIN_TOKEN,
      json: { achievementId: achievement.id, recipient: { email: 'clr@example.org' } },
    });
    await test.call(`/api/v1/issuers/${mine.id}/partnerships`, {
      token: ADMIN_TOKEN,
      json: { issuerId: theirs.id },
    });
    const employer = (
      await test.call('/api/v1/employers', {
        token: ADMIN_TOKEN,
        json: { slug: 'matrix-employer', name: 'Matrix Employer', ownerEmail: 'owner@matrix.example' },
      })
    ).body;
    await test.call(`/api/v1/employers/${employer.id}/members`, {
      method: 'PUT',
      token: ADMIN_TOKEN,
      json: { email: 'leaving@example.org', role: 'viewer' },
    });
    const employerKey = (
      await test.call(`/api/v1/employers/${employer.id}/api-keys`, {
        token: ADMIN_TOKEN,
        json: { name: 'spare' },
      })
    ).body;
    const savedRole = async (title: string) =>
      (
        await test.call(`/api/v1/employers/${employer.id}/roles`, {
          token: ADMIN_TOKEN,
          json: { title, skills: [{ id: MATRIX_SKILL }] },
        })
      ).body;
    const [kept, leaving] = (
      await test.call(`/api/v1/employers/${employer.id}/employees`, {
        token: ADMIN_TOKEN,
        json: { employees: [{ email: 'kept@matrix.example' }, { email: 'leaving@matrix.example' }] },
      })
    ).body;
    const endorsed = await issuer('endorsed');
    const theirAchievement = (
      await test.call('/api/v1/achievements', {
        token: ADMIN_TOKEN,
        json: { issuerId: endorsed.id, name: 'Endorsed', description: 'E', criteria: { narrative: 'E' } },
      })
    ).body;
    const endorsement = (
      await test.call('/api/v1/endorsements', {
        token: ADMIN_TOKEN,
        json: { endorserId: mine.id, achievementId: theirAchievement.id, comment: 'Matrix' },
      })
    ).body;
    const asking = async (name: string) =>
      (
        await test.call('/api/v1/achievements', {
          token: ADMIN_TOKEN,
          json: { issuerId: endorsed.id, name, description: 'E', criteria: { narrative: 'E' } },
        })
      ).body.id as string;
    const requestId = async (body: Record<string, unknown>) => {
      const created = await test.call('/api/v1/endorsement-requests', { token: ADMIN_TOKEN, json: body });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    const requestIds = {
      endorse: await requestId({ achievementId: await asking('Ask 1'), issuerId: mine.id }),
      decline: await requestId({ achievementId: await asking('Ask 2'), issuerId: mine.id }),
      comment: await requestId({ achievementId: await asking('Ask 3'), issuerId: mine.id }),
      cancel: await requestId({ achievementId: achievement.id, employerId: employer.id }),
    };
    const verificationJob = await test.call('/api/v1/verification-jobs', {
      token: tokens.viewer ?? '',
      json: { credentials: [] },
    });
    const webhook = await test.call('/api/v1/webhooks', {
      token: ADMIN_TOKEN,
      json: { issuerId: mine.id, url: 'http://127.0.0.1:9/microcred', events: ['credential.issued'] },
    });
    expect(webhook.status).toBe(201);
    world = {
      webhookId: webhook.body.id,
      verificationJobId: verificationJob.body.id,
      requestIds,
      theirAchievementId: theirAchievement.id,
      endorsementId: endorsement.id,
      employerId: employer.id,
      employerKeyId: employerKey.apiKey.id,
      roleId: (await savedRole('Matrix role')).id,
      spareRoleId: (await savedRole('Spare role')).id,
      employeeId: kept.id,
      spareEmployeeId: leaving.id,
      theirs,
      pathwayId: pathway.id,
      pathwayDocument: (await test.call(`/pathways/${pathway.id}`)).body,
      certificateId: certificate.id,
      memberUserId: member.userId,
      mine,
      achievementId: achievement.id,
      achievementUrl: achievement.url,
      credentialId: credential.id,
      spareKeyId: spare.id,
      bulkJobId: bulkJob.id,
    };
  });
  afterAll(async () => {
    await test?.close();
  });

  for (const item of CASES) {
    it(`${item.method} ${item.route} answers no token, viewer, issuer, another issuer and admin as their roles allow`, async () => {
      const seen: Partial<Record<Who, number>> = {};
      for (const who of ['none', 'viewer', 'issuer', 'other', 'admin'] as const) {
        const token = tokens[who];
        const response = await test.call(item.path(world), {
          method: item.method,
          ...(token === undefined ? {} : { token }),
          ...(item.body === undefined ? {} : { json: item.body(world) }),
          ...(item.csv === undefined
            ? {}
            : { body: item.csv(world), headers: { 'Content-Type': 'text/csv' } }),
        });
        seen[who] = response.status;
        if (response.status >= 400) {
          expect(response.headers.get('Content-Type')).toBe('application/problem+json');
        }
      }
      expect(seen).toEqual(item.expect);
    });
  }

  it("never lets an employer's key read or change an issuer's records", async () => {
    const employer = (
      await test.call('/api/v1/employers', {
        token: ADMIN_TOKEN,
        json: { slug: 'prying-employer', name: 'Prying Employer' },
      })
    ).body;
    const { token } = (
      await test.call(`/api/v1/employers/${employer.id}/api-keys`, {
        token: ADMIN_TOKEN,
        json: { name: 'pry' },
      })
    ).body;
    // Verification is for any key: it reads the credentials it is sent, and jobs are their creator's alone.
    const employersOwn = /^\/api\/v1\/(talent|employers|roles\/match|verification)/;
    for (const item of CASES.filter((candidate) => !employersOwn.test(candidate.route))) {
      const response = await test.call(item.path(world), {
        method: item.method,
        token,
        ...(item.body === undefined ? {} : { json: item.body(world) }),
        ...(item.csv === undefined ? {} : { body: item.csv(world), headers: { 'Content-Type': 'text/csv' } }),
      });
      expect([403, 404], `${item.method} ${item.route}`).toContain(response.status);
    }
  });

  it('covers every operation the OpenAPI document says needs a token', async () => {
    const document = (await test.call('/openapi.json')).body as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const secured = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => (operation.security ?? []).length > 0)
        .map(([method, _]) => `${method.toUpperCase()} ${path}`),
    );
    const covered = CASES.map(
      (item) =>
        `${item.method} ${item.route.split('?')[0]?.replace(/\{(issuer|achievement|credential|bulkJob|pathway|employer|endorsement|endorsementRequest)Id\}/g, '{id}')}`,
    );
    expect(secured.length).toBeGreaterThan(15);
    expect(new Set(covered)).toEqual(new Set(secured));
  });

  it("shows another issuer's key none of our issuers, achievements or credentials in lists", async () => {
    const issuers = await test.call('/api/v1/issuers', { token: tokens.other ?? '' });
    expect(issuers.body.map((issuer: { slug: string }) => issuer.slug)).toEqual(['theirs']);
    const achievements = await test.call('/api/v1/achievements', { token: tokens.other ?? '' });
    expect(achievements.body).toEqual([]);
    const filtered = await test.call(`/api/v1/achievements?issuerId=${world.mine.id}`, {
      token: tokens.other ?? '',
    });
    expect(filtered.body).toEqual([]);
    const credentials = await test.call('/api/v1/credentials?recipient=matrix@example.org', {
      token: tokens.other ?? '',
    });
    expect(credentials.body).toEqual([]);
    const pathways = await test.call('/api/v1/pathways', { token: tokens.other ?? '' });
    expect(pathways.body).toEqual([]);
    const ours = await test.call('/api/v1/credentials?recipient=matrix@example.org', {
      token: tokens.viewer ?? '',
    });
    expect(ours.body.length).toBeGreaterThan(0);
  });

  it('refuses unknown, malformed and revoked tokens with 401 and a Bearer challenge', async () => {
    const missing = await test.call('/api/v1/issuers');
    expect(missing.headers.get('WWW-Authenticate')).toBe('Bearer realm="microcred"');
    expect(missing.body).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    for (const authorization of [
      'Bearer mc_0000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'Basic YTpi',
      'Bearer',
    ]) {
      const response = await test.call('/api/v1/issuers', { headers: { Authorization: authorization } });
      expect(response.status).toBe(401);
      expect(response.headers.get('WWW-Authenticate')).toBe(
        'Bearer realm="microcred", error="invalid_token"',
      );
    }
    const key = await keyFor(world.mine.id, 'owner');
    expect((await test.call('/api/v1/issuers', { token: key.token })).status).toBe(200);
    const revoked = await test.call(`/api/v1/issuers/${world.mine.id}/api-keys/${key.id}`, {
      method: 'DELETE',
      token: key.token,
    });
    expect(revoked.status).toBe(204);
    expect((await test.call('/api/v1/issuers', { token: key.token })).status).toBe(401);
  });

  it('serves public documents and verification without any token', async () => {
    expect((await test.call('/issuers/mine/did.json')).status).toBe(200);
    expect((await test.call(`/achievements/${world.achievementId}`)).status).toBe(200);
    expect((await test.call(`/pathways/${world.pathwayId}`)).status).toBe(200);
    expect((await test.call(`/api/v1/endorsements?endorserId=${world.mine.id}`)).status).toBe(200);
    expect((await test.call(`/api/v1/endorsements/${world.endorsementId}`)).status).toBe(200);
    expect((await test.call(`/endorsements/${world.endorsementId}`)).status).toBe(200);
    const credential = await test.call(`/credentials/${world.credentialId}`);
    expect(credential.status).toBe(200);
    const verified = await test.call('/credentials/verify', {
      json: { verifiableCredential: credential.body },
    });
    expect(verified.status).toBe(200);
  });
});

import type { Page, Response } from 'playwright-core';
import { OCCUPATION_ID, SQL, VISUAL } from '../../test/support/small-esco.js';
import { DEMO_ISSUER_SLUG } from '../domain/demo/seed-demo-data.js';
import { DEMO_EMPLOYER_SLUG } from '../domain/demo/seed-demo-talent.js';

/**
 * The page tour's itinerary: every page the web mounts, as the person it is for. The tour files
 * (`page-tour-*.browser.test.ts`) each visit the stops of their audiences; a new GET page goes in `STOPS`
 * (or in `NOT_PAGES`, with the reason it is not a page), else the tour fails.
 */

export const CONSOLE = `/console/${DEMO_ISSUER_SLUG}`;
export const WORKSPACE = `/employer/${DEMO_EMPLOYER_SLUG}`;
export const SQL_ID = SQL.slice(SQL.lastIndexOf('/') + 1);
export const ROLE_QUERY = `skill=${encodeURIComponent(SQL)}&skill=${encodeURIComponent(VISUAL)}&essential=${encodeURIComponent(SQL)}`;

export const WIDTHS = [
  { width: 1280, height: 800, isMobile: false },
  { width: 390, height: 844, isMobile: true },
] as const;

/** Who the page is for; each is visited by its own person (`public` by nobody signed in). */
export type Audience = 'public' | 'earner' | 'console' | 'employer' | 'admin';

/** What the tour found or made before it starts: the ids and one-time links the pages are reached by. */
export interface World {
  readonly validCredential: string;
  readonly pendingCredential: string;
  readonly revokedCredential: string;
  readonly acceptedCredential: string;
  readonly imported: string;
  readonly handle: string;
  readonly pathway: string;
  readonly achievement: string;
  /** Another issuer's, which Demo University has not endorsed. */
  readonly partnerAchievement: string;
  readonly endorsement: string;
  /** Claim links of Alex's, one to accept at each width (by width). */
  readonly claims: Readonly<Record<number, string>>;
  readonly signIn: string;
  readonly confirmEmail: string;
  readonly unsubscribe: string;
  readonly outcomeAnswer: string;
  readonly mail: string;
  readonly bulkJob: string;
  readonly consoleRequest: string;
  readonly consoleAchievement: string;
  readonly consolePathway: string;
  readonly employerRequest: string;
  readonly employerEndorsementWithdraw: string;
  readonly candidate: string;
  readonly role: string;
  readonly employeeRemove: string;
  readonly validDocument: string;
}

export interface Stop {
  readonly audience: Audience;
  /** The screenshot's name. */
  readonly name: string;
  /** The route (as mounted) this stop shows. */
  readonly route: string;
  /** Where to go; or, for a page that answers a form, how to get there (the answer to check). */
  readonly path?: (world: World) => string;
  readonly reach?: (page: Page, world: World, url: string, width: number) => Promise<Response | null>;
}

/** Submits a form with `submit`; the answer is the page it lands on (after a 303, the page it leads to). */
export async function submitted(page: Page, submit: () => Promise<void>): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (candidate) =>
        candidate.request().isNavigationRequest() &&
        candidate.request().frame() === page.mainFrame() &&
        (candidate.status() < 300 || candidate.status() >= 400),
    ),
    submit(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

async function verifyPasted(page: Page, url: string, credential: string): Promise<Response | null> {
  await page.goto(`${url}/verify`);
  await page.getByLabel('Or paste the credential (JSON or JWT)').fill(credential);
  return submitted(page, () => page.getByRole('button', { name: 'Verify', exact: true }).click());
}

function tampered(document: string): string {
  const credential = JSON.parse(document) as { name?: unknown };
  return JSON.stringify({ ...credential, name: 'Data Science Doctorate' });
}

export const STOPS: readonly Stop[] = [
  { audience: 'public', name: 'home', route: '/', path: () => '/' },
  { audience: 'public', name: 'catalogue', route: '/achievements', path: () => '/achievements' },
  { audience: 'public', name: 'issuer', route: '/issuers/:slug', path: () => `/issuers/${DEMO_ISSUER_SLUG}` },
  {
    audience: 'public',
    name: 'achievement',
    route: '/achievements/:id',
    path: (w) => `/achievements/${w.achievement}`,
  },
  {
    audience: 'public',
    name: 'credential-valid',
    route: '/credentials/:id',
    path: (w) => `/credentials/${w.validCredential}`,
  },
  {
    audience: 'public',
    name: 'credential-pending',
    route: '/credentials/:id',
    path: (w) => `/credentials/${w.pendingCredential}`,
  },
  {
    audience: 'public',
    name: 'credential-revoked',
    route: '/credentials/:id',
    path: (w) => `/credentials/${w.revokedCredential}`,
  },
  {
    audience: 'public',
    name: 'imported-credential',
    route: '/imported/:id',
    path: (w) => `/imported/${w.imported}`,
  },
  {
    audience: 'public',
    name: 'endorsement',
    route: '/endorsements/:id',
    path: (w) => `/endorsements/${w.endorsement}`,
  },
  { audience: 'public', name: 'portfolio', route: '/u/:handle', path: (w) => `/u/${w.handle}` },
  {
    audience: 'earner',
    name: 'pathways',
    route: '/u/:handle/pathways',
    path: (w) => `/u/${w.handle}/pathways`,
  },
  {
    audience: 'earner',
    name: 'pathway',
    route: '/u/:handle/pathways/:id',
    path: (w) => `/u/${w.handle}/pathways/${w.pathway}`,
  },
  { audience: 'earner', name: 'my-pathways', route: '/account/pathways', path: () => '/account/pathways' },
  {
    audience: 'earner',
    name: 'my-pathway',
    route: '/account/pathways/:id',
    path: (w) => `/account/pathways/${w.pathway}`,
  },
  { audience: 'public', name: 'skill', route: '/skills/:id', path: () => `/skills/${SQL_ID}` },
  { audience: 'public', name: 'verify', route: '/verify', path: () => '/verify' },
  {
    audience: 'public',
    name: 'verify-result',
    route: '/verify',
    reach: (page, w, url) => verifyPasted(page, url, w.validDocument),
  },
  {
    audience: 'public',
    name: 'verify-tampered',
    route: '/verify',
    reach: (page, w, url) => verifyPasted(page, url, tampered(w.validDocument)),
  },
  {
    audience: 'public',
    name: 'verification-shared',
    route: '/verifications/:id',
    reach: async (page, w, url) => {
      await verifyPasted(page, url, w.validDocument);
      return submitted(page, () => page.getByRole('button', { name: 'Get a link to this result' }).click());
    },
  },
  { audience: 'public', name: 'docs', route: '/docs', path: () => '/docs' },
  { audience: 'public', name: 'sign-in', route: '/signin', path: () => '/signin' },
  { audience: 'public', name: 'claim-declined', route: '/claim/declined', path: () => '/claim/declined' },
  { audience: 'public', name: 'account-deleted', route: '/account/deleted', path: () => '/account/deleted' },
  { audience: 'public', name: 'sign-in-link', route: '/signin/:secret', path: (w) => w.signIn },
  { audience: 'public', name: 'mailbox', route: '/dev/mailbox', path: () => '/dev/mailbox' },
  { audience: 'public', name: 'mail', route: '/dev/mailbox/:id', path: (w) => `/dev/mailbox/${w.mail}` },
  {
    audience: 'public',
    name: 'unsubscribe',
    route: '/notifications/unsubscribe/:token',
    path: (w) => w.unsubscribe,
  },
  {
    audience: 'public',
    name: 'outcome-answer',
    route: '/outcomes/answer/:token',
    path: (w) => w.outcomeAnswer,
  },

  // Before either is accepted (`accepted` below).
  {
    audience: 'earner',
    name: 'claim',
    route: '/claim/:secret',
    path: (w) => w.claims[WIDTHS[0].width] ?? '',
  },
  { audience: 'earner', name: 'account', route: '/account', path: () => '/account' },
  {
    audience: 'earner',
    name: 'accepted',
    route: '/account/credentials/:id/accepted',
    // Accepting from the claim page, as the mail's reader does (a link of its own at each width).
    reach: async (page, w, url, width) => {
      await page.goto(`${url}${w.claims[width] ?? ''}`);
      return submitted(page, () => page.getByRole('button', { name: 'Accept' }).click());
    },
  },
  { audience: 'earner', name: 'settings', route: '/account/settings', path: () => '/account/settings' },
  {
    audience: 'earner',
    name: 'confirm-email',
    route: '/account/emails/verify/:secret',
    path: (w) => w.confirmEmail,
  },
  { audience: 'earner', name: 'sharing', route: '/account/sharing', path: () => '/account/sharing' },
  { audience: 'earner', name: 'skills', route: '/account/skills', path: () => '/account/skills' },
  { audience: 'earner', name: 'roles', route: '/account/roles', path: () => '/account/roles?q=data' },
  {
    audience: 'earner',
    name: 'role',
    route: '/account/roles/:id',
    path: () => `/account/roles/${OCCUPATION_ID}`,
  },
  {
    audience: 'earner',
    name: 'own-credential',
    route: '/credentials/:id',
    path: (w) => `/credentials/${w.acceptedCredential}`,
  },

  { audience: 'console', name: 'console', route: '/console', path: () => '/console' },
  { audience: 'console', name: 'dashboard', route: '/console/:slug', path: () => CONSOLE },
  {
    audience: 'console',
    name: 'achievements',
    route: '/console/:slug/achievements',
    path: () => `${CONSOLE}/achievements`,
  },
  {
    audience: 'console',
    name: 'achievement-new',
    route: '/console/:slug/achievements/new',
    path: () => `${CONSOLE}/achievements/new`,
  },
  {
    audience: 'console',
    name: 'achievement',
    route: '/console/:slug/achievements/:id',
    path: (w) => w.consoleAchievement,
  },
  { audience: 'console', name: 'issue', route: '/console/:slug/issue', path: () => `${CONSOLE}/issue` },
  { audience: 'console', name: 'bulk', route: '/console/:slug/bulk', path: () => `${CONSOLE}/bulk` },
  {
    audience: 'console',
    name: 'bulk-job',
    route: '/console/:slug/bulk/:jobId',
    path: (w) => `${CONSOLE}/bulk/${w.bulkJob}`,
  },
  {
    audience: 'console',
    name: 'credentials',
    route: '/console/:slug/credentials',
    path: () => `${CONSOLE}/credentials`,
  },
  {
    audience: 'console',
    name: 'credential-history',
    route: '/console/:slug/credentials/:id',
    path: (w) => `${CONSOLE}/credentials/${w.revokedCredential}`,
  },
  {
    audience: 'console',
    name: 'analytics',
    route: '/console/:slug/analytics',
    path: () => `${CONSOLE}/analytics`,
  },
  {
    audience: 'console',
    name: 'pathways',
    route: '/console/:slug/pathways',
    path: () => `${CONSOLE}/pathways`,
  },
  {
    audience: 'console',
    name: 'pathway-new',
    route: '/console/:slug/pathways/new',
    path: () => `${CONSOLE}/pathways/new`,
  },
  {
    audience: 'console',
    name: 'pathway',
    route: '/console/:slug/pathways/:id',
    path: (w) => w.consolePathway,
  },
  {
    audience: 'console',
    name: 'pathway-edit',
    route: '/console/:slug/pathways/:id/edit',
    path: (w) => `${w.consolePathway}/edit`,
  },
  {
    audience: 'console',
    name: 'endorsements',
    route: '/console/:slug/endorsements',
    path: () => `${CONSOLE}/endorsements`,
  },
  {
    audience: 'console',
    name: 'endorse',
    route: '/console/:slug/endorsements/new',
    path: (w) => `${CONSOLE}/endorsements/new?achievement=${w.partnerAchievement}`,
  },
  {
    audience: 'console',
    name: 'endorsement-withdraw',
    route: '/console/:slug/endorsements/:endorsementId/withdraw',
    path: (w) => `${CONSOLE}/endorsements/${w.endorsement}/withdraw`,
  },
  {
    audience: 'console',
    name: 'endorsement-requests',
    route: '/console/:slug/endorsement-requests',
    path: () => `${CONSOLE}/endorsement-requests`,
  },
  {
    audience: 'console',
    name: 'endorsement-request',
    route: '/console/:slug/endorsement-requests/:requestId',
    path: (w) => w.consoleRequest,
  },
  {
    audience: 'console',
    name: 'organisation',
    route: '/console/:slug/organisation',
    path: () => `${CONSOLE}/organisation`,
  },
  {
    audience: 'console',
    name: 'members',
    route: '/console/:slug/organisation/members',
    path: () => `${CONSOLE}/organisation/members`,
  },
  {
    audience: 'console',
    name: 'domain',
    route: '/console/:slug/organisation/domain',
    path: () => `${CONSOLE}/organisation/domain`,
  },
  {
    audience: 'console',
    name: 'signing-keys',
    route: '/console/:slug/organisation/keys',
    path: () => `${CONSOLE}/organisation/keys`,
  },
  {
    audience: 'console',
    name: 'webhooks',
    route: '/console/:slug/organisation/webhooks',
    path: () => `${CONSOLE}/organisation/webhooks`,
  },
  {
    audience: 'console',
    name: 'api-keys',
    route: '/console/:slug/organisation/api-keys',
    path: () => `${CONSOLE}/organisation/api-keys`,
  },

  {
    audience: 'employer',
    name: 'describe-role',
    route: '/employer/:slug',
    path: () => `${WORKSPACE}?q=data`,
  },
  {
    audience: 'employer',
    name: 'occupation',
    route: '/employer/:slug/occupations/:id',
    path: () => `${WORKSPACE}/occupations/${OCCUPATION_ID}`,
  },
  {
    audience: 'employer',
    name: 'review',
    route: '/employer/:slug/review',
    path: () => `${WORKSPACE}/review?${ROLE_QUERY}`,
  },
  {
    audience: 'employer',
    name: 'talent',
    route: '/employer/:slug/talent',
    path: () => `${WORKSPACE}/talent?${ROLE_QUERY}`,
  },
  {
    audience: 'employer',
    name: 'candidate',
    route: '/employer/:slug/candidates/:earnerId',
    path: (w) => w.candidate,
  },
  { audience: 'employer', name: 'roles', route: '/employer/:slug/roles', path: () => `${WORKSPACE}/roles` },
  {
    audience: 'employer',
    name: 'role-new',
    route: '/employer/:slug/roles/new',
    path: () => `${WORKSPACE}/roles/new?${ROLE_QUERY}`,
  },
  { audience: 'employer', name: 'role', route: '/employer/:slug/roles/:roleId', path: (w) => w.role },
  {
    audience: 'employer',
    name: 'role-edit',
    route: '/employer/:slug/roles/:roleId/edit',
    path: (w) => `${w.role}/edit`,
  },
  {
    audience: 'employer',
    name: 'role-delete',
    route: '/employer/:slug/roles/:roleId/delete',
    path: (w) => `${w.role}/delete`,
  },
  {
    audience: 'employer',
    name: 'workforce',
    route: '/employer/:slug/workforce',
    path: () => `${WORKSPACE}/workforce`,
  },
  {
    audience: 'employer',
    name: 'workforce-candidates',
    route: '/employer/:slug/workforce/candidates',
    path: (w) => `${WORKSPACE}/workforce/candidates?role=${w.role.slice(w.role.lastIndexOf('/') + 1)}`,
  },
  {
    audience: 'employer',
    name: 'employees',
    route: '/employer/:slug/workforce/employees',
    path: () => `${WORKSPACE}/workforce/employees`,
  },
  {
    audience: 'employer',
    name: 'employee-remove',
    route: '/employer/:slug/workforce/employees/:employeeId/remove',
    path: (w) => w.employeeRemove,
  },
  {
    audience: 'employer',
    name: 'endorsements',
    route: '/employer/:slug/endorsements',
    path: () => `${WORKSPACE}/endorsements`,
  },
  {
    audience: 'employer',
    name: 'endorse',
    route: '/employer/:slug/endorsements/new',
    path: (w) => `${WORKSPACE}/endorsements/new?achievement=${w.achievement}`,
  },
  {
    audience: 'employer',
    name: 'endorsement-withdraw',
    route: '/employer/:slug/endorsements/:endorsementId/withdraw',
    path: (w) => w.employerEndorsementWithdraw,
  },
  {
    audience: 'employer',
    name: 'endorsement-requests',
    route: '/employer/:slug/endorsement-requests',
    path: () => `${WORKSPACE}/endorsement-requests`,
  },
  {
    audience: 'employer',
    name: 'endorsement-request',
    route: '/employer/:slug/endorsement-requests/:requestId',
    path: (w) => w.employerRequest,
  },
  {
    audience: 'employer',
    name: 'members',
    route: '/employer/:slug/members',
    path: () => `${WORKSPACE}/members`,
  },
  {
    audience: 'employer',
    name: 'api-keys',
    route: '/employer/:slug/api-keys',
    path: () => `${WORKSPACE}/api-keys`,
  },

  {
    audience: 'admin',
    name: 'issuers',
    route: '/console/admin/issuers',
    path: () => '/console/admin/issuers',
  },
  {
    audience: 'admin',
    name: 'issuer-new',
    route: '/console/admin/issuers/new',
    path: () => '/console/admin/issuers/new',
  },
  { audience: 'admin', name: 'employers', route: '/employer', path: () => '/employer' },
];

/** GET routes of the pages' table that are not pages, or not pages of their own; the tour skips them. */
export const NOT_PAGES: Readonly<Record<string, string>> = {
  '/assets/:name': 'stylesheet, script, fonts',
  '/favicon.ico': 'an icon',
  '/achievements/:id/share-card.png': 'a link-preview image',
  '/credentials/:id/share-card.png': 'a link-preview image',
  '/u/:handle/share-card.png': 'a link-preview image',
  '/u/:handle/photo/:file': 'the portfolio header’s photo (a JPEG)',
  '/account/photo/:file': 'the settings page’s preview of the earner’s photo (a JPEG)',
  '/credentials/:id/download/:file': 'files (JSON, PDF, PNG) for download',
  '/endorsements/:id/endorsement.json': 'a document',
  '/account/export.json': 'a download',
  '/account/export-clr.json': 'a download',
  '/account/skills.json': 'a download',
  '/account/skills.csv': 'a download',
  '/account/outcomes': 'a redirect to the survey on /account',
  '/console/:slug/analytics.csv': 'a download',
  '/console/:slug/credentials.csv': 'a download',
  '/console/:slug/bulk/:jobId/errors.csv': 'a download',
  '/console/:slug/organisation/domain/did-configuration.json': 'a document',
  '/employer/:slug/workforce/inventory.csv': 'a download',
};

/** Matches the paths a route (as mounted, `:name` for a parameter) answers. */
export function routePattern(route: string): RegExp {
  const escaped = route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

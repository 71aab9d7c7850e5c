import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fullPageScreenshot,
  launchChromium,
  SCREENSHOT_DIR,
  seriousAxeViolations,
} from '../../test/support/browser.js';
import { ESCO_FILES, OCCUPATION_ID, SQL, VISUAL } from '../../test/support/small-esco.js';
import { ADMIN, seedIssuer } from '../../test/support/test-platform.js';
import { startTestWebServer, type TestWebServer } from '../../test/support/web-server.js';
import {
  DEMO_ISSUER_OWNER_EMAIL,
  DEMO_ISSUER_SLUG,
  DEMO_LEARNER_EMAIL,
  DEMO_PATHWAY_NAME,
  seedDemoData,
} from '../domain/demo/seed-demo-data.js';
import {
  DEMO_EMPLOYER_EMAIL,
  DEMO_EMPLOYER_SLUG,
  DEMO_TALENT_EMAIL,
} from '../domain/demo/seed-demo-talent.js';
import { OB_SCOPES } from '../domain/ob-api/ob-api-scopes.js';
import type { PublicEnv } from '../edge/public-env.js';
import { mountWebRoutes } from './mount-web-routes.js';

/**
 * The page tour: every page of every audience, at a desktop and a phone width, as the person it is for: a
 * screenshot of each (kept on disk for review, never committed), and the checks a page must pass at any
 * width. A new GET page goes in `STOPS` below (or in `NOT_PAGES`, with the reason it is not a page), else the
 * tour fails. The tour files (`page-tour-*.browser.test.ts`) each visit some audiences' stops, so that the
 * two test workers share the tour.
 */

// A credential signed by an independent implementation (@digitalbazaar/vc), from shared/fixtures.
const REFERENCE_CREDENTIAL = readFileSync(
  new URL('../../../../../shared/fixtures/valid/02-full-results-alignments-evidence.json', import.meta.url),
  'utf8',
);
const BLANK_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const SCREENSHOTS = join(SCREENSHOT_DIR, 'tour/');
const ADMIN_EMAIL = 'admin@example.com';
const REGISTRAR_EMAIL = 'registrar.records-office@demo-university.example.edu';
const DAY_MS = 24 * 60 * 60 * 1000;

const CONSOLE = `/console/${DEMO_ISSUER_SLUG}`;
const WORKSPACE = `/employer/${DEMO_EMPLOYER_SLUG}`;
const SQL_ID = SQL.slice(SQL.lastIndexOf('/') + 1);
const ROLE_QUERY = `skill=${encodeURIComponent(SQL)}&skill=${encodeURIComponent(VISUAL)}&essential=${encodeURIComponent(SQL)}`;

const WIDTHS = [
  { width: 1280, height: 800, isMobile: false },
  { width: 390, height: 844, isMobile: true },
] as const;

/** Who the page is for; each is visited by its own person (`public` by nobody signed in). */
export type Audience = 'public' | 'earner' | 'console' | 'employer' | 'admin';

/** What the tour found or made before it starts: the ids and one-time links the pages are reached by. */
interface World {
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
  /** A wallet's request to connect to Alex's backpack (OB 3.0 API): the consent page. */
  readonly appConsent: string;
}

interface Stop {
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
async function submitted(page: Page, submit: () => Promise<void>): Promise<Response> {
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
  { audience: 'public', name: 'privacy', route: '/privacy', path: () => '/privacy' },
  {
    audience: 'public',
    name: 'privacy-fr',
    route: '/privacy',
    // In French, then the language cookie is dropped: the visitor's next stops are read in English.
    reach: async (page, _w, url) => {
      const response = await page.goto(`${url}/privacy?lang=fr`);
      await page.context().clearCookies({ name: 'mc_lang' });
      return response;
    },
  },
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
  { audience: 'earner', name: 'apps', route: '/account/apps', path: () => '/account/apps' },
  { audience: 'earner', name: 'app-consent', route: '/account/apps/authorize', path: (w) => w.appConsent },
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
  {
    audience: 'earner',
    name: 'add-to-wallet',
    route: '/account/credentials/:id/wallet',
    // The form on the earner's own credential page opens the offers this page shows.
    reach: async (page, w, url) => {
      await page.goto(`${url}/credentials/${w.acceptedCredential}`);
      return submitted(page, () => page.getByRole('button', { name: 'Add to wallet' }).click());
    },
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
  '/terms': 'a redirect to the terms in force (the privacy page when none is configured)',
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
  '/account/backpacks/callback':
    'the return from another OB 3.0 host, which must be listening: src/web/earner/backpack-pull.test.ts',
  '/console/:slug/analytics.csv': 'a download',
  '/console/:slug/credentials.csv': 'a download',
  '/console/:slug/bulk/:jobId/errors.csv': 'a download',
  '/console/:slug/organisation/domain/did-configuration.json': 'a document',
  '/employer/:slug/workforce/inventory.csv': 'a download',
};

/** Matches the paths a route (as mounted, `:name` for a parameter) answers. */
function routePattern(route: string): RegExp {
  const escaped = route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

// Run in the page (the test is compiled without the DOM's types, so as source text).
const LINKS = "[...document.querySelectorAll('a[href]')].map((link) => link.href)";

interface Overflow {
  readonly scrollWidth: number;
  /** Elements whose right edge is past the screen's (the first few), to say where to look. */
  readonly beyond: readonly string[];
  /** Boxes that cut their content or make it scroll sideways (a table in a scrolling frame). */
  readonly cut: readonly string[];
}

/**
 * Source of a function of the screen's width (a phone's browser zooms out to show a page wider than the
 * screen, so `innerWidth` grows with the page: the width asked for is the measure) and of `phone` (whether
 * to look for cut boxes, which takes a while on long pages).
 */
const OVERFLOW = `(screenWidth, phone) => {
  const describe = (element) =>
    element.tagName.toLowerCase() +
    (element.id ? '#' + element.id : '') +
    (typeof element.className === 'string' && element.className.trim() !== ''
      ? '.' + element.className.trim().split(/\\s+/).join('.')
      : '');
  const scrollWidth = document.documentElement.scrollWidth;
  const all = [...document.querySelectorAll('body *')];
  return {
    scrollWidth,
    beyond: scrollWidth <= screenWidth + 1 ? [] : all
      .filter((element) => element.getBoundingClientRect().right > screenWidth + 1)
      .slice(0, 8)
      .map(describe),
    cut: !phone ? [] : all
      .filter((element) => {
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        // Hidden for all but screen readers (clipped, or 1 px boxes) is not cut for anyone who sees it.
        if (box.width <= 1 || box.height <= 1 || style.clip !== 'auto' || style.clipPath !== 'none') return false;
        return ['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX) &&
          element.scrollWidth > element.clientWidth + 1;
      })
      .slice(0, 8)
      .map((element) => describe(element) + ' (' + element.scrollWidth + ' in ' + element.clientWidth + ' px)'),
  };
}`;

/** The GET routes the pages mount, read from the same table the app is built with. */
function pageRoutes(world: Parameters<typeof mountWebRoutes>[1]): string[] {
  const table = new Hono<PublicEnv>();
  mountWebRoutes(table, world);
  return [...new Set(table.routes.filter((route) => route.method === 'GET').map((route) => route.path))];
}

/**
 * A tab of one person at one width, kept from stop to stop (a new tab costs a renderer's start, about a
 * third of a small page's visit).
 */
interface Tab {
  readonly page: Page;
  /** The console errors of the page it shows now (emptied before each visit). */
  readonly errors: string[];
}

/** A page's visit at both widths; the API reference, 100,000 px long, takes most of a minute on 2 cores. */
const VISIT_TIMEOUT_MS = 120_000;

/**
 * Tours the stops of `audiences`, in `STOPS` order, at 1280 and 390 px. One file of the tour (`everyRoute`)
 * also checks that `STOPS` and `NOT_PAGES` together name every GET route the web mounts.
 */
export function tourPages(audiences: readonly Audience[], options: { everyRoute: boolean }): void {
  const stops = STOPS.filter((stop) => audiences.includes(stop.audience));
  describe(`a tour of the ${audiences.join(', ')} pages at 1280 and 390 px (Chromium)`, () => {
    defineTour(stops, options.everyRoute);
  });
}

function defineTour(stops: readonly Stop[], everyRoute: boolean): void {
  let server: TestWebServer;
  let browser: Browser;
  let world: World;
  // The platform's clock: real time moved on by `shift`, so that the outcome survey's first wave is due.
  let shift = 0;
  const sessions = new Map<Audience, string>();
  const contexts = new Map<string, Promise<BrowserContext>>();
  // Tabs no visit is using. A visit that fails or times out keeps its tab (it may still be busy there):
  // the next visit of that person at that width opens a new one.
  const idleTabs = new Map<string, Tab>();

  /** The path of the newest mail to `to` linking to `prefix…` on this server. */
  async function linkInMail(to: string, prefix: string): Promise<string> {
    const escaped = server.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`${escaped}(${prefix}[^\\s"<>)]+)`);
    for (const mail of await server.platform.mail.list(500)) {
      const found = mail.toAddress === to ? pattern.exec(mail.textBody)?.[1] : undefined;
      if (found !== undefined) return found;
    }
    throw new Error(`no mail to ${to} links to ${prefix}`);
  }

  async function sessionOf(email: string): Promise<string> {
    await server.platform.earners.requestSignIn({ email, locale: 'en' });
    const secret = (await linkInMail(email, '/signin/')).slice('/signin/'.length);
    return server.platform.earners.startSession(
      await server.platform.earners.signInWithLink({ secret, locale: 'en' }),
    );
  }

  function contextFor(audience: Audience, viewport: (typeof WIDTHS)[number]): Promise<BrowserContext> {
    const key = `${audience}-${viewport.width}`;
    const existing = contexts.get(key);
    if (existing !== undefined) return existing;
    const context = openContext(audience, viewport);
    contexts.set(key, context);
    return context;
  }

  async function openContext(audience: Audience, viewport: (typeof WIDTHS)[number]): Promise<BrowserContext> {
    const context = await browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
      isMobile: viewport.isMobile,
      hasTouch: viewport.isMobile,
    });
    context.setDefaultTimeout(10_000);
    // The tour runs offline: an issuer's own image host (pages may show https images) answers a blank one.
    await context.route('https://**/*', (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: BLANK_PNG }),
    );
    const session = sessions.get(audience);
    if (session !== undefined)
      await context.addCookies([{ name: 'mc_session', value: session, url: server.url }]);
    return context;
  }

  /** Runs `use` in a tab of `audience` at `viewport`'s width, its console errors emptied first. */
  async function inTab<T>(
    audience: Audience,
    viewport: (typeof WIDTHS)[number],
    use: (tab: Tab) => Promise<T>,
  ): Promise<T> {
    const key = `${audience}-${viewport.width}`;
    let tab = idleTabs.get(key);
    idleTabs.delete(key);
    if (tab === undefined) {
      const page = await (await contextFor(audience, viewport)).newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      tab = { page, errors };
    }
    tab.errors.length = 0;
    const result = await use(tab);
    idleTabs.set(key, tab);
    return result;
  }

  /** The first link on `path` (as `audience` sees it) whose path matches `pattern`. */
  async function linkOn(audience: Audience, path: string, pattern: RegExp): Promise<string> {
    const hrefs = await inTab(audience, WIDTHS[0], async ({ page }) => {
      await page.goto(`${server.url}${path}`);
      return page.evaluate<string[]>(LINKS);
    });
    const found = hrefs
      .map((href) => new URL(href))
      .filter((href) => href.origin === new URL(server.url).origin)
      .map((href) => `${href.pathname}${href.search}`)
      .find((href) => pattern.test(href));
    if (found === undefined) throw new Error(`no link matching ${pattern} on ${path}`);
    return found;
  }

  beforeAll(async () => {
    server = await startTestWebServer('pglite', {
      adminEmails: [ADMIN_EMAIL],
      now: () => new Date(Date.now() + shift),
    });
    const { platform } = server;
    // As `npm start` does on a first run: the skills framework (here a small one), then the demo data.
    await platform.skills.importEsco(null, ESCO_FILES);
    const { issuerId } = await seedDemoData(platform);
    const achievements = await platform.achievements.list(ADMIN, { issuerId });
    const [first, , third, fourth] = achievements.filter((a) => a.achievementType === 'MicroCredential');
    if (first === undefined || third === undefined || fourth === undefined)
      throw new Error('the demo has fewer achievements');

    // Alex accepts a demo credential, imports one from elsewhere, takes a public handle and agrees to the
    // outcome survey.
    const accepted = await platform.earners.acceptClaim({
      secret: (await linkInMail(DEMO_LEARNER_EMAIL, '/claim/')).slice('/claim/'.length),
      signedIn: null,
      locale: 'en',
    });
    const alex = accepted.earnerId;
    await platform.earners.updateProfile(alex, { displayName: 'Alex Demo', handle: 'alex-demo' });
    await platform.outcomes.setConsent(alex, true);

    // Three months on, the survey's first wave asks Alex by mail.
    shift = 93 * DAY_MS;
    await platform.outcomes.sweep();
    // Claim links of the day (they expire): two more credentials for Alex, to accept in the tour.
    const claims: Record<number, string> = {};
    for (const [index, achievement] of [third, fourth].entries()) {
      await platform.credentials.issue(ADMIN, {
        achievementId: achievement.id,
        recipient: { email: DEMO_LEARNER_EMAIL, name: 'Alex Demo' },
      });
      claims[WIDTHS[index]?.width ?? 0] = await linkInMail(DEMO_LEARNER_EMAIL, '/claim/');
    }

    sessions.set('earner', await platform.earners.startSession(alex));
    sessions.set('console', await sessionOf(DEMO_ISSUER_OWNER_EMAIL));
    sessions.set('employer', await sessionOf(DEMO_EMPLOYER_EMAIL));
    sessions.set('admin', await sessionOf(ADMIN_EMAIL));

    const imported = await platform.earners.importCredential(alex, {
      credential: REFERENCE_CREDENTIAL,
      sourceUrl: null,
    });
    await platform.earners.setImportVisibility(alex, imported.id, 'public');
    await platform.earners.addEmail(alex, { email: 'alex.work@example.org', locale: 'en' });

    // A wallet Alex connected through the OB 3.0 API, asking again: settings list it, the consent page asks.
    const wallet = await platform.obApi.registerClient({
      client_name: 'Example Wallet',
      client_uri: 'https://wallet.example.net/',
      logo_uri: 'https://wallet.example.net/logo.png',
      tos_uri: 'https://wallet.example.net/terms',
      policy_uri: 'https://wallet.example.net/privacy',
      software_id: 'example-wallet',
      software_version: '1.0',
      redirect_uris: ['https://wallet.example.net/callback'],
      scope: Object.values(OB_SCOPES).join(' '),
    });
    const consent = {
      response_type: 'code',
      client_id: wallet.client.clientId,
      redirect_uri: 'https://wallet.example.net/callback',
      scope: Object.values(OB_SCOPES).join(' '),
      state: 'page-tour',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    };
    await platform.obApi.answerAuthorization(alex, consent, true);

    const pending = await platform.credentials.issue(ADMIN, {
      achievementId: first.id,
      recipient: { email: 'not-yet@example.org', name: 'Noor Pending' },
    });
    const revoked = await platform.credentials.issue(ADMIN, {
      achievementId: first.id,
      recipient: { email: 'revoked.recipient.with.a.long.address@example.org', name: 'Riley Revoked' },
    });
    // By a member whose address is as long as real ones get: the history names them.
    await platform.members.add(ADMIN, issuerId, { email: REGISTRAR_EMAIL, role: 'issuer' });
    await platform.credentials.revoke(
      { kind: 'member', issuerId, role: 'issuer', label: REGISTRAR_EMAIL },
      revoked.record.id,
      { reason: 'Issued to the wrong cohort' },
    );
    const [jordans] = await platform.credentials.list(ADMIN, { recipient: DEMO_TALENT_EMAIL, issuerId });
    if (jordans === undefined) throw new Error('no demo credential for Jordan');

    const job = await platform.bulk.create(ADMIN, {
      achievementId: first.id,
      text: 'email\nbulk-one@example.org\nbulk-two@example.org\n',
    });
    await platform.bulk.processRows({ workerId: 'page-tour', jobId: job.id });

    // Demo University endorses another issuer, so its console has one to withdraw.
    const partner = await seedIssuer(platform, 'partner-college');
    const endorsement = await platform.endorsements.endorse(ADMIN, {
      endorserId: issuerId,
      issuerId: partner.issuer.id,
      comment: 'Their data courses prepare students well for ours.',
    });

    // …and Partner College asks Demo University to endorse it: a request its console answers.
    await platform.endorsementRequests.request(
      { kind: 'member', issuerId: partner.issuer.id, role: 'owner', label: 'owner@partner.example' },
      { achievementId: partner.achievement.id, issuerId, message: 'Would you endorse our course?' },
    );

    await platform.earners.requestSignIn({ email: 'visitor@example.org', locale: 'en' });
    const anyMail = (await platform.mail.list(1))[0];
    const unsubscribeMail = (await platform.mail.list(500)).find(
      (mail) => mail.headers['List-Unsubscribe'] !== undefined,
    );
    const unsubscribe = /<[^>]*?(\/notifications\/unsubscribe\/[^>]+)>/.exec(
      unsubscribeMail?.headers['List-Unsubscribe'] ?? '',
    )?.[1];
    if (anyMail === undefined || unsubscribe === undefined)
      throw new Error('the outbox lacks the mails needed');

    browser = await launchChromium();
    const role = await linkOn('employer', `${WORKSPACE}/roles`, /^\/employer\/[^/]+\/roles\/[0-9a-f-]{36}$/);
    const pathways = await server.platform.pathways.list(ADMIN, { issuerId });
    const pathway = pathways.find((item) => item.pathway.name === DEMO_PATHWAY_NAME)?.pathway;
    if (pathway === undefined) throw new Error('no demo pathway');
    world = {
      validCredential: jordans.id,
      pendingCredential: pending.record.id,
      revokedCredential: revoked.record.id,
      acceptedCredential: accepted.credentialId,
      imported: imported.id,
      handle: 'alex-demo',
      pathway: pathway.id,
      achievement: first.id,
      partnerAchievement: partner.achievement.id,
      endorsement: endorsement.id,
      claims,
      signIn: await linkInMail('visitor@example.org', '/signin/'),
      confirmEmail: await linkInMail('alex.work@example.org', '/account/emails/verify/'),
      unsubscribe,
      outcomeAnswer: await linkInMail(DEMO_LEARNER_EMAIL, '/outcomes/answer/'),
      mail: anyMail.id,
      bulkJob: job.id,
      consoleRequest: await linkOn(
        'console',
        `${CONSOLE}/endorsement-requests`,
        /^\/console\/[^/]+\/endorsement-requests\/[0-9a-f-]{36}$/,
      ),
      consoleAchievement: await linkOn(
        'console',
        `${CONSOLE}/achievements`,
        /^\/console\/[^/]+\/achievements\/[0-9a-f-]{36}$/,
      ),
      consolePathway: await linkOn(
        'console',
        `${CONSOLE}/pathways`,
        /^\/console\/[^/]+\/pathways\/[0-9a-f-]{36}$/,
      ),
      employerRequest: await linkOn(
        'employer',
        `${WORKSPACE}/endorsement-requests`,
        /^\/employer\/[^/]+\/endorsement-requests\/[0-9a-f-]{36}$/,
      ),
      employerEndorsementWithdraw: await linkOn(
        'employer',
        `${WORKSPACE}/endorsements`,
        /^\/employer\/[^/]+\/endorsements\/[0-9a-f-]{36}\/withdraw$/,
      ),
      candidate: await linkOn(
        'employer',
        `${WORKSPACE}/talent?${ROLE_QUERY}`,
        /^\/employer\/[^/]+\/candidates\//,
      ),
      role,
      employeeRemove: await linkOn(
        'employer',
        `${WORKSPACE}/workforce/employees`,
        /^\/employer\/[^/]+\/workforce\/employees\/[0-9a-f-]{36}\/remove$/,
      ),
      validDocument: JSON.stringify(jordans.document),
      appConsent: `/account/apps/authorize?${new URLSearchParams(consent)}`,
    };
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  if (everyRoute)
    it('visits every page route the web mounts (apart from files and redirects)', () => {
      const visited = STOPS.map((stop) => stop.route);
      const missing = pageRoutes({
        platform: server.platform,
        options: { secureCookies: false, devMailbox: true },
      })
        .filter((route) => NOT_PAGES[route] === undefined)
        .filter((route) => !visited.includes(route));
      expect(missing).toEqual([]);
    });

  it('goes to each page by a path its route matches', () => {
    const astray = stops.flatMap((stop) => {
      const path = stop.path?.(world).split('?')[0];
      return path === undefined || routePattern(stop.route).test(path)
        ? []
        : [`${stop.audience}/${stop.name}: ${path}`];
    });
    expect(astray).toEqual([]);
  });

  /** One page at one width: its screenshot, then every check (soft, so one run lists every defect). */
  async function visit(stop: Stop, { page, errors }: Tab, viewport: (typeof WIDTHS)[number]): Promise<void> {
    const response =
      stop.reach !== undefined
        ? await stop.reach(page, world, server.url, viewport.width)
        : await page.goto(`${server.url}${stop.path?.(world) ?? '/'}`);
    const label = `${stop.audience}/${stop.name} at ${viewport.width} px`;
    expect.soft(response?.status(), `${label}: status`).toBe(200);
    expect
      .soft(routePattern(stop.route).test(new URL(page.url()).pathname), `${label}: landed on ${page.url()}`)
      .toBe(true);
    mkdirSync(`${SCREENSHOTS}${stop.audience}`, { recursive: true });
    await fullPageScreenshot(page, `${SCREENSHOTS}${stop.audience}/${stop.name}-${viewport.width}.png`);
    const overflow = await page.evaluate<Overflow>(`(${OVERFLOW})(${viewport.width}, ${viewport.isMobile})`);
    expect
      .soft(
        overflow.scrollWidth <= viewport.width + 1 ? [] : overflow.beyond,
        `${label}: wider than the screen`,
      )
      .toEqual([]);
    // On a desktop a wide data table may scroll in its labelled frame (not looked for); on a phone
    // every table stacks.
    expect.soft(overflow.cut, `${label}: content cut or scrolling sideways`).toEqual([]);
    expect.soft(await seriousAxeViolations(page), `${label}: axe-core`).toEqual([]);
    expect.soft(errors, `${label}: console errors`).toEqual([]);
  }

  // Both widths of a page at once: the tour takes half as long, and a failure names its width.
  it.each(stops.map((stop) => ({ ...stop, label: `${stop.audience}/${stop.name}` })))(
    '$label at 1280 and 390 px',
    async (stop) => {
      await Promise.all(
        WIDTHS.map((viewport) => inTab(stop.audience, viewport, (tab) => visit(stop, tab, viewport))),
      );
    },
    VISIT_TIMEOUT_MS,
  );
}

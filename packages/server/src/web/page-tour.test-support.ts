import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fullPageScreenshot,
  launchChromium,
  SCREENSHOT_DIR,
  seriousAxeViolations,
} from '../../test/support/browser.js';
import { ESCO_FILES } from '../../test/support/small-esco.js';
import { ADMIN, seedIssuer } from '../../test/support/test-platform.js';
import { startTestWebServer, type TestWebServer } from '../../test/support/web-server.js';
import {
  DEMO_ISSUER_OWNER_EMAIL,
  DEMO_LEARNER_EMAIL,
  DEMO_PATHWAY_NAME,
  seedDemoData,
} from '../domain/demo/seed-demo-data.js';
import { DEMO_EMPLOYER_EMAIL, DEMO_TALENT_EMAIL } from '../domain/demo/seed-demo-talent.js';
import type { PublicEnv } from '../edge/public-env.js';
import { mountWebRoutes } from './mount-web-routes.js';
import {
  type Audience,
  CONSOLE,
  NOT_PAGES,
  ROLE_QUERY,
  routePattern,
  STOPS,
  type Stop,
  WIDTHS,
  WORKSPACE,
  type World,
} from './page-tour-stops.test-support.js';

/**
 * The page tour: the pages of `STOPS` (page-tour-stops.test-support.ts), at a desktop and a phone width, as
 * the person each is for: a screenshot of each (kept on disk for review, never committed), and the checks a
 * page must pass at any width. Each tour file visits some audiences, so that the two test workers share them.
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

/** A tab of one person at one width, kept for all their stops: a new tab costs a renderer's start. */
interface Tab {
  readonly page: Page;
  /** The console errors of the page it shows now (emptied before each visit). */
  readonly errors: string[];
}

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
  const tabs = new Map<string, Promise<Tab>>();

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

  function tabOf(audience: Audience, viewport: (typeof WIDTHS)[number]): Promise<Tab> {
    const key = `${audience}-${viewport.width}`;
    const existing = tabs.get(key);
    if (existing !== undefined) return existing;
    const tab = openTab(audience, viewport);
    tabs.set(key, tab);
    return tab;
  }

  async function openTab(audience: Audience, viewport: (typeof WIDTHS)[number]): Promise<Tab> {
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
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, errors };
  }

  /** The first link on `path` (as `audience` sees it) whose path matches `pattern`. */
  async function linkOn(audience: Audience, path: string, pattern: RegExp): Promise<string> {
    const { page } = await tabOf(audience, WIDTHS[0]);
    await page.goto(`${server.url}${path}`);
    const hrefs = await page.evaluate<string[]>(LINKS);
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
  async function visit(stop: Stop, viewport: (typeof WIDTHS)[number]): Promise<void> {
    const { page, errors } = await tabOf(stop.audience, viewport);
    errors.length = 0;
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
      await Promise.all(WIDTHS.map((viewport) => visit(stop, viewport)));
    },
  );
}

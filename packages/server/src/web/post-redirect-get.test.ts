import '@hono/zod-openapi';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCO_FILES, SQL } from '../../test/support/small-esco.js';
import { openTestApp, type TestApp } from '../../test/support/test-app.js';
import { ADMIN } from '../../test/support/test-platform.js';
import { WebSession } from '../../test/support/web-session.js';
import { DEMO_ISSUER_OWNER_EMAIL, DEMO_ISSUER_SLUG, seedDemoData } from '../domain/demo/seed-demo-data.js';
import { DEMO_EMPLOYER_EMAIL, DEMO_EMPLOYER_SLUG } from '../domain/demo/seed-demo-talent.js';
import { createGuardedFetcher } from '../edge/outbound/create-guarded-fetcher.js';
import { guardedWebhookSender } from '../edge/outbound/guarded-webhook-sender.js';

const EARNER = 'prg.earner@example.org';
const CONSOLE = `/console/${DEMO_ISSUER_SLUG}`;
const EMPLOYER = `/employer/${DEMO_EMPLOYER_SLUG}`;

/**
 * The POST routes of the pages that do not answer a success with a redirect, and why. Everything else a
 * page posts to must answer 303 See Other, so that reloading the page it lands on cannot send the form
 * again (Post/Redirect/Get).
 */
const NOT_REDIRECTED: Readonly<Record<string, string>> = {
  '/credentials/issue': 'the W3C VC API (JSON), not a page',
  '/credentials/verify': 'the W3C VC API (JSON), not a page',
  '/account/backpacks/connect':
    "shows the link to the other OB 3.0 host: the page's CSP lets a form's redirect lead only here",
  '/ims/ob/v3p0/register': 'the OB 3.0 API: OAuth 2.0 client registration (JSON), not a page',
  '/ims/ob/v3p0/token': 'the OB 3.0 API: the OAuth 2.0 token endpoint (JSON), not a page',
  '/ims/ob/v3p0/revoke': 'the OB 3.0 API: OAuth 2.0 token revocation, not a page',
  '/ims/ob/v3p0/credentials': 'the OB 3.0 API: upsertCredential (JSON), not a page',
  '/credentials/:id/events/:action': "the share buttons' beacon: 204, no page",
  '/openid4vci/token': 'the OpenID4VCI token endpoint (OAuth JSON for wallets), not a page',
  '/openid4vci/nonce': 'the OpenID4VCI nonce endpoint (JSON for wallets), not a page',
  '/openid4vci/credential': 'the OpenID4VCI credential endpoint (JSON for wallets), not a page',
  '/exchanges/:id': 'a VC-API exchange (JSON for wallets), not a page',
  '/verify':
    'checks what was posted (a file, a paste) and changes nothing; the result cannot live in an address',
  '/verifications/:id': 'compares a posted copy with a shared result and changes nothing',
  '/console/:slug/issue/preview': 'a preview of the posted form; nothing is issued until it is confirmed',
  '/console/:slug/bulk/upload': 'a step that carries the uploaded CSV on to its preview; nothing is issued',
  '/console/:slug/bulk/preview': 'a preview of the uploaded CSV; nothing is issued until it is started',
  '/employer/:slug/role': 'matches the posted job description to skills for review; nothing is saved',
  '/console/:slug/organisation/api-keys': 'shows the new key once: its secret is stored only as a hash',
  '/console/:slug/organisation/webhooks': "shows the new webhook's signing secret once",
  '/employer/:slug/api-keys': 'shows the new key once: its secret is stored only as a hash',
  '/console/:slug/organisation/domain/check':
    'redirects once the domain is linked; a failed check shows why and changes nothing',
};

/**
 * Routes whose valid submission needs fixtures of its own: the test file named (from packages/server)
 * checks their 303.
 */
const REDIRECT_CHECKED_ELSEWHERE: Readonly<Record<string, string>> = {
  '/account/public-profile': 'src/web/public/portfolio.test.ts',
  '/account/featured/:id': 'src/web/public/portfolio.test.ts',
  '/account/photo': 'src/web/earner/profile-photo.test.ts',
  '/account/photo/remove': 'src/web/earner/profile-photo.test.ts',
  '/account/apps/authorize': 'src/http/ob-api/ob-api-flow.test.ts (303 to the app, with its code)',
  '/account/apps/:clientId/disconnect': 'src/http/ob-api/ob-api-flow.test.ts',
  '/outcomes/answer/:token': 'src/web/earner/outcome-survey.test.ts',
  '/notifications/unsubscribe/:token': 'src/web/public/unsubscribe-routes.test.ts',
  '/verify/share': 'src/web/public/shared-verification-routes.test.ts',
  '/account/outcomes/answer': 'src/web/earner/outcome-survey.test.ts',
  '/console/admin/issuers': 'src/web/console/console-access.test.ts',
  '/console/admin/issuers/:id/vetting': 'src/web/console/issuer-trust-console.test.ts',
  '/console/:slug/achievements': 'src/web/console/achievements/achievement-routes.test.ts',
  '/console/:slug/achievements/:id': 'src/web/console/achievements/achievement-routes.test.ts',
  '/console/:slug/bulk/start': 'src/web/console/bulk/bulk-routes.test.ts',
  '/console/:slug/bulk/:jobId/cancel': 'src/web/console/bulk/bulk-routes.test.ts',
  '/console/:slug/organisation/webhooks/:id/deliveries/:deliveryId/replay':
    'src/web/console/organisation/webhooks-console.browser.test.ts (Chromium follows it)',
  '/console/:slug/pathways': 'src/web/console/pathways/pathway-routes.test.ts',
  '/console/:slug/pathways/:id': 'src/web/console/pathways/pathway-routes.test.ts',
  '/console/:slug/pathways/:id/publish': 'src/web/console/pathways/pathway-routes.test.ts',
  '/console/:slug/endorsement-requests':
    'src/web/console/endorsement-requests/endorsement-request-routes.test.ts',
  '/console/:slug/endorsement-requests/:requestId/cancel':
    'src/web/console/endorsement-requests/endorsement-request-routes.test.ts',
  '/console/:slug/endorsement-requests/:requestId':
    'src/web/console/endorsement-requests/endorsement-request-routes.test.ts',
  '/console/:slug/endorsements': 'src/web/console/endorsements/endorsement-routes.test.ts',
  '/console/:slug/endorsements/:endorsementId/withdraw':
    'src/web/console/endorsements/endorsement-routes.test.ts',
  '/employer/:slug/endorsements': 'src/web/employer/endorsement-routes.test.ts',
  '/employer/:slug/endorsements/:endorsementId/withdraw': 'src/web/employer/endorsement-routes.test.ts',
  '/employer/:slug/endorsement-requests/:requestId': 'src/web/employer/endorsement-request-routes.test.ts',
  '/employer/:slug/api-keys/:keyId/revoke': 'src/web/employer/employer-routes.test.ts',
  '/console/:slug/organisation/api-keys/:keyId/revoke':
    'src/web/console/organisation/organisation-keys.test.ts',
};

/** One valid submission of a page's form: the route as mounted, and where its success must land. */
interface Submission {
  readonly route: string;
  readonly post: () => Promise<{ path: string; fields: Record<string, string>; as: WebSession }>;
  readonly lands: RegExp;
}

describe('Post/Redirect/Get: every form a page posts answers its success with 303 See Other', () => {
  let test: TestApp;
  let earner: WebSession;
  let issuerOwner: WebSession;
  let employerOwner: WebSession;
  let earnerId: string;
  let employerId: string;
  let issuerId: string;
  const credentials: string[] = [];

  async function mailedSecret(
    to: string,
    kind: 'claim' | 'signin' | 'account/emails/verify',
  ): Promise<string> {
    const mails = (await test.platform.mail.list(500)).filter((mail) => mail.toAddress === to);
    const secrets = mails.flatMap((mail) => [
      ...mail.textBody.matchAll(new RegExp(`/${kind}/([A-Za-z0-9_-]{43})`, 'g')),
    ]);
    const secret = secrets.at(-1)?.[1];
    if (secret === undefined) throw new Error(`no ${kind} mail to ${to}`);
    return secret;
  }

  /** An achievement awarded by hand: one a pathway awards cannot be suspended from the console. */
  async function handAwarded(): Promise<string | undefined> {
    const achievements = await test.platform.achievements.list(ADMIN, { issuerId });
    return achievements.find((item) => item.name === 'Statistics for Data Analysis')?.id;
  }

  async function issueTo(email: string): Promise<string> {
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: (await handAwarded()) ?? '',
      recipient: { email },
    });
    return issued.record.id;
  }

  async function importedId(): Promise<string> {
    const item = (await test.platform.earners.portfolio(earnerId)).find((entry) => entry.kind === 'imported');
    return item?.kind === 'imported' ? item.imported.id : '';
  }

  /** The saved role form as the review page posts it: one skill of the framework. */
  const roleFields = (title: string) => ({
    title,
    'skill-0': SQL,
    'keep-0': 'yes',
    'essential-0': 'yes',
    'weight-0': '',
  });

  beforeAll(async () => {
    test = await openTestApp('pglite', {
      web: { secureCookies: false, devMailbox: true },
      // Webhooks may be added (none is delivered: no worker runs here).
      platform: {
        webhookSender: guardedWebhookSender(createGuardedFetcher({ allowPrivateAddresses: true })),
      },
    });
    // The demo aligns achievements to ESCO URIs the small framework lacks: seeded before it is imported.
    ({ issuerId } = await seedDemoData(test.platform));
    await test.platform.skills.importEsco(null, ESCO_FILES);
    credentials.push(await issueTo(EARNER), await issueTo(EARNER), await issueTo(EARNER));
    earner = new WebSession(test);
    await earner.signIn(EARNER);
    const signedIn = await test.platform.earners.ofSession(earner.cookie('mc_session') ?? '');
    if (signedIn === null) throw new Error('not signed in');
    earnerId = signedIn.id;
    issuerOwner = new WebSession(test);
    await issuerOwner.signIn(DEMO_ISSUER_OWNER_EMAIL);
    employerOwner = new WebSession(test);
    await employerOwner.signIn(DEMO_EMPLOYER_EMAIL);
    const employer = await test.platform.employers.accessOf(
      (await test.platform.earners.ofSession(employerOwner.cookie('mc_session') ?? ''))?.id ?? '',
    );
    employerId = employer.workspaces[0]?.employerId ?? '';
    await test.platform.workforce.invite(ADMIN, employerId, { employees: [{ email: EARNER, team: 'Data' }] });
  });
  afterAll(async () => {
    await test?.close();
  });

  const invitationId = async () =>
    (await test.platform.workforce.employees(ADMIN, employerId)).find((item) => item.email === EARNER)?.id ??
    '';
  const memberId = async (email: string) =>
    (await test.platform.members.list(ADMIN, issuerId)).find((member) => member.email === email)?.userId ??
    '';

  const SUBMISSIONS: readonly Submission[] = [
    // Public, and anyone with a link.
    {
      route: '/signin',
      post: async () => ({
        path: '/signin',
        fields: { email: 'someone@example.org' },
        as: new WebSession(test),
      }),
      lands: /^\/signin\?done=sent$/,
    },
    {
      route: '/signin/:secret',
      post: async () => {
        const visitor = new WebSession(test);
        await visitor.post('/signin', { email: 'returning@example.org' });
        const secret = await mailedSecret('returning@example.org', 'signin');
        return { path: `/signin/${secret}`, fields: {}, as: visitor };
      },
      lands: /^\/account$/,
    },
    {
      route: '/claim/:secret/accept',
      post: async () => {
        await issueTo('claimer@example.org');
        const secret = await mailedSecret('claimer@example.org', 'claim');
        return { path: `/claim/${secret}/accept`, fields: {}, as: new WebSession(test) };
      },
      lands: /^\/account\/credentials\/[0-9a-f-]{36}\/accepted$/,
    },
    {
      route: '/account/credentials/:id/wallet',
      post: async () => ({
        path: `/account/credentials/${credentials[0]}/wallet`,
        fields: { bindToHolder: 'yes' },
        as: earner,
      }),
      lands: /^\/account\/credentials\/[0-9a-f-]{36}\/wallet\?exchange=[0-9a-f-]{36}&offer=[0-9a-f-]{36}$/,
    },
    {
      route: '/claim/:secret/decline',
      post: async () => {
        await issueTo('decliner@example.org');
        const secret = await mailedSecret('decliner@example.org', 'claim');
        return { path: `/claim/${secret}/decline`, fields: {}, as: new WebSession(test) };
      },
      lands: /^\/claim\/declined$/,
    },
    // The earner.
    {
      route: '/account/profile',
      post: async () => ({
        path: '/account/profile',
        fields: { displayName: 'Pat Redirect', handle: 'pat-redirect', locale: 'en' },
        as: earner,
      }),
      lands: /^\/account\/settings\?done=saved$/,
    },
    {
      route: '/account/notifications',
      post: async () => ({ path: '/account/notifications', fields: { expiry: 'on' }, as: earner }),
      lands: /^\/account\/settings\?done=saved$/,
    },
    {
      route: '/account/emails',
      post: async () => ({
        path: '/account/emails',
        fields: { email: 'pat.second@example.org' },
        as: earner,
      }),
      lands: /^\/account\/settings\?done=confirmationSent$/,
    },
    {
      route: '/account/emails/verify/:secret',
      post: async () => ({
        path: `/account/emails/verify/${await mailedSecret('pat.second@example.org', 'account/emails/verify')}`,
        fields: {},
        as: earner,
      }),
      lands: /^\/account$/,
    },
    {
      route: '/account/emails/:id/remove',
      post: async () => {
        const emails = await test.platform.earners.listEmails(earnerId);
        const second = emails.find((item) => item.email === 'pat.second@example.org');
        return { path: `/account/emails/${second?.id}/remove`, fields: {}, as: earner };
      },
      lands: /^\/account\/settings\?done=removed$/,
    },
    {
      route: '/account/credentials/:id',
      post: async () => ({
        path: `/account/credentials/${credentials[0]}`,
        fields: { choice: 'accepted', visibility: 'public' },
        as: earner,
      }),
      lands: /^\/account\/credentials\/[0-9a-f-]{36}\/accepted$/,
    },
    {
      route: '/account/imports',
      post: async () => {
        // Any credential the platform can read and verify will do, but not one the earner already holds
        // here (that leads to its page instead): one given to someone else.
        const issued = await test.platform.credentials.issue(ADMIN, {
          achievementId: (await handAwarded()) ?? '',
          recipient: { email: 'prg.someone-else@example.org' },
        });
        const text = issued.record.jwt ?? JSON.stringify(issued.record.document);
        return { path: '/account/imports', fields: { text }, as: earner };
      },
      lands: /^\/imported\/[0-9a-f-]{36}$/,
    },
    {
      route: '/account/imports/:id',
      post: async () => ({
        path: `/account/imports/${await importedId()}`,
        fields: { visibility: 'public' },
        as: earner,
      }),
      lands: /^\/account$/,
    },
    {
      route: '/account/imports/:id/delete',
      post: async () => ({ path: `/account/imports/${await importedId()}/delete`, fields: {}, as: earner }),
      lands: /^\/account$/,
    },
    {
      route: '/account/outcomes/consent',
      post: async () => ({ path: '/account/outcomes/consent', fields: { consent: 'yes' }, as: earner }),
      lands: /^\/account#outcomes$/,
    },
    {
      route: '/account/pathways/:id/follow',
      post: async () => {
        const [pathway] = await test.platform.earners.followablePathways();
        return { path: `/account/pathways/${pathway?.pathway.id}/follow`, fields: {}, as: earner };
      },
      lands: /^\/account\/pathways\/[0-9a-f-]{36}$/,
    },
    {
      route: '/account/pathways/:id/unfollow',
      post: async () => {
        const [pathway] = await test.platform.earners.followablePathways();
        return { path: `/account/pathways/${pathway?.pathway.id}/unfollow`, fields: {}, as: earner };
      },
      lands: /^\/account\/pathways\/[0-9a-f-]{36}$/,
    },
    {
      route: '/account/sharing',
      post: async () => ({
        path: '/account/sharing',
        fields: { to: 'directory', credentials: 'all' },
        as: earner,
      }),
      lands: /^\/account\/sharing\?to=directory&done=saved$/,
    },
    {
      route: '/account/sharing/withdraw',
      post: async () => ({ path: '/account/sharing/withdraw', fields: { to: 'directory' }, as: earner }),
      lands: /^\/account\/sharing\?to=directory&done=withdrawn$/,
    },
    {
      route: '/account/sharing/workforce/:employeeId/connect',
      post: async () => ({
        path: `/account/sharing/workforce/${await invitationId()}/connect`,
        fields: { credentials: 'all' },
        as: earner,
      }),
      lands: /^\/account\/sharing\?invitation=[0-9a-f-]{36}&done=connected#workforce$/,
    },
    {
      route: '/account/sharing/workforce/:employeeId/decline',
      post: async () => ({
        path: `/account/sharing/workforce/${await invitationId()}/decline`,
        fields: {},
        as: earner,
      }),
      lands: /^\/account\/sharing\?invitation=[0-9a-f-]{36}&done=disconnected#workforce$/,
    },
    // Issuer staff.
    {
      route: '/console/:slug/organisation',
      post: async () => ({
        path: `${CONSOLE}/organisation`,
        fields: { name: 'Demo University' },
        as: issuerOwner,
      }),
      lands: /^\/console\/demo-university\/organisation\?done=profile$/,
    },
    {
      route: '/console/:slug/issue',
      post: async () => ({
        path: `${CONSOLE}/issue`,
        fields: {
          achievementId: (await handAwarded()) ?? '',
          recipient: 'issued.by.form@example.org',
          idempotencyKey: `console-${randomUUID()}`,
        },
        as: issuerOwner,
      }),
      lands: /^\/console\/demo-university\/credentials\/[0-9a-f-]{36}\?done=issued$/,
    },
    {
      route: '/console/:slug/organisation/branding',
      post: async () => ({
        path: `${CONSOLE}/organisation/branding`,
        fields: { brandColor: '#1f4a7d' },
        as: issuerOwner,
      }),
      lands: /^\/console\/demo-university\/organisation\?done=branding$/,
    },
    {
      route: '/console/:slug/organisation/members',
      post: async () => ({
        path: `${CONSOLE}/organisation/members`,
        fields: { email: 'vera@example.org', name: 'Vera Viewer', role: 'viewer' },
        as: issuerOwner,
      }),
      lands: /^\/console\/demo-university\/organisation\/members\?done=invited$/,
    },
    {
      route: '/console/:slug/organisation/members/:userId/role',
      post: async () => ({
        path: `${CONSOLE}/organisation/members/${await memberId('vera@example.org')}/role`,
        fields: { role: 'issuer' },
        as: issuerOwner,
      }),
      lands: /^\/console\/demo-university\/organisation\/members\?done=role$/,
    },
    {
      route: '/console/:slug/organisation/members/:userId/remove',
      post: async () => ({
        path: `${CONSOLE}/organisation/members/${await memberId('vera@example.org')}/remove`,
        fields: {},
        as: issuerOwner,
      }),
      lands: /^\/console\/demo-university\/organisation\/members\?done=removed$/,
    },
    {
      route: '/console/:slug/organisation/keys/rotate',
      post: async () => ({
        path: `${CONSOLE}/organisation/keys/rotate`,
        fields: { confirm: 'yes' },
        as: issuerOwner,
      }),
      lands: /^\/console\/demo-university\/organisation\/keys\?done=rotated$/,
    },
    {
      route: '/console/:slug/organisation/webhooks/:id/delete',
      post: async () => {
        const { endpoint } = await test.platform.webhooks.create(ADMIN, {
          issuerId,
          url: 'http://127.0.0.1:9/microcred',
          events: ['credential.issued'],
        });
        return {
          path: `${CONSOLE}/organisation/webhooks/${endpoint.id}/delete`,
          fields: {},
          as: issuerOwner,
        };
      },
      lands: /^\/console\/demo-university\/organisation\/webhooks$/,
    },
    {
      route: '/console/:slug/credentials/:id/suspend',
      post: async () => ({
        path: `${CONSOLE}/credentials/${credentials[1]}/suspend`,
        fields: { reason: 'under review' },
        as: issuerOwner,
      }),
      lands: /^\/console\/demo-university\/credentials\/[0-9a-f-]{36}\?done=suspended$/,
    },
    {
      route: '/console/:slug/credentials/:id/reinstate',
      post: async () => ({
        path: `${CONSOLE}/credentials/${credentials[1]}/reinstate`,
        fields: { reason: 'review closed' },
        as: issuerOwner,
      }),
      lands: /^\/console\/demo-university\/credentials\/[0-9a-f-]{36}\?done=reinstated$/,
    },
    {
      route: '/console/:slug/credentials/:id/revoke',
      post: async () => ({
        path: `${CONSOLE}/credentials/${credentials[2]}/revoke`,
        fields: { reason: 'issued in error', confirm: 'yes' },
        as: issuerOwner,
      }),
      lands: /^\/console\/demo-university\/credentials\/[0-9a-f-]{36}\?done=revoked$/,
    },
    {
      route: '/console/:slug/achievements/:id/status',
      post: async () => {
        const [published] = await test.platform.achievements.list(ADMIN, { issuerId, status: 'published' });
        return {
          path: `${CONSOLE}/achievements/${published?.id}/status`,
          fields: { action: 'archive' },
          as: issuerOwner,
        };
      },
      lands: /^\/console\/demo-university\/achievements\/[0-9a-f-]{36}\?done=archived$/,
    },
    // Employers' staff.
    {
      route: '/employer/:slug/members',
      post: async () => ({
        path: `${EMPLOYER}/members`,
        fields: { email: 'rita@example.org', role: 'recruiter' },
        as: employerOwner,
      }),
      lands: /^\/employer\/demo-employer\/members\?done=invited$/,
    },
    {
      route: '/employer/:slug/members/role',
      post: async () => ({
        path: `${EMPLOYER}/members/role`,
        fields: { email: 'rita@example.org', role: 'viewer' },
        as: employerOwner,
      }),
      lands: /^\/employer\/demo-employer\/members\?done=role$/,
    },
    {
      route: '/employer/:slug/members/remove',
      post: async () => ({
        path: `${EMPLOYER}/members/remove`,
        fields: { email: 'rita@example.org' },
        as: employerOwner,
      }),
      lands: /^\/employer\/demo-employer\/members\?done=removed$/,
    },
    {
      route: '/employer/:slug/workforce/employees',
      post: async () => ({
        path: `${EMPLOYER}/workforce/employees`,
        fields: { invites: 'wanda@example.org, Ops' },
        as: employerOwner,
      }),
      lands: /^\/employer\/demo-employer\/workforce\/employees\?done=invited$/,
    },
    {
      route: '/employer/:slug/workforce/employees/:employeeId/team',
      post: async () => ({
        path: `${EMPLOYER}/workforce/employees/${await invitationId()}/team`,
        fields: { team: 'Analytics' },
        as: employerOwner,
      }),
      lands: /^\/employer\/demo-employer\/workforce\/employees\?done=team$/,
    },
    {
      route: '/employer/:slug/workforce/employees/:employeeId/remove',
      post: async () => ({
        path: `${EMPLOYER}/workforce/employees/${await invitationId()}/remove`,
        fields: {},
        as: employerOwner,
      }),
      lands: /^\/employer\/demo-employer\/workforce\/employees\?done=removed$/,
    },
    {
      route: '/employer/:slug/roles',
      post: async () => ({
        path: `${EMPLOYER}/roles`,
        fields: roleFields('Reporting analyst'),
        as: employerOwner,
      }),
      lands: /^\/employer\/demo-employer\/roles\/[0-9a-f-]{36}\?done=saved$/,
    },
    {
      route: '/employer/:slug/roles/:roleId',
      post: async () => {
        const roles = await test.platform.savedRoles.list(ADMIN, employerId);
        const role = roles.find((item) => item.title === 'Reporting analyst');
        return {
          path: `${EMPLOYER}/roles/${role?.id}`,
          fields: roleFields('Senior reporting analyst'),
          as: employerOwner,
        };
      },
      lands: /^\/employer\/demo-employer\/roles\/[0-9a-f-]{36}\?done=updated$/,
    },
    {
      route: '/employer/:slug/roles/:roleId/delete',
      post: async () => {
        const [role] = await test.platform.savedRoles.list(ADMIN, employerId);
        return { path: `${EMPLOYER}/roles/${role?.id}/delete`, fields: {}, as: employerOwner };
      },
      lands: /^\/employer\/demo-employer\/roles\?done=deleted$/,
    },
    // Last: they end the sessions the rows above use.
    {
      route: '/account/delete',
      post: async () => {
        const leaving = new WebSession(test);
        await leaving.signIn('leaving@example.org');
        return { path: '/account/delete', fields: {}, as: leaving };
      },
      lands: /^\/account\/deleted$/,
    },
    {
      route: '/signout',
      post: async () => ({ path: '/signout', fields: {}, as: earner }),
      lands: /^\/$/,
    },
  ];

  it('classifies every POST route of the pages: redirected on success (checked here or beside it), or why not', () => {
    const posts = [
      ...new Set(
        test.app.routes
          .filter((route) => route.method === 'POST' && !route.path.startsWith('/api/'))
          .map((route) => route.path),
      ),
    ];
    const submitted = new Set(SUBMISSIONS.map((submission) => submission.route));
    const unclassified = posts.filter(
      (path) => !submitted.has(path) && !(path in NOT_REDIRECTED) && !(path in REDIRECT_CHECKED_ELSEWHERE),
    );
    expect(unclassified).toEqual([]);
    // A stale entry would hide a route that no longer exists, or one renamed without its check.
    for (const path of [
      ...submitted,
      ...Object.keys(NOT_REDIRECTED),
      ...Object.keys(REDIRECT_CHECKED_ELSEWHERE),
    ]) {
      expect(posts).toContain(path);
    }
    for (const named of Object.values(REDIRECT_CHECKED_ELSEWHERE)) {
      const file = named.split(' ')[0] ?? '';
      expect(existsSync(new URL(`../../${file}`, import.meta.url)), file).toBe(true);
    }
  });

  it.each(SUBMISSIONS.map((submission) => [submission.route, submission] as const))(
    'POST %s answers 303 to a page that opens',
    async (_route, submission) => {
      const { path, fields, as } = await submission.post();
      const posted = await as.post(path, fields);
      // On failure, what the page said was wrong.
      const refusal = /role="alert"[^>]*>([\s\S]*?)<\/(?:p|div)>/.exec(posted.text)?.[1];
      expect(posted.status, refusal ?? posted.text.slice(0, 200)).toBe(303);
      const location = posted.headers.get('location') ?? '';
      expect(location).toMatch(submission.lands);
      const landed = await as.get(location.replace(/#.*$/, ''));
      expect(landed.status).toBe(200);
    },
  );
});

// First: zod 4 copies prototype methods at schema creation, so the OpenAPI extension must load before any schema.
import '@hono/zod-openapi';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithShared } from '../../../../vc/test/support/describe-with-shared.js';
import { launchChromium, saveScreenshot, seriousAxeViolations } from '../../../test/support/browser.js';
import { startTestWebServer, type TestWebServer } from '../../../test/support/web-server.js';
import { DEMO_REQUEST_ACHIEVEMENT, seedDemoData } from '../../domain/demo/seed-demo-data.js';
import {
  DEMO_EMPLOYER_EMAIL,
  DEMO_EMPLOYER_SLUG,
  DEMO_ROLE_TITLE,
  DEMO_TALENT_EMAIL,
  DEMO_TALENT_NAME,
} from '../../domain/demo/seed-demo-talent.js';
import { DEFAULT_ESCO_FOLDER, readEscoFiles } from '../../resources/read-esco-files.js';

const WORKSPACE = `/employer/${DEMO_EMPLOYER_SLUG}`;
const JOB = 'We need an analyst who writes SQL queries and builds dashboards to present data visually';
const SQL_SKILL = 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742';
const VISUAL_SKILL = 'http://data.europa.eu/esco/skill/c3e36d05-8ae8-447f-bb2b-6f9409f85389';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800, isMobile: false },
  { name: 'phone', width: 390, height: 844, isMobile: true },
] as const;

describeWithShared(
  join(DEFAULT_ESCO_FOLDER, 'skills.csv'),
  "an employer's search for verified skills in a real browser (Chromium)",
  () => {
    let server: TestWebServer;
    let browser: Browser;

    beforeAll(async () => {
      server = await startTestWebServer('pglite');
      await seedDemoData(server.platform);
      await server.platform.skills.importEsco(null, await readEscoFiles(DEFAULT_ESCO_FOLDER));
      browser = await launchChromium();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    describe.each(VIEWPORTS)('at $name width ($width×$height)', (viewport) => {
      let context: BrowserContext;
      let page: Page;

      beforeAll(async () => {
        context = await browser.newContext({
          viewport: { width: viewport.width, height: viewport.height },
          isMobile: viewport.isMobile,
          hasTouch: viewport.isMobile,
        });
        // A step that fails should say so soon, not after Playwright's 30 s default.
        context.setDefaultTimeout(10_000);
        page = await context.newPage();
      });

      afterAll(async () => {
        await context?.close();
      });

      async function expectAccessible(label: string): Promise<void> {
        expect(await seriousAxeViolations(page), `axe-core on ${label} (${viewport.name})`).toEqual([]);
      }

      async function screenshot(name: string): Promise<void> {
        await saveScreenshot(page, `employer-${name}-${viewport.name}`);
      }

      async function open(path: string, shot: string): Promise<void> {
        const response = await page.goto(`${server.url}${path}`);
        expect(response?.status(), path).toBe(200);
        await expectAccessible(path);
        await screenshot(shot);
      }

      it('signs the demo employer in through /dev/mailbox onto their workspace', async () => {
        await page.goto(`${server.url}/signin`);
        await page.getByLabel('Email address').fill(DEMO_EMPLOYER_EMAIL);
        await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
        await expect(page.locator('[role="status"]').textContent()).resolves.toContain(DEMO_EMPLOYER_EMAIL);
        await page.goto(`${server.url}/dev/mailbox`);
        await page
          .locator(`tr[data-mail-to="${DEMO_EMPLOYER_EMAIL}"] a`, { hasText: 'sign-in link' })
          .first()
          .click();
        const link = await page.locator('.mail-body a').first().getAttribute('href');
        await page.goto(link ?? '');
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.waitForURL(new RegExp(`${WORKSPACE}$`));
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Describe a role');
        await expect(
          page.getByRole('link', { name: 'Employer workspace' }).getAttribute('aria-current'),
        ).resolves.toBe('page');
        await expectAccessible('workspace');
        await screenshot('describe');
      });

      it('pastes a job description, reviews the skills and finds Jordan with the credential proving SQL', async () => {
        await page.getByLabel('Job description', { exact: true }).fill(JOB);
        await Promise.all([
          page.waitForURL(new RegExp(`${WORKSPACE}/role$`)),
          page.getByRole('button', { name: 'Find the skills' }).click(),
        ]);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
          'Review the skills',
        );
        const sql = page.locator(`input[name="skill"][value="${SQL_SKILL}"]`);
        await expect(sql.count()).resolves.toBe(1);
        await sql.check();
        // The text does not name the visualisation skill as ESCO does: the employer adds it by its name.
        await page.getByLabel('Add a skill (ESCO name)').fill('visual presentation of data');
        await Promise.all([
          page.waitForURL(new RegExp(`${WORKSPACE}/review\\?`)),
          page.getByRole('button', { name: 'Find skills to add' }).click(),
        ]);
        await expect(sql.isChecked()).resolves.toBe(true);
        await page.locator(`input[name="skill"][value="${VISUAL_SKILL}"]`).check();
        await expectAccessible('review');
        await screenshot('review');

        await Promise.all([
          page.waitForURL(new RegExp(`${WORKSPACE}/talent\\?`)),
          page.getByRole('button', { name: 'Search talent' }).click(),
        ]);
        await expectAccessible('talent');
        await screenshot('talent');
        const first = page.locator('ol.candidates > li').first();
        await expect(first.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(DEMO_TALENT_NAME);
        const proof = first.locator(`li[data-skill="${SQL_SKILL}"]`);
        await expect(proof.textContent()).resolves.toContain('SQL for Analysts');
        await expect(proof.locator('a[href^="/credentials/"]').count()).resolves.toBe(1);
        // The result has an address of its own: opened again, it is the same search.
        const shared = page.url();
        await page.goto(shared);
        await expect(page.locator('ol.candidates > li').first().textContent()).resolves.toContain(
          DEMO_TALENT_NAME,
        );
      });

      it('opens the candidate and sees which micro-credentials close the gap', async () => {
        await Promise.all([
          page.waitForURL(new RegExp(`${WORKSPACE}/candidates/`)),
          page.getByRole('link', { name: DEMO_TALENT_NAME }).first().click(),
        ]);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(DEMO_TALENT_NAME);
        await expect(
          page.locator(`[data-have] li[data-skill="${SQL_SKILL}"]`).textContent(),
        ).resolves.toContain('SQL for Analysts');
        await expect(page.locator('[data-closing]').textContent()).resolves.toMatch(
          /micro-credentials? closes? \d+ more of the skills they miss/,
        );
        await expect(
          page.locator('[data-recommendations="closing"] a').first().getAttribute('href'),
        ).resolves.toMatch(/^\/achievements\//);
        await expect(page.locator(`[data-missing] li[data-skill="${VISUAL_SKILL}"]`).count()).resolves.toBe(
          1,
        );
        await expect(
          page
            .locator('[data-recommendations="closing"] a', { hasText: 'Data Visualisation and Storytelling' })
            .count(),
        ).resolves.toBe(1);
        await expectAccessible('candidate');
        await screenshot('candidate');
      });

      it('starts a role from an occupation, and manages members and API keys accessibly', async () => {
        await open(`${WORKSPACE}?q=data+analyst`, 'occupations');
        await Promise.all([
          page.waitForURL(new RegExp(`${WORKSPACE}/occupations/`)),
          page.locator('[data-occupations] a', { hasText: /^data analyst$/ }).click(),
        ]);
        await expectAccessible('occupation review');
        await expect(page.locator('input[name="essential"]:checked').count()).resolves.toBeGreaterThan(0);
        await open(`${WORKSPACE}/members`, 'members');
        await page.getByLabel('Email address').fill(`recruiter.${viewport.name}@example.com`);
        await page.getByLabel('Role', { exact: true }).selectOption('recruiter');
        await Promise.all([
          page.waitForURL(/\/members\?done=invited$/),
          page.getByRole('button', { name: 'Invite', exact: true }).click(),
        ]);
        await expect(page.getByRole('status').textContent()).resolves.toContain('The invitation was sent.');
        await expectAccessible('members after inviting');
        await open(`${WORKSPACE}/api-keys`, 'api-keys');
        await page.getByLabel('Name').fill(`ATS ${viewport.name}`);
        await page.getByRole('button', { name: 'Create the key' }).click();
        await expect(page.locator('[data-api-token]').textContent()).resolves.toMatch(/mc_/);
        await expectAccessible('API key created');
      });

      it('saves the reviewed role, and finds it among the roles', async () => {
        const sql = encodeURIComponent(SQL_SKILL);
        const role = `?skill=${sql}&skill=${encodeURIComponent(VISUAL_SKILL)}&essential=${sql}`;
        await open(`${WORKSPACE}/review${role}`, 'review-again');
        await Promise.all([
          page.waitForURL(new RegExp(`${WORKSPACE}/roles/new\\?`)),
          page.getByRole('button', { name: 'Save this role…' }).click(),
        ]);
        await expectAccessible('save the role');
        await screenshot('role-new');
        const title = `Reporting analyst (${viewport.name})`;
        await page.getByLabel('Title', { exact: true }).fill(title);
        await page.getByLabel('Weight of SQL', { exact: true }).fill('3');
        await page.getByLabel(`Candidates must prove SQL`, { exact: true }).check();
        await Promise.all([
          page.waitForURL(/\/roles\/[0-9a-f-]{36}\?done=saved$/),
          page.getByRole('button', { name: 'Save the role' }).click(),
        ]);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
        await expect(page.getByRole('status').textContent()).resolves.toContain('The role was saved.');
        await expect(
          page.locator(`tr[data-skill="${SQL_SKILL}"] td[data-required]`).textContent(),
        ).resolves.toBe('yes');
        await expectAccessible('saved role');
        await screenshot('role');
        await Promise.all([
          page.waitForURL(/\/edit$/),
          page.getByRole('link', { name: 'Edit the role' }).click(),
        ]);
        await expect(page.getByLabel('Weight of SQL', { exact: true }).inputValue()).resolves.toBe('3');
        await expectAccessible('edit the role');

        await Promise.all([
          page.waitForURL(new RegExp(`${WORKSPACE}/roles$`)),
          page.getByRole('link', { name: 'Roles', exact: true }).click(),
        ]);
        await expect(page.getByRole('link', { name: title }).count()).resolves.toBe(1);
        await expectAccessible('roles');
        await screenshot('roles');
        // Deleted again after its confirmation page, so that the other viewport starts from the demo role alone.
        await Promise.all([
          page.waitForURL(/\/roles\/[0-9a-f-]{36}$/),
          page.getByRole('link', { name: title }).click(),
        ]);
        await Promise.all([
          page.waitForURL(/\/delete$/),
          page.getByRole('link', { name: 'Delete the role' }).click(),
        ]);
        await expectAccessible('delete the role');
        await Promise.all([
          page.waitForURL(/\/roles\?done=deleted$/),
          page.getByRole('button', { name: 'Delete the role' }).click(),
        ]);
        await expect(page.getByRole('link', { name: title }).count()).resolves.toBe(0);
      });

      it('measures the workforce against the demo role: Jordan proves SQL, and the matrix scrolls on its own', async () => {
        await open(`${WORKSPACE}/roles`, 'roles-demo');
        await Promise.all([
          page.waitForURL(/\/roles\/[0-9a-f-]{36}$/),
          page.getByRole('link', { name: DEMO_ROLE_TITLE, exact: true }).click(),
        ]);
        await Promise.all([
          page.waitForURL(new RegExp(`${WORKSPACE}/workforce\\?role=`)),
          page.getByRole('link', { name: 'Measure the workforce' }).click(),
        ]);
        await expect(page.locator('#inventory-role option:checked').textContent()).resolves.toBe(
          DEMO_ROLE_TITLE,
        );
        const jordan = page.locator(`tr[data-employee="${DEMO_TALENT_EMAIL}"]`);
        await expect(jordan.locator('th').textContent()).resolves.toContain(DEMO_TALENT_NAME);
        await expect(jordan.locator(`td[data-skill="${SQL_SKILL}"]`).textContent()).resolves.toContain(
          'SQL for Analysts',
        );
        await expect(jordan.locator('td[data-coverage]').textContent()).resolves.toBe(
          '1 of 3 essential skills',
        );
        // The wide matrix scrolls inside its labelled region: the page itself never scrolls sideways.
        const matrix = page.getByRole('region', {
          name: `Skills matrix against the role “${DEMO_ROLE_TITLE}”`,
        });
        await expect(matrix.getAttribute('tabindex')).resolves.toBe('0');
        await expect(
          page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth'),
        ).resolves.toBe(true);
        await expectAccessible('inventory');
        await screenshot('inventory');
        await expect(page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).resolves.toMatch(
          /\/workforce\/inventory\.csv\?role=/,
        );

        await Promise.all([
          page.waitForURL(new RegExp(`${WORKSPACE}/workforce/candidates\\?role=`)),
          page.getByRole('link', { name: 'Internal candidates' }).click(),
        ]);
        await expect(
          page.locator('ol.candidates > li').first().getByRole('heading', { level: 2 }).textContent(),
        ).resolves.toBe(DEMO_TALENT_NAME);
        await expectAccessible('internal candidates');
        await screenshot('internal-candidates');
      });

      it('invites employees in one list, naming a wrong line', async () => {
        await open(`${WORKSPACE}/workforce/employees`, 'employees');
        await page
          .getByLabel('People to invite')
          .fill(`new.${viewport.name}@example.com, Data\nnot an address`);
        await page.getByRole('button', { name: 'Invite', exact: true }).click();
        await expect(page.locator('[data-invite-errors] li').textContent()).resolves.toContain('Line 2');
        await expectAccessible('employees with a wrong line');
        await page.getByLabel('People to invite').fill(`new.${viewport.name}@example.com, Data`);
        await Promise.all([
          page.waitForURL(/\/workforce\/employees\?done=invited$/),
          page.getByRole('button', { name: 'Invite', exact: true }).click(),
        ]);
        await expect(
          page.locator(`tr[data-employee="new.${viewport.name}@example.com"] td[data-status]`).textContent(),
        ).resolves.toBe('invited');
      });

      it('endorses a published achievement, which its public page then shows, and withdraws it', async () => {
        const name = 'Data Visualisation and Storytelling';
        await open(`${WORKSPACE}/endorsements?q=Visualisation`, 'endorsements');
        await Promise.all([
          page.waitForURL(/\/endorsements\/new\?achievement=/),
          page.getByRole('link', { name: `Review and endorse ${name}` }).click(),
        ]);
        await expectAccessible('endorsement review');
        await screenshot('endorsement-review');
        await page
          .getByLabel('Why you endorse it')
          .fill(`Our ${viewport.name} analysts tell stories with data.`);
        await Promise.all([
          page.waitForURL(/\/endorsements\?done=endorsed$/),
          page.getByRole('button', { name: 'Endorse', exact: true }).click(),
        ]);
        await expectAccessible('endorsements with one more');
        const inForce = page.locator('table[data-endorsements="in-force"]');
        await Promise.all([
          page.waitForURL(/\/endorsements\/[0-9a-f-]{36}$/),
          inForce.getByRole('link', { name: `Public page ${name}` }).click(),
        ]);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
          `Demo Employer endorses ${name}`,
        );
        await expectAccessible('endorsement page');
        await screenshot('endorsement');
        await Promise.all([
          page.waitForURL(/\/achievements\/[0-9a-f-]{36}$/),
          page.getByRole('link', { name, exact: true }).click(),
        ]);
        await expect(page.locator('[data-endorsements] li').first().textContent()).resolves.toContain(
          `Endorsed by Demo Employer — Our ${viewport.name} analysts`,
        );
        await expectAccessible('achievement page with its endorsement');

        await open(`${WORKSPACE}/endorsements`, 'endorsements-list');
        await Promise.all([
          page.waitForURL(/\/withdraw$/),
          inForce.getByRole('link', { name: `Withdraw ${name}` }).click(),
        ]);
        await expectAccessible('withdrawal confirmation');
        await screenshot('endorsement-withdraw');
        await page.getByLabel('Reason (optional, public)').fill('A journey test');
        await Promise.all([
          page.waitForURL(/\/endorsements\?done=withdrawn$/),
          page.getByRole('button', { name: 'Withdraw the endorsement' }).click(),
        ]);
        await expect(
          page.locator('table[data-endorsements="withdrawn"]').getByRole('row').count(),
        ).resolves.toBeGreaterThan(1);
        await expectAccessible('endorsements with a withdrawn one');
      });

      it("reviews the demo issuer's request and answers it: a comment first, then the endorsement", async () => {
        await open(`${WORKSPACE}/endorsement-requests`, 'endorsement-requests');
        await Promise.all([
          page.waitForURL(/\/endorsement-requests\/[0-9a-f-]{36}$/),
          page
            .locator('table[data-requests="pending"]')
            .getByRole('link', { name: `Review ${DEMO_REQUEST_ACHIEVEMENT}` })
            .click(),
        ]);
        await expectAccessible('endorsement request review');
        await screenshot('endorsement-request');
        // The two widths share one server: the first asks a question, the second endorses.
        const endorsing = viewport.name !== 'desktop';
        await page.getByLabel('Comment', { exact: true }).fill(`From the ${viewport.name} journey.`);
        await Promise.all([
          page.waitForURL(endorsing ? /done=endorsed$/ : /done=commented$/),
          page
            .getByRole('button', { name: endorsing ? 'Endorse' : 'Send the comment only', exact: true })
            .click(),
        ]);
        await expect(
          page.locator(`table[data-requests="${endorsing ? 'answered' : 'pending'}"]`).textContent(),
        ).resolves.toContain(DEMO_REQUEST_ACHIEVEMENT);
        await expectAccessible('endorsement requests after an answer');
      });
    });
  },
);

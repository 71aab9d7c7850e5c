// First: zod 4 copies prototype methods at schema creation, so the OpenAPI extension must load before any schema.
import '@hono/zod-openapi';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithShared } from '../../../../vc/test/support/describe-with-shared.js';
import { launchChromium, saveScreenshot, seriousAxeViolations } from '../../../test/support/browser.js';
import { ADMIN } from '../../../test/support/test-platform.js';
import { startTestWebServer, type TestWebServer } from '../../../test/support/web-server.js';
import { DEMO_ISSUER_OWNER_EMAIL, seedDemoData } from '../../domain/demo/seed-demo-data.js';
import { decodeImageDataUri } from '../../domain/image/image-data-uri.js';
import { DEFAULT_ESCO_FOLDER, readEscoFiles } from '../../resources/read-esco-files.js';

const CONSOLE = '/console/demo-university';
const SQL_SKILL = 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742';
const STATISTICS_SKILL = 'http://data.europa.eu/esco/skill/7ee4c2ea-b349-4bd2-81a3-ec31475d4833';
const VIEWER_EMAIL = 'viewer@example.com';
const UUID = '[0-9a-f-]{36}';

/**
 * Each audience's whole journey runs at desktop and at phone width. The ESCO picker is used both ways it
 * works: its combobox (site.js suggestions) on the desktop, its Find and Add buttons (the server) on the phone.
 */
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800, isMobile: false, escoPicker: 'combobox' },
  { name: 'phone', width: 390, height: 844, isMobile: true, escoPicker: 'buttons' },
] as const;

/**
 * 50 learners under headings the mapping step has to sort out; rows 7 and 30 (numbered from the first
 * line under the headings) are broken: an address without "@", and no address at all.
 */
function learnersCsv(prefix: string): string {
  const lines = ['E-mail,Full name,Notes'];
  for (let row = 1; row <= 50; row++) {
    const number = String(row).padStart(2, '0');
    const email =
      row === 7
        ? `${prefix}-learner07-at-example.org`
        : row === 30
          ? ''
          : `${prefix}-learner${number}@example.org`;
    lines.push(`${email},Learner ${number},cohort A`);
  }
  return `${lines.join('\n')}\n`;
}

describeWithShared(
  join(DEFAULT_ESCO_FOLDER, 'skills.csv'),
  'issuer staff in a real browser (Chromium)',
  () => {
    let server: TestWebServer;
    let browser: Browser;
    let issuerId: string;

    beforeAll(async () => {
      server = await startTestWebServer('pglite');
      ({ issuerId } = await seedDemoData(server.platform));
      await server.platform.skills.importEsco(null, await readEscoFiles(DEFAULT_ESCO_FOLDER));
      browser = await launchChromium();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    describe.each(VIEWPORTS)('at $name width ($width×$height)', (viewport) => {
      let contexts: BrowserContext[] = [];
      let owner: Page;
      const achievementName = `Data Quality Auditing (${viewport.name})`;
      const singleRecipient = `ada.${viewport.name}@example.org`;
      let achievementId = '';
      let singleCredentialId = '';

      async function newPage(): Promise<Page> {
        const context = await browser.newContext({
          viewport: { width: viewport.width, height: viewport.height },
          isMobile: viewport.isMobile,
          hasTouch: viewport.isMobile,
          acceptDownloads: true,
        });
        // A step that fails should say so soon, not after Playwright's 30 s default.
        context.setDefaultTimeout(10_000);
        contexts.push(context);
        return context.newPage();
      }

      beforeAll(async () => {
        owner = await newPage();
      });

      afterAll(async () => {
        await Promise.all(contexts.map((context) => context.close()));
        contexts = [];
      });

      async function expectAccessible(page: Page, label: string): Promise<void> {
        expect(await seriousAxeViolations(page), `axe-core on ${label} (${viewport.name})`).toEqual([]);
      }

      async function screenshot(page: Page, name: string): Promise<void> {
        await saveScreenshot(page, `console-${name}-${viewport.name}`);
      }

      async function open(page: Page, path: string, shot?: string): Promise<void> {
        const response = await page.goto(`${server.url}${path}`);
        expect(response?.status(), path).toBe(200);
        await expectAccessible(page, path);
        if (shot !== undefined) await screenshot(page, shot);
      }

      /** Follows the newest mail to `to` whose subject has `subjectPart` in /dev/mailbox to its first link. */
      async function followMail(page: Page, to: string, subjectPart: string): Promise<void> {
        await page.goto(`${server.url}/dev/mailbox`);
        await page.locator(`tr[data-mail-to="${to}"] a`, { hasText: subjectPart }).first().click();
        const link = await page.locator('.mail-body a').first().getAttribute('href');
        expect(link).toMatch(new RegExp(`^${server.url}/`));
        await page.goto(link ?? '');
      }

      /** The passwordless sign-in of the site, as a person does it: form, mailbox, link, button. */
      async function signIn(page: Page, email: string): Promise<void> {
        await page.goto(`${server.url}/signin`);
        await page.getByLabel('Email address').fill(email);
        await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
        await expect(page.locator('[role="status"]').textContent()).resolves.toContain(email);
        await followMail(page, email, 'sign-in link');
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.waitForURL(/\/console$/);
      }

      /** The confirmation a page shows after the action it was redirected from. */
      async function expectNote(page: Page, text: string): Promise<void> {
        expect(await page.getByRole('status').filter({ hasText: text }).count(), text).toBe(1);
      }

      /** Submits a console form and waits for the page its redirect lands on. */
      async function submit(page: Page, button: string, landing: RegExp): Promise<void> {
        await Promise.all([
          page.waitForURL(landing),
          page.getByRole('button', { name: button, exact: true }).click(),
        ]);
        expect(page.url()).toMatch(landing);
      }

      it('signs the demo owner in through /dev/mailbox onto the dashboard', async () => {
        await signIn(owner, DEMO_ISSUER_OWNER_EMAIL);
        await expect(owner.locator('.console-issuer').textContent()).resolves.toContain('Demo University');
        await expectAccessible(owner, 'dashboard');
        await screenshot(owner, 'dashboard');
      });

      /** Looks `query` up with the designer's ESCO picker and adds the match whose URI is `uri` as a skill row. */
      async function pickEscoSkill(query: string, uri: string): Promise<void> {
        if (viewport.escoPicker === 'combobox') {
          await owner.getByRole('combobox', { name: 'Find an ESCO skill' }).fill(query);
          const option = owner.locator(`[role="option"][data-esco-uri="${uri}"]`);
          await option.waitFor();
          await expectAccessible(owner, 'ESCO suggestions');
          await option.click();
          await expect(owner.locator('#skill-search-status').textContent()).resolves.toContain(
            'added as skill',
          );
        } else {
          await owner.getByRole('combobox', { name: 'Find an ESCO skill' }).fill(query);
          await owner.getByRole('button', { name: 'Find', exact: true }).click();
          const add = owner.locator(`[data-esco-uri="${uri}"] button`);
          await add.waitFor();
          await expectAccessible(owner, 'ESCO matches');
          await add.click();
          await owner.locator(`[data-esco-uri="${uri}"] .esco-added`).waitFor();
        }
      }

      it('designs a suspendable achievement with two ESCO skills and a designed badge, and publishes it', async () => {
        await open(owner, `${CONSOLE}/achievements`, 'achievements');
        await owner.getByRole('link', { name: 'New achievement' }).click();
        await owner.waitForURL(/\/achievements\/new$/);
        await expectAccessible(owner, 'new achievement');

        await owner.getByLabel('Name', { exact: true }).fill(achievementName);
        await owner
          .getByLabel('Description', { exact: true })
          .fill('Audits a data set for completeness, consistency and plausibility.');
        await owner
          .getByLabel('Criteria', { exact: true })
          .fill('Audit a **real data set** and present:\n\n- the checks run\n- the issues found');
        await owner.getByLabel('Hours of learning').fill('12');
        await owner.getByLabel('Credentials can be suspended').check();
        await pickEscoSkill('SQL', SQL_SKILL);
        await pickEscoSkill('statistics', STATISTICS_SKILL);
        await expect(owner.getByLabel('Skill 1', { exact: true }).inputValue()).resolves.toBe('SQL');
        await expect(
          owner.getByLabel('Framework page of skill 2', { exact: true }).inputValue(),
        ).resolves.toBe(STATISTICS_SKILL);

        await owner.getByLabel('Design a badge').check();
        await owner.getByLabel('Shape').selectOption({ label: 'Shield' });
        await owner.getByLabel('Background colour').fill('#1d4ed8');
        await owner.getByLabel('Text colour').fill('#ffffff');
        await owner.getByLabel('Initials (one to three letters or digits)').fill('DQ');
        await owner.getByRole('button', { name: 'Preview the badge' }).click();
        await owner.locator('figure.badge-preview img').waitFor();
        await expectAccessible(owner, 'badge preview');
        await screenshot(owner, 'designer');

        await owner.getByLabel('Publish it (public, and ready to issue)').check();
        await submit(owner, 'Create the achievement', new RegExp(`/achievements/(${UUID})\\?done=created$`));
        achievementId = new RegExp(`/achievements/(${UUID})`).exec(owner.url())?.[1] ?? '';
        await expectNote(owner, 'The achievement was created.');
        await expect(owner.locator('[data-status]').first().getAttribute('data-status')).resolves.toBe(
          'published',
        );
        await expectAccessible(owner, 'achievement created');
        await screenshot(owner, 'achievement');

        const achievement = await server.platform.achievements.get(ADMIN, achievementId);
        expect(achievement).toMatchObject({ name: achievementName, suspendable: true, status: 'published' });
        expect(achievement.skills.map((skill) => [skill.name, skill.url, skill.framework])).toEqual([
          ['SQL', SQL_SKILL, 'ESCO'],
          ['statistics', STATISTICS_SKILL, 'ESCO'],
        ]);
        const badge = decodeImageDataUri(achievement.image?.id ?? '');
        expect(badge?.mediaType).toBe('image/svg+xml');
        const svg = badge?.bytes.toString('utf8') ?? '';
        expect(svg).toContain('fill="#1d4ed8"');
        expect(svg).toContain('>DQ</text>');
      });

      it('issues it to one recipient after previewing the credential', async () => {
        await open(owner, `${CONSOLE}/issue`, 'issue');
        await owner.getByLabel('Achievement').selectOption({ label: achievementName });
        await owner.getByLabel('Recipient’s email address or DID').fill(singleRecipient);
        await owner.getByLabel('Recipient’s name (optional, shown on the credential)').fill('Ada Lovelace');
        await owner.getByRole('button', { name: 'Preview' }).click();
        await owner.getByRole('heading', { name: 'Check the credential before issuing it' }).waitFor();
        await expect(owner.locator('.credential-preview').textContent()).resolves.toContain(achievementName);
        await expectAccessible(owner, 'issue preview');
        await screenshot(owner, 'issue-preview');

        await submit(owner, 'Confirm and issue', new RegExp(`/credentials/${UUID}\\?done=issued$`));
        singleCredentialId = new RegExp(`/credentials/(${UUID})`).exec(owner.url())?.[1] ?? '';
        await expectNote(owner, 'The credential was issued.');
        await expect(
          owner.locator('dd[data-status-purpose]').getAttribute('data-status-purpose'),
        ).resolves.toBe('suspension');
        await expectAccessible(owner, 'credential issued');
        const record = await server.platform.credentials.get(ADMIN, singleCredentialId);
        expect(record.achievementId).toBe(achievementId);
      });

      it('issues from a CSV of 50 rows: mapping, a dry run listing both bad rows, progress, completion', async () => {
        await open(owner, `${CONSOLE}/bulk`, 'bulk');
        await owner.getByLabel('Achievement').selectOption({ label: achievementName });
        await owner.getByLabel('CSV file').setInputFiles({
          name: 'cohort.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(learnersCsv(viewport.name)),
        });
        await owner.getByRole('button', { name: 'Upload and map the columns' }).click();
        await owner.getByRole('heading', { name: 'What does each column hold?' }).waitFor();
        await expectAccessible(owner, 'bulk mapping');
        await owner.getByLabel('E-mail').selectOption('email');
        await owner.getByLabel('Full name').selectOption('name');
        await owner.getByLabel('Notes').selectOption('');

        await owner.getByRole('button', { name: 'Check the rows' }).click();
        await owner.getByRole('heading', { name: 'Check before issuing' }).waitFor();
        const stat = (name: string) => owner.locator(`[data-stat="${name}"]`).textContent();
        await expect(stat('total')).resolves.toBe('50');
        await expect(stat('to-issue')).resolves.toBe('48');
        await expect(stat('errors')).resolves.toBe('2');
        const errorRows = await owner
          .locator('tr[data-error-row]')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-error-row')));
        expect(errorRows).toEqual(['7', '30']);
        await expectAccessible(owner, 'bulk preview');
        await screenshot(owner, 'bulk-preview');
        // A dry run: nothing is queued before the person starts the job.
        const jobs = await server.platform.bulk.list(ADMIN, issuerId);
        expect(jobs.filter((job) => job.achievementId === achievementId)).toEqual([]);

        const [progress] = await Promise.all([
          owner.waitForResponse(
            (response) =>
              new RegExp(`/bulk/${UUID}$`).test(response.url()) && response.request().method() === 'GET',
          ),
          owner.getByRole('button', { name: 'Start issuing' }).click(),
        ]);
        // Until the job is finished the page asks the browser to load it again: progress without JavaScript.
        expect(progress.headers().refresh).toBe('2');
        await owner.locator('[data-state="queued"]').waitFor();
        await expectAccessible(owner, 'bulk progress');
        await screenshot(owner, 'bulk-progress');

        // The test server runs no background worker: the test is the worker, as in bulk-routes.test.ts.
        while ((await server.platform.bulk.processRows({ workerId: `journey-${viewport.name}` })) > 0) {
          // Each step issues one batch; the loop ends when no row is left.
        }
        await owner.locator('[data-state="completed"]').waitFor({ timeout: 30_000 });
        await expect(stat('done')).resolves.toBe('48');
        await expect(stat('failed')).resolves.toBe('2');
        await expectAccessible(owner, 'bulk completed');
        await screenshot(owner, 'bulk-completed');

        const [download] = await Promise.all([
          owner.waitForEvent('download'),
          owner.getByRole('link', { name: 'Download the report of rows not issued (CSV)' }).click(),
        ]);
        const report = readFileSync(await download.path(), 'utf8')
          .trim()
          .split(/\r?\n/);
        expect(report.slice(1).map((line) => /^"?(\d+)/.exec(line)?.[1])).toEqual(['7', '30']);
      });

      /** The console detail page of the first credential the list shows for `recipient`. */
      async function openCredentialOf(recipient: string): Promise<void> {
        await open(owner, `${CONSOLE}/credentials`);
        await owner.getByLabel('Recipient (email, DID or part of a name)').fill(recipient);
        await owner.getByLabel('Achievement').selectOption({ label: achievementName });
        await owner.getByRole('button', { name: 'Search' }).click();
        await owner.waitForURL(/\/credentials\?/);
        await expect(owner.locator('[data-total]').getAttribute('data-total')).resolves.toBe('1');
        await expectAccessible(owner, 'credentials search');
        await owner.locator('tr[data-credential] th a').click();
        await owner.waitForURL(new RegExp(`/credentials/${UUID}$`));
        await expectAccessible(owner, 'credential detail');
      }

      const state = () => owner.locator('dd[data-state]').getAttribute('data-state');

      it('lists the 49 credentials, revokes one after the confirm box, suspends and reinstates another', async () => {
        await open(owner, `${CONSOLE}/credentials?achievement=${achievementId}`, 'credentials');
        await expect(owner.locator('[data-total]').getAttribute('data-total')).resolves.toBe('49');

        await openCredentialOf(`${viewport.name}-learner12@example.org`);
        const revoke = owner.getByRole('region', { name: 'Revoke' });
        await revoke.getByLabel('Reason (kept in its history)').fill('Issued to the wrong cohort');
        await revoke.getByLabel('I understand that revoking cannot be undone').check();
        const asked: string[] = [];
        owner.once('dialog', (dialog) => {
          asked.push(dialog.message());
          void dialog.accept();
        });
        await Promise.all([
          owner.waitForURL(/\?done=revoked$/),
          revoke.getByRole('button', { name: 'Revoke' }).click(),
        ]);
        expect(asked).toEqual(['Revoke this credential for good?']);
        await expect(state()).resolves.toBe('revoked');
        await expect(owner.locator('tr[data-event="revoked"] td').last().textContent()).resolves.toBe(
          'Issued to the wrong cohort',
        );
        await expectAccessible(owner, 'credential revoked');
        await screenshot(owner, 'credential-revoked');

        await open(owner, `${CONSOLE}/credentials/${singleCredentialId}`);
        const suspend = owner.getByRole('region', { name: 'Suspend' });
        await suspend.getByLabel('Reason (kept in its history)').fill('Assessment under appeal');
        await Promise.all([
          owner.waitForURL(/\?done=suspended$/),
          suspend.getByRole('button', { name: 'Suspend' }).click(),
        ]);
        await expect(state()).resolves.toBe('suspended');
        await expectAccessible(owner, 'credential suspended');
        await screenshot(owner, 'credential-suspended');
        expect((await server.platform.credentials.get(ADMIN, singleCredentialId)).suspendedAt).not.toBeNull();

        const reinstate = owner.getByRole('region', { name: 'Reinstate' });
        await reinstate.getByLabel('Reason (optional, kept in its history)').fill('Appeal upheld');
        await Promise.all([
          owner.waitForURL(/\?done=reinstated$/),
          reinstate.getByRole('button', { name: 'Reinstate' }).click(),
        ]);
        await expect(state()).resolves.toBe('pending');
        const events = await owner
          .locator('tr[data-event]')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-event')));
        expect(events).toEqual(expect.arrayContaining(['issued', 'suspended', 'reinstated']));
        await expectAccessible(owner, 'credential reinstated');
        expect((await server.platform.credentials.get(ADMIN, singleCredentialId)).suspendedAt).toBeNull();
      });

      it('builds a pathway in the tree editor with buttons and choices alone, previews it and saves it', async () => {
        await open(owner, `${CONSOLE}/pathways`, 'pathways');
        await Promise.all([
          owner.waitForURL(/\/pathways\/new$/),
          owner.getByRole('link', { name: 'New pathway' }).click(),
        ]);
        await expectAccessible(owner, 'new pathway');
        await owner.getByLabel('Name', { exact: true }).fill(`Data Quality Track (${viewport.name})`);
        await owner.locator('#pathway-completion').selectOption({ label: achievementName });
        for (const step of ['Add an achievement', 'Add an achievement']) {
          await Promise.all([
            owner.waitForLoadState('load'),
            owner.getByRole('button', { name: `${step} (The whole pathway)` }).click(),
          ]);
        }
        await expectNote(owner, 'Tree updated (not saved yet).');
        await owner.locator('#node-0-0-choice').selectOption({ label: 'SQL for Analysts' });
        await owner.locator('#node-0-1-choice').selectOption({ label: 'Data Cleaning Fundamentals' });
        await owner.locator('#node-0-rule').selectOption('n-of');
        await owner.locator('#node-0-amount').fill('1');
        await owner.locator('#node-0-1 label', { hasText: 'Step 1' }).check();
        await Promise.all([
          owner.waitForLoadState('load'),
          owner.getByRole('button', { name: 'Preview', exact: true }).last().click(),
        ]);
        await expect(owner.locator('.pathway-diagram svg').count()).resolves.toBe(1);
        await expect(owner.locator('#pathway-tree-heading + .pathway-tree').textContent()).resolves.toContain(
          'At least 1 of the following 2:',
        );
        await expectAccessible(owner, 'pathway preview');
        await screenshot(owner, 'pathway-editor');
        await submit(owner, 'Save as draft', new RegExp(`/pathways/(${UUID})\\?done=created$`));
        await expectNote(owner, 'Pathway saved as a draft.');
        await expect(owner.locator('.pathway-tree').textContent()).resolves.toContain(
          'Step 1 before step 2.',
        );
        await expectAccessible(owner, 'pathway saved');
      });

      it('renders the dashboard and the organisation settings accessibly', async () => {
        await open(owner, CONSOLE);
        await open(owner, `${CONSOLE}/organisation`, 'organisation');
        await open(owner, `${CONSOLE}/organisation/api-keys`);
        await open(owner, `${CONSOLE}/organisation/keys`);
        await open(owner, `${CONSOLE}/endorsement-requests`, 'endorsement-requests');
      });

      it('invites a viewer, who signs in from the invitation and cannot issue', async () => {
        await open(owner, `${CONSOLE}/organisation/members`, 'members');
        await owner.getByLabel('Email', { exact: true }).fill(VIEWER_EMAIL);
        await owner.getByLabel('Role', { exact: true }).selectOption('viewer');
        await submit(owner, 'Send the invitation', /\/organisation\/members\?done=invited$/);
        await expect(
          owner.locator(`tr[data-member="${VIEWER_EMAIL}"] [data-role]`).getAttribute('data-role'),
        ).resolves.toBe('viewer');
        await expectAccessible(owner, 'member invited');

        const viewer = await newPage();
        // The invitation links to the console, which asks a signed-out person to sign in first.
        await followMail(viewer, VIEWER_EMAIL, 'Demo University');
        await viewer.waitForURL(/\/signin\?next=/);
        await expectAccessible(viewer, 'sign-in from the invitation');
        await signIn(viewer, VIEWER_EMAIL);
        await expect(viewer.locator('.console-issuer').textContent()).resolves.toContain('Your role: viewer');
        await expectAccessible(viewer, 'viewer dashboard');

        await open(viewer, `${CONSOLE}/issue`, 'viewer-issue');
        await expect(viewer.locator('.notice').textContent()).resolves.toContain('not issue them');
        await expect(viewer.getByLabel('Recipient’s email address or DID').count()).resolves.toBe(0);
        await open(viewer, `${CONSOLE}/bulk`);
        await expect(viewer.getByLabel('CSV file').count()).resolves.toBe(0);
        await open(viewer, `${CONSOLE}/credentials/${singleCredentialId}`);
        await expect(viewer.getByRole('button', { name: 'Revoke' }).count()).resolves.toBe(0);

        // A form forged with the viewer's own session and CSRF token is refused all the same.
        const csrf = (await viewer.context().cookies()).find((cookie) => cookie.name === 'mc_csrf')?.value;
        const forged = await viewer.request.post(`${server.url}${CONSOLE}/issue`, {
          form: {
            _csrf: csrf ?? '',
            achievementId,
            recipient: 'forged@example.org',
            idempotencyKey: `console-${randomUUID()}`,
          },
          maxRedirects: 0,
        });
        expect(forged.status()).toBeGreaterThanOrEqual(400);
        expect(await forged.text()).not.toContain('Confirm and issue');
        expect(await server.platform.credentials.list(ADMIN, { recipient: 'forged@example.org' })).toEqual(
          [],
        );
      });
    });
  },
);

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { ADMIN } from '../../../../test/support/test-platform.js';
import { WebSession } from '../../../../test/support/web-session.js';
import { DEMO_ISSUER_OWNER_EMAIL, seedDemoData } from '../../../domain/demo/seed-demo-data.js';
import { CONSOLE_CSV_LIMIT_BYTES } from '../../shared/page-limits.js';

const BULK = '/console/demo-university/bulk';
const HYPERLINK = '=HYPERLINK("https://evil.example/","open me")';

/**
 * 50 learners under headings the parser does not all know (so the mapping step matters): line 7 has a
 * broken address and line 30 no address at all.
 */
function learnersCsv(): string {
  const lines = ['E-mail,Full name,Notes'];
  for (let row = 1; row <= 50; row++) {
    const email =
      row === 7
        ? 'learner07-at-example.org'
        : row === 30
          ? ''
          : `learner${String(row).padStart(2, '0')}@example.org`;
    lines.push(`${email},Learner ${row},cohort A`);
  }
  return `${lines.join('\n')}\n`;
}

function csvFile(text: string, name = 'learners.csv', type = 'text/csv'): File {
  return new File([text], name, { type });
}

/** The file and achievement the mapping page carries to the next step. */
function carried(page: string): Record<string, string> {
  const field = (name: string) => page.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1] ?? '';
  return { achievementId: field('achievementId'), fileName: field('fileName'), csv: field('csv') };
}

/** The field the mapping page has chosen for column `index`, or null when none is. */
function selectedField(page: string, index: number): string | null {
  const select = page.match(new RegExp(`<select id="column-${index}"[\\s\\S]*?</select>`))?.[0];
  if (select === undefined) throw new Error(`no select for column ${index}`);
  return select.match(/<option value="(\w*)" selected=""/)?.[1] ?? null;
}

describe('bulk issuance from a CSV file in the console', () => {
  let test: TestApp;
  let achievementId: string;
  let issuerId: string;
  let owner: WebSession;

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    ({ issuerId } = await seedDemoData(test.platform));
    const [published] = await test.platform.achievements.list(ADMIN, { issuerId, status: 'published' });
    if (published === undefined) throw new Error('the demo data has no published achievement');
    achievementId = published.id;
    await test.platform.members.add(ADMIN, issuerId, { email: 'ivan@example.org', role: 'issuer' });
    await test.platform.members.add(ADMIN, issuerId, { email: 'vera@example.org', role: 'viewer' });
    const other = await test.platform.issuers.create(ADMIN, { slug: 'other-college', name: 'Other College' });
    await test.platform.members.add(ADMIN, other.id, { email: 'olga@example.org', role: 'owner' });
    owner = new WebSession(test);
    await owner.signIn(DEMO_ISSUER_OWNER_EMAIL);
  });
  afterAll(async () => {
    await test?.close();
  });

  async function runJobs() {
    while ((await test.platform.bulk.processRows({ workerId: 'console-test' })) > 0) {
      // Each step issues one batch; the loop ends when no row is left.
    }
  }

  /** Upload, map (email, name, leave out the notes) and preview: the preview page. */
  async function preview(browser: WebSession, text: string, columns = ['email', 'name', '']) {
    const mapping = await browser.postMultipart(`${BULK}/upload`, { achievementId, file: csvFile(text) });
    expect(mapping.status).toBe(200);
    const fields = carried(mapping.text);
    const mapped = Object.fromEntries(columns.map((column, index) => [`column${index}`, column]));
    const page = await browser.postMultipart(`${BULK}/preview`, { ...fields, ...mapped });
    return { mapping, page, fields: { ...fields, ...mapped } };
  }

  async function credentialsOfAchievement() {
    const dashboard = await test.platform.credentials.dashboard(ADMIN, issuerId);
    return dashboard.credentials.total;
  }

  it('previews 50 rows with both bad lines, issues the 48 others and reports the 2 in a CSV', async () => {
    const { mapping, page, fields } = await preview(owner, learnersCsv());
    // Headings the parser knows are chosen already; the others wait for the person.
    expect(selectedField(mapping.text, 0)).toBe('email');
    expect(selectedField(mapping.text, 1)).toBeNull();
    expect(selectedField(mapping.text, 2)).toBeNull();
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-stat="total">50<');
    expect(page.text).toContain('data-stat="errors">2<');
    expect(page.text).toContain('data-stat="to-issue">48<');
    expect(page.text).toContain('data-error-row="7"');
    expect(page.text).toContain('data-error-row="30"');
    expect(page.text.match(/data-row="/g)).toHaveLength(10);
    expect(page.text).toContain('learner01@example.org');
    // The dry run issued nothing.
    const before = await credentialsOfAchievement();
    expect((await test.platform.bulk.list(ADMIN, issuerId)).length).toBe(0);

    const started = await owner.postMultipart(`${BULK}/start`, fields);
    expect(started.status).toBe(303);
    const jobPath = started.headers.get('location') ?? '';
    expect(jobPath).toMatch(/^\/console\/demo-university\/bulk\/[0-9a-f-]{36}$/);
    const queued = await owner.get(jobPath);
    expect(queued.status).toBe(200);
    expect(queued.headers.get('refresh')).toBe('2');
    expect(queued.text).toContain('<progress');
    expect(queued.text).not.toContain('errors.csv');

    await runJobs();
    const finished = await owner.get(jobPath);
    expect(finished.headers.get('refresh')).toBeNull();
    expect(finished.text).toContain('data-state="completed"');
    expect(finished.text).toContain('data-stat="done">48<');
    expect(finished.text).toContain('data-stat="failed">2<');
    expect(await credentialsOfAchievement()).toBe(before + 48);

    const report = await owner.get(`${jobPath}/errors.csv`);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/csv');
    const lines = report.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('"row","reason","error"');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['"7"', '"30"']);

    const list = await owner.get(BULK);
    expect(list.text).toContain(`href="${jobPath}"`);
  });

  it('warns of 48 duplicates on a second upload and issues none of them without the checkbox', async () => {
    const ivan = new WebSession(test);
    await ivan.signIn('ivan@example.org');
    const { page, fields } = await preview(ivan, learnersCsv());
    expect(page.text).toContain('data-stat="already-held">48<');
    expect(page.text).toContain('data-stat="to-issue">0<');
    expect(page.text).toContain('name="allowDuplicates"');
    const before = await credentialsOfAchievement();
    const started = await ivan.postMultipart(`${BULK}/start`, fields);
    expect(started.status).toBe(303);
    await runJobs();
    const job = await ivan.get(started.headers.get('location') ?? '');
    expect(job.text).toContain('data-stat="duplicates">48<');
    expect(job.text).toContain('data-stat="done">0<');
    expect(await credentialsOfAchievement()).toBe(before);
  });

  it('issues a =HYPERLINK name as text and neutralises formulas in the error report', async () => {
    const text = [
      `"${HYPERLINK.replaceAll('"', '""')}",Name`,
      'not-an-address,Bad Row',
      `formula@example.org,"${HYPERLINK.replaceAll('"', '""')}"`,
    ].join('\n');
    const { page, fields } = await preview(owner, text, ['email', 'name']);
    expect(page.status).toBe(200);
    const started = await owner.postMultipart(`${BULK}/start`, fields);
    const jobPath = started.headers.get('location') ?? '';
    await runJobs();
    const jobId = jobPath.split('/').pop() ?? '';
    const [issued] = await test.storage.bulkJobs.listRows({ jobId, state: 'done' });
    const credential = await test.platform.credentials.get(ADMIN, issued?.credentialId ?? '');
    expect(credential.recipientName).toBe(HYPERLINK);
    // The email column's heading is the formula, and row errors name the column by its heading.
    const report = await owner.get(`${jobPath}/errors.csv`);
    const [, line] = report.text.trim().split('\r\n');
    expect(line).toMatch(/^"1","failed","'=HYPERLINK/);
  });

  it('refuses a mapping that leaves out the recipient column', async () => {
    const { page } = await preview(owner, learnersCsv(), ['', 'name', '']);
    expect(page.status).toBe(400);
    expect(page.text).toContain('Choose which column holds the recipients');
    expect(page.text).toContain('id="column-0"');
  });

  it('refuses what is not a CSV file, an empty one and one over the limit, with a page that says so', async () => {
    const upload = (file: File) => owner.postMultipart(`${BULK}/upload`, { achievementId, file });
    const image = await upload(
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0])], 'badge.png', { type: 'image/png' }),
    );
    expect(image.status).toBe(400);
    expect(image.text).toContain('This is not a CSV file');
    const empty = await upload(csvFile(''));
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('The file is empty');
    const large = await upload(csvFile(`email\n${'x'.repeat(CONSOLE_CSV_LIMIT_BYTES)}`));
    expect(large.status).toBe(413);
    expect(large.text).toContain('The file is too large: at most 20 MB');
    // Far over the limit: refused as it streams in, with an error page, not a crash.
    const huge = await upload(csvFile(`email\n${'x'.repeat(50 * 1024 * 1024)}`));
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toContain('text/html');
    expect((await test.platform.bulk.list(ADMIN, issuerId)).length).toBe(3);
  });

  it('lets a viewer follow the jobs but not upload, preview or start', async () => {
    const vera = new WebSession(test);
    await vera.signIn('vera@example.org');
    const home = await vera.get(BULK);
    expect(home.status).toBe(200);
    expect(home.text).not.toContain('name="file"');
    const [job] = await test.platform.bulk.list(ADMIN, issuerId);
    expect((await vera.get(`${BULK}/${job?.id}`)).status).toBe(200);
    expect((await vera.get(`${BULK}/${job?.id}/errors.csv`)).status).toBe(200);
    const { fields } = await preview(owner, learnersCsv());
    for (const step of ['upload', 'preview', 'start']) {
      const refused = await vera.postMultipart(`${BULK}/${step}`, {
        ...fields,
        file: csvFile(learnersCsv()),
      });
      expect(refused.status).toBe(403);
    }
    expect((await test.platform.bulk.list(ADMIN, issuerId)).length).toBe(3);
  });

  it("shows another issuer's member nothing of this issuer's bulk jobs", async () => {
    const olga = new WebSession(test);
    await olga.signIn('olga@example.org');
    const [job] = await test.platform.bulk.list(ADMIN, issuerId);
    expect((await olga.get(BULK)).status).toBe(404);
    expect((await olga.get(`${BULK}/${job?.id}`)).status).toBe(404);
    expect((await olga.get(`/console/other-college/bulk/${job?.id}`)).status).toBe(404);
    expect((await olga.get(`/console/other-college/bulk/${job?.id}/errors.csv`)).status).toBe(404);
    expect(
      (await olga.postMultipart(`${BULK}/upload`, { achievementId, file: csvFile(learnersCsv()) })).status,
    ).toBe(404);
    // Her own console has no job of Demo University's, and not its achievements to choose from.
    const own = await olga.get('/console/other-college/bulk');
    expect(own.status).toBe(200);
    expect(own.text).not.toContain(achievementId);
    expect(
      (
        await olga.postMultipart('/console/other-college/bulk/upload', {
          achievementId,
          file: csvFile(learnersCsv()),
        })
      ).status,
    ).toBe(404);
  });

  it('sends someone signed out to sign in, and refuses a step posted without its form token', async () => {
    const stranger = new WebSession(test);
    const home = await stranger.get(BULK);
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe(`/signin?next=${encodeURIComponent(BULK)}`);
    const { fields } = await preview(owner, learnersCsv());
    const forged = await owner.post(`${BULK}/start`, fields, { csrf: false });
    expect(forged.status).toBe(403);
    expect((await test.platform.bulk.list(ADMIN, issuerId)).length).toBe(3);
    expect((await owner.get(`${BULK}/not-a-job`)).status).toBe(404);
  });

  it('lets an issuer cancel a queued job after ticking the box, and refuses everyone else', async () => {
    const queued = await test.platform.bulk.create(ADMIN, {
      achievementId,
      format: 'csv',
      allowDuplicates: false,
      text: 'email\nlate-learner@example.org\n',
      columns: ['email'],
    });
    const jobPath = `${BULK}/${queued.id}`;
    const cancel = `${jobPath}/cancel`;

    const vera = new WebSession(test);
    await vera.signIn('vera@example.org');
    expect((await vera.get(jobPath)).text).not.toContain(cancel);
    expect((await vera.post(cancel, { confirm: 'yes' })).status).toBe(403);

    const olga = new WebSession(test);
    await olga.signIn('olga@example.org');
    expect((await olga.post(cancel, { confirm: 'yes' })).status).toBe(404);
    expect(
      (await olga.post(`/console/other-college/bulk/${queued.id}/cancel`, { confirm: 'yes' })).status,
    ).toBe(404);

    const ivan = new WebSession(test);
    await ivan.signIn('ivan@example.org');
    expect((await ivan.post(cancel, { confirm: 'yes' }, { csrf: false })).status).toBe(403);
    const unconfirmed = await ivan.post(cancel, {});
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.text).toContain('Tick the box to confirm that this job should be cancelled.');
    expect(unconfirmed.headers.get('Refresh')).toBeNull();
    expect((await test.platform.bulk.get(ADMIN, queued.id)).state).toBe('queued');

    const page = await ivan.get(jobPath);
    expect(page.text).toContain(`action="${cancel}"`);
    const cancelled = await ivan.post(cancel, { confirm: 'yes' });
    expect(cancelled.status).toBe(303);
    expect(cancelled.headers.get('location')).toBe(jobPath);
    expect((await test.platform.bulk.get(ADMIN, queued.id)).state).toBe('cancelled');
    const after = await ivan.get(jobPath);
    expect(after.text).toContain('data-state="cancelled"');
    expect(after.text).not.toContain(`action="${cancel}"`);
  });
});

import '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../../test/support/test-platform.js';
import { credentials } from '../../db/schema/credentials.js';

const HTML = { Accept: 'text/html' };

describe('a credential page when the credential is not in force, or not what was signed', () => {
  let test: TestApp;
  let achievementId = '';

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: false } });
    achievementId = (await seedIssuer(test.platform)).achievement.id;
  });
  afterAll(async () => {
    await test?.close();
  });

  const issue = async () =>
    (
      await test.platform.credentials.issue(ADMIN, {
        achievementId,
        recipient: { email: 'ada@example.org', name: 'Ada Lovelace' },
      })
    ).record;

  it('shows a revoked credential’s date and reason, offers no sharing, and marks its downloads and PDF', async () => {
    const record = await issue();
    const live = await test.call(`/credentials/${record.id}`, { headers: HTML });
    expect(live.text).toContain('id="share-heading"');

    await test.platform.credentials.revoke(ADMIN, record.id, { reason: 'issued in error' });
    const page = await test.call(`/credentials/${record.id}`, { headers: HTML });
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-state="revoked"');
    expect(page.text).toMatch(/Revoked by its issuer on \w+ \d{1,2}, \d{4}\. Reason given: issued in error/);
    expect(page.text).not.toContain('id="share-heading"');
    expect(page.text).not.toContain('linkedin.com');
    expect(page.text).not.toContain('id="embed-snippet"');
    expect(page.text).toContain('Certificate (PDF) (REVOKED)');

    const pdf = await test.app.request(`/credentials/${record.id}/download/certificate.pdf`);
    expect(pdf.status).toBe(200);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), {
      mergePages: true,
    });
    expect(text).toContain('REVOKED');
    expect(text).toContain('issued in error');
  });

  it('headlines an altered credential “Not verified”, shows none of its claims, and assesses nothing after the failure', async () => {
    const record = await issue();
    await test.platform.credentials.revoke(ADMIN, record.id, { reason: 'superseded' });
    const document = structuredClone(record.document) as { name?: unknown };
    document.name = 'Forged Doctorate';
    await test.database.db.update(credentials).set({ document }).where(eq(credentials.id, record.id));

    const page = await test.call(`/credentials/${record.id}`, { headers: HTML });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Not verified</h1>');
    expect(page.text).not.toContain('Forged Doctorate');
    expect(page.text).not.toContain('Ada Lovelace');
    expect(page.text).toContain('data-verdict="unverified"');
    expect(page.text).not.toContain('data-verdict="revoked"');
    // The status entry of a document that fails its signature proves nothing either way.
    expect(page.text).toMatch(/data-check="status" data-outcome="skipped"/);
    expect(page.text).not.toMatch(/data-check="status" data-outcome="(ok|failed)"/);
  });

  it('opens with one line a recruiter reads first, the checks one click away while they all pass', async () => {
    const record = await issue();
    const live = (await test.call(`/credentials/${record.id}`, { headers: HTML })).text;
    expect(live).toMatch(
      /data-verdict-line="verified"><span[^>]*>Verified<\/span> Awarded to Ada Lovelace by [^<]+ on \w+ \d{1,2}, \d{4}\./,
    );
    expect(live).toMatch(
      /<details class="checks-details"><summary>The \d+ checks, in detail<\/summary><ul class="checks">/,
    );
    // The line comes before the checks, and the skills sit by the title rather than under the checks.
    expect(live.indexOf('data-verdict-line')).toBeLessThan(live.indexOf('id="verification-heading"'));

    await test.platform.credentials.revoke(ADMIN, record.id, { reason: 'issued in error' });
    const revoked = (await test.call(`/credentials/${record.id}`, { headers: HTML })).text;
    expect(revoked).toContain('data-verdict-line="revoked"');
    // A failure shows its checks open: they say why.
    expect(revoked).not.toContain('checks-details');
    expect(revoked).toMatch(/data-check="status" data-outcome="failed"/);
  });
});

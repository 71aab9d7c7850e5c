import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN } from '../../../test/support/test-platform.js';
import { WebSession } from '../../../test/support/web-session.js';
import { seedDemoData } from '../../domain/demo/seed-demo-data.js';

const PAGE = '/issuers/demo-university';
const SCRIPT = '<script>alert("vouched")</script>';

describe('the public issuer page', () => {
  let test: TestApp;
  let demoId: string;
  let otherId: string;
  let anonymous: WebSession;

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: false } });
    ({ issuerId: demoId } = await seedDemoData(test.platform));
    otherId = (await test.platform.issuers.create(ADMIN, { slug: 'other-college', name: 'Other College' }))
      .id;
    anonymous = new WebSession(test);
  }, 60_000);
  afterAll(async () => {
    await test?.close();
  });

  it('lists no endorsement while nobody endorses the issuer itself (its achievements’ stay on their pages)', async () => {
    // The demo's employer endorses one of its achievements, not the issuer as a whole.
    expect((await test.platform.endorsements.list({ achievementIssuerId: demoId })).length).toBeGreaterThan(
      0,
    );
    const page = await anonymous.get(PAGE);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('data-endorsements');
  });

  it('says who endorses the issuer, with the comment as text, linked to the endorsement', async () => {
    const endorsement = await test.platform.endorsements.endorse(ADMIN, {
      endorserId: otherId,
      issuerId: demoId,
      comment: `Rigorous assessments. ${SCRIPT}`,
    });
    const page = await anonymous.get(PAGE);
    expect(page.text).toMatch(
      new RegExp(
        `data-endorsements[\\s\\S]*?data-endorsement="${endorsement.id}"><a href="/endorsements/${endorsement.id}">Endorsed by Other College</a>`,
      ),
    );
    expect(page.text).toContain('Rigorous assessments. &lt;script&gt;');
    expect(page.text).not.toContain('<script>alert');
    const french = await anonymous.get(`${PAGE}?lang=fr`);
    expect(french.text).toContain('Recommandé par Other College');
  });

  it('no longer lists a withdrawn endorsement', async () => {
    const [endorsement] = await test.platform.endorsements.list({ issuerId: demoId });
    await test.platform.endorsements.withdraw(ADMIN, endorsement?.id ?? '', { reason: 'Merged.' });
    const page = await anonymous.get(PAGE);
    expect(page.text).not.toContain(`data-endorsement="${endorsement?.id}"`);
    expect(page.text).not.toContain('data-endorsements');
  });
});

import '@hono/zod-openapi';
import { ACHIEVEMENT_TYPES } from '@microcred/vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../../test/support/test-platform.js';
import { translator } from '../../i18n/translate.js';
import { achievementTypeWords } from './achievement-words.js';

describe('achievement words on public pages', () => {
  let test: TestApp;
  let achievementId = '';

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: false } });
    const { issuer } = await seedIssuer(test.platform);
    const achievement = await test.platform.achievements.create(ADMIN, {
      issuerId: issuer.id,
      name: 'Spreadsheet Modelling',
      description: 'Builds models that others can audit.',
      criteria: { narrative: 'Pass the modelling assessment.' },
      achievementType: 'MicroCredential',
      deliveryMode: 'online',
    });
    achievementId = achievement.id;
  });
  afterAll(async () => {
    await test?.close();
  });

  it.each([
    ['en', 'Micro-credential', 'Online', 'Held by 0 people'],
    ['fr', 'Micro-certification', 'En ligne', 'Détenue par 0 personne'],
  ])(
    'shows the type and delivery mode in words, never their codes (%s)',
    async (lang, type, delivery, held) => {
      const page = await test.call(`/achievements/${achievementId}?lang=${lang}`, {
        headers: { Accept: 'text/html' },
      });
      expect(page.status).toBe(200);
      expect(page.text).toContain(`<dd>${type}</dd>`);
      expect(page.text).toContain(`<dd>${delivery}</dd>`);
      expect(page.text).not.toContain('>MicroCredential<');
      expect(page.text).not.toContain('>online<');
      expect(page.text).toContain(held);
    },
  );

  it('has words for every OB 3.0 type in both languages, and shows an issuer’s own type without its prefix', () => {
    for (const locale of ['en', 'fr']) {
      const t = translator(locale);
      for (const type of ACHIEVEMENT_TYPES) {
        expect(achievementTypeWords(t, type), `${locale} ${type}`).not.toMatch(/^achievementType\./);
      }
      expect(achievementTypeWords(t, 'ext:Hackathon')).toBe('Hackathon');
    }
  });
});

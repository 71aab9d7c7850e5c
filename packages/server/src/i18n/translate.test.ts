import { describe, expect, it } from 'vitest';
import { en } from './messages/en.js';
import { fr } from './messages/fr.js';
import { negotiateLocale, translator } from './translate.js';

// Simple `{name}` and ICU arguments `{count, plural, …}`, each name once.
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((match) => match[1]))].sort();

describe('message catalogues', () => {
  it('translate every English key into French with the same placeholders', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      const french = fr[key as keyof typeof en];
      expect(french.trim(), key).not.toBe('');
      expect(placeholders(french), key).toEqual(placeholders(text));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('en');
    expect(t('claim.title', { name: 'SQL' })).toBe('Claim “SQL”');
    expect(t('claim.title')).toBe('Claim “{name}”');
    expect(translator('fr')('standing.revoked')).toBe('Révoquée');
  });

  it('says “1 person” but “2 people”, and French “0 personne”, through each language’s plural rules', () => {
    const english = translator('en');
    const french = translator('fr');
    expect(english('achievement.earners', { count: 1 })).toBe('Held by 1 person');
    expect(english('achievement.earners', { count: 2 })).toBe('Held by 2 people');
    expect(english('achievement.earners', { count: 1200 })).toBe('Held by 1,200 people');
    expect(french('achievement.earners', { count: 1 })).toBe('Détenue par 1 personne');
    expect(french('achievement.earners', { count: 0 })).toBe('Détenue par 0 personne');
    expect(french('achievement.earners', { count: 2 })).toBe('Détenue par 2 personnes');
    expect(english('skills.provenBy', { count: 1 })).toBe('Proven by 1 credential');
  });

  it('formats every plural message of every catalogue, and no message says “(s)”', () => {
    for (const catalogue of [en, fr]) {
      const t = translator(catalogue === en ? 'en' : 'fr');
      for (const [key, text] of Object.entries(catalogue)) {
        expect(text, key).not.toMatch(/\(s\)|\(e\)s?\b/);
        if (!/\{\s*\w+\s*,\s*plural\s*,/.test(text)) continue;
        const params = Object.fromEntries(placeholders(text).map((name) => [name, 1]));
        const one = t(key as keyof typeof en, params);
        expect(one, key).not.toMatch(/[{}#]/);
      }
    }
  });

  it('falls back to English for an unknown locale', () => {
    expect(translator('xx').locale).toBe('en');
  });

  it('picks the best supported language of an Accept-Language header', () => {
    expect(negotiateLocale('de-DE,de;q=0.9,fr;q=0.8,en;q=0.5')).toBe('fr');
    expect(negotiateLocale('fr-CA')).toBe('fr');
    expect(negotiateLocale('de, fr;q=0')).toBe('en');
    expect(negotiateLocale(undefined)).toBe('en');
  });

  it('writes dates in the reader’s language, in UTC', () => {
    const date = new Date('2026-01-31T23:30:00Z');
    expect(translator('en').date(date)).toBe('January 31, 2026');
    expect(translator('fr').date(date)).toBe('31 janvier 2026');
  });
});

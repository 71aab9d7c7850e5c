import { describe, expect, it } from 'vitest';
import { en } from './messages/en.js';
import { fr } from './messages/fr.js';
import { negotiateLocale, translator } from './translate.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

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

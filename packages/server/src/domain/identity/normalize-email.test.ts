import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './normalize-email.js';

describe('normalizeEmail', () => {
  it('gives two spellings of one inbox the same form', () => {
    expect(normalizeEmail('  Ada.Lovelace@Example.ORG ')).toBe(normalizeEmail('ada.lovelace@example.org'));
  });

  it('keeps the address otherwise as written', () => {
    expect(normalizeEmail('first+tag@example.org')).toBe('first+tag@example.org');
  });
});
